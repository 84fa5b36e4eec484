import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http, { type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import * as httpsNamespace from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installConversationsRedirect, parseMockUrl } from '../../src/register/redirect.js';
import { seedButton } from '../helpers/seed.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The built file is what users preload; `npm test` builds before vitest runs.
const registerEntry = join(root, 'dist/src/register/index.js');
const sdkApp = join(root, 'test/helpers/sdk-app.cjs');
const NOT_SET = "conversations-mock/register: CONVERSATIONS_MOCK_URL is not set; set it to the mock's URL, e.g. http://127.0.0.1:4010";

// ---- a plain node:http server standing in for the mock ----

interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status: number;
  body: unknown;
}

async function startStandIn() {
  const hits: Hit[] = [];
  const standIn = {
    hits,
    url: '',
    reply: { status: 202, body: { id: 'msg-1', status: 'accepted' } } as Reply,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(standIn.reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(standIn.reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}

// ---- child processes: an unmodified SDK app with the preload ----

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A minimal env, so NODE_OPTIONS or a stray CONVERSATIONS_MOCK_URL from the runner cannot leak in.
    const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface AppResult {
  error: { message: string; statusCode?: number; errors?: unknown[]; code?: string } | null;
  data: any;
}

function parseApp(run: Run): AppResult {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as AppResult;
}

const preload = (flag: '--require' | '--import') => [flag, registerEntry];

async function runSdkApp(args: { mockUrl: string; action: string; arg?: string; key?: string; flag?: '--require' | '--import' }) {
  const run = await runNode([...preload(args.flag ?? '--require'), sdkApp, args.action, args.arg ?? ''], {
    CONVERSATIONS_MOCK_URL: args.mockUrl,
    MESSAGEBIRD_ACCESS_KEY: args.key ?? 'test-key',
  });
  return { run, result: parseApp(run) };
}

beforeAll(() => {
  if (!existsSync(registerEntry)) throw new Error(`${registerEntry} is missing: run \`npm run build\` first (npm test does)`);
});

// ---- in process: the call forms of https.request / https.get ----

describe('installConversationsRedirect', () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let uninstall: (() => void) | undefined;

  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    standIn.hits.length = 0;
  });
  afterEach(() => {
    uninstall?.();
    uninstall = undefined;
    vi.restoreAllMocks();
  });

  const statusOf = (start: (onResponse: (res: IncomingMessage) => void) => ClientRequest, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = start((res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      if (!req.writableEnded) req.end(body);
    });

  const forms: [string, (cb: (res: IncomingMessage) => void) => ClientRequest][] = [
    ['request(options, cb)', (cb) => https.request({ hostname: 'conversations.messagebird.com', path: '/v1/messages/a?x=1', method: 'GET' }, cb)],
    ['request(string, cb)', (cb) => https.request('https://conversations.messagebird.com/v1/messages/a?x=1', cb)],
    ['request(URL, options, cb)', (cb) => https.request(new URL('https://conversations.messagebird.com/v1/messages/a?x=1'), { method: 'GET', headers: { a: 'b' } }, cb)],
    ['request(string, options) then on("response")', (cb) => https.request('https://conversations.messagebird.com/v1/messages/a?x=1', { method: 'GET' }).on('response', cb)],
    ['request({host}, cb)', (cb) => https.request({ host: 'Conversations.MessageBird.com', path: '/v1/messages/a?x=1' }, cb)],
    ['get(string, cb)', (cb) => https.get('https://conversations.messagebird.com/v1/messages/a?x=1', cb)],
    ['get(options, cb)', (cb) => https.get({ hostname: 'conversations.messagebird.com', path: '/v1/messages/a?x=1', agent: new https.Agent() }, cb)],
  ];

  it.each(forms)('sends %s to the mock with the path kept and X-Original-Host set', async (_name, start) => {
    uninstall = installConversationsRedirect({ mockUrl: standIn.url });
    expect(await statusOf(start)).toBe(202);
    expect(standIn.hits).toHaveLength(1);
    const [hit] = standIn.hits;
    expect(hit?.method).toBe('GET');
    expect(hit?.url).toBe('/v1/messages/a?x=1');
    expect(hit?.headers['x-original-host']).toBe('conversations.messagebird.com');
    expect(hit?.headers.host).toBe(new URL(standIn.url).host);
  });

  it('appends X-Original-Host to a raw header array', async () => {
    uninstall = installConversationsRedirect({ mockUrl: standIn.url });
    // With an array Node sends exactly these headers, no Host of its own, to the mock as to the real host.
    const headers = ['Host', 'conversations.messagebird.com', 'A', 'b'];
    expect(await statusOf((cb) => https.request({ hostname: 'conversations.messagebird.com', path: '/v1/x', headers }, cb))).toBe(202);
    expect(standIn.hits[0]?.headers).toMatchObject({ host: 'conversations.messagebird.com', a: 'b', 'x-original-host': 'conversations.messagebird.com' });
  });

  it('sends a POST body through and redirects the WhatsApp sandbox host too', async () => {
    uninstall = installConversationsRedirect({ mockUrl: standIn.url });
    const body = JSON.stringify(seedButton);
    const status = await statusOf(
      (cb) => https.request({ hostname: 'whatsapp-sandbox.messagebird.com', path: '/v1/send', method: 'POST', headers: { 'Content-Type': 'application/json' } }, cb),
      body,
    );
    expect(status).toBe(202);
    expect(standIn.hits[0]).toMatchObject({ method: 'POST', url: '/v1/send', body });
    expect(standIn.hits[0]?.headers['x-original-host']).toBe('whatsapp-sandbox.messagebird.com');
  });

  it('passes every other host to the original https.request and https.get with the same arguments', () => {
    const request = vi.spyOn(https, 'request').mockReturnValue({} as ClientRequest);
    const get = vi.spyOn(https, 'get').mockReturnValue({} as ClientRequest);
    uninstall = installConversationsRedirect({ mockUrl: standIn.url });
    const cb = () => {};
    const options = { hostname: 'rest.messagebird.com', path: '/balance' };
    https.request(options, cb);
    https.request('https://example.com/x');
    https.get(options, cb);
    expect(request.mock.calls).toEqual([[options, cb], ['https://example.com/x']]);
    expect(request.mock.calls[0]?.[0]).toBe(options);
    expect(get.mock.calls).toEqual([[options, cb]]);
    expect(standIn.hits).toHaveLength(0);
  });

  it('uses https to an https mock URL, without looping back into itself', () => {
    const request = vi.spyOn(https, 'request').mockReturnValue({} as ClientRequest);
    // The mock URL's own host is a redirected one: only the captured original may handle it.
    uninstall = installConversationsRedirect({ mockUrl: 'https://conversations.messagebird.com' });
    https.request({ hostname: 'conversations.messagebird.com', path: '/v1/send', method: 'POST', agent: new https.Agent(), servername: 'x' });
    expect(request).toHaveBeenCalledTimes(1);
    const mapped = request.mock.calls[0]?.[0] as unknown as Record<string, unknown>;
    expect(mapped).toMatchObject({ protocol: 'https:', hostname: 'conversations.messagebird.com', port: 443, path: '/v1/send', method: 'POST' });
    expect(mapped.agent).toBe(false); // not the app's agent: a fresh connection per request
    expect(mapped).not.toHaveProperty('servername');
  });

  it('updates the named ESM exports of node:https and restores them on uninstall', () => {
    const original = https.request;
    uninstall = installConversationsRedirect({ mockUrl: standIn.url });
    expect(httpsNamespace.request).toBe(https.request);
    expect(https.request).not.toBe(original);
    uninstall();
    uninstall = undefined;
    expect(https.request).toBe(original);
    expect(httpsNamespace.request).toBe(original);
  });

  it('stops redirecting after uninstall even when someone wrapped https.request since', async () => {
    uninstall = installConversationsRedirect({ mockUrl: standIn.url });
    const ours = https.request;
    const wrapper = vi.fn((...args: Parameters<typeof https.request>) => ours(...args));
    https.request = wrapper as typeof https.request;
    uninstall();
    uninstall = undefined;
    expect(https.request).toBe(wrapper);
    const spy = vi.spyOn(http, 'request');
    await expect(statusOf((cb) => https.request('https://conversations.messagebird.com:1/', cb))).rejects.toThrow();
    expect(spy).not.toHaveBeenCalled();
    https.request = ours;
  });

  it.each([
    ['', 'is not a URL'],
    ['127.0.0.1:4010', 'is not a URL'],
    ['ftp://127.0.0.1', 'must start with http:// or https://'],
    ['http://127.0.0.1:4010/v1', 'without a path'],
  ])('rejects the mock URL %j', (value, message) => {
    expect(() => parseMockUrl(value)).toThrow(message);
  });
});

// ---- child processes: the preload in an unmodified SDK app ----

describe('conversations-mock/register in an unmodified SDK app', () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;

  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    standIn.hits.length = 0;
    standIn.reply = { status: 202, body: { id: 'msg-1', status: 'accepted' } };
  });

  it.each(['--require', '--import'] as const)('%s: conversations.send reaches the mock as POST /v1/send, silently', async (flag) => {
    const { run, result } = await runSdkApp({ mockUrl: standIn.url, action: 'send', arg: JSON.stringify(seedButton), key: 'live_abc', flag });
    expect(result).toEqual({ error: null, data: { id: 'msg-1', status: 'accepted' } });
    expect(standIn.hits).toHaveLength(1);
    const [hit] = standIn.hits;
    expect(hit?.method).toBe('POST');
    expect(hit?.url).toBe('/v1/send');
    expect(hit?.headers.authorization).toBe('AccessKey live_abc');
    expect(hit?.headers['content-type']).toBe('application/json');
    expect(hit?.headers['x-original-host']).toBe('conversations.messagebird.com');
    expect(JSON.parse(hit?.body ?? '')).toEqual(seedButton);
    // No ExperimentalWarning from require(esm), no banner.
    expect(run.stderr).toBe('');
  });

  it('works from NODE_OPTIONS', async () => {
    const run = await runNode([sdkApp, 'read', 'abc'], {
      NODE_OPTIONS: `--require "${registerEntry}"`,
      CONVERSATIONS_MOCK_URL: standIn.url,
    });
    expect(parseApp(run).error).toBeNull();
    expect(standIn.hits.map((h) => `${h.method} ${h.url}`)).toEqual(['GET /v1/messages/abc']);
  });

  it("surfaces the mock's error body as the SDK's error", async () => {
    standIn.reply = { status: 401, body: { errors: [{ code: 2, description: 'Request not allowed (incorrect access_key)', parameter: 'access_key' }] } };
    const { result } = await runSdkApp({ mockUrl: standIn.url, action: 'read', arg: 'abc' });
    expect(result.error).toMatchObject({
      message: 'api error(s): Request not allowed (incorrect access_key) (code: 2, parameter: access_key)',
      statusCode: 401,
    });
  });

  it('leaves https calls to other hosts alone', async () => {
    const { result } = await runSdkApp({ mockUrl: standIn.url, action: 'https-get', arg: 'https://127.0.0.1:1/' });
    expect(result.error?.code).toBe('ECONNREFUSED');
    expect(standIn.hits).toHaveLength(0);
  });

  it('logs each redirect to stderr when CONVERSATIONS_MOCK_DEBUG=1', async () => {
    const run = await runNode([...preload('--require'), sdkApp, 'read', 'abc'], {
      CONVERSATIONS_MOCK_URL: standIn.url,
      CONVERSATIONS_MOCK_DEBUG: '1',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`conversations-mock/register: GET https://conversations.messagebird.com/v1/messages/abc -> ${standIn.url}/v1/messages/abc`);
  });

  it.each([
    ['--require', {}, NOT_SET],
    ['--import', {}, NOT_SET],
    ['--import', { CONVERSATIONS_MOCK_URL: 'localhost:4010' }, 'CONVERSATIONS_MOCK_URL="localhost:4010"'],
  ] as const)('%s fails at startup, saying what to set, when the URL is %j', async (flag, env, message) => {
    const run = await runNode([...preload(flag), '-e', 'console.log("app ran")'], env);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("set it to the mock's URL, e.g. http://127.0.0.1:4010");
  });
});

