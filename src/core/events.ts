import type { WebhookEventType } from '../config.js';

/** Something happened that subscribers (webhooks, scripts, waiters) may react to. */
export interface MockEvent {
  type: WebhookEventType;
  conversationId: string;
  /** For message.* events. */
  messageId?: string;
}

export type EventListener = (event: MockEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners run synchronously, so they see the store exactly as it was when the event happened. */
  emit(event: MockEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
