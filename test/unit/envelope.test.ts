import { describe, expect, it } from 'vitest';
import { createNameSource } from '../../src/core/contact-names.js';
import { EventBus } from '../../src/core/events.js';
import { createMessaging } from '../../src/core/messaging.js';
import { createIds } from '../../src/ids.js';
import { Store } from '../../src/store/store.js';
import { createSchemaRegistry } from '../../src/validation/schema-registry.js';
import { buildEnvelope } from '../../src/webhooks/envelope.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { clone, seedButton } from '../helpers/seed.js';

const validate = createSchemaRegistry().validator('webhook-event');

function setup() {
  const store = new Store(100);
  const messaging = createMessaging({
    store,
    ids: createIds(7),
    clock: createFakeClock(),
    names: createNameSource(7),
    events: new EventBus(),
    channelNumber: '+31970102030',
  });
  const sent = messaging.send(clone(seedButton));
  const conversation = messaging.view(store.conversations.get(sent.conversationId)!);
  return { messaging, store, sent, conversation };
}

const problems = () => JSON.stringify(validate.errors, null, 2);

describe('buildEnvelope', () => {
  it('wraps the seed button message as message.created: {type, contact, conversation, message}, schema-valid', () => {
    const { sent, conversation } = setup();
    const envelope = buildEnvelope({ type: 'message.created', conversation, message: sent });
    expect(Object.keys(envelope)).toEqual(['type', 'contact', 'conversation', 'message']);
    expect(envelope.contact).toEqual(conversation.contact);
    expect(envelope.message).toMatchObject({ id: sent.id, direction: 'sent', type: 'interactive' });
    expect(validate(JSON.parse(JSON.stringify(envelope))), problems()).toBe(true);
  });

  it('carries the updated message on message.updated', () => {
    const { messaging, store, sent } = setup();
    const delivered = messaging.updateStatus(sent.id, 'delivered')!;
    const conversation = messaging.view(store.conversations.get(sent.conversationId)!);
    const envelope = buildEnvelope({ type: 'message.updated', conversation, message: delivered });
    expect(envelope.message?.status).toBe('delivered');
    expect(validate(JSON.parse(JSON.stringify(envelope))), problems()).toBe(true);
  });

  it('omits message for conversation.* events and stays schema-valid', () => {
    const { conversation } = setup();
    for (const type of ['conversation.created', 'conversation.updated'] as const) {
      const envelope = buildEnvelope({ type, conversation });
      expect(envelope).not.toHaveProperty('message');
      expect(validate(JSON.parse(JSON.stringify(envelope))), problems()).toBe(true);
    }
  });

  it('refuses a message.* event without its message, and a conversation.* event with one', () => {
    const { sent, conversation } = setup();
    expect(() => buildEnvelope({ type: 'message.created', conversation })).toThrow(/needs the message/);
    expect(() => buildEnvelope({ type: 'conversation.created', conversation, message: sent })).toThrow(/carries no message/);
  });

  it("refuses a message from another conversation", () => {
    const { sent, conversation } = setup();
    const stray = { ...sent, conversationId: 'ffffffffffffffffffffffffffffffff' };
    expect(() => buildEnvelope({ type: 'message.created', conversation, message: stray })).toThrow(/belongs to conversation/);
  });
});
