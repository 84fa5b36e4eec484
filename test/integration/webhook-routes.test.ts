import { describe, expect, it } from 'vitest';
import type { MockConfig } from '../../src/config.js';
import { createMock } from '../../src/mock.js';
import type { ErrorResponse, WebhookSubscription } from '../../src/types/generated.js';
import { createSchemaRegistry } from '../../src/validation/schema-registry.js';
import { auth } from '../helpers/seed.js';

const registry = createSchemaRegistry();
const validateSubscription = registry.validator('webhook-subscription');
const URL = 'https://example.com/hooks/messagebird';
const CHANNEL = '0181d0bb76c54g9aae4309s822d35ba5';

function setup(config: Partial<MockConfig> = {}) {
  const mock = createMock({ autoReply: false, statusUpdates: 'none', ...config }, { registry });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
    const res = await mock.app.request(`/v1${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const create = async (body: unknown = { url: URL, events: ['message.created'] }) => {
    const res = await call('POST', '/webhooks', body);
    expect(res.status, res.text).toBe(201);
    return res.json as WebhookSubscription;
  };
  return { mock, call, create };
}

const errorsOf = (json: unknown) => (json as ErrorResponse).errors;

describe('/v1/webhooks', () => {
  it('POST creates an enabled subscription: 201 with the webhook object', async () => {
    const { create } = setup();
    const settings = { retry: 2, timeout: 3, headers: { 'X-Token': 'abc' }, expected_http_code: '2xx' };
    const created = await create({ url: URL, channelId: CHANNEL, events: ['message.created', 'message.updated'], settings });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: URL,
      channelId: CHANNEL,
      events: ['message.created', 'message.updated'],
      status: 'enabled',
      settings,
      createdDatetime: expect.stringMatching(/Z$/),
      updatedDatetime: null,
    });
    expect(validateSubscription(created), JSON.stringify(validateSubscription.errors)).toBe(true);
  });

  it('GET lists subscriptions in the list envelope, CLI ones first, with limit and offset', async () => {
    const { call, create } = setup({ webhookUrls: ['http://127.0.0.1:9/cli'] });
    const a = await create();
    const b = await create({ url: `${URL}/b`, events: ['conversation.created'] });
    const all = (await call('GET', '/webhooks')).json as { items: WebhookSubscription[]; totalCount: number };
    expect(all).toMatchObject({ offset: 0, limit: 20, count: 3, totalCount: 3 });
    expect(all.items.map((w) => w.url)).toEqual(['http://127.0.0.1:9/cli', a.url, b.url]);
    expect(all.items[0]!.events).toEqual(['message.created', 'message.updated']);
    const second = (await call('GET', '/webhooks?limit=1&offset=1')).json as { items: WebhookSubscription[]; count: number };
    expect(second).toMatchObject({ count: 1, items: [{ id: a.id }] });
    expect((await call('GET', '/webhooks?limit=-1')).status).toBe(422);
  });

  it('GET /webhooks/:id reads one; an unknown id is a 404 with code 20', async () => {
    const { call, create } = setup();
    const created = await create();
    expect((await call('GET', `/webhooks/${created.id}`)).json).toEqual(created);
    const missing = await call('GET', '/webhooks/0000000000000000000000000000dead');
    expect(missing.status).toBe(404);
    expect(errorsOf(missing.json)).toEqual([
      { code: 20, description: 'webhook not found: no webhook has id "0000000000000000000000000000dead"', parameter: 'id' },
    ]);
  });

  it('PATCH changes the given fields and sets updatedDatetime', async () => {
    const { call, create } = setup();
    const created = await create();
    const res = await call('PATCH', `/webhooks/${created.id}`, { status: 'disabled', events: ['message.updated'] });
    expect(res.status).toBe(200);
    const updated = res.json as WebhookSubscription;
    expect(updated).toMatchObject({ id: created.id, url: URL, status: 'disabled', events: ['message.updated'] });
    expect(updated.updatedDatetime).toMatch(/Z$/);
    expect(validateSubscription(updated)).toBe(true);
    expect((await call('GET', `/webhooks/${created.id}`)).json).toEqual(updated);
  });

  it('PATCH of an unknown id is a 404, and a bad body a 422 naming the field', async () => {
    const { call, create } = setup();
    expect((await call('PATCH', '/webhooks/0000000000000000000000000000dead', { status: 'enabled' })).status).toBe(404);
    const created = await create();
    const bad = await call('PATCH', `/webhooks/${created.id}`, { status: 'paused' });
    expect(bad.status).toBe(422);
    expect(errorsOf(bad.json).map((e) => e.parameter)).toContain('status');
  });

  it('POST without url or with an unknown event is a 422 listing every problem', async () => {
    const { call } = setup();
    const res = await call('POST', '/webhooks', { events: ['message.deleted'] });
    expect(res.status).toBe(422);
    const parameters = errorsOf(res.json).map((e) => e.parameter);
    expect(parameters).toEqual(expect.arrayContaining(['url', 'events[0]']));
    const badRetry = await call('POST', '/webhooks', { url: URL, events: ['message.created'], settings: { retry: 99 } });
    expect(badRetry.status).toBe(422);
  });

  it('DELETE answers 204 with an empty body; then the id is a 404', async () => {
    const { call, create } = setup();
    const created = await create();
    const res = await call('DELETE', `/webhooks/${created.id}`);
    expect(res).toEqual({ status: 204, text: '', json: undefined });
    expect((await call('GET', `/webhooks/${created.id}`)).status).toBe(404);
    expect((await call('DELETE', `/webhooks/${created.id}`)).status).toBe(404);
  });

  it('needs the AccessKey like the rest of /v1', async () => {
    const { call } = setup();
    expect((await call('GET', '/webhooks', undefined, {})).status).toBe(401);
  });

  it('a disabled subscription gets no deliveries', async () => {
    const { mock, call, create } = setup();
    const created = await create({ url: 'http://127.0.0.1:9/hook', events: ['message.created'] });
    await call('PATCH', `/webhooks/${created.id}`, { status: 'disabled' });
    mock.messaging.send({ to: '+9999999999', from: CHANNEL, type: 'text', content: { text: 'hi' } });
    expect(mock.webhooks.journal.list()).toEqual([]);
  });

  it('reset drops API-made subscriptions and re-creates the CLI ones', async () => {
    const { mock, call, create } = setup({ webhookUrls: ['http://127.0.0.1:9/cli'] });
    await create();
    mock.reset();
    const after = (await call('GET', '/webhooks')).json as { items: WebhookSubscription[] };
    expect(after.items.map((w) => w.url)).toEqual(['http://127.0.0.1:9/cli']);
  });
});

describe('/__mock/deliveries', () => {
  it('rejects a state that does not exist with a 422 in the API error format', async () => {
    const { mock } = setup();
    const res = await mock.app.request('/__mock/deliveries?state=sent');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      errors: [{ code: 10, description: 'state "sent" is not one of: pending, delivered, failed', parameter: 'state' }],
    });
  });

  it('lists deliveries oldest first, filtered by type and url', async () => {
    const { mock } = setup({ webhookUrls: ['http://127.0.0.1:9/a'], webhookEvents: ['message.created', 'conversation.created'] });
    mock.messaging.send({ to: '+9999999999', from: CHANNEL, type: 'text', content: { text: 'hi' } });
    const all = (await (await mock.app.request('/__mock/deliveries')).json()) as { type: string }[];
    expect(all.map((d) => d.type)).toEqual(['conversation.created', 'message.created']);
    const created = (await (await mock.app.request('/__mock/deliveries?type=message.created&url=http://127.0.0.1:9/a')).json()) as unknown[];
    expect(created).toHaveLength(1);
    await mock.close(0);
  });
});
