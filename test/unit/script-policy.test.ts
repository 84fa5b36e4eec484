import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildOutboundMessage } from '../../src/core/outbound-message.js';
import { fixturesDir } from '../../src/paths.js';
import { createRandom } from '../../src/random.js';
import { loadScriptFile } from '../../src/scripts/load-script.js';
import { createScriptPolicy } from '../../src/scripts/script-policy.js';
import { scheduleStarts, type StartMessage } from '../../src/scripts/script-starts.js';
import type { Message, Script, SendRequest } from '../../src/types/generated.js';
import { sharedSchemaRegistry } from '../../src/validation/schema-registry.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { seedButton, seedList } from '../helpers/seed.js';

const registry = sharedSchemaRegistry();
const example = (name: string) => loadScriptFile(join(fixturesDir, 'scripts', name), registry);

let nextId = 0;
function sent(request: Pick<SendRequest, 'type' | 'content'>, to = '+31612345678'): Message {
  return buildOutboundMessage({
    id: (nextId++).toString(16).padStart(32, '0'),
    conversationId: 'c'.repeat(32),
    channelId: 'd'.repeat(32),
    to,
    from: '+31970102030',
    request,
    nowMs: Date.UTC(2026, 0, 1),
  });
}
const buttonsTo = (to: string) => sent(seedButton, to);
const listTo = (to: string) => sent(seedList, to);
const textTo = (to: string) => sent({ type: 'text', content: { text: 'Thanks!' } }, to);

describe('rules-example.yaml, rule by rule', () => {
  const rulesExample = () => createScriptPolicy(example('rules-example.yaml'), { delayMs: 1000 });

  it('answers a matching list with the rule’s choice and delay', () => {
    expect(rulesExample().policy(listTo('+31699999999'))).toEqual({
      reply: { spec: { choice: 'unique-row-identifier-2' }, delayMs: 300 },
      failure: null,
    });
  });

  it('goes through `replies` one per match, then the rule is spent and the next rule decides', () => {
    const { policy, state } = rulesExample();
    const choices = [1, 2, 3, 4].map(() => policy(buttonsTo('+31612345678'))?.reply?.spec);
    // no, yes from `replies` (delay from defaults); then the `offers` rule twice; then nothing matches.
    expect(choices).toEqual([{ choice: 'no-unique-id' }, { choice: 'yes-unique-id' }, { choice: 'yes-unique-id' }, { choice: 'yes-unique-id' }]);
    expect(policy(buttonsTo('+31612345678'))).toBeUndefined();
    expect(state().slice(1, 3)).toEqual([
      { rule: 'rules[1]', matched: 2, remaining: 0, spent: true },
      { rule: 'rules[2]', matched: 2, remaining: 0, spent: true },
    ]);
  });

  it('takes the delay from defaults when the reply has none', () => {
    expect(rulesExample().policy(buttonsTo('+31612345678'))?.reply?.delayMs).toBe(500);
  });

  it('never answers for reply.none, but the message is delivered', () => {
    expect(rulesExample().policy(textTo('+31600000009'))).toEqual({ reply: null, failure: null });
  });

  it('fails delivery for status.failed', () => {
    expect(rulesExample().policy(textTo('+31600000010'))).toEqual({
      reply: null,
      failure: { code: 470, description: 'outside the 24 hour window' },
    });
  });

  it('has no opinion on messages no rule matches, so the auto-reply decides', () => {
    expect(rulesExample().policy(textTo('+31611111111'))).toBeUndefined();
  });

  it('keeps counters per policy: a new policy (a replaced script) starts afresh', () => {
    const first = rulesExample();
    first.policy(buttonsTo('+31612345678'));
    expect(rulesExample().policy(buttonsTo('+31612345678'))?.reply?.spec).toEqual({ choice: 'no-unique-id' });
  });
});

