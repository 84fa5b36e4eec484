import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errors } from '../errors.js';
import { requestHeader } from '../http/request-header.js';

/**
 * 413 for bodies over `maxBytes`. A declared Content-Length is checked directly; only chunked
 * bodies go through Hono's bodyLimit, whose stream counting makes @hono/node-server build a full
 * web Request (several times the cost of the rest of a /v1/send).
 */
export function bodySizeLimit(maxBytes: number): MiddlewareHandler {
  const counted = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw errors.bodyTooLarge(maxBytes);
    },
  });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = requestHeader(c, 'content-length');
    if (length === undefined || requestHeader(c, 'transfer-encoding') !== undefined) return counted(c, next);
    if (Number(length) > maxBytes) throw errors.bodyTooLarge(maxBytes);
    return next();
  };
}
