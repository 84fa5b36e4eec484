import { describe, expect, it } from 'vitest';
import { buildOutboundMessage } from '../../src/core/outbound-message.js';
import { createRandom } from '../../src/random.js';
import { chooseReply, type ChosenReply } from '../../src/replies/choose-reply.js';
import type { ReplySpec } from '../../src/replies/policy.js';
import type { Message, SendRequest } from '../../src/types/generated.js';
import { clone, seedButton, seedList } from '../helpers/seed.js';

const ID = 'a'.repeat(32);

function sentMessage(request: SendRequest): Message {
  const { to, from, ...rest } = request;
  return buildOutboundMessage({ id: ID, conversationId: 'b'.repeat(32), channelId: from, to, from: '+31970102030', request: rest, nowMs: 0 });
}

const button = sentMessage(seedButton);
const list = sentMessage(seedList);
const text = sentMessage({ to: '+9999999999', from: 'channel', type: 'text', content: { text: 'hello' } });
const random = () => createRandom(42);

function ok(result: ChosenReply) {
  if (!result.ok) throw new Error(`expected a reply, got ${result.error.message}`);
  return result;
}

function failure(result: ChosenReply) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.content)}`);
  expect(result.error.status).toBe(422);
  return result.error.items[0]!;
}

describe('chooseReply on a button message', () => {
  it('presses the button with the chosen id, with its title as text', () => {
    const reply = ok(chooseReply(button, { choice: 'no-unique-id' }, random()));
    expect(reply.type).toBe('interactive');
    expect(reply.content).toEqual({ interactive: { type: 'button_reply', reply: { id: 'no-unique-id', text: 'No' } } });
    expect(reply.summary).toBe('button "No" → no-unique-id');
  });

  it('presses the nth button (0-based)', () => {
    const reply = ok(chooseReply(button, { index: 0 }, random()));
    expect(reply.content).toEqual({ interactive: { type: 'button_reply', reply: { id: 'yes-unique-id', text: 'Yes' } } });
  });

  it('picks a random button among those offered', () => {
    const reply = ok(chooseReply(button, { random: true }, random()));
    expect(['yes-unique-id', 'no-unique-id']).toContain((reply.content as { interactive: { reply: { id: string } } }).interactive.reply.id);
  });

  it('rejects a choice the message does not offer, listing the ids it does', () => {
    const item = failure(chooseReply(button, { choice: 'maybe' }, random()));
    expect(item).toMatchObject({ code: 10, parameter: 'choice' });
    expect(item.description).toContain('"maybe"');
    expect(item.description).toContain('"yes-unique-id", "no-unique-id"');
  });

  it.each([2, -1, 0.5])('rejects index %s, naming the valid range', (index) => {
    const item = failure(chooseReply(button, { index }, random()));
    expect(item).toMatchObject({ code: 10, parameter: 'index' });
    expect(item.description).toContain(`index ${index} is out of range`);
    expect(item.description).toContain('0–1');
  });
});

describe('chooseReply on a list message', () => {
  it('answers a row with id, title as text, and description', () => {
    const reply = ok(chooseReply(list, { choice: 'unique-row-identifier-2' }, random()));
    expect(reply.content).toEqual({
      interactive: {
        type: 'list_reply',
        reply: { id: 'unique-row-identifier-2', text: 'row-title-content-2', description: 'row-description-content-2' },
      },
    });
    expect(reply.summary).toBe('list row "row-title-content-2" → unique-row-identifier-2');
  });

  it('counts the index across sections', () => {
    const reply = ok(chooseReply(list, { index: 1 }, random()));
    expect(reply.content).toMatchObject({ interactive: { reply: { id: 'unique-row-identifier-2' } } });
  });

  it('leaves description out when the row has none', () => {
    const request = clone(seedList);
    const interactive = (request.content as { interactive: { action: { sections: { rows: { description?: string }[] }[] } } }).interactive;
    delete interactive.action.sections[0]!.rows[0]!.description;
    const reply = ok(chooseReply(sentMessage(request), { index: 0 }, random()));
    expect(reply.content).toEqual({ interactive: { type: 'list_reply', reply: { id: 'unique-row-identifier-1', text: 'row-title-content-1' } } });
  });

  it('rejects a row id that is not in the list, listing the row ids', () => {
    const item = failure(chooseReply(list, { choice: 'unique-row-identifier-3' }, random()));
    expect(item.description).toContain('"unique-row-identifier-1", "unique-row-identifier-2"');
  });

  it('rejects an index past the last row', () => {
    expect(failure(chooseReply(list, { index: 2 }, random())).description).toContain('2 rows');
  });
});

describe('chooseReply with free text and on other messages', () => {
  it.each([button, list, text])('answers any sent message with {text}', (sent) => {
    const reply = ok(chooseReply(sent, { text: 'Maybe later' }, random()));
    expect(reply).toMatchObject({ type: 'text', content: { text: 'Maybe later' }, summary: 'text "Maybe later"' });
  });

  it.each<ReplySpec>([{ choice: 'x' }, { index: 0 }, { random: true }])('explains that %j needs an interactive message', (spec) => {
    const item = failure(chooseReply(text, spec, random()));
    expect(item.parameter).toBe(Object.keys(spec)[0]);
    expect(item.description).toContain('only interactive button or list messages');
    expect(item.description).toContain('{"text": "..."}');
  });

  it('refuses to answer a message the user sent (direction received)', () => {
    const received = { ...button, direction: 'received', status: 'received' } as Message;
    const item = failure(chooseReply(received, { text: 'hi' }, random()));
    expect(item.description).toContain('received from the user');
  });
});

describe('chooseReply randomness', () => {
  const picks = (seed: number) => {
    const r = createRandom(seed);
    return Array.from({ length: 20 }, () => ok(chooseReply(list, { random: true }, r)).summary);
  };

  it('repeats the same picks for the same seed', () => {
    expect(picks(7)).toEqual(picks(7));
  });

  it('picks every option sooner or later', () => {
    expect(new Set(picks(7)).size).toBe(2);
  });
});
