import { describe, expect, it } from 'vitest';
import { createFactories } from '../../src/contract/factories.js';
import { fixture } from '../../src/contract/fixtures.js';
import { validate } from '../../src/contract/validate.js';
import type { Message } from '../../src/types/generated.js';

describe('contract factories', () => {
  const f = createFactories(42);

  it('build schema-valid messages, replies and envelopes', () => {
    const button = f.buttonMessage();
    const list = f.listMessage({ to: '+31612345678' });
    expect(validate('send-request', button)).toEqual({ ok: true, value: button });
    expect(validate('send-request', list).ok).toBe(true);
    const sentList = f.sentMessage(list);
    const reply = f.listReply(sentList, 'row-2-1');
    expect(validate('message', reply).ok).toBe(true);
    expect(reply).toMatchObject({ replyTo: { id: sentList.id }, content: { interactive: { type: 'list_reply', reply: { id: 'row-2-1' } } } });
    expect(validate('webhook-event', f.webhookEvent(reply)).ok).toBe(true);
    expect(validate('webhook-event', f.webhookEvent(reply, 'conversation.created')).ok).toBe(true);
  });

  it('answer the seed button message with the chosen button', () => {
    const sent = f.sentMessage(fixture('send-request', 'seed-button') as Message);
    expect(f.buttonReply(sent, 'yes-unique-id').content).toEqual({
      interactive: { type: 'button_reply', reply: { id: 'yes-unique-id', text: 'Yes' } },
    });
    expect(() => f.buttonReply(sent, 'maybe')).toThrow(/offers: "yes-unique-id", "no-unique-id"/);
  });

  it('repeat exactly with the same seed', () => {
    expect(createFactories(7).buttonMessage()).toEqual(createFactories(7).buttonMessage());
    expect(createFactories(7).buttonMessage()).not.toEqual(createFactories(8).buttonMessage());
  });

  it('validate() answers in MessageBird\'s error format', () => {
    const result = validate('send-request', { to: '+1', type: 'text', content: { text: '' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ code: 9, description: 'from is required', parameter: 'from' });
  });
});
