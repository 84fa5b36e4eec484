import { rfc3339, type Clock } from '../clock.js';
import { errors } from '../errors.js';
import type { IdSource } from '../ids.js';
import type { ConversationRecord, Store } from '../store/store.js';
import type { Contact, Conversation, Message, SendRequest } from '../types/generated.js';
import type { PersonName } from './contact-names.js';
import { createContacts } from './contacts.js';
import { conversationView } from './conversation-view.js';
import type { EventBus } from './events.js';
import { buildOutboundMessage } from './outbound-message.js';

export interface MessagingDeps {
  store: Store;
  ids: IdSource;
  clock: Clock;
  names: (msisdn: string) => PersonName;
  events: EventBus;
  /** The business number of the mock's WhatsApp channel. */
  channelNumber: string;
}

/** What the simulated user sends. `conversationId` (a reply) wins over `channelId` + `from`. */
export interface InboundInput {
  from: string;
  channelId: string;
  conversationId?: string;
  type: Message['type'];
  content: Message['content'];
  /** The id of the message this answers. */
  replyTo?: string;
}

type OutboundRequest = Omit<SendRequest, 'to' | 'from'>;

/**
 * Conversations and messages: the rules of the API (one active conversation per contact and
 * channel, resume on send, archived conversations are not written to) over the in-memory store.
 */
export function createMessaging(deps: MessagingDeps) {
  const { store, ids, clock, events } = deps;
  const startedMs = clock.now();

  const contactFor = createContacts(deps);

  function msisdnOf(contact: Contact): string {
    return `+${contact.msisdn}`;
  }

  /** The active conversation of this contact on this channel, or a new one. */
  function openConversation(channelId: string, recipient: string): ConversationRecord {
    const contact = contactFor(recipient);
    const msisdn = msisdnOf(contact);
    const active = store.activeConversation(channelId, msisdn);
    if (active) return active;
    const now = clock.now();
    const record: ConversationRecord = {
      id: ids.next(),
      contactId: contact.id,
      msisdn,
      channelId,
      status: 'active',
      createdMs: now,
      updatedMs: now,
      lastReceivedMs: now,
      lastMessageId: undefined,
    };
    store.saveConversation(record);
    events.emit({ type: 'conversation.created', conversationId: record.id });
    return record;
  }

  function record(message: Message, conversation: ConversationRecord): Message {
    store.saveMessage(message);
    store.saveConversation({ ...conversation, updatedMs: clock.now(), lastReceivedMs: clock.now(), lastMessageId: message.id });
    events.emit({ type: 'message.created', conversationId: conversation.id, messageId: message.id });
    return message;
  }

  function sendIn(conversation: ConversationRecord, request: OutboundRequest, channelId: string): Message {
    const message = buildOutboundMessage({
      id: ids.next(),
      conversationId: conversation.id,
      channelId,
      to: conversation.msisdn,
      from: deps.channelNumber,
      request,
      nowMs: clock.now(),
    });
    return record(message, conversation);
  }

  function requireConversation(id: string): ConversationRecord {
    const found = store.conversations.get(id);
    if (!found) throw errors.notFound('conversation', id);
    return found;
  }

  return {
    contactFor,
    openConversation,
    record,
    requireConversation,

    send(request: SendRequest): Message {
      const { to, from, ...rest } = request;
      return sendIn(openConversation(from, to), rest, from);
    },

    start(request: OutboundRequest & { to: string; channelId: string }): ConversationRecord {
      const { to, channelId, ...rest } = request;
      const conversation = openConversation(channelId, to);
      sendIn(conversation, rest, channelId);
      return store.conversations.get(conversation.id)!;
    },

    /** Writing to an archived conversation starts a new one, as the real API does. */
    reply(conversationId: string, request: OutboundRequest & { channelId?: string }): Message {
      const existing = requireConversation(conversationId);
      const { channelId = existing.channelId, ...rest } = request;
      const conversation = existing.status === 'archived' ? openConversation(channelId, existing.msisdn) : existing;
      return sendIn(conversation, rest, channelId);
    },

    setStatus(conversationId: string, status: ConversationRecord['status']): ConversationRecord {
      const existing = requireConversation(conversationId);
      if (existing.status === status) return existing;
      const other = store.activeConversation(existing.channelId, existing.msisdn);
      if (status === 'active' && other) store.saveConversation({ ...other, status: 'archived', updatedMs: clock.now() });
      const updated = { ...existing, status, updatedMs: clock.now() };
      store.saveConversation(updated);
      events.emit({ type: 'conversation.updated', conversationId });
      return updated;
    },

    /** A message from the user (simulated): resumes or opens the conversation and stores it. */
    receive(input: InboundInput): Message {
      const conversation = input.conversationId
        ? requireConversation(input.conversationId)
        : openConversation(input.channelId, input.from);
      const now = clock.now();
      const message = {
        id: ids.next(),
        conversationId: conversation.id,
        platform: 'whatsapp',
        to: deps.channelNumber,
        from: conversation.msisdn,
        channelId: conversation.channelId,
        type: input.type,
        content: input.content,
        direction: 'received',
        status: 'received',
        createdDatetime: rfc3339(now),
        updatedDatetime: rfc3339(now),
        ...(input.replyTo ? { replyTo: { id: input.replyTo } } : {}),
      } as Message;
      return record(message, conversation);
    },

    /** Moves a message's status on (sent → delivered → read, or failed) and says so. */
    updateStatus(messageId: string, status: Message['status'], error?: Message['error']): Message | undefined {
      const current = store.messages.get(messageId);
      if (!current) return undefined; // evicted meanwhile: nothing left to update
      const updated = { ...current, status, updatedDatetime: rfc3339(clock.now()), ...(error ? { error } : {}) } as Message;
      store.saveMessage(updated);
      events.emit({ type: 'message.updated', conversationId: updated.conversationId, messageId });
      return updated;
    },

    view(conversation: ConversationRecord): Conversation {
      const contact = contactFor(conversation.msisdn);
      const messageCount = store.conversationMessageCount(conversation.id);
      return conversationView(conversation, { contact, messageCount, channelCreatedMs: startedMs });
    },
  };
}

export type Messaging = ReturnType<typeof createMessaging>;
