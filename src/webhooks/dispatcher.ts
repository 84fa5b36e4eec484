import { rfc3339, type Timer } from '../clock.js';
import type { Logger } from '../logger.js';
import type { WebhookEventType } from '../types/generated.js';
import type { Journal } from './journal.js';
import { postOnce, type PostDeps } from './post-once.js';
import { describeOutcome, nextAttempt } from './retry-policy.js';
import type { DeliveryTarget } from './subscriptions.js';

export const DEFAULT_MAX_IN_FLIGHT = 32;
export const DEFAULT_MAX_PENDING = 10_000;
export const SHUTDOWN_ERROR = 'mock shut down before delivery';

export interface DispatcherDeps extends PostDeps {
  logger: Logger;
  journal: Journal;
  retryDelayMs: number;
  /** Requests open at once; the rest wait in a queue, so a flood of sends opens few sockets. */
  maxInFlight?: number;
  /** Deliveries not yet settled; beyond this new ones fail at once instead of growing memory. */
  maxPending?: number;
}

/** One envelope for one subscription, already in the journal as pending. */
export interface DeliveryJob {
  deliveryId: string;
  type: WebhookEventType;
  messageId?: string | undefined;
  conversationId: string;
  target: DeliveryTarget;
  /** The exact bytes POSTed and signed, encoded once per event. */
  body: Uint8Array;
}

interface Run {
  job: DeliveryJob;
  attempt: number;
  generation: number;
}

/** 2xx always succeeds; `settings.expected_http_code` ("200", "3xx"…) is accepted in addition. */
export function isAcceptedStatus(status: number, expected: string | undefined): boolean {
  if (status >= 200 && status < 300) return true;
  if (!expected) return false;
  const code = String(status);
  return code.length === expected.length && [...expected].every((ch, i) => ch === 'x' || ch === code[i]);
}

