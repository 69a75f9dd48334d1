import { describe, expect, it } from 'vitest';
import { elapsedSince, formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [605_000, '10:05'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_661_000, '1:01:01'],
    [36_000_000 + 5_000, '10:00:05'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows zero for negative or invalid durations', () => {
    expect(formatDuration(-5000)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
  });
});

describe('elapsedSince', () => {
  it('counts from an ISO timestamp and never goes below zero', () => {
    const now = Date.parse('2025-03-01T10:01:05Z');
    expect(elapsedSince('2025-03-01T10:00:00Z', now)).toBe(65_000);
    expect(elapsedSince('2025-03-01T10:02:00Z', now)).toBe(0);
    expect(elapsedSince('not a date', now)).toBe(0);
  });
});
