import { Hono } from 'hono';
import { readJsonObject } from '../http/read-json.js';
import { page, pageParams } from '../http/pagination.js';
import type { SchemaRegistry } from '../validation/schema-registry.js';
import { validateRequest } from '../validation/validate-request.js';
import type { Subscriptions } from '../webhooks/subscriptions.js';
import { reportWarnings } from './deps.js';

export interface WebhookRouteDeps {
  subscriptions: Subscriptions;
  registry: SchemaRegistry;
  strict: boolean;
}

/** /webhooks: create, list, read, update, delete subscriptions. Mounted under /v1. */
export function webhookRoutes({ subscriptions, registry, strict }: WebhookRouteDeps): Hono {
  const app = new Hono();

  app.post('/webhooks', async (c) => {
    const { value, warnings } = validateRequest(registry, 'webhook-create-request', await readJsonObject(c), strict);
    reportWarnings(c, warnings);
    return c.json(subscriptions.create(value), 201);
  });

  /** Oldest first. */
  app.get('/webhooks', (c) => c.json(page(subscriptions.list(), pageParams((n) => c.req.query(n)))));

  app.get('/webhooks/:id', (c) => c.json(subscriptions.get(c.req.param('id'))));

  app.patch('/webhooks/:id', async (c) => {
    const id = c.req.param('id');
    subscriptions.get(id); // an unknown id is a 404 before the body is judged
    const { value, warnings } = validateRequest(registry, 'webhook-update-request', await readJsonObject(c), strict);
    reportWarnings(c, warnings);
    return c.json(subscriptions.update(id, value));
  });

  app.delete('/webhooks/:id', (c) => {
    subscriptions.remove(c.req.param('id'));
    return c.body(null, 204);
  });

  return app;
}
