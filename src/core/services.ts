import type { Clock } from '../clock.js';
import type { MockConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { SchemaRegistry } from '../validation/schema-registry.js';
import type { EventBus } from './events.js';
import type { Messaging } from './messaging.js';

/** What every feature of one mock instance (webhooks, the simulated user) is built on. */
export interface CoreServices {
  config: MockConfig;
  registry: SchemaRegistry;
  store: Store;
  messaging: Messaging;
  events: EventBus;
  clock: Clock;
  logger: Logger;
}
