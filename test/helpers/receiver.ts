import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** The request target as sent: path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** What the receiver answered, or 'hang'. */
  answeredWith: number | 'hang';
}

export type Answer = number | 'hang';

export interface Receiver {
  /** e.g. http://127.0.0.1:53124/webhook */
  readonly url: string;
  /** Base URL without the path, to rebuild what a handler sees: `origin + request.url`. */
  readonly origin: string;
  readonly requests: ReceivedRequest[];
  /** Answers the next requests with these, in order, then with `then` (200 unless told). */
  answer(sequence: Answer[], then?: Answer): void;
  /** The next request not yet returned by nextRequest. */
  nextRequest(timeoutMs?: number): Promise<ReceivedRequest>;
  /** Resolves once at least `n` requests arrived, with all of them. */
  waitForRequests(n: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A real node:http webhook receiver on 127.0.0.1, port 0, recording every request it gets. */
export async function startReceiver(path = '/webhook'): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let sequence: Answer[] = [];
  let then: Answer = 200;
  let cursor = 0;
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = sequence.length > 0 ? sequence.shift()! : then;
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), answeredWith: answer });
      for (const wake of [...waiters]) wake();
      if (answer === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(`answered ${answer}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function until<T>(ready: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const now = ready();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const wake = () => {
        const value = ready();
        if (value === undefined) return;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        const seen = requests.map((r) => `${r.method} ${r.url} → ${r.answeredWith}`).join('; ') || 'none';
        reject(new Error(`Receiver ${origin}: timed out after ${timeoutMs} ms waiting for ${what}; requests so far: ${seen}`));
      }, timeoutMs);
      waiters.add(wake);
    });
  }

  return {
    url: `${origin}${path}`,
    origin,
    requests,
    answer(next, after = 200) {
      sequence = [...next];
      then = after;
    },
    nextRequest: (timeoutMs = 5000) =>
      until(() => (cursor < requests.length ? requests[cursor++] : undefined), `request #${cursor + 1}`, timeoutMs),
    waitForRequests: (n, timeoutMs = 5000) =>
      until(() => (requests.length >= n ? [...requests] : undefined), `${n} requests`, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
