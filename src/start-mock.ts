import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { MockConfig } from './config.js';
import { createMock, type MockDeps, type MockInstance } from './mock.js';
import type { Message } from './types/generated.js';
import type { ReplySpec } from './replies/policy.js';
import { waitForMessage } from './wait-for-message.js';

export type StartMockOptions = Partial<MockConfig> & { deps?: Partial<MockDeps> };
type Delivery = ReturnType<MockInstance['webhooks']['journal']['list']>[number];
type Choice = string | Exclude<ReplySpec, { random: true }> | Record<string, never>;

export interface RunningMock {
  /** Base URL, e.g. http://127.0.0.1:53124: give it to the app as the API host. */
  readonly url: string;
  readonly mock: MockInstance;
  messages(filter?: Parameters<MockInstance['store']['listMessages']>[0]): Message[];
  waitForMessage(predicate: (m: Message) => boolean, options?: { timeoutMs?: number }): Promise<Message>;
  /** Makes the simulated user answer `messageId` now: a button/row id, `{index}`, `{text}` or `{}` (random). */
  reply(messageId: string, choice?: Choice): Promise<Message>;
  deliveries(): Delivery[];
  waitForDelivery(predicate: (d: Delivery) => boolean, options?: { timeoutMs?: number }): Promise<Delivery>;
  setScript(script: unknown): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

async function controlCall(mock: MockInstance, method: string, path: string, body: unknown): Promise<unknown> {
  const res = await mock.app.request(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  const json = (await res.json()) as { errors?: { description: string }[] };
  if (!res.ok) throw new Error(`${method} ${path} failed (${res.status}): ${json.errors?.map((e) => e.description).join('; ')}`);
  return json;
}

/**
 * Starts an isolated mock listening on 127.0.0.1 (port 0 by default, so parallel test files
 * never collide) and returns helpers for asserting on what the app sent and did.
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { deps, ...config } = options;
  const mock = createMock({ port: 0, ...config }, deps);
  const server = serve({ fetch: mock.app.fetch, port: mock.config.port, hostname: mock.config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${mock.config.host}:${port}`;

  return {
    url,
    mock,
    messages: (filter) => mock.store.listMessages(filter),
    waitForMessage: (predicate, { timeoutMs = 5000 } = {}) => waitForMessage(mock, predicate, timeoutMs),
    reply: async (messageId, choice = {}) =>
      (await controlCall(mock, 'POST', `/__mock/messages/${messageId}/reply`, typeof choice === 'string' ? { choice } : choice)) as Message,
    deliveries: () => mock.webhooks.journal.list(),
    waitForDelivery: (predicate, { timeoutMs = 5000 } = {}) => mock.webhooks.journal.waitFor(predicate, { timeoutMs }),
    setScript: async (script) => {
      await controlCall(mock, 'PUT', '/__mock/script', script);
    },
    reset: () => mock.reset(),
    close: async () => {
      await mock.close(1000);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
