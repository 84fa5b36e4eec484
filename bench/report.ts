/** Renders the measurements as plain-text tables on stdout. */
import type { ColdStartOutcome } from './cold-start.js';
import { problemCount, requestsPerCpuSecond, type LoadOutcome } from './measure.js';
import type { Check } from './verdicts.js';

export interface Row<T> {
  label: string;
  outcome: T;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Cores used by anything but the server and the bench before a run is called noisy. */
const NOISY_CORES = 0.15;

const fixed = (value: number, digits: number) => value.toFixed(digits);
const mib = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;

export function loadTable(rows: Row<LoadOutcome>[]): string {
  const header = ['server', 'req/s', 'req/CPU-s', 'p50 ms', 'p99 ms', 'peak RSS', '2xx', 'non-2xx', 'errors', 'req/s per round'];
  return table(
    header,
    rows.map(({ label, outcome }) =>
      outcome instanceof Error
        ? [label, 'not measured', '', '', '', '', '', '', '', '']
        : [
            label,
            fixed(outcome.reqPerSec, 0),
            fixed(requestsPerCpuSecond(outcome), 0),
            fixed(outcome.p50Ms, 1),
            fixed(outcome.p99Ms, 1),
            mib(outcome.peakRssKb),
            String(outcome.ok2xx),
            String(outcome.non2xx),
            String(outcome.errors),
            outcome.roundsReqPerSec.map((r) => fixed(r, 0)).join(' '),
          ],
    ),
  );
}

/** Cores in use while measuring: if "other" or "steal" is not near 0, the machine was not quiet. */
export function cpuTable(rows: Row<LoadOutcome>[]): string {
  return table(
    ['server', 'server', 'bench+autocannon', 'other processes', 'steal'],
    rows.flatMap(({ label, outcome }) =>
      outcome instanceof Error
        ? []
        : [[label, ...[outcome.cpu.server, outcome.cpu.bench, outcome.cpu.other, outcome.cpu.steal].map((c) => fixed(c, 2))]],
    ),
  );
}

export function coldTable(rows: Row<ColdStartOutcome>[]): string {
  return table(
    ['server', 'median ms', 'samples ms'],
    rows.map(({ label, outcome }) =>
      outcome instanceof Error
        ? [label, 'not measured', '']
        : [label, fixed(outcome.medianMs, 1), outcome.samplesMs.map((ms) => fixed(ms, 0)).join(' ')],
    ),
  );
}

export function checksTable(checks: Check[]): string {
  return table(
    ['ratio', 'value', 'target', 'verdict'],
    checks.map((c) => [c.name, c.ratio === undefined ? '-' : fixed(c.ratio, 2), c.target, c.verdict + (c.note ? ` (${c.note})` : '')]),
  );
}

/** Loud, because a run with failed requests measures something other than the mock's work. */
export function problemBanners(rows: Row<LoadOutcome>[]): string[] {
  return rows.flatMap(({ label, outcome }) => {
    if (outcome instanceof Error) return [];
    const lines: string[] = [];
    if (problemCount(outcome) > 0) {
      const codes = Object.entries(outcome.statusCounts)
        .map(([code, count]) => `${code}×${count}`)
        .join(', ');
      lines.push(
        `!!! INVALID MEASUREMENT: ${label}: ${outcome.non2xx} non-2xx, ${outcome.errors} errors ` +
          `(${outcome.timeouts} timeouts); status codes: ${codes || 'none'}. Its numbers do not count.`,
      );
    }
    const noise = outcome.cpu.other + outcome.cpu.steal;
    if (noise > NOISY_CORES) {
      lines.push(
        `!   ${label}: other processes and steal took ${fixed(noise, 2)} cores while measuring; ` +
          'the machine was not quiet, trust its ratios less.',
      );
    }
    if (outcome.warmupProblems > 0) {
      lines.push(`!   ${label}: ${outcome.warmupProblems} non-2xx/errors during warm-up (not counted).`);
    }
    return lines;
  });
}

export function failureLines(rows: Row<LoadOutcome | ColdStartOutcome>[]): string[] {
  return rows.flatMap(({ label, outcome }) =>
    outcome instanceof Error ? [`!!! NOT MEASURED: ${label}: ${outcome.message}`] : [],
  );
}
