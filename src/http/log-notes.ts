import type { Context } from 'hono';

/**
 * What a request's log line should mention beyond method, path and status: tolerated problems
 * and the error answered. Kept on the context because reading response headers or bodies back is
 * costly behind @hono/node-server.
 */
export interface LogNotes {
  warning?: string;
  error?: string;
}

const KEY = 'mockLogNotes' as never;

export function addLogNote(c: Context, note: LogNotes): void {
  c.set(KEY, { ...(c.get(KEY) as LogNotes | undefined), ...note } as never);
}

export function logNotes(c: Context): LogNotes {
  return (c.get(KEY) as LogNotes | undefined) ?? {};
}
