import { rfc3339 } from '../clock.js';
import type { ConversationRecord } from '../store/store.js';
import type { Contact, Conversation } from '../types/generated.js';

export interface ViewContext {
  contact: Contact;
  messageCount: number;
  /** How the mock names the WhatsApp channel the conversation runs on. */
  channelCreatedMs: number;
}

/** The API's conversation object, derived from what the store keeps. */
export function conversationView(record: ConversationRecord, ctx: ViewContext): Conversation {
  return {
    id: record.id,
    contactId: record.contactId,
    contact: ctx.contact,
    channels: [
      {
        id: record.channelId,
        name: 'WhatsApp (conversations-mock)',
        platformId: 'whatsapp',
        status: 'active',
        createdDatetime: rfc3339(ctx.channelCreatedMs),
        updatedDatetime: null,
      },
    ],
    status: record.status,
    createdDatetime: rfc3339(record.createdMs),
    updatedDatetime: rfc3339(record.updatedMs),
    lastReceivedDatetime: rfc3339(record.lastReceivedMs),
    lastUsedChannelId: record.channelId,
    messages: {
      totalCount: ctx.messageCount,
      href: `https://conversations.messagebird.com/v1/conversations/${record.id}/messages`,
      ...(record.lastMessageId ? { lastMessageId: record.lastMessageId } : {}),
    },
  };
}
