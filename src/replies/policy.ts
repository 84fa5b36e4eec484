import type { Message, MessageError } from '../types/generated.js';

/** How the simulated user answers a message. `random` picks a seeded random option. */
export type ReplySpec = { choice: string } | { index: number } | { text: string } | { random: true };

/** What happens to one message the app sent. */
export interface MessagePlan {
  /** The user's answer and when; null: the user never answers. */
  reply: { spec: ReplySpec; delayMs: number } | null;
  /** Delivery fails with this error instead of moving sent → delivered → read. */
  failure: MessageError | null;
}

/**
 * Decides the plan for each message the app sends. Returning undefined means "no opinion": the
 * next policy (in the end the auto-reply default) decides. A script is one such policy.
 */
export type SimulationPolicy = (sent: Message) => MessagePlan | undefined;
