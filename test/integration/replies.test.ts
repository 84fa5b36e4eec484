import { beforeEach, describe, expect, it } from 'vitest';
import type { MockConfig } from '../../src/config.js';
import type { MockEvent } from '../../src/core/events.js';
import { createMock, type MockInstance } from '../../src/mock.js';
import { DEFAULT_INBOUND_CHANNEL_ID } from '../../src/simulation/simulator.js';
import type { ErrorResponse, Message } from '../../src/types/generated.js';
import { createSchemaRegistry } from '../../src/validation/schema-registry.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { seedButton, seedList } from '../helpers/seed.js';

const registry = createSchemaRegistry();
const validMessage = registry.validator('message');
const headers = { Authorization: 'AccessKey test', 'Content-Type': 'application/json' };
const textMessage = { to: '+31612345678', from: 'channel-1', type: 'text', content: { text: 'Hello' } };

let mock: MockInstance;
let clock: FakeClock;
let events: MockEvent[];

function start(config: Partial<MockConfig> = {}) {
  clock = createFakeClock();
  mock = createMock({ seed: 5, autoReply: false, statusUpdates: 'none', ...config }, { clock, registry });
  events = [];
  mock.events.on((e) => events.push(e));
}
beforeEach(() => start());

const post = (path: string, body: unknown) =>
  mock.app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function send(body: unknown = seedButton): Promise<string> {
  const res = await post('/v1/send', body);
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function accepted(res: Response): Promise<Message> {
  const body = (await res.json()) as Message;
  expect(res.status, JSON.stringify(body)).toBe(202);
  expect(validMessage(body), JSON.stringify(validMessage.errors)).toBe(true);
  return body;
}

async function rejected(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorResponse).errors;
}

const received = async () => (await (await mock.app.request('/__mock/messages?direction=received')).json()) as Message[];
const reply = (id: string, body: unknown) => post(`/__mock/messages/${id}/reply`, body);

describe('POST /__mock/messages/:id/reply', () => {
  it('presses the chosen button and answers 202 with the stored inbound message', async () => {
    const id = await send();
    const message = await accepted(await reply(id, { choice: 'yes-unique-id' }));
    expect(message).toMatchObject({
      replyTo: { id },
      from: '+9999999999',
      to: mock.config.channelNumber,
      direction: 'received',
      content: { interactive: { type: 'button_reply', reply: { id: 'yes-unique-id', text: 'Yes' } } },
    });
    expect(await received()).toEqual([message]);
  });

  it('picks a list row by index across sections', async () => {
    const id = await send(seedList);
    const message = await accepted(await reply(id, { index: 1 }));
    expect(message.content).toEqual({
      interactive: {
        type: 'list_reply',
        reply: { id: 'unique-row-identifier-2', text: 'row-title-content-2', description: 'row-description-content-2' },
      },
    });
  });

  it('answers any message with free text', async () => {
    const id = await send(textMessage);
    expect(await accepted(await reply(id, { text: 'Sure!' }))).toMatchObject({ type: 'text', content: { text: 'Sure!' }, replyTo: { id } });
  });

  it.each([['{}', {}], ['an empty body', '']])('picks a random button for %s', async (_, body) => {
    const id = await send();
    const message = await accepted(await reply(id, body));
    expect(message.content).toMatchObject({ interactive: { type: 'button_reply' } });
  });

  it('answers 404 code 20 for a message it does not know', async () => {
    const errors = await rejected(await reply('f'.repeat(32), { choice: 'yes-unique-id' }), 404);
    expect(errors).toEqual([{ code: 20, description: expect.stringContaining('ffff'), parameter: 'id' }]);
  });

  it('rejects a choice the message does not offer, listing what it does', async () => {
    const id = await send();
    const [error] = await rejected(await reply(id, { choice: 'maybe' }), 422);
    expect(error).toMatchObject({ code: 10, parameter: 'choice' });
    expect(error!.description).toContain('"yes-unique-id", "no-unique-id"');
  });

  it('rejects a choice on a text message and points to {"text"}', async () => {
    const id = await send(textMessage);
    const [error] = await rejected(await reply(id, { choice: 'yes' }), 422);
    expect(error!.description).toContain('{"text": "..."}');
  });

  it('rejects answering a message the user sent', async () => {
    const inbound = await accepted(await post('/__mock/inbound', { from: '+31612345678', text: 'hi' }));
    const [error] = await rejected(await reply(inbound.id, { text: 'hello' }), 422);
    expect(error!.description).toContain('received from the user');
  });

  it.each([
    [{ index: 'one' }, 'index', 'must be integer'],
    [{ index: -1 }, 'index', 'out of range'],
    [{ choice: '' }, 'choice', 'must not be empty'],
    [{ choise: 'yes-unique-id' }, 'choise', 'not a field'],
    [{ choice: 'yes-unique-id', index: 0 }, 'index', 'send only one'],
  ])('rejects the body %j (parameter %s)', async (body, parameter, text) => {
    const id = await send();
    const errors = await rejected(await reply(id, body), 422);
    expect(errors).toContainEqual({ code: 10, parameter, description: expect.stringContaining(text) });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const id = await send();
    expect(await rejected(await reply(id, '{choice'), 400)).toMatchObject([{ code: 21 }]);
  });

  it('replaces a pending auto-reply, after the statuses the answer implies', async () => {
    start({ autoReply: true, statusUpdates: 'read' });
    const id = await send();
    await accepted(await reply(id, { choice: 'no-unique-id' }));
    expect(mock.store.messages.get(id)!.status).toBe('read');
    clock.advance(60_000);
    expect((await received()).map((m) => m.replyTo?.id)).toEqual([id]);
  });
});

