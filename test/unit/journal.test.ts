import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../../src/types/generated.js';
import { createJournal, type NewDelivery } from '../../src/webhooks/journal.js';

const payload = { type: 'message.created' } as WebhookEvent;

function delivery(n: number, over: Partial<NewDelivery> = {}): NewDelivery {
  return {
    id: `d${n}`,
    type: 'message.created',
    url: 'http://127.0.0.1:1/hook',
    subscriptionId: 's1',
    messageId: `m${n}`,
    conversationId: 'c1',
    payload,
    ...over,
  };
}

const attempt = (status: number) => ({ at: '2026-01-15T10:00:00.000Z', status, durationMs: 3 });

describe('journal', () => {
  it('lists deliveries oldest first, filtered by state, type, messageId and url', () => {
    const journal = createJournal({ maxSettled: 10 });
    journal.add(delivery(1));
    journal.add(delivery(2, { type: 'message.updated', url: 'http://127.0.0.1:2/other' }));
    journal.add(delivery(3));
    journal.recordAttempt('d1', attempt(200));
    journal.settle('d1', 'delivered');

    expect(journal.list().map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
    expect(journal.list({ state: 'pending' }).map((d) => d.id)).toEqual(['d2', 'd3']);
    expect(journal.list({ type: 'message.updated' }).map((d) => d.id)).toEqual(['d2']);
    expect(journal.list({ messageId: 'm3' }).map((d) => d.id)).toEqual(['d3']);
    expect(journal.list({ url: 'http://127.0.0.1:2/other' }).map((d) => d.id)).toEqual(['d2']);
    expect(journal.get('d1')).toMatchObject({ state: 'delivered', attempts: [attempt(200)] });
  });

  it('hands out copies: later attempts do not change a delivery already returned', () => {
    const journal = createJournal({ maxSettled: 10 });
    journal.add(delivery(1));
    const before = journal.get('d1')!;
    journal.recordAttempt('d1', attempt(500));
    expect(before.attempts).toEqual([]);
    expect(journal.get('d1')!.attempts).toHaveLength(1);
  });

  it('evicts the oldest settled deliveries beyond the bound but never a pending one', () => {
    const journal = createJournal({ maxSettled: 2 });
    for (let n = 1; n <= 5; n++) journal.add(delivery(n));
    for (const n of [2, 3, 4, 5]) journal.settle(`d${n}`, 'failed', 'gave up');
    expect(journal.list().map((d) => d.id)).toEqual(['d1', 'd4', 'd5']);
    expect(journal.get('d1')?.state).toBe('pending');
  });

  it('ignores attempts and settlements for unknown or already settled deliveries', () => {
    const journal = createJournal({ maxSettled: 10 });
    journal.add(delivery(1));
    journal.settle('d1', 'delivered');
    journal.recordAttempt('d1', attempt(500));
    journal.settle('d1', 'failed', 'late');
    journal.recordAttempt('nope', attempt(200));
    expect(journal.get('d1')).toMatchObject({ state: 'delivered', attempts: [] });
    expect(journal.get('d1')).not.toHaveProperty('error');
  });

  it('waitFor resolves with a delivery already present', async () => {
    const journal = createJournal({ maxSettled: 10 });
    journal.add(delivery(1));
    await expect(journal.waitFor({ messageId: 'm1' })).resolves.toMatchObject({ id: 'd1' });
  });

  it('waitFor resolves when a later change makes a delivery match', async () => {
    const journal = createJournal({ maxSettled: 10 });
    const waiting = journal.waitFor((d) => d.state === 'delivered' && d.messageId === 'm2', { timeoutMs: 1000 });
    journal.add(delivery(1));
    journal.add(delivery(2));
    journal.recordAttempt('d2', attempt(200));
    journal.settle('d2', 'delivered');
    await expect(waiting).resolves.toMatchObject({ id: 'd2', state: 'delivered', attempts: [attempt(200)] });
  });

  it('waitFor rejects on timeout saying what it waited for and what exists', async () => {
    const journal = createJournal({ maxSettled: 10 });
    journal.add(delivery(1));
    journal.recordAttempt('d1', { at: '2026-01-15T10:00:00.000Z', status: 500, error: 'HTTP 500', durationMs: 1 });
    const waiting = journal.waitFor({ state: 'delivered', messageId: 'm1' }, { timeoutMs: 20 });
    await expect(waiting).rejects.toThrow(/Timed out after 20 ms waiting for a delivery with state=delivered, messageId=m1; the journal has 1 deliveries:\n {2}d1 message.created \(message m1\) → http:\/\/127.0.0.1:1\/hook: pending \[HTTP 500\]/);
  });

  it('waitFor on an empty journal hints at the usual cause', async () => {
    const journal = createJournal({ maxSettled: 10 });
    await expect(journal.waitFor(() => true, { timeoutMs: 10, description: 'anything' })).rejects.toThrow(
      /waiting for anything; the journal is empty \(is a webhook URL configured/,
    );
  });

  it('clear forgets deliveries, while waiters keep waiting for future ones', async () => {
    const journal = createJournal({ maxSettled: 10 });
    journal.add(delivery(1));
    const waiting = journal.waitFor({ messageId: 'm2' }, { timeoutMs: 1000 });
    journal.clear();
    expect(journal.list()).toEqual([]);
    journal.add(delivery(2));
    await expect(waiting).resolves.toMatchObject({ id: 'd2' });
  });
});
