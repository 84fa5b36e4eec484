import type { Conversation, Message, WebhookEvent, WebhookEventType } from '../types/generated.js';

export interface EnvelopeInput {
  type: WebhookEventType;
  /** The API view of the conversation (messaging.view), as it is at event time. */
  conversation: Conversation;
  /** Required for message.* events, refused for conversation.* events. */
  message?: Message | undefined;
}

export const isMessageEvent = (type: WebhookEventType): boolean => type.startsWith('message.');

/**
 * What MessageBird POSTs: `{type, contact, conversation, message}`. The top-level contact is the
 * conversation's own, which integrations read as `contact.displayName`.
 */
export function buildEnvelope({ type, conversation, message }: EnvelopeInput): WebhookEvent {
  if (isMessageEvent(type)) {
    if (!message) throw new Error(`A ${type} envelope needs the message; got none for conversation ${conversation.id}`);
    if (message.conversationId !== conversation.id) {
      throw new Error(
        `Message ${message.id} belongs to conversation ${message.conversationId}, not ${conversation.id}; pass the message's own conversation`,
      );
    }
    return { type, contact: conversation.contact, conversation, message };
  }
  if (message) throw new Error(`A ${type} envelope carries no message; got message ${message.id}`);
  return { type, contact: conversation.contact, conversation };
}
