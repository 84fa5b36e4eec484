/**
 * Runs load rounds one server at a time, interleaved (A B A B), so a burst of noise from the
 * shared machine lands on both sides of a ratio instead of on one; then averages each server's rounds.
 */
import { measureRound, type LoadOptions, type LoadOutcome, type LoadTarget, type Round, type ServerLoad } from './measure.js';

export interface ScheduledTarget extends LoadTarget {
  rounds: number;
}

const mean = (values: number[]) => values.reduce((total, v) => total + v, 0) / values.length;
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

export function combineRounds(rounds: Round[]): ServerLoad {
  const statusCounts: Record<string, number> = {};
  for (const round of rounds) {
    for (const [code, count] of Object.entries(round.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + count;
  }
  const avg = (field: (r: Round) => number) => mean(rounds.map(field));
  const total = (field: (r: Round) => number) => sum(rounds.map(field));
  return {
    reqPerSec: avg((r) => r.reqPerSec),
    p50Ms: avg((r) => r.p50Ms),
    p99Ms: avg((r) => r.p99Ms),
    ok2xx: total((r) => r.ok2xx),
    non2xx: total((r) => r.non2xx),
    errors: total((r) => r.errors),
    timeouts: total((r) => r.timeouts),
    statusCounts,
    peakRssKb: Math.max(...rounds.map((r) => r.peakRssKb)),
    cpu: {
      server: avg((r) => r.cpu.server),
      bench: avg((r) => r.cpu.bench),
      other: avg((r) => r.cpu.other),
      steal: avg((r) => r.cpu.steal),
    },
    warmupProblems: total((r) => r.warmupProblems),
    roundsReqPerSec: rounds.map((r) => r.reqPerSec),
  };
}

/** A target that fails once is not retried; its outcome is that error. */
export async function measureInterleaved(
  targets: ScheduledTarget[],
  options: LoadOptions,
  progress: (message: string) => void,
): Promise<LoadOutcome[]> {
  const done = targets.map((): Round[] => []);
  const failed = targets.map((): Error | undefined => undefined);
  const maxRounds = Math.max(...targets.map((t) => t.rounds));
  for (let round = 0; round < maxRounds; round++) {
    for (const [i, target] of targets.entries()) {
      if (round >= target.rounds || failed[i]) continue;
      progress(`load: ${target.label}, round ${round + 1}/${target.rounds}, ${options.warmupS} s warm-up + ${options.durationS} s measured`);
      try {
        done[i]!.push(await measureRound(target, options));
      } catch (error) {
        failed[i] = error instanceof Error ? error : new Error(String(error));
      }
    }
  }
  return targets.map((_, i) => failed[i] ?? combineRounds(done[i]!));
}