describe('rule semantics', () => {
  const anyButton = { interactive: 'button' } as const;

  it('uses the first matching rule, top to bottom', () => {
    const { policy } = createScriptPolicy({
      rules: [
        { match: anyButton, reply: { index: 1 } },
        { match: { offers: 'yes-unique-id' }, reply: { index: 0 } },
      ],
    });
    expect(policy(buttonsTo('+31612345678'))?.reply?.spec).toEqual({ index: 1 });
  });

  it('starts `replies` over until `times` when both are given', () => {
    const { policy, state } = createScriptPolicy({
      rules: [{ match: anyButton, replies: [{ index: 0 }, { text: 'maybe' }], times: 3 }],
    });
    const specs = [1, 2, 3, 4].map(() => policy(buttonsTo('+31612345678'))?.reply?.spec);
    expect(specs).toEqual([{ index: 0 }, { text: 'maybe' }, { index: 0 }, undefined]);
    expect(state()).toEqual([{ rule: 'rules[0]', matched: 3, remaining: 0, spent: true }]);
  });

  it('never spends a `reply` rule without `times`, and names rules by `name`', () => {
    const { policy, state } = createScriptPolicy({ rules: [{ name: 'always yes', match: {}, reply: { choice: 'yes-unique-id' } }] });
    for (let i = 0; i < 5; i++) policy(buttonsTo('+31612345678'));
    expect(state()).toEqual([{ rule: 'always yes', matched: 5, remaining: null, spent: false }]);
  });

  it('spends a `status` rule after `times` too', () => {
    const failed = { code: 470, description: 'outside the 24 hour window' };
    const { policy } = createScriptPolicy({ rules: [{ match: {}, status: { failed }, times: 1 }] });
    expect(policy(textTo('+31612345678'))?.failure).toEqual(failed);
    expect(policy(textTo('+31612345678'))).toBeUndefined();
  });

  it('falls back on the caller’s delay, then on the mock’s default', () => {
    const script: Script = { rules: [{ match: {}, reply: { text: 'ok' } }] };
    expect(createScriptPolicy(script, { delayMs: 42 }).policy(textTo('+31612345678'))?.reply?.delayMs).toBe(42);
    expect(createScriptPolicy(script).policy(textTo('+31612345678'))?.reply?.delayMs).toBe(1000);
  });
});

describe('random answers', () => {
  const randomScript = (seed?: number): Script => ({ ...(seed === undefined ? {} : { seed }), rules: [{ match: {}, reply: {} }] });
  const picks = (script: Script, options = {}) => {
    const { policy } = createScriptPolicy(script, options);
    return Array.from({ length: 20 }, () => policy(listTo('+31612345678'))?.reply?.spec);
  };

  it('are the same every run with the script’s seed, and only offered ids', () => {
    const first = picks(randomScript(42));
    expect(picks(randomScript(42))).toEqual(first);
    expect(new Set(first.map((s) => (s as { choice: string }).choice))).toEqual(new Set(['unique-row-identifier-1', 'unique-row-identifier-2']));
  });

  it('follow the script’s seed rather than the caller’s random (--seed)', () => {
    expect(picks(randomScript(42), { random: createRandom(1) })).toEqual(picks(randomScript(42)));
    expect(picks(randomScript(43))).not.toEqual(picks(randomScript(42)));
  });

  it('use the caller’s random without a script seed, else leave the pick to the simulator', () => {
    expect(picks(randomScript(), { random: createRandom(5) })).toEqual(picks(randomScript(), { random: createRandom(5) }));
    expect(picks(randomScript())[0]).toEqual({ random: true });
  });

  it('leave messages with nothing to press to the simulator, which reports the misfit', () => {
    expect(createScriptPolicy(randomScript(1)).policy(textTo('+31612345678'))?.reply?.spec).toEqual({ random: true });
  });
});

describe('scheduleStarts', () => {
  const entries = [
    { from: '+31600000002', text: 'second', afterMs: 500 },
    { from: '+31600000001', text: 'first', afterMs: 100, channelId: 'my-channel' },
    { from: '+31600000003', text: 'third', afterMs: 500 },
    { from: '+31600000004', text: 'at once' },
  ];

  it('sends each entry afterMs after scheduling, same-moment entries in file order', () => {
    const clock = createFakeClock();
    const sentAt: [number, StartMessage][] = [];
    const start = clock.now();
    scheduleStarts(entries, { clock, sendInbound: (m) => sentAt.push([clock.now() - start, m]) });
    expect(sentAt).toEqual([]); // even afterMs 0 waits for the caller to finish
    clock.advance(1000);
    expect(sentAt).toEqual([
      [0, { from: '+31600000004', type: 'text', content: { text: 'at once' } }],
      [100, { from: '+31600000001', channelId: 'my-channel', type: 'text', content: { text: 'first' } }],
      [500, { from: '+31600000002', type: 'text', content: { text: 'second' } }],
      [500, { from: '+31600000003', type: 'text', content: { text: 'third' } }],
    ]);
  });

  it('cancels what is not sent yet', () => {
    const clock = createFakeClock();
    const sendInbound = vi.fn();
    const cancel = scheduleStarts(entries, { clock, sendInbound });
    clock.advance(100);
    cancel();
    clock.advance(1000);
    expect(sendInbound).toHaveBeenCalledTimes(2);
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('reports a send that throws and goes on with the others', () => {
    const clock = createFakeClock();
    const onError = vi.fn();
    const sendInbound = vi.fn((m: StartMessage) => {
      if (m.content.text === 'first') throw new Error('boom');
    });
    scheduleStarts(entries, { clock, sendInbound, onError });
    clock.advance(1000);
    expect(sendInbound).toHaveBeenCalledTimes(4);
    expect(onError).toHaveBeenCalledWith(new Error('boom'), entries[1]);
  });
});
