import { rfc3339 } from './clock.js';
import type { LogFormat } from './config.js';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LineSink = (line: string) => void;

/**
 * Lines are batched and written once per event-loop turn: under load one write per request
 * would cost more than the request itself.
 */
export function bufferedStdout(stream: NodeJS.WritableStream = process.stdout): LineSink & { flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = pending.join('\n') + '\n';
    pending = [];
    stream.write(chunk);
  };
  const sink = (line: string) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return Object.assign(sink, { flush });
}

const LEVEL_LABEL: Record<LogLevel, string> = { info: 'INFO ', warn: 'WARN ', error: 'ERROR' };

function prettyValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  if (value instanceof Error) return JSON.stringify(value.stack ?? value.message);
  return JSON.stringify(value);
}

export function formatLine(format: LogFormat, level: LogLevel, message: string, fields: LogFields, nowMs: number): string {
  if (format === 'json') {
    const plain = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
    );
    return JSON.stringify({ time: rfc3339(nowMs), level, msg: message, ...plain });
  }
  let line = `${rfc3339(nowMs).slice(11, 23)} ${LEVEL_LABEL[level]} ${message}`;
  for (const key in fields) if (fields[key] !== undefined) line += ` ${key}=${prettyValue(fields[key])}`;
  return line;
}

export function createLogger(format: LogFormat, sink: LineSink, now: () => number = Date.now): Logger {
  const log = (level: LogLevel) => (message: string, fields: LogFields = {}) =>
    sink(formatLine(format, level, message, fields, now()));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps its lines, for tests and for embedding without output. */
export function memoryLogger(): Logger & { lines: { level: LogLevel; message: string; fields: LogFields }[] } {
  const lines: { level: LogLevel; message: string; fields: LogFields }[] = [];
  const log = (level: LogLevel) => (message: string, fields: LogFields = {}) => lines.push({ level, message, fields });
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
