import type { Clock, Timer } from '../clock.js';

/** Something due `afterMs` after its timeline started. */
export interface TimedStep {
  afterMs: number;
}

interface Timeline<S> {
  steps: readonly S[];
  /** Index of the next step to run. */
  next: number;
  timer: Timer | undefined;
}

/**
 * Runs one timeline of steps per key (per sent message) with at most ONE pending timer per key:
 * when a timer fires it runs every step due at that moment, then arms the timer for the next.
 * Thousands of sends per second each own a timeline, so nothing here scans or sorts.
 */
export class TimelineScheduler<S extends TimedStep> {
  private readonly timelines = new Map<string, Timeline<S>>();

  /** `perform` must not throw: a step that throws would leave its timeline stuck. */
  constructor(
    private readonly clock: Clock,
    private readonly perform: (key: string, step: S) => void,
  ) {}

  /** Keys with steps still to run. */
  get size(): number {
    return this.timelines.size;
  }

  /** Starts `steps` (sorted by `afterMs`) now, replacing any timeline the key already has. */
  start(key: string, steps: readonly S[]): void {
    this.cancel(key);
    if (steps.length === 0) return;
    const timeline: Timeline<S> = { steps, next: 0, timer: undefined };
    this.timelines.set(key, timeline);
    this.arm(key, timeline, 0);
  }

  /** Stops the key's timeline and hands back the steps it had not run yet. */
  cancel(key: string): S[] {
    const timeline = this.timelines.get(key);
    if (!timeline) return [];
    this.timelines.delete(key);
    timeline.timer?.cancel();
    return timeline.steps.slice(timeline.next);
  }

  cancelAll(): void {
    for (const timeline of this.timelines.values()) timeline.timer?.cancel();
    this.timelines.clear();
  }

  private arm(key: string, timeline: Timeline<S>, elapsedMs: number): void {
    const delay = Math.max(0, timeline.steps[timeline.next]!.afterMs - elapsedMs);
    timeline.timer = this.clock.setTimeout(() => this.fire(key, timeline), delay);
  }

  private fire(key: string, timeline: Timeline<S>): void {
    timeline.timer = undefined;
    const dueAt = timeline.steps[timeline.next]!.afterMs;
    // A step may cancel its own timeline (message gone) or start a new one: check it is still ours.
    const current = () => this.timelines.get(key) === timeline;
    while (current() && timeline.next < timeline.steps.length && timeline.steps[timeline.next]!.afterMs <= dueAt) {
      this.perform(key, timeline.steps[timeline.next++]!);
    }
    if (!current()) return;
    if (timeline.next >= timeline.steps.length) this.timelines.delete(key);
    else this.arm(key, timeline, dueAt);
  }
}
