import type { MiddlewareHandler } from 'hono';
import { errors } from '../errors.js';
import { requestHeader } from '../http/request-header.js';

/**
 * `Authorization: AccessKey <key>`. With no configured keys any non-empty key passes, so apps work
 * with whatever test key they already have.
 */
export function accessKeyAuth(acceptedKeys: readonly string[]): MiddlewareHandler {
  const accepted = new Set(acceptedKeys);
  return async (c, next) => {
    const match = /^AccessKey\s+(\S+)\s*$/i.exec(requestHeader(c, 'authorization') ?? '');
    const key = match?.[1];
    if (!key || (accepted.size > 0 && !accepted.has(key))) throw errors.unauthorized();
    await next();
  };
}
