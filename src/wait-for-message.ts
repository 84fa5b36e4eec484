import type { MockInstance } from './mock.js';
import type { Message } from './types/generated.js';

/**
 * Resolves with the first message (stored already, or created or updated later) that matches.
 * Event-driven: no polling, no sleeping.
 */
export function waitForMessage(mock: MockInstance, predicate: (m: Message) => boolean, timeoutMs: number): Promise<Message> {
  const existing = mock.store.listMessages().find(predicate);
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      const seen = mock.store.listMessages().map((m) => `${m.direction} ${m.type} ${m.id} (${m.status})`);
      reject(new Error(`waitForMessage: no matching message within ${timeoutMs} ms; messages so far: ${seen.join(', ') || 'none'}`));
    }, timeoutMs);
    const off = mock.events.on((event) => {
      const message = event.messageId ? mock.store.messages.get(event.messageId) : undefined;
      if (message && predicate(message)) {
        clearTimeout(timer);
        off();
        resolve(message);
      }
    });
  });
}
