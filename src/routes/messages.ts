import { Hono } from 'hono';
import { errors } from '../errors.js';
import { readJsonObject } from '../http/read-json.js';
import { page, pageParams } from '../http/pagination.js';
import type { SendAccepted } from '../types/generated.js';
import { validateRequest } from '../validation/validate-request.js';
import { reportWarnings, type RouteDeps } from './deps.js';

/** POST /send and the message reads. Mounted under /v1. */
export function messageRoutes({ messaging, store, registry, strict }: RouteDeps): Hono {
  const app = new Hono();

  app.post('/send', async (c) => {
    const { value, warnings } = validateRequest(registry, 'send-request', await readJsonObject(c), strict);
    const message = messaging.send(value);
    reportWarnings(c, warnings);
    const body: SendAccepted = { id: message.id, status: 'accepted' };
    // The real API answers with the fallback message's id too; the mock never sends it, so any id will do.
    if (value.fallback) body.fallback = { id: message.id.split('').reverse().join('') };
    return c.json(body, 202);
  });

  app.get('/messages/:id', (c) => {
    const message = store.messages.get(c.req.param('id'));
    if (!message) throw errors.notFound('message', c.req.param('id'));
    return c.json(message);
  });

  /** GET /messages?ids=a,b&from=<RFC 3339>, as the Go SDK sends it; newest first. */
  app.get('/messages', (c) => {
    const ids = c.req.query('ids')?.split(',').filter(Boolean);
    const from = c.req.query('from');
    const fromMs = from ? Date.parse(from) : undefined;
    if (fromMs !== undefined && Number.isNaN(fromMs)) {
      throw errors.validation([{ code: 10, description: `from "${from}" is not an RFC 3339 datetime`, parameter: 'from' }]);
    }
    const all = store
      .listMessages()
      .filter((m) => (!ids || ids.includes(m.id)) && (fromMs === undefined || Date.parse(m.createdDatetime) >= fromMs))
      .reverse();
    return c.json(page(all, pageParams((n) => c.req.query(n))));
  });

  return app;
}
