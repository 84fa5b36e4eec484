import http, { type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { urlToHttpOptions } from 'node:url';

/** Hosts the official SDK sends Conversations API calls to. `rest.messagebird.com` is a different API. */
export const CONVERSATIONS_HOSTS: readonly string[] = ['conversations.messagebird.com', 'whatsapp-sandbox.messagebird.com'];

export interface RedirectOptions {
  /** Where the mock listens, e.g. `http://127.0.0.1:4010`. */
  mockUrl: string | URL;
  /** Hostnames to send to the mock; defaults to {@link CONVERSATIONS_HOSTS}. */
  hosts?: readonly string[];
  /** Called for every redirected request, e.g. to log it. */
  onRedirect?: (redirect: { method: string; originalHost: string; path: string; target: URL }) => void;
}

type ResponseListener = (res: IncomingMessage) => void;
type RequestFn = (...args: unknown[]) => ClientRequest;

/** The mock's URL, or an Error saying what is wrong with it. */
export function parseMockUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`must start with http:// or https://, not ${url.protocol}//`);
  // The SDK's paths (/v1/...) are sent unchanged, so a base path would be silently dropped.
  if (url.pathname !== '/' || url.search || url.hash) throw new Error('must be just scheme, host and port, without a path, query or fragment');
  return url;
}

/** Node's own merge of `request(url?, options?, cb?)` into one options object and a listener. */
function normalizeArgs(args: unknown[]): { options: RequestOptions; listener: ResponseListener | undefined } | undefined {
  let options: RequestOptions = {};
  let rest = args;
  const [first] = args;
  if (typeof first === 'string' || first instanceof URL) {
    try {
      options = urlToHttpOptions(typeof first === 'string' ? new URL(first) : first);
    } catch {
      return undefined; // let the original request() report the bad URL its own way
    }
    rest = args.slice(1);
  }
  if (typeof rest[0] === 'function') return { options, listener: rest[0] as ResponseListener };
  if (rest[0] !== null && typeof rest[0] === 'object') options = { ...options, ...(rest[0] as RequestOptions) };
  return { options, listener: typeof rest[1] === 'function' ? (rest[1] as ResponseListener) : undefined };
}

function withHeader(headers: RequestOptions['headers'], name: string, value: string): OutgoingHttpHeaders | readonly string[] {
  if (Array.isArray(headers)) return [...(headers as readonly string[]), name, value];
  return { ...(headers as OutgoingHttpHeaders | undefined), [name]: value };
}

function targetOptions(options: RequestOptions, originalHost: string, target: URL): RequestOptions {
  const mapped: RequestOptions & { servername?: string; _defaultAgent?: unknown } = {
    ...options,
    protocol: target.protocol,
    hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(target.port) || (target.protocol === 'https:' ? 443 : 80),
    headers: withHeader(options.headers, 'X-Original-Host', originalHost) as OutgoingHttpHeaders,
  };
  // These describe the connection to the real host; the mock needs a fresh one of its own.
  for (const key of ['host', 'servername', 'defaultPort', '_defaultAgent', 'createConnection', 'socketPath'] as const) delete mapped[key];
  // One connection per request: the SDK adds a 'timeout' listener to every request's socket, which
  // piles up (MaxListenersExceededWarning) on the kept-alive sockets of Node's default agent.
  mapped.agent = false;
  return mapped;
}

/**
 * Sends `https` requests for the Conversations hosts to the mock instead; every other request is
 * untouched. Returns a function that undoes it.
 */
export function installConversationsRedirect({ mockUrl, hosts = CONVERSATIONS_HOSTS, onRedirect }: RedirectOptions): () => void {
  const target = parseMockUrl(mockUrl);
  const redirected = new Set(hosts.map((h) => h.toLowerCase()));
  const originalRequest = https.request as RequestFn;
  const originalGet = https.get as RequestFn;
  let active = true;

  // Returns undefined when the call is not for the mock, so the caller passes it through as it was.
  function redirect(args: unknown[]): ClientRequest | undefined {
    if (!active) return undefined;
    const call = normalizeArgs(args);
    if (!call) return undefined;
    const originalHost = String(call.options.hostname || call.options.host || '').toLowerCase().replace(/\.$/, '');
    if (!redirected.has(originalHost)) return undefined;
    const options = targetOptions(call.options, originalHost, target);
    onRedirect?.({ method: options.method ?? 'GET', originalHost, path: options.path ?? '/', target });
    // The original https.request, never the patched one: a mock URL on a redirected host must not loop.
    const send = (target.protocol === 'https:' ? originalRequest : http.request) as RequestFn;
    return call.listener ? send(options, call.listener) : send(options);
  }

  const request: RequestFn = (...args) => redirect(args) ?? originalRequest.apply(https, args);
  const get: RequestFn = (...args) => {
    const req = redirect(args);
    if (!req) return originalGet.apply(https, args);
    req.end();
    return req;
  };

  const mutable = https as { request: unknown; get: unknown };
  mutable.request = request;
  mutable.get = get;
  // Without this, `import { request } from 'node:https'` in ESM apps keeps the unpatched function.
  syncBuiltinESMExports();

  return () => {
    active = false;
    // Someone may have wrapped us since; then `active` alone turns the redirect off.
    if (mutable.request === request) mutable.request = originalRequest;
    if (mutable.get === get) mutable.get = originalGet;
    syncBuiltinESMExports();
  };
}
