#!/usr/bin/env node
// A tiny WhatsApp bot for the three-step example script (fixtures/scripts/three-step-flow.yaml):
// the user says hi → it sends a size list → a size is picked → it sends Yes/No buttons → Yes is
// pressed → it thanks in text. Plain Node, no dependencies: it receives the mock's webhooks and
// answers through the Conversations API, exactly as it would against MessageBird.
//   node examples/tshirt-bot.mjs            (PORT=3000, MOCK_URL=http://127.0.0.1:4010)
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const api = process.env.MOCK_URL ?? 'http://127.0.0.1:4010';
const accessKey = process.env.ACCESS_KEY ?? 'test';

const sizes = {
  type: 'interactive',
  content: {
    interactive: {
      type: 'list',
      header: { type: 'text', text: 'T-shirts' },
      body: { text: 'Choose a size' },
      action: { button: 'Sizes', sections: [{ rows: ['s', 'm', 'l'].map((s) => ({ id: `size-${s}`, title: s.toUpperCase() })) }] },
    },
  },
};
const confirm = {
  type: 'interactive',
  content: {
    interactive: {
      type: 'button',
      body: { text: 'Order this T-shirt?' },
      action: { buttons: [{ id: 'confirm-yes', type: 'reply', title: 'Yes' }, { id: 'confirm-no', type: 'reply', title: 'No' }] },
    },
  },
};
const thanks = { type: 'text', content: { text: 'Thanks! Your T-shirt is on its way.' } };

/** The flow's next step for a message the user sent, or nothing. */
function nextStep(message) {
  const replyId = message.content?.interactive?.reply?.id;
  if (message.type === 'text') return sizes;
  if (replyId?.startsWith('size-')) return confirm;
  if (replyId === 'confirm-yes') return thanks;
  return undefined;
}

async function answer(message) {
  const step = nextStep(message);
  if (!step) return;
  const res = await fetch(`${api}/v1/conversations/${message.conversationId}/messages`, {
    method: 'POST',
    headers: { Authorization: `AccessKey ${accessKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(step),
  });
  console.log(`bot: answered with ${step.type} ${step.content.interactive?.type ?? ''} → ${res.status}`);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.end();
    const event = JSON.parse(Buffer.concat(chunks).toString() || '{}');
    if (event.type !== 'message.created' || event.message?.direction !== 'received') return;
    const m = event.message;
    console.log(`bot: ${event.contact.displayName} sent ${m.type} ${JSON.stringify(m.content.text ?? m.content.interactive?.reply)}`);
    answer(m).catch((error) => console.error(`bot: could not answer: ${error.message}`));
  });
});
server.listen(port, '127.0.0.1', () => console.log(`bot listening on http://127.0.0.1:${server.address().port}/webhook`));
