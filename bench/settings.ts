import { readFileSync } from 'node:fs';
/** What the bench sends, for how long, and which servers it starts. Durations overridable by env. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = path.resolve(BENCH_DIR, '..');

export const SEND_PATH = '/v1/send';

export const REQUEST_HEADERS: Record<string, string> = {
  authorization: 'AccessKey bench',
  'content-type': 'application/json',
};

/** The seed's button message, as the fixtures hold it. */
export const REQUEST_BODY = JSON.stringify(JSON.parse(readFileSync(path.join(ROOT_DIR, 'fixtures/valid/send-request/seed-button.json'), 'utf8')));

/** How to start one server; `--port 0` and `extraArgs` are appended by the bench. */
export interface ServerSpec {
  label: string;
  command: string;
  args: string[];
}

export interface BenchSettings {
  durationS: number;
  warmupS: number;
  connections: number;
  coldStartRuns: number;
  /** Load rounds for the mock and bare-hono each, interleaved. */
  rounds: number;
  mock: ServerSpec;
  bareHono: ServerSpec;
  bareNode: ServerSpec;
}

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return value;
}

/** BENCH_MOCK_CMD="node bench/bare-hono.mjs" points the mock side elsewhere (must exec node directly, for its RSS). */
function mockSpec(): ServerSpec {
  const override = process.env['BENCH_MOCK_CMD']?.trim();
  if (!override) {
    return { label: 'mock', command: process.execPath, args: [path.join(ROOT_DIR, 'dist/conversations-mock.js')] };
  }
  const [command = 'node', ...args] = override.split(/\s+/);
  return { label: 'mock', command: command === 'node' ? process.execPath : command, args };
}

export function readSettings(): BenchSettings {
  return {
    durationS: envNumber('BENCH_DURATION', 10, 1),
    warmupS: envNumber('BENCH_WARMUP', 3, 0),
    connections: envNumber('BENCH_CONNECTIONS', 50, 1),
    coldStartRuns: envNumber('BENCH_COLD_RUNS', 5, 1),
    rounds: envNumber('BENCH_ROUNDS', 2, 1),
    mock: mockSpec(),
    bareHono: { label: 'bare-hono', command: process.execPath, args: [path.join(BENCH_DIR, 'bare-hono.mjs')] },
    bareNode: { label: 'bare-node', command: process.execPath, args: [path.join(BENCH_DIR, 'bare-node.mjs')] },
  };
}
