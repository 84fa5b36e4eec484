import { Hono } from 'hono';
import { readJsonObject } from '../http/read-json.js';
import { page, pageParams } from '../http/pagination.js';
import { tolerateConversationStatus } from '../validation/tolerated-spellings.js';
import { validateRequest } from '../validation/validate-request.js';
import { reportWarnings, type RouteDeps } from './deps.js';

/** /conversations: start, list, read, archive, and the messages of one. Mounted under /v1. */
export function conversationRoutes({ messaging, store, registry, strict }: RouteDeps): Hono {
  const app = new Hono();

  app.post('/conversations/start', async (c) => {
    const { value, warnings } = validateRequest(registry, 'conversation-start-request', await readJsonObject(c), strict);
    const conversation = messaging.start(value);
    reportWarnings(c, warnings);
    return c.json(messaging.view(conversation), 201);
  });

  /** Newest activity first, as the API sorts by lastReceivedDatetime. */
  app.get('/conversations', (c) => {
    const status = c.req.query('status');
    const all = [...store.conversations.values()]
      .filter((conv) => !status || conv.status === status)
      .sort((a, b) => b.lastReceivedMs - a.lastReceivedMs);
    const paged = page(all, pageParams((n) => c.req.query(n)));
    return c.json({ ...paged, items: paged.items.map((conv) => messaging.view(conv)) });
  });

  app.get('/conversations/:id', (c) => c.json(messaging.view(messaging.requireConversation(c.req.param('id')))));

  app.patch('/conversations/:id', async (c) => {
    const conversation = messaging.requireConversation(c.req.param('id'));
    const raw = await readJsonObject(c);
    const tolerated = strict ? { body: raw, warnings: [] } : tolerateConversationStatus(raw);
    const { value, warnings } = validateRequest(registry, 'conversation-update-request', tolerated.body, strict);
    const updated = messaging.setStatus(conversation.id, value.status);
    reportWarnings(c, [...tolerated.warnings, ...warnings]);
    return c.json(messaging.view(updated));
  });

  app.get('/conversations/:id/messages', (c) => {
    const conversation = messaging.requireConversation(c.req.param('id'));
    const newestFirst = store.conversationMessages(conversation.id).reverse();
    return c.json(page(newestFirst, pageParams((n) => c.req.query(n))));
  });

  app.post('/conversations/:id/messages', async (c) => {
    const conversation = messaging.requireConversation(c.req.param('id'));
    const { value, warnings } = validateRequest(registry, 'conversation-message-request', await readJsonObject(c), strict);
    const message = messaging.reply(conversation.id, value);
    reportWarnings(c, warnings);
    return c.json(message, 201);
  });

  return app;
}
