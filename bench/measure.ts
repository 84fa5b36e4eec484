/** One load round: start the server, warm up, measure, read its peak RSS, stop it. */
import { cpuShares, cpuSnapshot, type CpuShares } from './cpu.js';
import { loadOnce, type LoadRun } from './load.js';
import { startServer } from './server-process.js';
import type { ServerSpec } from './settings.js';

export interface LoadOptions {
  connections: number;
  warmupS: number;
  durationS: number;
}

export interface LoadTarget {
  label: string;
  spec: ServerSpec;
  extraArgs: string[];
}

export interface Round extends LoadRun {
  peakRssKb: number;
  cpu: CpuShares;
  /** Non-2xx responses and errors during the discarded warm-up. */
  warmupProblems: number;
}

/** Averages over rounds, except counts (summed) and peak RSS (max). */
export interface ServerLoad extends Round {
  roundsReqPerSec: number[];
}

export type LoadOutcome = ServerLoad | Error;

export async function measureRound(target: LoadTarget, options: LoadOptions): Promise<Round> {
  const server = await startServer(target.spec, target.extraArgs);
  try {
    let warmupProblems = 0;
    if (options.warmupS > 0) {
      const warmup = await loadOnce(server.baseUrl, options.connections, options.warmupS);
      warmupProblems = warmup.non2xx + warmup.errors;
    }
    const before = cpuSnapshot(server.pid);
    const run = await loadOnce(server.baseUrl, options.connections, options.durationS);
    const cpu = cpuShares(before, cpuSnapshot(server.pid));
    // Read before stopping: VmHWM disappears with the process.
    return { ...run, peakRssKb: server.peakRssKb(), cpu, warmupProblems };
  } finally {
    await server.stop();
  }
}

/** Non-2xx responses or socket errors mean the server did not do the work being timed. */
export function problemCount(load: ServerLoad): number {
  return load.non2xx + load.errors;
}

/** Requests per second of server CPU: shifts less than req/s when other processes take cores away. */
export function requestsPerCpuSecond(load: ServerLoad): number {
  return load.cpu.server > 0 ? load.reqPerSec / load.cpu.server : 0;
}
