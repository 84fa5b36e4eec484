import { DEFAULT_CONFIG } from '../config.js';
import { createRandom, type Random } from '../random.js';
import type { MessagePlan, ReplySpec, SimulationPolicy } from '../replies/policy.js';
import type { Message, Script, ScriptReply, ScriptRule } from '../types/generated.js';
import { matchesRule, offeredIds } from './match-rule.js';

export interface ScriptPolicyOptions {
  /**
   * Picks random answers when the script has no `seed` (pass the mock's, seeded by --seed).
   * Without either, `{random: true}` goes to the simulator, which picks with its own.
   */
  random?: Random;
  /** The reply delay when neither the reply nor `defaults.delayMs` gives one (--reply-delay). */
  delayMs?: number;
}

/** How far one rule has got: GET /__mock/script shows it, tests assert on it. */
export interface RuleState {
  /** The rule's `name`, else its position: `rules[2]`. */
  rule: string;
  matched: number;
  /** Matches left before the rule is spent; null: never spent. */
  remaining: number | null;
  spent: boolean;
}

export interface ScriptPolicy {
  policy: SimulationPolicy;
  state(): RuleState[];
}

const SILENT: MessagePlan = { reply: null, failure: null };

/** Matches a rule handles: `times`, else one per entry of `replies`, else unlimited. */
const limitOf = (rule: ScriptRule): number => rule.times ?? rule.replies?.length ?? Infinity;

/**
 * The policy a script describes: the first matching rule that is not spent decides, and each
 * match counts against it. Counters live in this instance, so a replaced script starts afresh.
 * Messages no rule matches get undefined: the next policy (the auto-reply) decides.
 */
export function createScriptPolicy(script: Script, options: ScriptPolicyOptions = {}): ScriptPolicy {
  const rules = script.rules ?? [];
  const matched = rules.map(() => 0);
  const random = script.seed !== undefined ? createRandom(script.seed) : options.random;
  const defaultDelayMs = script.defaults?.delayMs ?? options.delayMs ?? DEFAULT_CONFIG.replyDelayMs;

  /** Random picks are made now, when the message is sent, so the script's seed alone decides them. */
  function specFor(reply: ScriptReply, sent: Message): ReplySpec {
    if (reply.choice !== undefined) return { choice: reply.choice };
    if (reply.index !== undefined) return { index: reply.index };
    if (reply.text !== undefined) return { text: reply.text };
    const offered = offeredIds(sent);
    // Nothing to press: the simulator reports that the reply does not fit the message.
    return random && offered.length > 0 ? { choice: random.pick(offered) } : { random: true };
  }

  function planFor(rule: ScriptRule, nth: number, sent: Message): MessagePlan {
    if (rule.status) return { reply: null, failure: rule.status.failed };
    const reply = rule.replies ? rule.replies[nth % rule.replies.length]! : rule.reply;
    if (!reply || reply.none) return SILENT;
    return { reply: { spec: specFor(reply, sent), delayMs: reply.delayMs ?? defaultDelayMs }, failure: null };
  }

  const policy: SimulationPolicy = (sent) => {
    for (const [i, rule] of rules.entries()) {
      if (matched[i]! >= limitOf(rule) || !matchesRule(rule.match, sent)) continue;
      const nth = matched[i]!;
      matched[i] = nth + 1;
      return planFor(rule, nth, sent);
    }
    return undefined;
  };

  const state = (): RuleState[] =>
    rules.map((rule, i) => {
      const limit = limitOf(rule);
      return {
        rule: rule.name ?? `rules[${i}]`,
        matched: matched[i]!,
        remaining: Number.isFinite(limit) ? limit - matched[i]! : null,
        spent: matched[i]! >= limit,
      };
    });

  return { policy, state };
}
