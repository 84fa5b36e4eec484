import { beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { createMock, type MockInstance } from '../../src/mock.js';
import { auth, clone, json, seedButton, seedList } from '../helpers/seed.js';

let mock: MockInstance;
beforeEach(() => {
  mock = createMock({ autoReply: false, statusUpdates: 'none', seed: 7 });
});

const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  mock.app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (path: string) => mock.app.request(path, { headers: auth });
const patch = (path: string, body: unknown) =>
  mock.app.request(path, { method: 'PATCH', headers: auth, body: JSON.stringify(body) });

async function send(body: unknown = seedButton) {
  const res = await post('/v1/send', body);
  expect(res.status).toBe(202);
  return (await json(res)) as { id: string; status: string };
}

describe('POST /v1/send', () => {
  it('accepts the seed button message with 202 {id, status}', async () => {
    const accepted = await send();
    expect(accepted).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'accepted' });
  });

  it('adds fallback.id when the request asked for a fallback', async () => {
    const res = await post('/v1/send', { ...clone(seedButton), fallback: { from: 'sms-channel', after: '5m' } });
    expect(await json(res)).toMatchObject({ status: 'accepted', fallback: { id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
  });

  it('stores the message with the fields the API returns', async () => {
    const { id } = await send(seedList);
    const res = await get(`/v1/messages/${id}`);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      id,
      conversationId: expect.stringMatching(/^[0-9a-f]{32}$/),
      channelId: '0181d0bb76c54g9aae4309s822d35ba5',
      platform: 'whatsapp',
      to: '+9999999999',
      direction: 'sent',
      status: 'pending',
      type: 'interactive',
      content: seedList.content,
      createdDatetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
    });
  });

  it('resumes the active conversation for later sends to the same number and channel', async () => {
    const first = await send();
    const second = await send(seedList);
    const a = await json(await get(`/v1/messages/${first.id}`));
    const b = await json(await get(`/v1/messages/${second.id}`));
    expect(b.conversationId).toBe(a.conversationId);
    const other = await send({ ...clone(seedButton), to: '+31612345678' });
    expect((await json(await get(`/v1/messages/${other.id}`))).conversationId).not.toBe(a.conversationId);
  });

  it('lists every violation with its path, code 9 for missing and 10 for invalid', async () => {
    const bad = clone(seedButton) as any;
    bad.content.interactive.action.buttons[0].title = 'x'.repeat(21);
    delete bad.content.interactive.body;
    delete bad.to;
    const res = await post('/v1/send', bad);
    expect(res.status).toBe(422);
    const { errors } = await json(res);
    expect(errors).toEqual(
      expect.arrayContaining([
        { code: 9, description: 'to is required', parameter: 'to' },
        { code: 9, description: 'content.interactive.body is required', parameter: 'content.interactive.body' },
        {
          code: 10,
          description: 'button title "xxxxxxxxxxxxxxxxxxxxx" is 21 characters; WhatsApp allows at most 20',
          parameter: 'content.interactive.action.buttons[0].title',
        },
      ]),
    );
  });

  it('tolerates unknown fields with a warning header, and --strict rejects them', async () => {
    const res = await post('/v1/send', { ...clone(seedButton), extra: '' });
    expect(res.status).toBe(202);
    expect(res.headers.get('mock-warning')).toContain('extra is not a field');
    const strict = createMock({ strict: true, autoReply: false, statusUpdates: 'none' });
    const rejected = await strict.app.request('/v1/send', { method: 'POST', headers: auth, body: JSON.stringify({ ...seedButton, extra: '' }) });
    expect(rejected.status).toBe(422);
  });

  it.each([
    ['malformed JSON', '{"to":', 400, 21],
    ['an array', '[1,2]', 400, 21],
    ['an empty body', '', 400, 21],
    ['null', 'null', 400, 21],
  ])('answers %s with %i code %i', async (_what, body, status, code) => {
    const res = await post('/v1/send', body);
    expect(res.status).toBe(status);
    expect((await json(res)).errors[0].code).toBe(code);
  });

  it('answers a chunked body (no Content-Length) over 1 MiB with 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await mock.app.request('/v1/send', { method: 'POST', headers: auth, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const res = await post('/v1/send', JSON.stringify({ ...seedButton, pad: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect((await json(res)).errors[0].description).toContain('1 MiB');
  });
});

describe('request log', () => {
  it('writes one line per API request, with the error or warning it earned', async () => {
    const logger = memoryLogger();
    const logged = createMock({ autoReply: false, statusUpdates: 'none' }, { logger });
    await logged.app.request('/v1/send', { method: 'POST', headers: auth, body: JSON.stringify(seedButton) });
    await logged.app.request('/v1/send', { method: 'POST', headers: auth, body: '{"to":"+1"}' });
    await logged.app.request('/v1/send', { method: 'POST', headers: auth, body: JSON.stringify({ ...seedButton, extra: 1 }) });
    expect(logger.lines.map((l) => [l.level, l.message, l.fields.status])).toEqual([
      ['info', 'POST /v1/send', 202],
      ['warn', 'POST /v1/send', 422],
      ['warn', 'POST /v1/send', 202],
    ]);
    expect(logger.lines[1]!.fields.error).toContain('from is required');
    expect(logger.lines[2]!.fields.warning).toContain('extra is not a field');
  });
});