/**
 * Runs deliveries: a bounded number at once (post-once.ts makes each request), retries on the
 * injected clock, and records every attempt in the journal.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const { clock, journal, logger } = deps;
  const maxInFlight = deps.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const maxPending = deps.maxPending ?? DEFAULT_MAX_PENDING;
  let queue: Run[] = [];
  let head = 0;
  const inFlight = new Map<Run, AbortController>();
  const running = new Set<Promise<void>>();
  const retryTimers = new Map<Run, Timer>();
  let pendingCount = 0;
  let droppedCount = 0;
  let generation = 0;
  let closed = false;

  function pump(): void {
    while (!closed && inFlight.size < maxInFlight && head < queue.length) {
      const run = queue[head++]!;
      if (head > 1024 && head * 2 > queue.length) (queue = queue.slice(head)), (head = 0);
      const controller = new AbortController();
      inFlight.set(run, controller);
      const done: Promise<void> = attempt(run, controller).finally(() => {
        inFlight.delete(run);
        running.delete(done);
        pump();
      });
      running.add(done);
    }
  }

  async function attempt(run: Run, controller: AbortController): Promise<void> {
    const { job } = run;
    const startedMs = clock.now();
    const outcome = await postOnce(deps, job, controller, () => closed);
    if (run.generation !== generation) return; // reset() meanwhile: the journal entry is gone
    const durationMs = clock.now() - startedMs;
    const { target } = job;
    const accepted = outcome.kind === 'status' && isAcceptedStatus(outcome.status, target.expectedStatus);
    const result = describeOutcome(outcome);
    journal.recordAttempt(job.deliveryId, {
      at: rfc3339(startedMs),
      ...(outcome.kind === 'status' ? { status: outcome.status } : {}),
      ...(accepted ? {} : { error: result }),
      durationMs,
    });
    if (closed) return; // close() settles what is still pending
    const line = `webhook POST ${target.url} ${job.type} attempt ${run.attempt}/${target.maxRetries + 1} → ${
      outcome.kind === 'status' && accepted ? outcome.status : result
    }${outcome.kind === 'timeout' ? '' : ` (${durationMs} ms)`}`;
    const fields = { delivery: job.deliveryId, ...(job.messageId ? { messageId: job.messageId } : { conversationId: job.conversationId }) };
    const next = accepted
      ? ({ action: 'done' } as const)
      : nextAttempt({ attempt: run.attempt, maxRetries: target.maxRetries, baseDelayMs: deps.retryDelayMs, outcome });
    if (next.action === 'done') {
      pendingCount--;
      journal.settle(job.deliveryId, 'delivered');
      logger.info(line, fields);
    } else if (next.action === 'give-up') {
      pendingCount--;
      journal.settle(job.deliveryId, 'failed', next.reason);
      logger.error(`${line}; gave up after ${run.attempt} attempt${run.attempt === 1 ? '' : 's'}`, fields);
    } else {
      logger.warn(`${line}; retrying in ${next.delayMs} ms`, fields);
      const timer = clock.setTimeout(() => {
        retryTimers.delete(run);
        if (run.generation !== generation || closed) return;
        queue.push({ ...run, attempt: run.attempt + 1 });
        pump();
      }, next.delayMs);
      retryTimers.set(run, timer);
    }
  }

  function stopEverything(reason: string): void {
    for (const timer of retryTimers.values()) timer.cancel();
    retryTimers.clear();
    queue = [];
    head = 0;
    for (const controller of inFlight.values()) controller.abort(new Error(reason));
  }

  return {
    /** Returns at once; the job runs when a slot is free. */
    enqueue(job: DeliveryJob): void {
      if (closed) return void journal.settle(job.deliveryId, 'failed', SHUTDOWN_ERROR);
      if (pendingCount >= maxPending) {
        const reason = `dropped: ${pendingCount} deliveries already pending (limit ${maxPending}); the receivers are not keeping up, make them answer faster or lower the send rate`;
        journal.settle(job.deliveryId, 'failed', reason);
        // Once per backlog, not per drop: at thousands of sends a second the log would drown.
        if (droppedCount++ === 0) logger.error(`webhook POST ${job.target.url} ${job.type} ${reason}; further drops are counted, not logged`, { delivery: job.deliveryId });
        return;
      }
      if (droppedCount > 0) {
        logger.warn(`webhook backlog is below the limit again; ${droppedCount} deliveries were dropped (state failed in the journal)`);
        droppedCount = 0;
      }
      pendingCount++;
      queue.push({ job, attempt: 1, generation });
      pump();
    },

    /** Requests being made, and deliveries waiting for a slot or a retry. */
    stats: () => ({ inFlight: inFlight.size, queued: queue.length - head, waitingRetry: retryTimers.size, pending: pendingCount }),

    /** Stops retries, waits up to `graceMs` (on the clock) for open requests, fails whatever is left. */
    async close(graceMs: number): Promise<void> {
      if (closed) return;
      closed = true;
      for (const timer of retryTimers.values()) timer.cancel();
      retryTimers.clear();
      if (running.size > 0) {
        let grace: Timer | undefined;
        await Promise.race([Promise.allSettled([...running]), new Promise<void>((resolve) => (grace = clock.setTimeout(resolve, graceMs)))]);
        grace?.cancel();
      }
      stopEverything('mock shut down');
      for (const delivery of journal.pending()) {
        journal.settle(delivery.id, 'failed', SHUTDOWN_ERROR);
        logger.error(`webhook POST ${delivery.url} ${delivery.type} not delivered: ${SHUTDOWN_ERROR} (${delivery.attempts.length} attempts made)`, {
          delivery: delivery.id,
          ...(delivery.messageId ? { messageId: delivery.messageId } : { conversationId: delivery.conversationId }),
        });
      }
      pendingCount = 0;
    },

    /** Cancels retries and open requests; their results are ignored. */
    reset(): void {
      generation++;
      stopEverything('mock reset');
      pendingCount = 0;
      droppedCount = 0;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
