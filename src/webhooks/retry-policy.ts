/**
 * What to do after a webhook delivery attempt. MessageBird documents no backoff, so this is
 * the mock's own choice: exponential, retrying any non-2xx, network error or timeout.
 */

export type DeliveryOutcome =
  | { kind: 'status'; status: number }
  | { kind: 'network-error'; message: string }
  | { kind: 'timeout'; afterMs: number };

export interface NextAttemptInput {
  /** 1-based number of the attempt that just finished. */
  attempt: number;
  /** Retries after the first attempt: 5 means up to 6 attempts in total. */
  maxRetries: number;
  baseDelayMs: number;
  outcome: DeliveryOutcome;
}

export type NextAttempt =
  | { action: 'done' }
  | { action: 'retry'; delayMs: number }
  | { action: 'give-up'; reason: string };

export function nextAttempt({ attempt, maxRetries, baseDelayMs, outcome }: NextAttemptInput): NextAttempt {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  if (isSuccess(outcome)) return { action: 'done' };
  if (attempt <= maxRetries) return { action: 'retry', delayMs: baseDelayMs * 2 ** (attempt - 1) };
  const attempts = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
  return { action: 'give-up', reason: `gave up after ${attempts}: last attempt failed with ${describeOutcome(outcome)}` };
}

/** Short form for log lines: `HTTP 500`, `timeout after 5000 ms`, `ECONNREFUSED`. */
export function describeOutcome(outcome: DeliveryOutcome): string {
  switch (outcome.kind) {
    case 'status':
      return `HTTP ${outcome.status}`;
    case 'network-error':
      return outcome.message;
    case 'timeout':
      return `timeout after ${outcome.afterMs} ms`;
  }
}

function isSuccess(outcome: DeliveryOutcome): boolean {
  return outcome.kind === 'status' && outcome.status >= 200 && outcome.status < 300;
}
