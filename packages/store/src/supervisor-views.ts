import type { TSupervisorAgent, TSupervisorOverview, TSupervisorQueue } from '@switchboard/contracts';
import { and, asc, desc, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';
import { conversations, queues, users } from './schema';

/**
 * The supervisor's board, in two queries whatever the number of agents: every figure is a
 * correlated subquery that the planner answers from an index keyed by the row's own id
 * (participants_user_idx, offers_user_idx, team_members_user_idx, conversations_waiting_idx),
 * so the cost grows with the agents and queues shown, not with the history stored.
 */

// Qualified by hand, as in tx.ts: inside a subquery a bare "id" would be the subquery's own table's.
const USER_ID = sql.raw('"users"."id"');
const QUEUE_ID = sql.raw('"queues"."id"');

const countWhere = (from: SQL) => sql<number>`(select count(*) from ${from})::int`;

const liveConversations = countWhere(
  sql`participants p where p.user_id = ${USER_ID} and p.state in ('active', 'wrapup')`,
);
const pendingOffers = countWhere(sql`offers o where o.user_id = ${USER_ID} and o.status = 'pending'`);
const teamNames = sql<string[]>`coalesce((
  select array_agg(t.name order by t.name) from team_members tm join teams t on t.id = tm.team_id
  where tm.user_id = ${USER_ID}
), '{}'::text[])`;

const inQueue = (status: 'queued' | 'offered' | 'active') =>
  countWhere(sql`conversations c where c.queue_id = ${QUEUE_ID} and c.status = ${status}`);
const longestWaitSince = sql<Date | null>`(
  select min(c.queued_at) from conversations c where c.queue_id = ${QUEUE_ID} and c.status = 'queued'
)`.mapWith(conversations.queuedAt);

export const createSupervisorViews = (db: Db) => {
  const listQueues = async (): Promise<TSupervisorQueue[]> => {
    const rows = await db
      .select({
        id: queues.id,
        name: queues.name,
        serviceLevelSeconds: queues.serviceLevelSeconds,
        waiting: inQueue('queued'),
        longestWaitSince,
        offered: inQueue('offered'),
        active: inQueue('active'),
      })
      .from(queues)
      .orderBy(desc(queues.priority), asc(queues.name));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      waiting: Number(r.waiting),
      longestWaitSince: r.longestWaitSince ? new Date(r.longestWaitSince).toISOString() : null,
      offered: Number(r.offered),
      active: Number(r.active),
      serviceLevelSeconds: r.serviceLevelSeconds,
    }));
  };

  /** Agents, and anyone else who has stepped in as one (a supervisor who went Available). */
  const listAgents = async (): Promise<TSupervisorAgent[]> => {
    const rows = await db
      .select({
        id: users.id,
        name: users.name,
        state: users.state,
        stateReason: users.stateReason,
        stateSince: users.stateSince,
        limit: users.chatLimit,
        conversations: liveConversations,
        pending: pendingOffers,
        teams: teamNames,
      })
      .from(users)
      .where(and(isNull(users.deactivatedAt), or(eq(users.role, 'agent'), ne(users.state, 'offline'))))
      .orderBy(asc(users.name), asc(users.id));
    return rows.map((r) => {
      const held = Number(r.conversations) + Number(r.pending);
      return {
        id: r.id,
        name: r.name,
        state: r.state,
        stateReason: r.stateReason,
        stateSince: r.stateSince.toISOString(),
        held,
        limit: r.limit,
        conversations: Number(r.conversations),
        teams: Array.isArray(r.teams) ? r.teams : [],
      };
    });
  };

  const getOverview = async ({ now }: { now: Date }): Promise<TSupervisorOverview> => {
    const [queueRows, agentRows] = await Promise.all([listQueues(), listAgents()]);
    return { queues: queueRows, agents: agentRows, generatedAt: now.toISOString() };
  };

  return { getOverview };
};

export type SupervisorViews = ReturnType<typeof createSupervisorViews>;
