import { Hono } from 'hono';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../config.js';
import { ErrorCode, errors, type ApiErrorItem } from '../errors.js';
import { DELIVERY_STATES, type DeliveryFilter, type DeliveryState, type Journal } from '../webhooks/journal.js';

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], problems: ApiErrorItem[]): T | undefined {
  if (raw === undefined || allowed.includes(raw as T)) return raw as T | undefined;
  problems.push({ code: ErrorCode.invalidParams, description: `${name} "${raw}" is not one of: ${allowed.join(', ')}`, parameter: name });
  return undefined;
}

/** /__mock/deliveries: the webhook journal, for tests and tools. No auth. */
export function deliveryRoutes({ journal }: { journal: Journal }): Hono {
  const app = new Hono();

  /** Every delivery and its attempts, oldest first; filters `state`, `type`, `messageId`, `conversationId`, `url`. */
  app.get('/deliveries', (c) => {
    const problems: ApiErrorItem[] = [];
    const filter: DeliveryFilter = {
      state: oneOf<DeliveryState>('state', c.req.query('state'), DELIVERY_STATES, problems),
      type: oneOf<WebhookEventType>('type', c.req.query('type'), WEBHOOK_EVENTS, problems),
      messageId: c.req.query('messageId'),
      conversationId: c.req.query('conversationId'),
      url: c.req.query('url'),
    };
    if (problems.length > 0) throw errors.validation(problems);
    return c.json(journal.list(filter));
  });

  return app;
}
