import type { Clock, Timer } from '../clock.js';
import type { ScriptStart } from '../types/generated.js';

/** A start entry as POST /__mock/inbound takes it; the simulator's `inbound(input)` accepts it as is. */
export interface StartMessage {
  from: string;
  channelId?: string;
  type: 'text';
  content: { text: string };
}

export interface ScriptStartDeps {
  clock: Clock;
  /** Writes one message as the user: `simulator.inbound`. */
  sendInbound(message: StartMessage): unknown;
  /** A send that throws lands here (a timer has no caller to throw to); the other entries still go. */
  onError?(error: unknown, entry: ScriptStart): void;
}

export function startMessage(entry: ScriptStart): StartMessage {
  return {
    from: entry.from,
    ...(entry.channelId === undefined ? {} : { channelId: entry.channelId }),
    type: 'text',
    content: { text: entry.text },
  };
}

const dueOf = (entry: ScriptStart): number => entry.afterMs ?? 0;

/**
 * Sends the script's `start` entries, each `afterMs` after this call; entries due at the same
 * moment go in file order, which one timer at a time guarantees whatever the clock. Even afterMs 0
 * waits for a timer, so the caller (start-up, PUT /__mock/script) finishes first.
 * Returns a function that cancels the entries not yet sent.
 */
export function scheduleStarts(entries: readonly ScriptStart[], deps: ScriptStartDeps): () => void {
  const ordered = [...entries].sort((a, b) => dueOf(a) - dueOf(b)); // sort is stable: file order within a moment
  let next = 0;
  let elapsedMs = 0;
  let timer: Timer | undefined;

  function send(entry: ScriptStart): void {
    try {
      deps.sendInbound(startMessage(entry));
    } catch (error) {
      deps.onError?.(error, entry);
    }
  }

  function arm(): void {
    timer = next < ordered.length ? deps.clock.setTimeout(fire, dueOf(ordered[next]!) - elapsedMs) : undefined;
  }

  function fire(): void {
    elapsedMs = dueOf(ordered[next]!);
    while (next < ordered.length && dueOf(ordered[next]!) <= elapsedMs) send(ordered[next++]!);
    arm();
  }

  arm();
  return () => {
    timer?.cancel();
    timer = undefined;
    next = ordered.length;
  };
}
