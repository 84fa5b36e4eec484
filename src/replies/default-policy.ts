import type { MockConfig } from '../config.js';
import type { Message } from '../types/generated.js';
import type { MessagePlan, SimulationPolicy } from './policy.js';

/** True for the messages a user can answer by tapping: reply buttons and lists. */
export function isAnswerable(sent: Message): boolean {
  if (sent.type !== 'interactive') return false;
  const kind = (sent.content as { interactive?: { type?: string } }).interactive?.type;
  return kind === 'button' || kind === 'list';
}

const NOTHING: MessagePlan = { reply: null, failure: null };

/**
 * The auto-reply default, the last policy consulted: with `autoReply` on, the user presses a
 * seeded random button or row of every button/list message after `replyDelayMs`; otherwise never
 * answers. Delivery never fails. The plan objects are shared (read-only): this runs on every send.
 */
export function defaultPolicy(config: Pick<MockConfig, 'autoReply' | 'replyDelayMs'>): SimulationPolicy {
  if (!config.autoReply) return () => NOTHING;
  const answer: MessagePlan = { reply: { spec: { random: true }, delayMs: config.replyDelayMs }, failure: null };
  return (sent) => (isAnswerable(sent) ? answer : NOTHING);
}

/** Policies in order (the default last); the first with an opinion wins. No opinion at all: nothing happens. */
export function firstPlan(policies: readonly SimulationPolicy[], sent: Message): MessagePlan {
  for (const policy of policies) {
    const plan = policy(sent);
    if (plan !== undefined) return plan;
  }
  return NOTHING;
}