// Only once package.json maps "./register"; until then the dist path above stands in for it.
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
describe.skipIf(!packageJson.exports?.['./register'])('the conversations-mock/register package export', () => {
  it.each(['--require', '--import'] as const)('%s conversations-mock/register resolves and redirects', async (flag) => {
    const standIn = await startStandIn();
    try {
      const run = await runNode([flag, 'conversations-mock/register', sdkApp, 'read', 'abc'], { CONVERSATIONS_MOCK_URL: standIn.url });
      expect(parseApp(run).error).toBeNull();
      expect(run.stderr).toBe('');
      expect(standIn.hits.map((h) => h.url)).toEqual(['/v1/messages/abc']);
    } finally {
      await standIn.close();
    }
  });
});

// ---- against the real mock ----

// Skipped, with the reason printed, while src/mock.ts cannot load (parts of the mock not landed yet).
let mockLoadError = '';
const mockModule = await import('../../src/mock.js').catch((error: Error) => {
  mockLoadError = error.message;
  return undefined;
});
if (!mockModule) console.warn(`sdk-redirect: skipping the real-mock tests: ${mockLoadError}`);

async function startReceiver() {
  const events: any[] = [];
  const waiters: { match: (event: any) => boolean; resolve: (event: any) => void }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      res.writeHead(200).end();
      const event = JSON.parse(body);
      events.push(event);
      for (const waiter of waiters.filter((w) => w.match(event))) waiter.resolve(event);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    waitFor: (match: (event: any) => boolean) =>
      new Promise<any>((resolve) => {
        const seen = events.find(match);
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!mockModule)('the SDK against the real mock, through the preload', () => {
  let mock: import('../../src/mock.js').MockInstance;
  let server: ReturnType<typeof serve>;
  let mockUrl: string;

  beforeAll(async () => {
    mock = mockModule!.createMock({ autoReply: false, statusUpdates: 'none', replyDelayMs: 0, accessKeys: ['good'] });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: mock.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        mockUrl = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(async () => {
    await mock.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const send = async () => {
    const { result } = await runSdkApp({ mockUrl, action: 'send', arg: JSON.stringify(seedButton), key: 'good' });
    expect(result.error).toBeNull();
    return result.data as { id: string; status: string };
  };

  it('send answers {id, status} and readMessage returns the stored message', async () => {
    // The SDK's own types (SendResponse) claim {message: {id, status}}; the real API and the mock answer {id, status}.
    const sent = await send();
    expect(sent).toEqual({ id: expect.any(String), status: 'accepted' });
    const { result } = await runSdkApp({ mockUrl, action: 'read', arg: sent.id, key: 'good' });
    expect(result.error).toBeNull();
    expect(result.data).toMatchObject({ id: sent.id, type: 'interactive', content: seedButton.content, direction: 'sent' });
  });

  it("a wrong key surfaces as the SDK's 401 error", async () => {
    const { result } = await runSdkApp({ mockUrl, action: 'send', arg: JSON.stringify(seedButton), key: 'wrong' });
    expect(result.error).toMatchObject({
      message: 'api error(s): Request not allowed (incorrect access_key) (code: 2, parameter: access_key)',
      statusCode: 401,
    });
  });

  it('a webhook created through the SDK receives the button reply', async () => {
    const receiver = await startReceiver();
    try {
      const sent = await send();
      const created = await runSdkApp({
        mockUrl,
        action: 'webhook-create',
        arg: JSON.stringify({ events: ['message.created'], channelId: seedButton.from, url: receiver.url }),
        key: 'good',
      });
      expect(created.result.error).toBeNull();
      expect(created.result.data).toMatchObject({ url: receiver.url, events: ['message.created'] });

      const reply = receiver.waitFor((event) => event.type === 'message.created' && event.message?.replyTo?.id === sent.id);
      const triggered = await fetch(`${mockUrl}/__mock/messages/${sent.id}/reply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ choice: 'yes-unique-id' }),
      });
      expect(triggered.ok).toBe(true);
      const event = await reply;
      expect(event.message.content.interactive.type).toBe('button_reply');
      expect(event.message.replyTo.id).toBe(sent.id);
    } finally {
      await receiver.close();
    }
  });
});
