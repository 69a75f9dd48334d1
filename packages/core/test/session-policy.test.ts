import { describe, expect, it } from 'vitest';
import { isSessionLive, sessionExpiry } from '../src/session-policy';

const h = 60 * 60 * 1000;

describe('session expiry', () => {
  const created = new Date('2026-03-01T08:00:00Z');

  it('slides 8 hours past the last activity', () => {
    const now = new Date(created.getTime() + 2 * h);
    expect(sessionExpiry({ createdAt: created, now }).getTime()).toBe(created.getTime() + 10 * h);
  });

  it('never outlives 12 hours from login', () => {
    const now = new Date(created.getTime() + 11 * h);
    expect(sessionExpiry({ createdAt: created, now }).getTime()).toBe(created.getTime() + 12 * h);
  });

  it('is live only before its expiry', () => {
    const expiresAt = new Date(created.getTime() + h);
    expect(isSessionLive({ expiresAt, now: created })).toBe(true);
    expect(isSessionLive({ expiresAt, now: expiresAt })).toBe(false);
  });
});
