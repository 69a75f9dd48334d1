/** Sessions end after 8 h without activity, and after 12 h in any case (an agent's shift). */
export const SESSION_IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export const sessionExpiry = ({ createdAt, now }: { createdAt: Date; now: Date }): Date =>
  new Date(
    Math.min(createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS, now.getTime() + SESSION_IDLE_TIMEOUT_MS),
  );

export const isSessionLive = ({ expiresAt, now }: { expiresAt: Date; now: Date }): boolean =>
  expiresAt.getTime() > now.getTime();
