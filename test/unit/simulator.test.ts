import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type MockConfig } from '../../src/config.js';
import type { MockEvent } from '../../src/core/events.js';
import { memoryLogger } from '../../src/logger.js';
import { createMock } from '../../src/mock.js';
import type { SimulationPolicy } from '../../src/replies/policy.js';
import type { Message } from '../../src/types/generated.js';
import { createSchemaRegistry } from '../../src/validation/schema-registry.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { clone, seedButton, seedList } from '../helpers/seed.js';

const headers = { Authorization: 'AccessKey test', 'Content-Type': 'application/json' };
const registry = createSchemaRegistry();
const validMessage = registry.validator('message');

function setup(config: Partial<MockConfig> = {}) {
  const clock = createFakeClock();
  const logger = memoryLogger();
  const mock = createMock({ seed: 11, ...config }, { clock, logger, registry });
  const events: MockEvent[] = [];
  mock.events.on((e) => events.push(e));

  const send = async (body: unknown = seedButton): Promise<string> => {
    const res = await mock.app.request('/v1/send', { method: 'POST', headers, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const message = async (id: string) => (await (await mock.app.request(`/v1/messages/${id}`, { headers })).json()) as Message;
  const received = async () => (await (await mock.app.request('/__mock/messages?direction=received')).json()) as Message[];
  const updateCount = (id: string) => events.filter((e) => e.type === 'message.updated' && e.messageId === id).length;
  return { clock, logger, mock, events, send, message, received, updateCount };
}

describe('the simulator with the defaults (auto-reply, statuses up to read)', () => {
  it('moves a sent message through sent → delivered → read, one status delay apart', async () => {
    const { clock, send, message } = setup({ statusDelayMs: 200, replyDelayMs: 1000 });
    const id = await send();
    expect((await message(id)).status).toBe('pending');
    clock.advance(200);
    expect((await message(id)).status).toBe('sent');
    clock.advance(200);
    expect((await message(id)).status).toBe('delivered');
    clock.advance(200);
    expect((await message(id)).status).toBe('read');
  });

  it('answers a button message after the reply delay, as the recipient, to the sent message', async () => {
    const { clock, mock, send, message, received } = setup({ statusDelayMs: 200, replyDelayMs: 1000 });
    const id = await send();
    const sent = await message(id);
    clock.advance(999);
    expect(await received()).toEqual([]);
    clock.advance(1);
    const [reply, ...more] = await received();
    expect(more).toEqual([]);
    expect(reply).toMatchObject({
      replyTo: { id },
      from: sent.to,
      to: mock.config.channelNumber,
      conversationId: sent.conversationId,
      channelId: sent.channelId,
      direction: 'received',
      status: 'received',
      type: 'interactive',
      content: { interactive: { type: 'button_reply' } },
    });
    const choice = (reply!.content as { interactive: { reply: { id: string; text: string } } }).interactive.reply;
    expect([{ id: 'yes-unique-id', text: 'Yes' }, { id: 'no-unique-id', text: 'No' }]).toContainEqual(choice);
    expect(validMessage(reply), JSON.stringify(validMessage.errors)).toBe(true);
  });

  it('answers a list message with a list_reply carrying the row description', async () => {
    const { clock, send, received } = setup();
    const id = await send(seedList);
    clock.advance(DEFAULT_CONFIG.replyDelayMs);
    const [reply] = await received();
    expect(reply).toMatchObject({ replyTo: { id }, content: { interactive: { type: 'list_reply' } } });
    expect((reply!.content as { interactive: { reply: { description: string } } }).interactive.reply.description).toMatch(/^row-description-content-[12]$/);
    expect(validMessage(reply), JSON.stringify(validMessage.errors)).toBe(true);
  });

  it('logs one line per reply', async () => {
    const { clock, logger, send, received } = setup();
    const id = await send();
    clock.advance(DEFAULT_CONFIG.replyDelayMs);
    const [reply] = await received();
    const text = (reply!.content as { interactive: { reply: { id: string; text: string } } }).interactive.reply;
    expect(logger.lines.filter((l) => l.message.startsWith('reply to'))).toEqual([
      { level: 'info', message: `reply to ${id} (button "${text.text}" → ${text.id}) as ${reply!.id}`, fields: {} },
    ]);
  });

  it('keeps at most one pending timer per sent message', async () => {
    const { clock, send } = setup({ statusDelayMs: 200, replyDelayMs: 1000 });
    await send();
    await send(seedList);
    expect(clock.pendingDelays()).toEqual([200, 200]);
    clock.advance(200);
    expect(clock.pendingDelays()).toEqual([200, 200]);
    clock.advance(1000);
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('brings statuses due after the reply forward, so read always comes before the reply', async () => {
    const { clock, events, mock, send } = setup({ statusDelayMs: 500, replyDelayMs: 600 });
    const id = await send();
    clock.advance(600);
    const order = events
      .filter((e) => e.messageId === id || (e.type === 'message.created' && mock.store.messages.get(e.messageId!)?.direction === 'received'))
      .map((e) => (e.messageId === id ? `${e.type}` : 'reply'));
    expect(order).toEqual(['message.created', 'message.updated', 'message.updated', 'message.updated', 'reply']);
    expect(mock.store.messages.get(id)!.status).toBe('read');
  });

  it('repeats the same choices for the same seed', async () => {
    const run = async () => {
      const { clock, send, received } = setup({ seed: 3 });
      for (let i = 0; i < 6; i++) await send();
      clock.advance(DEFAULT_CONFIG.replyDelayMs);
      return (await received()).map((m) => JSON.stringify(m.content));
    };
    expect(await run()).toEqual(await run());
  });
});

describe('what the simulator leaves alone', () => {
  it('does no work at all when status updates are none and auto-reply is off', async () => {
    const { clock, mock, send } = setup({ statusUpdates: 'none', autoReply: false });
    await send();
    expect(clock.pendingDelays()).toEqual([]);
    expect(mock.simulator.pendingCount).toBe(0);
  });

  it('moves statuses but never answers when auto-reply is off', async () => {
    const { clock, send, message, received } = setup({ autoReply: false, statusUpdates: 'delivered', statusDelayMs: 10 });
    const id = await send();
    clock.advance(60_000);
    expect((await message(id)).status).toBe('delivered');
    expect(await received()).toEqual([]);
  });

  it('answers nothing but interactive button and list messages', async () => {
    const { clock, send, message, received, updateCount } = setup({ statusDelayMs: 10 });
    const id = await send({ to: '+31612345678', from: 'channel-1', type: 'text', content: { text: 'Hello' } });
    clock.advance(60_000);
    expect(updateCount(id)).toBe(3);
    expect((await message(id)).status).toBe('read');
    expect(await received()).toEqual([]);
  });

  it('skips a message evicted from the store meanwhile', async () => {
    const { clock, mock, send, received } = setup({ maxMessages: 1, statusUpdates: 'none' });
    await send();
    await send({ to: '+31612345678', from: 'channel-1', type: 'text', content: { text: 'Hello' } });
    clock.advance(60_000);
    expect(await received()).toEqual([]);
    expect(mock.simulator.pendingCount).toBe(0);
  });

  it('cancels every timer on reset and on close', async () => {
    const { clock, mock, send, received } = setup();
    await send();
    mock.reset();
    expect(clock.pendingDelays()).toEqual([]);
    await send();
    await mock.close(0);
    expect(clock.pendingDelays()).toEqual([]);
    clock.advance(60_000);
    expect(await received()).toEqual([]);
  });
});

describe('custom policies', () => {
  it('go in front of the default and may fail a message instead', async () => {
    const { clock, mock, send, message, received } = setup({ statusDelayMs: 100 });
    const error = { code: 470, description: 'Message failed to send because more than 24 hours have passed' };
    mock.simulator.setPolicy(() => ({ reply: null, failure: error }));
    const id = await send();
    clock.advance(60_000);
    expect(await message(id)).toMatchObject({ status: 'failed', error });
    expect(await received()).toEqual([]);
  });

  it('choose the button; with no opinion the default decides; setPolicy(undefined) removes them', async () => {
    const { clock, mock, send, received } = setup({ replyDelayMs: 50 });
    const policy: SimulationPolicy = (sent) =>
      sent.type === 'interactive' && (sent.content as { interactive: { type: string } }).interactive.type === 'button'
        ? { reply: { spec: { choice: 'no-unique-id' }, delayMs: 5 }, failure: null }
        : undefined;
    mock.simulator.setPolicy(policy);
    const buttonId = await send();
    const listId = await send(seedList);
    clock.advance(5);
    expect((await received()).map((m) => [m.replyTo?.id, m.content])).toEqual([
      [buttonId, { interactive: { type: 'button_reply', reply: { id: 'no-unique-id', text: 'No' } } }],
    ]);
    clock.advance(45);
    expect((await received()).map((m) => m.replyTo?.id)).toEqual([buttonId, listId]);
    mock.simulator.setPolicy(undefined);
    const laterId = await send();
    clock.advance(49);
    expect((await received()).map((m) => m.replyTo?.id)).not.toContain(laterId);
    clock.advance(1);
    expect((await received()).map((m) => m.replyTo?.id)).toContain(laterId);
  });

  it('that ask for a choice the message lacks only cost a warning', async () => {
    const { clock, logger, mock, send, received } = setup();
    mock.simulator.setPolicy(() => ({ reply: { spec: { choice: 'maybe' }, delayMs: 0 }, failure: null }));
    await send(clone(seedButton));
    clock.advance(0);
    expect(await received()).toEqual([]);
    expect(logger.lines.find((l) => l.level === 'warn')?.fields.error).toContain('"maybe"');
  });
});

describe('replies to archived conversations', () => {
  it('open a new conversation, as a user writing in again would', async () => {
    const { clock, mock, send, message, received } = setup({ statusUpdates: 'none' });
    const id = await send();
    const sent = await message(id);
    mock.messaging.setStatus(sent.conversationId, 'archived');
    clock.advance(DEFAULT_CONFIG.replyDelayMs);
    const [reply] = await received();
    expect(reply).toMatchObject({ replyTo: { id }, channelId: sent.channelId, from: sent.to });
    expect(reply!.conversationId).not.toBe(sent.conversationId);
  });
});
