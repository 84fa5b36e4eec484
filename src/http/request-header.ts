import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/**
 * A request header. Behind @hono/node-server the Node request's own header object is read:
 * `c.req.header()` makes the adapter build a web Headers object per request, which costs more
 * than the rest of a /v1/send. Elsewhere (app.request() in tests) the standard path is used.
 */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) {
    const value = incoming.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return c.req.header(name);
}
