import { describe, expect, it } from 'vitest';
import { periodRange } from './report-period';

describe('report periods', () => {
  const now = new Date(2026, 11, 5, 14, 30);

  it('are the supervisor’s own days, in their time zone', () => {
    expect(periodRange('today', now)).toEqual({ from: new Date(2026, 11, 5), to: now });
    expect(periodRange('yesterday', now)).toEqual({ from: new Date(2026, 11, 4), to: new Date(2026, 11, 5) });
    expect(periodRange('last7', now)).toEqual({ from: new Date(2026, 10, 29), to: now });
    expect(periodRange('last30', now)).toEqual({ from: new Date(2026, 10, 6), to: now });
  });

  it('stay whole days across a change of clocks', () => {
    const zone = process.env.TZ;
    // Sweden's clocks go back on 25 October 2026: that day has 25 hours.
    process.env.TZ = 'Europe/Stockholm';
    try {
      const after = new Date(2026, 9, 26, 9, 0);
      expect(periodRange('yesterday', after)).toEqual({
        from: new Date(2026, 9, 25),
        to: new Date(2026, 9, 26),
      });
      expect(
        periodRange('yesterday', after).to.getTime() - periodRange('yesterday', after).from.getTime(),
      ).toBe(25 * 3600 * 1000);
      expect(periodRange('last7', after).from).toEqual(new Date(2026, 9, 20));
    } finally {
      if (zone === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = zone;
      }
    }
  });
});
