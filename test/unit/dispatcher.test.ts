import { describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import type { WebhookEvent } from '../../src/types/generated.js';
import { createDispatcher, isAcceptedStatus, SHUTDOWN_ERROR, type DispatcherDeps } from '../../src/webhooks/dispatcher.js';
import { createJournal, type Delivery } from '../../src/webhooks/journal.js';
import { SIGNATURE_JWT_HEADER } from '../../src/webhooks/sign.js';
import type { DeliveryTarget } from '../../src/webhooks/subscriptions.js';
import { verifyWebhook } from '../../src/webhooks/verify.js';
import { createFakeClock } from '../helpers/fake-clock.js';

type Reply = number | 'refuse' | 'hang';
interface Call {
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A fetch that answers from a script and, like undici, rejects when its signal aborts. */
function fakeFetch(script: Reply[], then: Reply = 200) {
  const calls: Call[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: init.body as Uint8Array });
    const reply = script.length > 0 ? script.shift()! : then;
    if (reply === 'refuse') {
      const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
      return Promise.reject(new TypeError('fetch failed', { cause }));
    }
    if (reply === 'hang') {
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return Promise.resolve(new Response(`status ${reply}`, { status: reply }));
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const BODY = Buffer.from('{"type":"message.created"}');
const URL = 'http://hook.test/x';

function setup(script: Reply[], opts: Partial<DispatcherDeps> & { then?: Reply } = {}) {
  const clock = createFakeClock();
  const journal = createJournal({ maxSettled: 100 });
  const logger = memoryLogger();
  const { fetch, calls } = fakeFetch(script, opts.then);
  const dispatcher = createDispatcher({ clock, fetch, logger, journal, signingKey: undefined, signatureUrl: 'exact', retryDelayMs: 500, ...opts });
  let n = 0;
  const send = (target: Partial<DeliveryTarget> = {}) => {
    const deliveryId = `d${++n}`;
    journal.add({ id: deliveryId, type: 'message.created', url: URL, subscriptionId: 's1', messageId: `m${n}`, conversationId: 'c1', payload: {} as WebhookEvent });
    dispatcher.enqueue({
      deliveryId,
      type: 'message.created',
      messageId: `m${n}`,
      conversationId: 'c1',
      target: { subscriptionId: 's1', url: URL, headers: {}, maxRetries: 5, timeoutMs: 5000, expectedStatus: undefined, ...target },
      body: BODY,
    });
    return deliveryId;
  };
  const attempts = (id: string, count: number) =>
    journal.waitFor((d) => d.id === id && d.attempts.length >= count, { timeoutMs: 1000, description: `${count} attempts of ${id}` });
  const settled = (id: string) => journal.waitFor((d) => d.id === id && d.state !== 'pending', { timeoutMs: 1000 });
  return { clock, journal, logger, calls, dispatcher, send, attempts, settled };
}

describe('dispatcher', () => {
  it('POSTs the exact bytes with JSON and User-Agent headers and records a delivered attempt', async () => {
    const { calls, send, settled, logger } = setup([200]);
    const id = send();
    const done: Delivery = await settled(id);
    expect(done).toMatchObject({ state: 'delivered', attempts: [{ status: 200, durationMs: 0, at: '2026-01-15T10:00:00.000Z' }] });
    expect(done.attempts[0]).not.toHaveProperty('error');
    expect(calls[0]!.body).toBe(BODY);
    expect(calls[0]!.headers).toMatchObject({ 'Content-Type': 'application/json', 'User-Agent': 'conversations-mock' });
    expect(calls[0]!.headers).not.toHaveProperty(SIGNATURE_JWT_HEADER);
    expect(logger.lines).toEqual([
      { level: 'info', message: `webhook POST ${URL} message.created attempt 1/6 → 200 (0 ms)`, fields: { delivery: id, messageId: 'm1' } },
    ]);
  });

  it('retries with doubling delays 500 → 1000 → 2000 → 4000 → 8000, then gives up after 1 + retries attempts', async () => {
    const { clock, send, attempts, settled, logger, calls } = setup([], { then: 500 });
    const id = send();
    const delays: number[] = [];
    for (let n = 1; n <= 5; n++) {
      await attempts(id, n);
      delays.push(...clock.pendingDelays());
      clock.advance(clock.pendingDelays()[0]!);
    }
    const failed = await settled(id);
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(calls).toHaveLength(6);
    expect(failed.state).toBe('failed');
    expect(failed.error).toBe('gave up after 6 attempts: last attempt failed with HTTP 500');
    expect(failed.attempts.map((a) => [a.status, a.error])).toEqual(Array(6).fill([500, 'HTTP 500']));
    expect(logger.lines[0]).toMatchObject({ level: 'warn', message: `webhook POST ${URL} message.created attempt 1/6 → HTTP 500 (0 ms); retrying in 500 ms` });
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', message: `webhook POST ${URL} message.created attempt 6/6 → HTTP 500 (0 ms); gave up after 6 attempts` });
  });

  it('succeeds on the attempt after failures and stops retrying', async () => {
    const { clock, send, attempts, settled } = setup([500, 'refuse', 200]);
    const id = send();
    await attempts(id, 1);
    clock.advance(500);
    await attempts(id, 2);
    clock.advance(1000);
    const done = await settled(id);
    expect(done.state).toBe('delivered');
    expect(done.attempts.map((a) => a.status ?? a.error)).toEqual([500, 'ECONNREFUSED', 200]);
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('aborts a request that outlives the timeout and records it as a timeout', async () => {
    const { clock, send, attempts, logger } = setup(['hang']);
    const id = send();
    expect(clock.pendingDelays()).toEqual([5000]);
    clock.advance(5000);
    const after = await attempts(id, 1);
    expect(after.attempts[0]).toMatchObject({ error: 'timeout after 5000 ms', durationMs: 5000 });
    expect(after.attempts[0]).not.toHaveProperty('status');
    expect(logger.lines[0]!.message).toBe(`webhook POST ${URL} message.created attempt 1/6 → timeout after 5000 ms; retrying in 500 ms`);
  });

  it("uses a subscription's own retry count, timeout, headers and expected status", async () => {
    const { clock, send, attempts, settled, calls } = setup(['hang', 500, 302]);
    const id = send({ maxRetries: 1, timeoutMs: 2000, headers: { 'X-Token': 'abc' } });
    clock.advance(2000);
    await attempts(id, 1);
    clock.advance(500);
    const failed = await settled(id);
    expect(failed.attempts.map((a) => a.error)).toEqual(['timeout after 2000 ms', 'HTTP 500']);
    expect(failed.state).toBe('failed');
    expect(calls[0]!.headers['X-Token']).toBe('abc');

    const redirected = send({ expectedStatus: '3xx' });
    await expect(settled(redirected)).resolves.toMatchObject({ state: 'delivered', attempts: [{ status: 302 }] });
  });

  it('signs the exact bytes on every attempt with a fresh token', async () => {
    const { clock, send, attempts, settled, calls } = setup([500, 200], { signingKey: 'secret' });
    const id = send();
    await attempts(id, 1);
    clock.advance(500);
    await settled(id);
    const tokens = calls.map((c) => c.headers[SIGNATURE_JWT_HEADER]!);
    expect(new Set(tokens).size).toBe(2);
    const nowMs = clock.now();
    for (const jwt of tokens) expect(verifyWebhook({ key: 'secret', url: URL, body: BODY, jwt, nowMs })).toMatchObject({ ok: true });
  });

  it('caps requests in flight and queues the rest', async () => {
    const { dispatcher, send, calls, clock } = setup([], { then: 'hang', maxInFlight: 2 });
    for (let n = 0; n < 5; n++) send();
    expect(calls.map((c) => c.url)).toHaveLength(2);
    expect(dispatcher.stats()).toEqual({ inFlight: 2, queued: 3, waitingRetry: 0, pending: 5 });
    clock.advance(5000); // the first two time out, freeing their slots for the next two
    await vi.waitFor(() => expect(dispatcher.stats()).toEqual({ inFlight: 2, queued: 1, waitingRetry: 2, pending: 5 }));
    expect(calls).toHaveLength(4);
  });

  it('fails a delivery at once when too many are pending, logging once per backlog', async () => {
    const { send, settled, logger, clock } = setup(['hang'], { maxPending: 1 });
    const first = send({ maxRetries: 0 });
    const dropped = await settled(send());
    send();
    expect(dropped.state).toBe('failed');
    expect(dropped.error).toMatch(/^dropped: 1 deliveries already pending \(limit 1\)/);
    expect(logger.lines.map((l) => l.level)).toEqual(['error']);
    clock.advance(5000);
    await settled(first);
    send();
    expect(logger.lines.at(-1)).toMatchObject({ level: 'warn', message: expect.stringContaining('2 deliveries were dropped') });
  });

  it('close stops retries, waits for open requests up to the grace, then fails and logs what is left', async () => {
    const { clock, dispatcher, send, attempts, journal, logger } = setup([500, 'hang']);
    const retrying = send();
    await attempts(retrying, 1);
    const hanging = send();
    const closing = dispatcher.close(1000);
    expect(clock.pendingDelays()).toEqual([1000, 5000]); // grace, then the hanging request's timeout
    clock.advance(1000);
    await closing;
    for (const id of [retrying, hanging]) expect(journal.get(id)).toMatchObject({ state: 'failed', error: SHUTDOWN_ERROR });
    expect(logger.lines.filter((l) => l.message.includes(SHUTDOWN_ERROR))).toHaveLength(2);
    send();
    expect(journal.list({ state: 'pending' })).toEqual([]);
  });

  it('reset cancels retries and ignores the results of requests already open', async () => {
    const { clock, dispatcher, send, attempts, journal, calls } = setup([500, 'hang']);
    const id = send();
    await attempts(id, 1);
    send();
    dispatcher.reset();
    journal.clear();
    clock.advance(60_000);
    expect(calls).toHaveLength(2);
    expect(dispatcher.stats()).toMatchObject({ queued: 0, waitingRetry: 0, pending: 0 });
  });
});

describe('isAcceptedStatus', () => {
  it('accepts every 2xx, and an expected code with x wildcards in addition', () => {
    expect([200, 204, 299].every((s) => isAcceptedStatus(s, undefined))).toBe(true);
    expect(isAcceptedStatus(302, undefined)).toBe(false);
    expect(isAcceptedStatus(302, '3xx')).toBe(true);
    expect(isAcceptedStatus(302, '301')).toBe(false);
    expect(isAcceptedStatus(410, '410')).toBe(true);
    expect(isAcceptedStatus(201, '410')).toBe(true);
  });
});
