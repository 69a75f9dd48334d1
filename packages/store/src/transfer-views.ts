import type { TChannel, TTransferTargets } from '@switchboard/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db';
import { agentLimits, agentLoads, conversations, queues, users } from './schema';

/** Read models of the Transfer and Conference dialogs. */
export const createTransferViews = (db: Db) => {
  /**
   * The Transfer and Conference dialogs' lists: every queue with its waiting count, every agent
   * (not deleted) with their state and their load and limit on the channel, by name.
   */
  const listTransferTargets = async (channel: TChannel): Promise<TTransferTargets> => {
    const queueRows = await db
      .select({
        id: queues.id,
        name: queues.name,
        waiting: sql<number>`(select count(*) from ${conversations} c
          where c.queue_id = ${queues.id} and c.status = 'queued')`,
      })
      .from(queues)
      .orderBy(asc(queues.name));
    const agentRows = await db
      .select({
        id: users.id,
        name: users.name,
        state: users.state,
        load: sql<number>`coalesce((select l.held from ${agentLoads} l
          where l.user_id = ${users.id} and l.channel = ${channel}), 0)`,
        limit: sql<number>`coalesce((select m.max from ${agentLimits} m
          where m.user_id = ${users.id} and m.channel = ${channel}), ${users.chatLimit})`,
      })
      .from(users)
      .where(and(eq(users.role, 'agent'), isNull(users.deactivatedAt)))
      .orderBy(asc(users.name));
    return {
      queues: queueRows.map((q) => ({ ...q, waiting: Number(q.waiting) })),
      agents: agentRows.map((a) => ({ ...a, load: Number(a.load), limit: Number(a.limit) })),
    };
  };

  return { listTransferTargets };
};
