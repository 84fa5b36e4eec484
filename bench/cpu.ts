/**
 * Where the CPU went during a measured run. On 2 shared cores, "other" (other processes) and
 * "steal" (the hypervisor) are what make two runs of the same server disagree, so they are shown.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// USER_HZ; 100 on every Linux the bench targets (getconf CLK_TCK).
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  atMs: number;
  busyTicks: number;
  stealTicks: number;
  serverTicks: number;
  selfTicks: number;
}

/** Average cores in use over the interval. */
export interface CpuShares {
  server: number;
  bench: number;
  other: number;
  steal: number;
}

function processTicks(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)": state is [0], utime [11], stime [12].
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function systemTicks(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: user + nice + system + irq + softirq, steal };
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const { busy, steal } = systemTicks();
  return {
    atMs: performance.now(),
    busyTicks: busy,
    stealTicks: steal,
    serverTicks: processTicks(serverPid),
    selfTicks: processTicks('self'),
  };
}

export function cpuShares(before: CpuSnapshot, after: CpuSnapshot): CpuShares {
  const seconds = (after.atMs - before.atMs) / 1000;
  const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
  const server = cores(after.serverTicks - before.serverTicks);
  const bench = cores(after.selfTicks - before.selfTicks);
  const busy = cores(after.busyTicks - before.busyTicks);
  return {
    server,
    bench,
    other: Math.max(0, busy - server - bench),
    steal: cores(after.stealTicks - before.stealTicks),
  };
}