describe('POST /__mock/inbound', () => {
  it('opens a conversation on the default channel and stores a text message', async () => {
    const message = await accepted(await post('/__mock/inbound', { from: '+31612345678', text: 'hi' }));
    expect(message).toMatchObject({
      from: '+31612345678',
      to: mock.config.channelNumber,
      channelId: DEFAULT_INBOUND_CHANNEL_ID,
      type: 'text',
      content: { text: 'hi' },
      direction: 'received',
      status: 'received',
    });
    expect(message.replyTo).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['conversation.created', 'message.created']);
    expect(await received()).toEqual([message]);
  });

  it('resumes the conversation of the number, on the channel the app last used', async () => {
    const sentId = await send(textMessage);
    const sent = mock.store.messages.get(sentId)!;
    events.length = 0;
    const message = await accepted(await post('/__mock/inbound', { from: '+31612345678', text: 'me again' }));
    expect(message).toMatchObject({ conversationId: sent.conversationId, channelId: 'channel-1' });
    expect(events.map((e) => e.type)).toEqual(['message.created']);
  });

  it('takes any content type /v1/send allows, on the channel given', async () => {
    const body = { from: '+31612345678', channelId: 'channel-2', type: 'image', content: { image: { url: 'https://example.com/a.jpg' } } };
    expect(await accepted(await post('/__mock/inbound', body))).toMatchObject({ type: 'image', channelId: 'channel-2', content: body.content });
  });

  it.each(['0612345678', '+31 6 1234', '+12345'])('rejects from %j, which is not an MSISDN', async (from) => {
    const errors = await rejected(await post('/__mock/inbound', { from, text: 'hi' }), 422);
    expect(errors).toEqual([{ code: 10, parameter: 'from', description: expect.stringContaining(`${JSON.stringify(from)} is not an MSISDN; use "+"`) }]);
  });

  it.each([
    [{ text: 'hi' }, 'from', 'from is required'],
    [{ from: '+31612345678' }, 'text', 'the message is missing'],
    [{ from: '+31612345678', type: 'text' }, 'content', 'content is required'],
    [{ from: '+31612345678', text: 'hi', type: 'text' }, 'type', 'send only one'],
    [{ from: '+31612345678', type: 'text', content: { image: { url: 'u' } } }, 'content.text', 'required'],
    [{ from: '+31612345678', text: '' }, 'text', 'must not be empty'],
    [{ from: '+31612345678', text: 'hi', to: '+1' }, 'to', 'not a field'],
  ])('rejects %j (parameter %s)', async (body, parameter, text) => {
    const errors = await rejected(await post('/__mock/inbound', body), 422);
    expect(errors).toContainEqual({ code: expect.any(Number), parameter, description: expect.stringContaining(text) });
  });
});
