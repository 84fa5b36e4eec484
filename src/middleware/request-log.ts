import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { logNotes } from '../http/log-notes.js';

/** One line per API request: method, path, status, duration, and the warnings it earned. */
export function requestLog(logger: Logger, now: () => number = performance.now.bind(performance)): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    await next();
    const status = c.res.status;
    const fields = {
      status,
      ms: Math.round((now() - started) * 10) / 10,
      ...logNotes(c),
    };
    const line = `${c.req.method} ${c.req.path}`;
    if (status >= 500) logger.error(line, fields);
    else if (status >= 400 || fields.warning) logger.warn(line, fields);
    else logger.info(line, fields);
  };
}
