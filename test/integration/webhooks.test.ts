import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockConfig } from '../../src/config.js';
import { memoryLogger } from '../../src/logger.js';
import { createMock, type MockInstance } from '../../src/mock.js';
import type { WebhookEvent } from '../../src/types/generated.js';
import { createSchemaRegistry } from '../../src/validation/schema-registry.js';
import type { Delivery } from '../../src/webhooks/journal.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { auth, clone, seedButton } from '../helpers/seed.js';

interface SdkJwtVerifier {
  verify(url: string, payload: Buffer | null, jwt: string, key: KeyObject | null, opts?: unknown): Promise<true>;
}
const sdkJwt = createRequire(import.meta.url)('messagebird/lib/webhook-signature-jwt') as SdkJwtVerifier;
// One registry for the file: compiling the schemas is the slowest part of creating a mock.
const registry = createSchemaRegistry();
const validateEvent = registry.validator('webhook-event');

const SIGNING_KEY = 'integration-signing-key';
const quiet: Partial<MockConfig> = { autoReply: false, statusUpdates: 'none', webhookRetryDelayMs: 10 };

let mock: MockInstance | undefined;
const receivers: Receiver[] = [];

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

function start(config: Partial<MockConfig>) {
  const logger = memoryLogger();
  mock = createMock({ ...quiet, ...config }, { logger, registry });
  return { mock, logger };
}

