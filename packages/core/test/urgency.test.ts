import { describe, expect, it } from 'vitest';
import { isAnswerOverdue } from '../src/urgency';

describe('an urgent tab', () => {
  const since = '2026-12-05T10:00:00.000Z';
  const at = (seconds: number) => Date.parse(since) + seconds * 1000;

  it('is one whose customer has waited past the queue’s response-time target', () => {
    expect(isAnswerOverdue({ waitingSince: since, responseTargetSeconds: 120, now: at(120) })).toBe(false);
    expect(isAnswerOverdue({ waitingSince: since, responseTargetSeconds: 120, now: at(121) })).toBe(true);
    expect(isAnswerOverdue({ waitingSince: new Date(since), responseTargetSeconds: 10, now: at(11) })).toBe(
      true,
    );
  });

  it('is never one whose customer waits for nothing', () => {
    expect(isAnswerOverdue({ waitingSince: null, responseTargetSeconds: 10, now: at(1000) })).toBe(false);
    expect(isAnswerOverdue({ waitingSince: 'not a date', responseTargetSeconds: 10, now: at(1000) })).toBe(
      false,
    );
  });
});
