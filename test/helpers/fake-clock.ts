import type { Clock, Timer } from '../../src/clock.js';

interface Scheduled {
  dueMs: number;
  order: number;
  fn: () => void;
}

export interface FakeClock extends Clock {
  /** Moves time on by `ms`, firing every timer that falls due, in due order, each at its own time. */
  advance(ms: number): void;
  /** Delays (from now) of the timers still waiting, soonest first. */
  pendingDelays(): number[];
}

/** A Clock whose timers fire only when the test calls `advance`. */
export function createFakeClock(startMs = Date.parse('2026-01-15T10:00:00Z')): FakeClock {
  let nowMs = startMs;
  let order = 0;
  const timers = new Set<Scheduled>();

  const nextDue = (untilMs: number): Scheduled | undefined => {
    let soonest: Scheduled | undefined;
    for (const t of timers) {
      if (t.dueMs <= untilMs && (!soonest || t.dueMs < soonest.dueMs || (t.dueMs === soonest.dueMs && t.order < soonest.order))) soonest = t;
    }
    return soonest;
  };

  return {
    now: () => nowMs,
    setTimeout(fn: () => void, ms: number): Timer {
      const scheduled: Scheduled = { dueMs: nowMs + Math.max(0, ms), order: order++, fn };
      timers.add(scheduled);
      return { cancel: () => timers.delete(scheduled) };
    },
    advance(ms: number): void {
      if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number of milliseconds, got ${ms}`);
      const untilMs = nowMs + ms;
      // Timers scheduled by a firing timer fire too if they fall due before `untilMs`.
      for (let t = nextDue(untilMs); t; t = nextDue(untilMs)) {
        timers.delete(t);
        nowMs = t.dueMs;
        t.fn();
      }
      nowMs = untilMs;
    },
    pendingDelays: () => [...timers].map((t) => t.dueMs - nowMs).sort((a, b) => a - b),
  };
}
