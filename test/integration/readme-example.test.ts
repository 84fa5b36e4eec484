import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from 'conversations-mock';

// The app under test: a webhook handler that answers a button press through the API.
function startBot(apiUrl: string): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const event = JSON.parse(body);
      const reply = event.message?.content?.interactive?.reply;
      if (event.type === 'message.created' && reply) {
        await fetch(`${apiUrl}/v1/conversations/${event.conversation.id}/messages`, {
          method: 'POST',
          headers: { Authorization: 'AccessKey test' },
          body: JSON.stringify({ type: 'text', content: { text: `You chose ${reply.text}` } }),
        });
      }
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let mock: RunningMock;
let bot: Server;

beforeAll(async () => {
  mock = await startMock({ seed: 1, autoReply: false, statusUpdates: 'none' });
  bot = await startBot(mock.url);
  const { port } = bot.address() as AddressInfo;
  await fetch(`${mock.url}/v1/webhooks`, {
    method: 'POST',
    headers: { Authorization: 'AccessKey test' },
    body: JSON.stringify({ events: ['message.created'], url: `http://127.0.0.1:${port}/webhook` }),
  });
});

afterAll(async () => {
  bot.close();
  await mock.close();
});

it('answers the pressed button', async () => {
  // What the app would send: the seed's button message.
  const res = await fetch(`${mock.url}/v1/send`, {
    method: 'POST',
    headers: { Authorization: 'AccessKey test' },
    body: JSON.stringify({
      to: '+31612345678',
      from: '0181d0bb76c54g9aae4309s822d35ba5',
      type: 'interactive',
      content: {
        interactive: {
          type: 'button',
          body: { text: 'Do you like this t shirt?' },
          action: { buttons: [{ id: 'yes-unique-id', type: 'reply', title: 'Yes' }, { id: 'no-unique-id', type: 'reply', title: 'No' }] },
        },
      },
    }),
  });
  const { id } = (await res.json()) as { id: string };

  const inbound = await mock.reply(id, 'yes-unique-id');
  expect(inbound.replyTo).toEqual({ id });

  const answer = await mock.waitForMessage((m) => m.direction === 'sent' && m.type === 'text');
  expect(answer.content).toEqual({ text: 'You chose Yes' });
  // The reply reached the bot: its webhook delivery is in the journal.
  const delivery = await mock.waitForDelivery((d) => d.messageId === inbound.id && d.state === 'delivered');
  expect(delivery.attempts).toHaveLength(1);
});
