/** Starts a server as users do (`node … --port 0`), waits for its ready line, and stops it again. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { track } from './children.js';
import { ROOT_DIR, type ServerSpec } from './settings.js';

const READY_LINE = /conversations-mock listening on (http:\/\/(?:\[[^\]]+\]|[^\s:/]+):(\d+))/;
const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 2_000;
const TAIL_CHARS = 2_000;

export interface RunningServer {
  readonly pid: number;
  /** Base URL from the ready line, e.g. http://127.0.0.1:40123 */
  readonly baseUrl: string;
  /** performance.now() just before spawn. */
  readonly spawnedAt: number;
  /** Peak resident set size so far, in KiB (VmHWM). */
  peakRssKb(): number;
  stop(): Promise<void>;
}

export function startServer(spec: ServerSpec, extraArgs: string[] = []): Promise<RunningServer> {
  const args = [...spec.args, '--port', '0', ...extraArgs];
  const spawnedAt = performance.now();
  const child = spawn(spec.command, args, { cwd: ROOT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);

  let stdoutHead = '';
  let stderrTail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-TAIL_CHARS)));
  child.stdout.setEncoding('utf8');

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const describe = () => `${spec.command} ${args.join(' ')}\n--- stdout ---\n${stdoutHead}\n--- stderr ---\n${stderrTail}`;

  return new Promise<RunningServer>((resolve, reject) => {
    const fail = (reason: string) => {
      cleanup();
      void stop();
      reject(new Error(`${spec.label}: ${reason}\n${describe()}`));
    };
    const onData = (chunk: string) => {
      stdoutHead = (stdoutHead + chunk).slice(0, TAIL_CHARS);
      const match = READY_LINE.exec(stdoutHead);
      if (!match?.[1] || child.pid === undefined) return;
      cleanup();
      // The server logs every request; keep draining so a full pipe never blocks it, but drop the text.
      child.stdout.resume();
      const pid = child.pid;
      resolve({ pid, baseUrl: match[1], spawnedAt, peakRssKb: () => readPeakRssKb(pid), stop });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited before its ready line (code ${code}, signal ${signal})`);
    const onError = (error: Error) => fail(`could not start: ${error.message}`);
    const timer = setTimeout(() => fail(`no ready line within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function readPeakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]);
}
