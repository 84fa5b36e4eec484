/**
 * `npm run bench`: the mock against bare baselines, one server at a time (2 cores: a second
 * server would steal the core autocannon or the measured server needs).
 * Env: BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_COLD_RUNS, BENCH_MOCK_CMD.
 */
import os from 'node:os';
import path from 'node:path';
import { killChildrenOnExit } from './children.js';
import { measureColdStarts } from './cold-start.js';
import type { LoadOutcome } from './measure.js';
import { checksTable, coldTable, cpuTable, failureLines, loadTable, problemBanners, type Row } from './report.js';
import { preflight } from './preflight.js';
import { measureInterleaved, type ScheduledTarget } from './rounds.js';
import { readSettings, ROOT_DIR } from './settings.js';
import { computeChecks } from './verdicts.js';

const QUIET_FLAGS = ['--no-auto-reply', '--status-updates', 'none'];
/** A script in front of the auto-reply: its rules are consulted for every message sent. */
const SCRIPT_FLAGS = ['--script', path.join(ROOT_DIR, 'fixtures/scripts/rules-example.yaml')];

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<number> {
  killChildrenOnExit();
  const settings = readSettings();
  const { mock, bareHono, bareNode } = settings;
  const loadOptions = { connections: settings.connections, warmupS: settings.warmupS, durationS: settings.durationS };
  if (process.env['BENCH_MOCK_CMD']) progress(`mock side overridden: ${mock.command} ${mock.args.join(' ')}`);

  progress('preflight: start each server once and expect a 202');
  const failures = await preflight([
    { spec: mock, extraArgs: [] },
    { spec: mock, extraArgs: QUIET_FLAGS },
    { spec: mock, extraArgs: SCRIPT_FLAGS },
    { spec: bareHono, extraArgs: [] },
    { spec: bareNode, extraArgs: [] },
  ]);
  if (failures.length > 0) {
    for (const failure of failures) process.stdout.write(`!!! CANNOT MEASURE: ${failure.message}\n`);
    process.stderr.write('bench: nothing measured; exit 1\n');
    return 1;
  }

  progress(`cold starts: ${settings.coldStartRuns} spawns each of mock, bare-node, bare-hono`);
  const cold = await measureColdStarts([mock, bareNode, bareHono], settings.coldStartRuns);

  const headline: ScheduledTarget = { label: 'mock (defaults)', spec: mock, extraArgs: [], rounds: settings.rounds };
  const baseline: ScheduledTarget = { label: 'bare-hono', spec: bareHono, extraArgs: [], rounds: settings.rounds };
  const quiet: ScheduledTarget = { label: `mock (${QUIET_FLAGS.join(' ')})`, spec: mock, extraArgs: QUIET_FLAGS, rounds: 1 };
  const scripted: ScheduledTarget = { label: 'mock (--script rules-example.yaml)', spec: mock, extraArgs: SCRIPT_FLAGS, rounds: 1 };
  const targets = [headline, baseline, quiet, scripted];
  const outcomes = await measureInterleaved(targets, loadOptions, progress);
  const loads: Row<LoadOutcome>[] = targets.map((target, i) => ({ label: target.label, outcome: outcomes[i]! }));

  const coldRows = [mock, bareNode, bareHono].map((spec) => ({ label: spec.label, outcome: cold.get(spec)! }));
  const [mockLoad, bareHonoLoad] = outcomes as [LoadOutcome, LoadOutcome, ...LoadOutcome[]];
  const checks = computeChecks({ mockLoad, bareHonoLoad, mockCold: cold.get(mock)!, bareNodeCold: cold.get(bareNode)! });

  const out = [
    '',
    `conversations-mock bench — node ${process.version}, ${os.cpus().length} CPUs, ${settings.connections} connections, ` +
      `${settings.warmupS} s warm-up + ${settings.durationS} s measured, POST /v1/send (button message)`,
    '',
    `load (mock and bare-hono: mean of ${settings.rounds} interleaved rounds; peak RSS = VmHWM of the server)`,
    loadTable(loads),
    '',
    'CPU while measuring (cores, mean of rounds; 2 in total)',
    cpuTable(loads),
    '',
    `cold start (spawn → first 202 from POST /v1/send, median of ${settings.coldStartRuns})`,
    coldTable(coldRows),
    '',
    checksTable(checks),
    '',
    ...problemBanners(loads),
    ...failureLines([...loads, ...coldRows.map((row) => ({ ...row, label: `cold start ${row.label}` }))]),
  ];
  process.stdout.write(out.join('\n') + '\n');

  const nothingMeasured = loads.some((row) => !(row.outcome instanceof Error) && row.outcome.ok2xx === 0);
  const unmeasured = [...loads, ...coldRows].some((row) => row.outcome instanceof Error);
  if (unmeasured || nothingMeasured) {
    process.stderr.write('bench: some numbers could not be measured (see above); exit 1\n');
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
