import { Hono } from 'hono';
import { ErrorCode, errors } from '../errors.js';
import type { MessageFilter } from '../store/store.js';
import type { RouteDeps } from './deps.js';

const DIRECTIONS = ['sent', 'received'] as const;

/** /__mock: no auth, for tests and tools. */
export function controlRoutes({ store, onReset }: Pick<RouteDeps, 'store'> & { onReset: () => void }): Hono {
  const app = new Hono();

  app.get('/health', (c) => c.json({ status: 'ok', messages: store.messages.size, conversations: store.conversations.size }));

  /** Every message, oldest first; filters `direction`, `to`, `conversationId`. */
  app.get('/messages', (c) => {
    const direction = c.req.query('direction');
    if (direction !== undefined && !DIRECTIONS.includes(direction as (typeof DIRECTIONS)[number])) {
      throw errors.validation([
        { code: ErrorCode.invalidParams, description: `direction "${direction}" is not one of: sent, received`, parameter: 'direction' },
      ]);
    }
    const filter: MessageFilter = {
      direction: direction as MessageFilter['direction'],
      to: c.req.query('to'),
      conversationId: c.req.query('conversationId'),
    };
    return c.json(store.listMessages(filter));
  });

  app.post('/reset', (c) => {
    onReset();
    return c.json({ status: 'reset' });
  });

  return app;
}
