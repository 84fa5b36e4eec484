import type { Hono } from 'hono';
import type { MockEvent } from '../core/events.js';
import type { CoreServices } from '../core/services.js';
import { errors } from '../errors.js';
import type { Random } from '../random.js';
import { chooseReply } from '../replies/choose-reply.js';
import { defaultPolicy, firstPlan } from '../replies/default-policy.js';
import type { ReplySpec, SimulationPolicy } from '../replies/policy.js';
import { simulateRoutes } from '../routes/simulate.js';
import type { Message } from '../types/generated.js';
import { TimelineScheduler } from './scheduler.js';
import { planTimeline, type TimelineStep } from './status-plan.js';

/**
 * The channel of inbound messages from a number that has no conversation yet and gave no
 * channelId. 32 hex like a real channel id, and easy to spot in logs and payloads.
 */
export const DEFAULT_INBOUND_CHANNEL_ID = 'c0ffee00c0ffee00c0ffee00c0ffee00';

export interface SimulatorDeps extends CoreServices {
  random: Random;
  /** Consulted in order before the auto-reply default; `setPolicy` goes in front of them. */
  policies?: readonly SimulationPolicy[];
}

/** A message the simulated user writes on their own; `channelId` defaults as /__mock/inbound says. */
export interface InboundMessageInput {
  from: string;
  channelId?: string | undefined;
  type: Message['type'];
  content: Message['content'];
}

export interface Simulator {
  /** POST /messages/:id/reply and POST /inbound, mounted under /__mock. */
  readonly routes: Hono;
  /** Puts `policy` in front of the others (undefined removes it). */
  setPolicy(policy: SimulationPolicy | undefined): void;
  /** Answers a sent message now, instead of any pending auto-reply. Throws ApiError (404, 422). */
  replyNow(sentId: string, spec: ReplySpec): Message;
  inbound(input: InboundMessageInput): Message;
  /** Sent messages with status updates or a reply still to come. */
  readonly pendingCount: number;
  /** Cancels every pending status update and reply. */
  reset(): void;
  close(): void;
}

/** The simulated end user: moves sent messages through their statuses and answers them. */
export function createSimulator(deps: SimulatorDeps): Simulator {
  const { config, store, messaging, events, logger } = deps;
  const fallbacks = [...(deps.policies ?? []), defaultPolicy(config)];
  let policies: readonly SimulationPolicy[] = fallbacks;
  const quiet = () => policies.length === 1 && !config.autoReply && config.statusUpdates === 'none';
  let idle = quiet();
  const scheduler = new TimelineScheduler<TimelineStep>(deps.clock, perform);

  function perform(sentId: string, step: TimelineStep): void {
    const sent = store.messages.get(sentId);
    if (!sent) return void scheduler.cancel(sentId); // evicted or reset meanwhile: nobody to answer
    try {
      if (step.kind === 'status') messaging.updateStatus(sentId, step.status, step.error);
      else autoReply(sent, step.spec);
    } catch (error) {
      logger.error(`simulated ${step.kind} for message ${sentId} failed`, { error });
    }
  }

  function autoReply(sent: Message, spec: ReplySpec): void {
    const chosen = chooseReply(sent, spec, deps.random);
    if (chosen.ok) deliver(sent, chosen.type, chosen.content, chosen.summary);
    else logger.warn(`no reply to ${sent.id}: the policy's reply ${JSON.stringify(spec)} does not fit it`, { error: chosen.error.message });
  }

  function deliver(sent: Message, type: Message['type'], content: Message['content'], summary: string): Message {
    // An archived or evicted conversation is not written to: the reply opens (or resumes) one.
    const open = store.conversations.get(sent.conversationId)?.status === 'active';
    const inbound = messaging.receive({
      ...(open ? { conversationId: sent.conversationId } : {}),
      from: sent.to,
      channelId: sent.channelId,
      type,
      content,
      replyTo: sent.id,
    });
    logger.info(`reply to ${sent.id} (${summary}) as ${inbound.id}`);
    return inbound;
  }

  function onEvent(event: MockEvent): void {
    if (idle || event.type !== 'message.created' || event.messageId === undefined) return;
    const sent = store.messages.get(event.messageId);
    if (!sent || sent.direction !== 'sent') return;
    try {
      // The reply comes at its own delay (the user's knob), not after `read`; statuses due later are brought forward to just before it.
      scheduler.start(sent.id, planTimeline(firstPlan(policies, sent), config.statusUpdates, config.statusDelayMs));
    } catch (error) {
      logger.error(`simulation policy failed for message ${sent.id}; it gets no status updates or reply`, { error });
    }
  }

  /** The channel of this number's most recent conversation. */
  function lastChannelOf(msisdn: string): string | undefined {
    let latest: { channelId: string; updatedMs: number } | undefined;
    for (const c of store.conversations.values()) {
      if (c.msisdn === msisdn && (!latest || c.updatedMs >= latest.updatedMs)) latest = c;
    }
    return latest?.channelId;
  }

  function replyNow(sentId: string, spec: ReplySpec): Message {
    const sent = store.messages.get(sentId);
    if (!sent) throw errors.notFound('message', sentId);
    const chosen = chooseReply(sent, spec, deps.random);
    if (!chosen.ok) throw chosen.error;
    // Answering implies the message arrived and was read: pending statuses happen first, the auto-reply never.
    for (const step of scheduler.cancel(sentId)) {
      if (step.kind === 'status') messaging.updateStatus(sentId, step.status, step.error);
    }
    return deliver(sent, chosen.type, chosen.content, chosen.summary);
  }

  function inbound(input: InboundMessageInput): Message {
    const channelId = input.channelId ?? lastChannelOf(input.from) ?? DEFAULT_INBOUND_CHANNEL_ID;
    const message = messaging.receive({ from: input.from, channelId, type: input.type, content: input.content });
    logger.info(`inbound ${input.type} from ${input.from} as ${message.id}`);
    return message;
  }

  const stopListening = events.on(onEvent);
  return {
    routes: simulateRoutes({ registry: deps.registry, store, replyNow, inbound }),
    setPolicy(policy) {
      policies = policy ? [policy, ...fallbacks] : fallbacks;
      idle = quiet();
    },
    replyNow,
    inbound,
    get pendingCount() {
      return scheduler.size;
    },
    reset: () => scheduler.cancelAll(),
    close() {
      stopListening();
      scheduler.cancelAll();
    },
  };
}
