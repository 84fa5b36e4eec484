import { describe, expect, it } from 'vitest';
import { planStatuses, planTimeline } from '../../src/simulation/status-plan.js';

const error = { code: 470, description: 'outside the 24-hour window' };

describe('planStatuses', () => {
  it('plans nothing for level none', () => {
    expect(planStatuses('none', 200, null)).toEqual([]);
  });

  it('stops at the level asked for', () => {
    expect(planStatuses('sent', 200, null)).toEqual([{ afterMs: 200, status: 'sent' }]);
    expect(planStatuses('delivered', 200, null).map((s) => s.status)).toEqual(['sent', 'delivered']);
  });

  it('spaces sent, delivered and read one delay apart', () => {
    expect(planStatuses('read', 200, null)).toEqual([
      { afterMs: 200, status: 'sent' },
      { afterMs: 400, status: 'delivered' },
      { afterMs: 600, status: 'read' },
    ]);
  });

  it('replaces the progression by one failure, whatever the level', () => {
    expect(planStatuses('read', 200, error)).toEqual([{ afterMs: 200, status: 'failed', error }]);
    expect(planStatuses('none', 50, error)).toEqual([{ afterMs: 50, status: 'failed', error }]);
  });
});

describe('planTimeline', () => {
  const reply = (delayMs: number) => ({ reply: { spec: { random: true as const }, delayMs }, failure: null });

  it('puts the reply after the statuses when they come first', () => {
    expect(planTimeline(reply(1000), 'read', 200).map((s) => [s.kind, s.afterMs])).toEqual([
      ['status', 200],
      ['status', 400],
      ['status', 600],
      ['reply', 1000],
    ]);
  });

  it('moves statuses due after the reply to just before it', () => {
    const steps = planTimeline(reply(300), 'read', 200);
    expect(steps.map((s) => (s.kind === 'status' ? `${s.status}@${s.afterMs}` : `reply@${s.afterMs}`))).toEqual([
      'sent@200',
      'delivered@300',
      'read@300',
      'reply@300',
    ]);
  });

  it('has only the reply when there are no status updates', () => {
    expect(planTimeline(reply(0), 'none', 200)).toEqual([{ kind: 'reply', afterMs: 0, spec: { random: true } }]);
  });

  it('has only statuses when the user never answers', () => {
    expect(planTimeline({ reply: null, failure: null }, 'sent', 10)).toEqual([{ kind: 'status', afterMs: 10, status: 'sent' }]);
  });

  it('drops the reply of a message that fails', () => {
    expect(planTimeline({ ...reply(100), failure: error }, 'read', 200)).toEqual([
      { kind: 'status', afterMs: 200, status: 'failed', error },
    ]);
  });
});
