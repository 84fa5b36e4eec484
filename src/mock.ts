import type { Hono } from 'hono';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { resolveConfig, type MockConfig } from './config.js';
import { createNameSource } from './core/contact-names.js';
import type { CoreServices } from './core/services.js';
import { EventBus } from './core/events.js';
import { createMessaging, type Messaging } from './core/messaging.js';
import { createIds, type IdSource } from './ids.js';
import { createRandom } from './random.js';
import { createScriptRunner, type ScriptRunner } from './scripts/script-runner.js';
import { createSimulator, type Simulator } from './simulation/simulator.js';
import { createWebhooks, type Webhooks } from './webhooks/webhooks.js';
import { silentLogger, type Logger } from './logger.js';
import { Store } from './store/store.js';
import { sharedSchemaRegistry, type SchemaRegistry } from './validation/schema-registry.js';

/** Side effects a mock runs on; tests swap any of them. */
export interface MockDeps {
  logger: Logger;
  clock: Clock;
  ids: IdSource;
  registry: SchemaRegistry;
  fetch: typeof fetch;
}

export interface MockInstance {
  readonly config: MockConfig;
  readonly app: Hono;
  readonly store: Store;
  readonly messaging: Messaging;
  readonly events: EventBus;
  readonly webhooks: Webhooks;
  readonly simulator: Simulator;
  readonly scripts: ScriptRunner;
  /** Forgets every message, conversation, contact and delivery; the script starts over. */
  reset(): void;
  /** Stops timers; waits up to `graceMs` for in-flight webhook deliveries, then logs what is left. */
  close(graceMs?: number): Promise<void>;
}

/** Wires one isolated mock: its own store, ids, timers and app. Listening is the caller's business. */
export function createMock(partial: Partial<MockConfig> = {}, deps: Partial<MockDeps> = {}): MockInstance {
  const config = resolveConfig(partial);
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? systemClock;
  const registry = deps.registry ?? sharedSchemaRegistry();
  const store = new Store(config.maxMessages);
  const events = new EventBus();
  const ids = deps.ids ?? createIds(config.seed);
  const messaging = createMessaging({
    store,
    ids,
    clock,
    names: createNameSource(config.seed),
    events,
    channelNumber: config.channelNumber,
  });
  const core: CoreServices = { config, registry, store, messaging, events, clock, logger };
  const webhooks = createWebhooks({ ...core, ids, fetch: deps.fetch ?? fetch });
  const simulator = createSimulator({ ...core, random: createRandom(config.seed) });
  const scripts = createScriptRunner({ config, registry, clock, simulator, logger });
  const reset = () => {
    simulator.reset();
    webhooks.reset();
    store.clear();
    scripts.restart();
  };
  const app = createApp({
    messaging,
    store,
    registry,
    logger,
    strict: config.strict,
    accessKeys: config.accessKeys,
    onReset: reset,
    mounts: [
      { path: '/v1', app: webhooks.routes },
      { path: '/__mock', app: webhooks.controlRoutes },
      { path: '/__mock', app: simulator.routes },
      { path: '/__mock', app: scripts.routes },
    ],
  });
  return {
    config,
    app,
    store,
    messaging,
    events,
    webhooks,
    simulator,
    scripts,
    reset,
    close: async (graceMs = 2000) => {
      scripts.close();
      simulator.close();
      await webhooks.close(graceMs);
    },
  };
}
