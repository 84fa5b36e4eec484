import type { Contact, Message } from '../types/generated.js';
import { BoundedMap } from './bounded-map.js';

/** What the mock remembers of a conversation; the API view is derived from it (core/conversation-view). */
export interface ConversationRecord {
  id: string;
  contactId: string;
  msisdn: string;
  channelId: string;
  status: 'active' | 'archived';
  createdMs: number;
  updatedMs: number;
  lastReceivedMs: number;
  lastMessageId: string | undefined;
}

export interface MessageFilter {
  direction?: Message['direction'] | undefined;
  to?: string | undefined;
  conversationId?: string | undefined;
}

/**
 * The in-memory store. Messages and conversations are bounded (newest N kept); contacts are few
 * and kept until reset.
 */
export class Store {
  readonly messages: BoundedMap<string, Message>;
  readonly conversations: BoundedMap<string, ConversationRecord>;
  readonly contactsByMsisdn = new Map<string, Contact>();
  /** conversationId → its message ids, oldest first. */
  private readonly byConversation = new Map<string, Set<string>>();
  /** `${channelId} ${msisdn}` → the active conversation's id. */
  private readonly active = new Map<string, string>();

  constructor(readonly maxMessages: number) {
    this.messages = new BoundedMap(maxMessages, (id, m) => this.byConversation.get(m.conversationId)?.delete(id));
    this.conversations = new BoundedMap(maxMessages, (id, c) => {
      this.byConversation.delete(id);
      if (this.active.get(activeKey(c.channelId, c.msisdn)) === id) this.active.delete(activeKey(c.channelId, c.msisdn));
    });
  }

  saveMessage(message: Message): void {
    this.messages.set(message.id, message);
    let ids = this.byConversation.get(message.conversationId);
    if (!ids) this.byConversation.set(message.conversationId, (ids = new Set()));
    ids.add(message.id);
  }

  conversationMessages(conversationId: string): Message[] {
    const ids = this.byConversation.get(conversationId) ?? new Set<string>();
    return [...ids].map((id) => this.messages.get(id)).filter((m): m is Message => m !== undefined);
  }

  conversationMessageCount(conversationId: string): number {
    return this.byConversation.get(conversationId)?.size ?? 0;
  }

  listMessages(filter: MessageFilter = {}): Message[] {
    return [...this.messages.values()].filter(
      (m) =>
        (filter.direction === undefined || m.direction === filter.direction) &&
        (filter.to === undefined || m.to === filter.to) &&
        (filter.conversationId === undefined || m.conversationId === filter.conversationId),
    );
  }

  saveConversation(record: ConversationRecord): void {
    this.conversations.set(record.id, record);
    const key = activeKey(record.channelId, record.msisdn);
    if (record.status === 'active') this.active.set(key, record.id);
    else if (this.active.get(key) === record.id) this.active.delete(key);
  }

  activeConversation(channelId: string, msisdn: string): ConversationRecord | undefined {
    const id = this.active.get(activeKey(channelId, msisdn));
    return id === undefined ? undefined : this.conversations.get(id);
  }

  clear(): void {
    this.messages.clear();
    this.conversations.clear();
    this.contactsByMsisdn.clear();
    this.byConversation.clear();
    this.active.clear();
  }
}

const activeKey = (channelId: string, msisdn: string) => `${channelId} ${msisdn}`;
