/** The targets the mock is held to, relative to the bare baselines. */
import type { ColdStartOutcome } from './cold-start.js';
import { problemCount, requestsPerCpuSecond, type LoadOutcome } from './measure.js';

export type Verdict = 'PASS' | 'FAIL' | 'INVALID' | 'N/A' | 'info';

export interface Check {
  name: string;
  ratio: number | undefined;
  target: string;
  verdict: Verdict;
  /** Why INVALID or N/A. */
  note?: string;
}

interface Inputs {
  mockLoad: LoadOutcome;
  bareHonoLoad: LoadOutcome;
  mockCold: ColdStartOutcome;
  bareNodeCold: ColdStartOutcome;
}

function check(
  name: string,
  target: string,
  passes: ((ratio: number) => boolean) | undefined,
  numerator: number | Error,
  denominator: number | Error,
  invalid?: string,
): Check {
  if (numerator instanceof Error || denominator instanceof Error) {
    return { name, ratio: undefined, target, verdict: 'N/A', note: 'not measured' };
  }
  const ratio = numerator / denominator;
  if (invalid) return { name, ratio, target, verdict: 'INVALID', note: invalid };
  if (!passes) return { name, ratio, target, verdict: 'info' };
  return { name, ratio, target, verdict: passes(ratio) ? 'PASS' : 'FAIL' };
}

function pick<T extends object>(outcome: T | Error, field: (value: T) => number): number | Error {
  return outcome instanceof Error ? outcome : field(outcome);
}

export function computeChecks({ mockLoad, bareHonoLoad, mockCold, bareNodeCold }: Inputs): Check[] {
  const dirty = [mockLoad, bareHonoLoad].some((load) => !(load instanceof Error) && problemCount(load) > 0);
  const invalid = dirty ? 'a load run had non-2xx responses or errors' : undefined;
  return [
    check(
      'throughput mock/bare-hono',
      '>= 0.78',
      (ratio) => ratio >= 0.78,
      pick(mockLoad, (l) => l.reqPerSec),
      pick(bareHonoLoad, (l) => l.reqPerSec),
      invalid,
    ),
    check(
      'p99 latency mock/bare-hono',
      '<= 2.0',
      (ratio) => ratio <= 2.0,
      pick(mockLoad, (l) => l.p99Ms),
      pick(bareHonoLoad, (l) => l.p99Ms),
      invalid,
    ),
    check(
      'req per server CPU-s mock/bare-hono',
      'none',
      undefined,
      pick(mockLoad, requestsPerCpuSecond),
      pick(bareHonoLoad, requestsPerCpuSecond),
      invalid,
    ),
    check(
      'cold start mock/bare-node',
      '<= 2.5',
      (ratio) => ratio <= 2.5,
      pick(mockCold, (c) => c.medianMs),
      pick(bareNodeCold, (c) => c.medianMs),
    ),
  ];
}
