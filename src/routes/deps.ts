import type { Context } from 'hono';
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
  // Kept on the context too: reading response headers back is costly behind @hono/node-server.
  c.set(WARNINGS_KEY as never, text as never);
}

export const WARNINGS_KEY = 'mockWarnings';
