import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { auth, json, seedButton, seedList } from '../helpers/seed.js';

/** One whole session: sends, auto-replies, status updates, an inbound message; returns everything stored. */
async function session(seed: number) {
  const clock = createFakeClock(Date.UTC(2026, 0, 1));
  const mock = createMock({ seed, replyDelayMs: 300, statusDelayMs: 100 }, { clock });
  const send = (body: unknown) => mock.app.request('/v1/send', { method: 'POST', headers: auth, body: JSON.stringify(body) });
  await send(seedButton);
  await send(seedList);
  await send({ ...seedButton, to: '+31612345678' });
  await mock.app.request('/__mock/inbound', { method: 'POST', body: JSON.stringify({ from: '+31687654321', text: 'hi' }) });
  clock.advance(1000);
  const conversations = await json(await mock.app.request('/v1/conversations', { headers: auth }));
  return { messages: mock.store.listMessages(), conversations };
}

describe('with a seed, runs repeat exactly', () => {
  it('ids, contact names, random choices and timestamps are the same twice', async () => {
    const first = await session(42);
    const second = await session(42);
    expect(first.messages.filter((m) => m.direction === 'received')).toHaveLength(4);
    expect(second).toEqual(first);
  });

  it('another seed gives another run', async () => {
    const a = await session(1);
    const b = await session(2);
    expect(a.messages.map((m) => m.id)).not.toEqual(b.messages.map((m) => m.id));
  });
});