describe('auth', () => {
  const body401 = { errors: [{ code: 2, description: 'Request not allowed (incorrect access_key)', parameter: 'access_key' }] };

  it.each([
    ['no header', {}],
    ['another scheme', { Authorization: 'Bearer abc' }],
    ['an empty key', { Authorization: 'AccessKey ' }],
  ])('rejects %s with 401 code 2', async (_what, headers) => {
    const res = await mock.app.request('/v1/conversations', { headers });
    expect(res.status).toBe(401);
    expect(await json(res)).toEqual(body401);
  });

  it('accepts only the configured keys when --access-key is given', async () => {
    const locked = createMock({ accessKeys: ['live_good'], autoReply: false, statusUpdates: 'none' });
    expect((await locked.app.request('/v1/conversations', { headers: { Authorization: 'AccessKey live_good' } })).status).toBe(200);
    expect((await locked.app.request('/v1/conversations', { headers: { Authorization: 'AccessKey other' } })).status).toBe(401);
  });
});

describe('conversations', () => {
  it('starts a conversation with 201 and the conversation object', async () => {
    const res = await post('/v1/conversations/start', { to: '+31612345678', channelId: 'chan', type: 'text', content: { text: 'Hi' } });
    expect(res.status).toBe(201);
    const conversation = await json(res);
    expect(conversation).toMatchObject({
      status: 'active',
      contact: { msisdn: '31612345678', displayName: expect.any(String) },
      channels: [{ id: 'chan', platformId: 'whatsapp' }],
      messages: { totalCount: 1, lastMessageId: expect.any(String) },
    });
    expect((await get(`/v1/conversations/${conversation.id}`)).status).toBe(200);
  });

  it('lists conversations in the list envelope with limit/offset', async () => {
    for (const to of ['+31600000001', '+31600000002', '+31600000003']) await send({ ...clone(seedButton), to });
    const res = await get('/v1/conversations?limit=2&offset=1');
    expect(await json(res)).toMatchObject({ offset: 1, limit: 2, count: 2, totalCount: 3 });
    expect((await get('/v1/conversations?limit=abc')).status).toBe(422);
  });

  it('replies in a conversation (201), tolerating the tutorial bot\'s empty fields', async () => {
    const { id } = await send();
    const { conversationId } = await json(await get(`/v1/messages/${id}`));
    const res = await post(`/v1/conversations/${conversationId}/messages`, { id: '', direction: '', type: 'text', content: { text: 'ok' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('mock-warning')).toContain('id is not a field');
    const list = await json(await get(`/v1/conversations/${conversationId}/messages`));
    expect(list.items.map((m: { type: string }) => m.type)).toEqual(['text', 'interactive']);
  });

  it('archives with PATCH, taking "archive" as "archived" with a warning', async () => {
    const { id } = await send();
    const { conversationId } = await json(await get(`/v1/messages/${id}`));
    const res = await patch(`/v1/conversations/${conversationId}`, { status: 'archive' });
    expect(res.status).toBe(200);
    expect((await json(res)).status).toBe('archived');
    expect(res.headers.get('mock-warning')).toContain('archived');
    const next = await send();
    expect((await json(await get(`/v1/messages/${next.id}`))).conversationId).not.toBe(conversationId);
  });

  it('answers unknown ids with 404 code 20', async () => {
    for (const path of ['/v1/conversations/0123456789abcdef0123456789abcdef', '/v1/messages/nope', '/v1/conversations/x/messages']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect((await json(res)).errors[0].code).toBe(20);
    }
  });
});

describe('routing errors', () => {
  it('answers an unknown route with 404 in the API format', async () => {
    const res = await get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await json(res)).errors[0]).toMatchObject({ code: 98 });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await mock.app.request('/v1/send', { method: 'GET', headers: auth });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('answers an unexpected failure with 500 in the API format', async () => {
    mock.store.listMessages = () => {
      throw new Error('boom');
    };
    const res = await get('/v1/messages');
    expect(res.status).toBe(500);
    expect((await json(res)).errors[0].code).toBe(99);
  });
});

describe('/__mock control API', () => {
  it('reports health, lists messages oldest first with filters, and resets', async () => {
    expect((await mock.app.request('/__mock/health')).status).toBe(200);
    const a = await send();
    const b = await send({ ...clone(seedList), to: '+31611111111' });
    const all = await json(await mock.app.request('/__mock/messages'));
    expect(all.map((m: { id: string }) => m.id)).toEqual([a.id, b.id]);
    const filtered = await json(await mock.app.request('/__mock/messages?to=%2B31611111111&direction=sent'));
    expect(filtered.map((m: { id: string }) => m.id)).toEqual([b.id]);
    expect((await mock.app.request('/__mock/messages?direction=up')).status).toBe(422);
    expect((await mock.app.request('/__mock/reset', { method: 'POST' })).status).toBe(200);
    expect(await json(await mock.app.request('/__mock/messages'))).toEqual([]);
  });

  it('keeps only the newest --max-messages messages', async () => {
    const small = createMock({ maxMessages: 2, autoReply: false, statusUpdates: 'none' });
    for (let i = 0; i < 5; i++) {
      await small.app.request('/v1/send', { method: 'POST', headers: auth, body: JSON.stringify(seedButton) });
    }
    expect(small.store.messages.size).toBe(2);
  });
});