async function send(m: MockInstance, body: unknown = clone(seedButton)): Promise<string> {
  const res = await m.app.request('/v1/send', { method: 'POST', headers: auth, body: JSON.stringify(body) });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function deliveries(m: MockInstance, query = ''): Promise<Delivery[]> {
  const res = await m.app.request(`/__mock/deliveries${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Delivery[];
}

afterEach(async () => {
  await mock?.close(100);
  mock = undefined;
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('webhook delivery to a real receiver', () => {
  it('POSTs message.created for the seed button message: sent direction, valid envelope, signed headers', async () => {
    const hook = await receiver();
    const { mock } = start({ webhookUrls: [hook.url], signingKey: SIGNING_KEY });
    const id = await send(mock);
    const request = await hook.nextRequest();

    const envelope = JSON.parse(request.body.toString('utf8')) as WebhookEvent;
    expect(validateEvent(envelope), JSON.stringify(validateEvent.errors)).toBe(true);
    expect(envelope).toMatchObject({ type: 'message.created', message: { id, direction: 'sent', type: 'interactive' } });
    expect(envelope.message?.content).toEqual(seedButton.content);
    expect(envelope.contact.msisdn).toBe('9999999999');
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('conversations-mock');
    expect(request.headers['messagebird-signature-jwt']).toBeTruthy();
    expect(request.headers['messagebird-signature']).toBeTruthy();
    expect(request.headers['messagebird-request-timestamp']).toMatch(/^\d+$/);
  });

  it('signs a JWT the official SDK verifies against the exact URL and raw body', async () => {
    const hook = await receiver();
    const { mock } = start({ webhookUrls: [`${hook.url}?channel=wa`], signingKey: SIGNING_KEY });
    await send(mock);
    const request = await hook.nextRequest();
    const jwt = request.headers['messagebird-signature-jwt'] as string;
    const key = createSecretKey(Buffer.from(SIGNING_KEY, 'utf8'));
    // What the SDK's vanilla example rebuilds: `${proto}://${req.headers.host}${req.url}`.
    const rebuilt = `http://${request.headers.host}${request.url}`;
    expect(rebuilt).toBe(`${hook.url}?channel=wa`);
    await expect(sdkJwt.verify(rebuilt, request.body, jwt, key)).resolves.toBe(true);
    await expect(sdkJwt.verify(rebuilt, Buffer.from(request.body.toString().replace('sent', 'recv')), jwt, key)).rejects.toThrow(/payload_hash/);
  });

  it('retries a receiver that answers 500 twice and delivers on the third attempt', async () => {
    const hook = await receiver();
    hook.answer([500, 500], 200);
    const { mock, logger } = start({ webhookUrls: [hook.url] });
    const id = await send(mock);
    await mock.webhooks.journal.waitFor({ messageId: id, state: 'delivered' });

    const [delivery, ...others] = await deliveries(mock, `?messageId=${id}`);
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({ state: 'delivered', type: 'message.created', url: hook.url, messageId: id });
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(delivery!.attempts[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(hook.requests.map((r) => r.body.toString())).toEqual(Array(3).fill(hook.requests[0]!.body.toString()));
    expect(logger.lines.filter((l) => l.message.startsWith('webhook POST')).map((l) => l.level)).toEqual(['warn', 'warn', 'info']);
    expect(logger.lines.at(-1)!.message).toMatch(new RegExp(`^webhook POST ${hook.url} message.created attempt 3/6 → 200 \\(\\d+ ms\\)$`));
  });

  it('gives up on a receiver that always fails after 1 + retries attempts', async () => {
    const hook = await receiver();
    hook.answer([], 503);
    const { mock, logger } = start({ webhookUrls: [hook.url], webhookRetries: 2 });
    const id = await send(mock);
    const failed = await mock.webhooks.journal.waitFor({ messageId: id, state: 'failed' });
    expect(failed.attempts.map((a) => a.error)).toEqual(['HTTP 503', 'HTTP 503', 'HTTP 503']);
    expect(failed.error).toBe('gave up after 3 attempts: last attempt failed with HTTP 503');
    expect(hook.requests).toHaveLength(3);
    expect(await deliveries(mock, '?state=failed')).toHaveLength(1);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', fields: { messageId: id } });
  });

  it('records ECONNREFUSED for a receiver that is gone, without slowing the API', async () => {
    const gone = await startReceiver();
    await gone.close();
    const { mock } = start({ webhookUrls: [gone.url], webhookRetries: 1 });
    const id = await send(mock);
    const failed = await mock.webhooks.journal.waitFor({ messageId: id, state: 'failed' });
    expect(failed.attempts.map((a) => a.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

  it('answers the API at once while a receiver hangs, and fails the delivery at shutdown', async () => {
    const hook = await receiver();
    hook.answer(['hang']);
    const { mock, logger } = start({ webhookUrls: [hook.url] });
    const id = await send(mock);
    await hook.nextRequest();
    expect(mock.webhooks.journal.list({ messageId: id })).toMatchObject([{ state: 'pending', attempts: [] }]);
    await mock.close(50);
    expect(mock.webhooks.journal.list({ messageId: id })).toMatchObject([{ state: 'failed', error: 'mock shut down before delivery' }]);
    expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('mock shut down before delivery'))).toBe(true);
  });

  it('sends message.updated with the status as it was at each event', async () => {
    const hook = await receiver();
    const { mock } = start({ webhookUrls: [hook.url], statusUpdates: 'delivered', statusDelayMs: 5 });
    const id = await send(mock);
    await mock.webhooks.journal.waitFor((d) => d.type === 'message.updated' && d.payload.message?.status === 'delivered' && d.state === 'delivered');
    const statuses = mock.webhooks.journal.list({ messageId: id, state: 'delivered' }).map((d) => `${d.type}:${d.payload.message?.status}`);
    expect(statuses).toEqual(['message.created:pending', 'message.updated:sent', 'message.updated:delivered']);
  });

  it('delivers only to subscriptions whose channelId is the conversation channel', async () => {
    const [onChannel, otherChannel, anyChannel] = [await receiver(), await receiver(), await receiver()];
    const { mock } = start({});
    const subscribe = async (url: string, channelId?: string) => {
      const body = { url, events: ['message.created'], ...(channelId ? { channelId } : {}) };
      const res = await mock.app.request('/v1/webhooks', { method: 'POST', headers: auth, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
    };
    await subscribe(onChannel.url, seedButton.from);
    await subscribe(otherChannel.url, 'ffffffffffffffffffffffffffffffff');
    await subscribe(anyChannel.url);
    const id = await send(mock);
    // Deliveries are journaled while the send is handled, so this is already the full picture.
    expect(mock.webhooks.journal.list({ messageId: id }).map((d) => d.url).sort()).toEqual([onChannel.url, anyChannel.url].sort());
    await Promise.all([onChannel.nextRequest(), anyChannel.nextRequest()]);
    expect(otherChannel.requests).toEqual([]);
  });

  it('does nothing per event without subscriptions', async () => {
    const { mock } = start({});
    await send(mock);
    expect(mock.webhooks.journal.list()).toEqual([]);
  });
});
