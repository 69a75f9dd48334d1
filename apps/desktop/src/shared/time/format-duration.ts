const pad = (n: number): string => String(n).padStart(2, '0');

/** Timer text of the seeds' popovers and tabs: m:ss below an hour, h:mm:ss from an hour on. */
export const formatDuration = (milliseconds: number): string => {
  const total = Number.isFinite(milliseconds) ? Math.max(0, Math.floor(milliseconds / 1000)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
};

/**
 * Milliseconds from an ISO timestamp to `now`. Never negative: a server clock slightly ahead of
 * the browser's must not show "-0:02".
 */
export const elapsedSince = (iso: string, now: number): number => {
  const start = Date.parse(iso);
  return Number.isNaN(start) ? 0 : Math.max(0, now - start);
};
