// PLACEHOLDER — being written; the shape below is the contract the CLI codes against.
import type { Hono } from 'hono';
import type { MockConfig } from './config.js';
import type { Logger } from './logger.js';

export interface MockInstance {
  readonly config: MockConfig;
  readonly app: Hono;
  /** Stops timers; waits up to `graceMs` for in-flight webhook deliveries, then logs what is left. */
  close(graceMs?: number): Promise<void>;
}

export interface MockDeps {
  logger: Logger;
}

export declare function createMock(config: MockConfig, deps: Partial<MockDeps>): MockInstance;
