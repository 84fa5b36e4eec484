import type { Hono } from 'hono';
import type { Clock } from '../clock.js';
import type { MockConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { scriptRoutes } from '../routes/script.js';
import type { Simulator } from '../simulation/simulator.js';
import type { Script } from '../types/generated.js';
import type { SchemaRegistry } from '../validation/schema-registry.js';
import { loadScriptFile } from './load-script.js';
import { createScriptPolicy, type ScriptPolicy } from './script-policy.js';
import { scheduleStarts } from './script-starts.js';

export interface ScriptRunnerDeps {
  config: MockConfig;
  registry: SchemaRegistry;
  clock: Clock;
  simulator: Simulator;
  logger: Logger;
}

/**
 * The active conversation script: its rules sit in front of the auto-reply, its `start` messages
 * are sent on load. `--script` loads one at creation (a bad file throws, stopping start-up);
 * PUT /__mock/script replaces it.
 */
export function createScriptRunner({ config, registry, clock, simulator, logger }: ScriptRunnerDeps) {
  let script: Script | null = null;
  let policy: ScriptPolicy | undefined;
  let cancelStarts = () => {};

  function use(next: Script | null): void {
    cancelStarts();
    script = next;
    policy = next ? createScriptPolicy(next, { delayMs: config.replyDelayMs }) : undefined;
    simulator.setPolicy(policy?.policy);
    cancelStarts = scheduleStarts(next?.start ?? [], {
      clock,
      sendInbound: (message) => simulator.inbound(message),
      onError: (error, entry) => logger.error(`script start message from ${entry.from} failed`, { error }),
    });
    if (next) logger.info('script loaded', { rules: next.rules?.length ?? 0, starts: next.start?.length ?? 0 });
  }

  if (config.script) use(loadScriptFile(config.script, registry));

  const routes: Hono = scriptRoutes({
    registry,
    current: () => script,
    state: () => policy?.state() ?? [],
    onScript: use,
  });

  return {
    routes,
    use,
    /** After a reset: rule counters start over and the start messages are sent again. */
    restart: () => use(script),
    close: () => cancelStarts(),
  };
}

export type ScriptRunner = ReturnType<typeof createScriptRunner>;
