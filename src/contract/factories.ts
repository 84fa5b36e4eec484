import { createFaker } from '../fake.js';
import { rfc3339 } from '../clock.js';
import { chooseReply } from '../replies/choose-reply.js';
import { createRandom } from '../random.js';
import type { Contact, Conversation, Message, SendRequest, WebhookEvent } from '../types/generated.js';

type Sendable = Omit<SendRequest, 'type' | 'content'> & Pick<Message, 'type' | 'content'>;

/**
 * Seeded builders of schema-valid payloads for an app's own tests: the messages an app sends,
 * the replies and webhook envelopes the API sends back. Same seed, same data.
 */
export function createFactories(seed = 1) {
  const faker = createFaker(seed);
  const random = createRandom(seed);
  const hex = () => faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
  const phone = () => `+316${faker.string.numeric(8)}`;
  const short = (max: number) => faker.lorem.words({ min: 1, max: 2 }).slice(0, max);
  const now = () => rfc3339(Date.UTC(2026, 0, 1) + faker.number.int({ min: 0, max: 86_400_000 }));
  const base = (overrides: Partial<SendRequest>) => ({ to: phone(), from: hex(), ...overrides });

  function buttonMessage(overrides: Partial<SendRequest> = {}): SendRequest {
    const titles = faker.helpers.uniqueArray(() => short(20), faker.number.int({ min: 2, max: 3 }));
    const buttons = titles.map((title, i) => ({ id: `button-${i + 1}-${faker.string.alphanumeric(6)}`, type: 'reply' as const, title }));
    return {
      ...base(overrides),
      type: 'interactive',
      content: { interactive: { type: 'button', body: { text: faker.lorem.sentence() }, action: { buttons } } },
      ...overrides,
    } as SendRequest;
  }

  function listMessage(overrides: Partial<SendRequest> = {}): SendRequest {
    const sections = [1, 2].map((s) => ({
      title: short(24),
      rows: [1, 2].map((r) => ({ id: `row-${s}-${r}`, title: short(24), description: faker.lorem.sentence().slice(0, 72) })),
    }));
    return {
      ...base(overrides),
      type: 'interactive',
      content: { interactive: { type: 'list', body: { text: faker.lorem.sentence() }, action: { button: 'Menu', sections } } },
      ...overrides,
    } as SendRequest;
  }

  /** The stored form of a message the app sent, as GET /v1/messages/{id} returns it. */
  function sentMessage(request: Sendable, overrides: Partial<Message> = {}): Message {
    const at = now();
    return {
      id: hex(), conversationId: hex(), platform: 'whatsapp', to: request.to, from: '+31970102030',
      channelId: request.from, type: request.type, content: request.content, direction: 'sent', status: 'delivered',
      createdDatetime: at, updatedDatetime: at, ...overrides,
    } as Message;
  }

  /** The user's answer to `sent`: a button/row id, or a seeded random option when none is given. */
  function replyTo(sent: Message, choice?: string): Message {
    const chosen = chooseReply(sent, choice === undefined ? { random: true } : { choice }, random);
    if (!chosen.ok) throw new Error(chosen.error.message);
    const at = now();
    return {
      id: hex(), conversationId: sent.conversationId, platform: 'whatsapp', to: sent.from, from: sent.to,
      channelId: sent.channelId, type: chosen.type, content: chosen.content, direction: 'received', status: 'received',
      replyTo: { id: sent.id }, createdDatetime: at, updatedDatetime: at,
    } as Message;
  }

  function webhookEvent(message: Message, type: WebhookEvent['type'] = 'message.created'): WebhookEvent {
    const msisdn = (message.direction === 'sent' ? message.to : message.from).replace(/^\+/, '');
    const [firstName, lastName] = [faker.person.firstName(), faker.person.lastName()];
    const at = message.createdDatetime;
    const contact: Contact = {
      id: hex(), href: '', msisdn, firstName, lastName, displayName: `${firstName} ${lastName}`,
      customDetails: {}, createdDatetime: at, updatedDatetime: null,
    };
    const conversation: Conversation = {
      id: message.conversationId, contactId: contact.id, contact, status: 'active',
      channels: [{ id: message.channelId, name: 'WhatsApp', platformId: 'whatsapp', status: 'active', createdDatetime: at, updatedDatetime: null }],
      createdDatetime: at, updatedDatetime: at, lastReceivedDatetime: at, lastUsedChannelId: message.channelId,
      messages: { totalCount: 1, href: '', lastMessageId: message.id },
    };
    return type.startsWith('message.') ? { type, contact, conversation, message } : { type, contact, conversation };
  }

  return {
    buttonMessage,
    listMessage,
    sentMessage,
    buttonReply: (sent: Message, choice?: string) => replyTo(sent, choice),
    listReply: (sent: Message, choice?: string) => replyTo(sent, choice),
    webhookEvent,
  };
}

export const { buttonMessage, listMessage, sentMessage, buttonReply, listReply, webhookEvent } = createFactories();
