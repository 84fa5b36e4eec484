import type { WebhookEvent, WebhookEventType } from '../types/generated.js';
import { BoundedMap } from '../store/bounded-map.js';

export type DeliveryState = 'pending' | 'delivered' | 'failed';
export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];

export interface DeliveryAttempt {
  /** RFC 3339 start time of the attempt. */
  at: string;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** `timeout after 5000 ms`, `ECONNREFUSED`, `HTTP 500`… when the attempt failed. */
  error?: string;
  durationMs: number;
}

/** One envelope on its way to one subscription. */
export interface Delivery {
  id: string;
  type: WebhookEventType;
  url: string;
  subscriptionId: string;
  messageId?: string;
  conversationId: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Why a failed delivery failed. */
  error?: string;
  payload: WebhookEvent;
}

export type NewDelivery = Omit<Delivery, 'state' | 'attempts' | 'error'>;

export interface DeliveryFilter {
  state?: DeliveryState | undefined;
  type?: WebhookEventType | undefined;
  messageId?: string | undefined;
  conversationId?: string | undefined;
  url?: string | undefined;
}

export type DeliveryMatch = DeliveryFilter | ((delivery: Delivery) => boolean);

export interface WaitOptions {
  /** Wall-clock time to wait; the default is 5000 ms. */
  timeoutMs?: number;
  /** Says what is awaited in the timeout error when the match is a function. */
  description?: string;
}

export function matchesFilter(delivery: Delivery, filter: DeliveryFilter): boolean {
  return (
    (filter.state === undefined || delivery.state === filter.state) &&
    (filter.type === undefined || delivery.type === filter.type) &&
    (filter.messageId === undefined || delivery.messageId === filter.messageId) &&
    (filter.conversationId === undefined || delivery.conversationId === filter.conversationId) &&
    (filter.url === undefined || delivery.url === filter.url)
  );
}

/** A copy the caller may keep: later attempts do not change it under their feet. */
const snapshot = (d: Delivery): Delivery => ({ ...d, attempts: d.attempts.map((a) => ({ ...a })) });

export function describeDelivery(d: Delivery): string {
  const attempts = d.attempts.map((a) => (a.status !== undefined && a.error === undefined ? `${a.status}` : a.error)).join(', ');
  const subject = d.messageId ? `message ${d.messageId}` : `conversation ${d.conversationId}`;
  return `${d.id} ${d.type} (${subject}) → ${d.url}: ${d.state}${attempts ? ` [${attempts}]` : ''}`;
}

function describeMatch(match: DeliveryMatch, description: string | undefined): string {
  if (description) return description;
  if (typeof match === 'function') return `a delivery matching ${match.toString().replace(/\s+/g, ' ').slice(0, 200)}`;
  const set = Object.entries(match).filter(([, v]) => v !== undefined);
  return set.length === 0 ? 'any delivery' : `a delivery with ${set.map(([k, v]) => `${k}=${v}`).join(', ')}`;
}

interface Waiter {
  matches: (d: Delivery) => boolean;
  resolve: (d: Delivery) => void;
}

/**
 * Every webhook delivery and its attempts, oldest first. Settled deliveries are kept up to
 * `maxSettled` (the oldest settled go first); pending ones are never evicted, so a test waiting
 * on a slow delivery always finds it.
 */
export function createJournal({ maxSettled }: { maxSettled: number }) {
  const entries = new Map<string, Delivery>();
  /** Settled ids in the order they settled: the eviction order. */
  const settled = new BoundedMap<string, true>(maxSettled, (oldest) => entries.delete(oldest));
  const waiters = new Set<Waiter>();

  function changed(delivery: Delivery): void {
    if (waiters.size === 0) return;
    for (const waiter of waiters) {
      if (waiter.matches(delivery)) {
        waiters.delete(waiter);
        waiter.resolve(snapshot(delivery));
      }
    }
  }

  function list(filter: DeliveryFilter = {}): Delivery[] {
    const out: Delivery[] = [];
    for (const delivery of entries.values()) if (matchesFilter(delivery, filter)) out.push(snapshot(delivery));
    return out;
  }

  return {
    get size(): number {
      return entries.size;
    },

    add(init: NewDelivery): void {
      const delivery: Delivery = { ...init, state: 'pending', attempts: [] };
      entries.set(delivery.id, delivery);
      changed(delivery);
    },

    recordAttempt(id: string, attempt: DeliveryAttempt): void {
      // Missing: cleared by reset() while its request was in flight; nothing left to record.
      const delivery = entries.get(id);
      if (!delivery || delivery.state !== 'pending') return;
      delivery.attempts.push(attempt);
      changed(delivery);
    },

    settle(id: string, state: Exclude<DeliveryState, 'pending'>, error?: string): void {
      const delivery = entries.get(id);
      if (!delivery || delivery.state !== 'pending') return;
      delivery.state = state;
      if (error !== undefined) delivery.error = error;
      settled.set(id, true);
      changed(delivery);
    },

    get(id: string): Delivery | undefined {
      const delivery = entries.get(id);
      return delivery && snapshot(delivery);
    },

    list,

    pending: (): Delivery[] => list({ state: 'pending' }),

    /** The first delivery, present or future, that matches; rejects after `timeoutMs` saying what exists. */
    waitFor(match: DeliveryMatch, { timeoutMs = 5000, description }: WaitOptions = {}): Promise<Delivery> {
      const matches = typeof match === 'function' ? match : (d: Delivery) => matchesFilter(d, match);
      for (const delivery of entries.values()) if (matches(delivery)) return Promise.resolve(snapshot(delivery));
      return new Promise<Delivery>((resolve, reject) => {
        // Wall-clock on purpose: this bounds how long a caller waits, not a delay of the mock.
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const all = [...entries.values()];
          const shown = all.slice(-10).map((d) => `  ${describeDelivery(d)}`);
          const what = all.length === 0 ? 'the journal is empty (is a webhook URL configured and the event subscribed?)'
            : `the journal has ${all.length} deliveries${all.length > 10 ? ', the newest 10' : ''}:\n${shown.join('\n')}`;
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describeMatch(match, description)}; ${what}`));
        }, timeoutMs);
        const waiter: Waiter = { matches, resolve: (d) => (clearTimeout(timer), resolve(d)) };
        waiters.add(waiter);
      });
    },

    /** Forgets every delivery; waiters keep waiting for future ones. */
    clear(): void {
      entries.clear();
      settled.clear();
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
