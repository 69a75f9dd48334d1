import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './db';
import { agentPresence } from './schema';

/**
 * Connected desktops, as rows every server process renews for the agents it holds a socket of
 * (see apps/server's presence). Heartbeats, not business: what follows from a stale row is core's
 * `disconnectAgent`.
 */
export const createPresenceRepository = (db: Db) => ({
  /** One statement for every agent this process holds a socket of. */
  renew: async ({ userIds, now }: { userIds: string[]; now: Date }): Promise<void> => {
    if (userIds.length === 0) {
      return;
    }
    // In one order everywhere: two processes renewing overlapping sets never deadlock.
    await db
      .insert(agentPresence)
      .values([...userIds].sort().map((userId) => ({ userId, seenAt: now })))
      .onConflictDoUpdate({ target: agentPresence.userId, set: { seenAt: sql`excluded.seen_at` } });
  },
  /** Agents whose desktop no process has seen since `before`, oldest first. */
  listStale: async ({ before, limit }: { before: Date; limit: number }): Promise<string[]> => {
    const rows = await db
      .select({ userId: agentPresence.userId })
      .from(agentPresence)
      .where(lt(agentPresence.seenAt, before))
      .orderBy(asc(agentPresence.seenAt))
      .limit(limit);
    return rows.map((r) => r.userId);
  },
  /** Forgets an agent's desktop, unless a process has seen it again since `before`. */
  forget: async ({ userId, before }: { userId: string; before: Date }): Promise<void> => {
    await db
      .delete(agentPresence)
      .where(and(eq(agentPresence.userId, userId), lt(agentPresence.seenAt, before)));
  },
});

export type PresenceRepository = ReturnType<typeof createPresenceRepository>;
