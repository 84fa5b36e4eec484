import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Message } from '../../src/types/generated.js';

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

/** Starts a node process and resolves with the first stdout match of `ready`. */
function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      const match = (out += chunk).match(ready);
      if (match) resolve(match);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${out}`)));
  });
}

describe('the README example: the three-step script against examples/tshirt-bot.mjs', () => {
  it('runs hi → list → row → buttons → press → text hands-free', async () => {
    const [, mockUrl] = await start(
      [file('../../dist/conversations-mock.js'), '--port', '0', '--seed', '1', '--reply-delay', '50', '--status-updates', 'none'],
      {},
      /listening on (http:\S+)/,
    );
    const [, botUrl] = await start([file('../../examples/tshirt-bot.mjs')], { PORT: '0', MOCK_URL: mockUrl! }, /bot listening on (http:\S+)/);
    // Subscribed through the real API, then the script goes in, as `--script` would load it.
    const headers = { Authorization: 'AccessKey test', 'Content-Type': 'application/json' };
    const subscribed = await fetch(`${mockUrl}/v1/webhooks`, { method: 'POST', headers, body: JSON.stringify({ events: ['message.created'], url: botUrl }) });
    expect(subscribed.status).toBe(201);
    const script = parse(readFileSync(file('../../fixtures/scripts/three-step-flow.yaml'), 'utf8'));
    expect((await fetch(`${mockUrl}/__mock/script`, { method: 'PUT', headers, body: JSON.stringify(script) })).status).toBe(200);

    // Polls the mock's own record of the conversation (no fixed sleeps).
    let transcript: string[] = [];
    for (let i = 0; i < 200 && transcript.length < 6; i++) {
      const messages = (await (await fetch(`${mockUrl}/__mock/messages`)).json()) as Message[];
      transcript = messages.map((m) => {
        const c = m.content as { text?: string; interactive?: { type: string; reply?: { id: string } } };
        return `${m.direction} ${c.text ?? c.interactive?.reply?.id ?? c.interactive?.type}`;
      });
      if (transcript.length < 6) await delay(25);
    }
    expect(transcript).toEqual([
      'received hi',
      'sent list',
      'received size-m',
      'sent button',
      'received confirm-yes',
      'sent Thanks! Your T-shirt is on its way.',
    ]);
  });
});
