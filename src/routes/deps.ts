import type { Context } from 'hono';
import { addLogNote } from '../http/log-notes.js';
import type { Logger } from '../logger.js';
import type { Messaging } from '../core/messaging.js';
import type { Store } from '../store/store.js';
import type { SchemaRegistry } from '../validation/schema-registry.js';

/** What every route file receives from createApp. */
export interface RouteDeps {
  messaging: Messaging;
  store: Store;
  registry: SchemaRegistry;
  logger: Logger;
  strict: boolean;
}

/** Tolerated problems travel back to the caller in a header as well as in the log. */
export function reportWarnings(c: Context, warnings: string[]): void {
  if (warnings.length === 0) return;
  const text = warnings.join('; ').replace(/[\r\n]+/g, ' ');
  c.header('Mock-Warning', text);
  addLogNote(c, { warning: text });
}
