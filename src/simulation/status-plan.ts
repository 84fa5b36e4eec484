import type { StatusUpdates } from '../config.js';
import type { MessagePlan, ReplySpec } from '../replies/policy.js';
import type { MessageError } from '../types/generated.js';

/** One status change of a sent message, `afterMs` after it was sent. */
export interface StatusStep {
  afterMs: number;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error?: MessageError;
}

/** Everything that happens to one sent message, in order: its status changes and the user's reply. */
export type TimelineStep = ({ kind: 'status' } & StatusStep) | { kind: 'reply'; afterMs: number; spec: ReplySpec };

const PROGRESSION = ['sent', 'delivered', 'read'] as const;
const STEPS_FOR_LEVEL: Record<StatusUpdates, number> = { none: 0, sent: 1, delivered: 2, read: 3 };

/**
 * sent → delivered → read, one `delayMs` apart, up to `level`. A planned failure replaces them
 * all, whatever the level: the policy asked for it explicitly.
 */
export function planStatuses(level: StatusUpdates, delayMs: number, failure: MessageError | null): StatusStep[] {
  if (failure) return [{ afterMs: delayMs, status: 'failed', error: failure }];
  return PROGRESSION.slice(0, STEPS_FOR_LEVEL[level]).map((status, i) => ({ afterMs: delayMs * (i + 1), status }));
}

/**
 * The statuses and the reply of one message, oldest first. The reply comes exactly at its
 * delay (the user-facing knob), but answering implies having read the message: statuses still
 * due later are moved to the reply's moment and come just before it. A failed message never
 * reaches the user, so it gets no reply.
 */
export function planTimeline(plan: MessagePlan, level: StatusUpdates, statusDelayMs: number): TimelineStep[] {
  const statuses = planStatuses(level, statusDelayMs, plan.failure);
  const reply = plan.failure ? null : plan.reply;
  if (!reply) return statuses.map((s) => ({ kind: 'status', ...s }));
  const replyAt = Math.max(0, reply.delayMs);
  return [
    ...statuses.map((s) => ({ kind: 'status' as const, ...s, afterMs: Math.min(s.afterMs, replyAt) })),
    { kind: 'reply', afterMs: replyAt, spec: reply.spec },
  ];
}
