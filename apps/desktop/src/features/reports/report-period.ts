export const PERIODS = ['today', 'yesterday', 'last7', 'last30'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 24 * 60 * 60 * 1000;

/** Midnight at the start of `at`'s day, in the browser's time zone. */
const startOfDay = (at: Date): Date => new Date(at.getFullYear(), at.getMonth(), at.getDate());

/**
 * A report's period in the supervisor's own days (their browser's time zone): today so far,
 * yesterday, or the last 7 or 30 days up to now (today included).
 */
export const periodRange = (period: Period, now: Date): { from: Date; to: Date } => {
  const today = startOfDay(now);
  switch (period) {
    case 'today':
      return { from: today, to: now };
    case 'yesterday':
      return { from: startOfDay(new Date(today.getTime() - DAY / 2)), to: today };
    case 'last7':
      return { from: startOfDay(new Date(today.getTime() - 6 * DAY + DAY / 2)), to: now };
    case 'last30':
      return { from: startOfDay(new Date(today.getTime() - 29 * DAY + DAY / 2)), to: now };
  }
};
