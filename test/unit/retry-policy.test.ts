import { describe, it, expect } from 'vitest';
import { describeOutcome, nextAttempt, type DeliveryOutcome } from '../../src/webhooks/retry-policy.js';

const http = (status: number): DeliveryOutcome => ({ kind: 'status', status });
const refused: DeliveryOutcome = { kind: 'network-error', message: 'ECONNREFUSED' };
const timedOut: DeliveryOutcome = { kind: 'timeout', afterMs: 5000 };

describe('nextAttempt', () => {
  it.each([
    [1, http(200), { action: 'done' }],
    [1, http(204), { action: 'done' }],
    [6, http(299), { action: 'done' }],
    [1, http(500), { action: 'retry', delayMs: 1000 }],
    [2, http(503), { action: 'retry', delayMs: 2000 }],
    [3, http(404), { action: 'retry', delayMs: 4000 }],
    [4, http(301), { action: 'retry', delayMs: 8000 }],
    [5, refused, { action: 'retry', delayMs: 16000 }],
    [1, timedOut, { action: 'retry', delayMs: 1000 }],
    [1, http(199), { action: 'retry', delayMs: 1000 }],
    [6, http(500), { action: 'give-up', reason: 'gave up after 6 attempts: last attempt failed with HTTP 500' }],
    [6, refused, { action: 'give-up', reason: 'gave up after 6 attempts: last attempt failed with ECONNREFUSED' }],
    [6, timedOut, { action: 'give-up', reason: 'gave up after 6 attempts: last attempt failed with timeout after 5000 ms' }],
  ] as const)('attempt %i with %o (maxRetries 5, base 1000 ms) → %o', (attempt, outcome, expected) => {
    expect(nextAttempt({ attempt, maxRetries: 5, baseDelayMs: 1000, outcome })).toEqual(expected);
  });

  it('with maxRetries 0 gives up after the first failure', () => {
    expect(nextAttempt({ attempt: 1, maxRetries: 0, baseDelayMs: 1000, outcome: http(500) })).toEqual({
      action: 'give-up',
      reason: 'gave up after 1 attempt: last attempt failed with HTTP 500',
    });
  });

  it('makes maxRetries + 1 attempts in total', () => {
    const delays: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const next = nextAttempt({ attempt, maxRetries: 3, baseDelayMs: 250, outcome: http(502) });
      if (next.action !== 'retry') {
        expect(attempt).toBe(4);
        break;
      }
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('rejects an attempt number below 1', () => {
    expect(() => nextAttempt({ attempt: 0, maxRetries: 5, baseDelayMs: 1000, outcome: http(500) })).toThrow(RangeError);
  });
});

describe('describeOutcome', () => {
  it.each([
    [http(500), 'HTTP 500'],
    [timedOut, 'timeout after 5000 ms'],
    [refused, 'ECONNREFUSED'],
  ] as const)('%o → %s', (outcome, text) => {
    expect(describeOutcome(outcome)).toBe(text);
  });
});
