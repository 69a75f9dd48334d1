import {
  CHANNELS,
  type TSupervisorAgent,
  type TSupervisorAgentChannel,
  type TSupervisorOverview,
  type TSupervisorQueue,
} from '@switchboard/contracts';
import { and, asc, desc, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';
import { QUEUE_ID, USER_ID } from './qualified-ids';
import { readReportTotals } from './report-totals';
import { agentLimits, agentLoads, conversations, queues, users } from './schema';

/**
 * The supervisor's board, in two queries whatever the number of agents: every figure is a
 * correlated subquery that the planner answers from an index keyed by the row's own id
 * (agent_loads' and agent_limits' primary keys, participants_user_idx, team_members_user_idx,
 * conversations_live_idx, conversations_waiting_idx), so the cost grows with the agents
 * and queues shown, not with the history stored.
 */

const countWhere = (from: SQL) => sql<number>`(select count(*) from ${from})::int`;

/**
 * Live participations (active, wrap-up), every channel: a range of participants_user_idx
 * (user_id, state) holding only the agent's live rows, a dozen at most per channel, never their
 * history. agent_loads cannot give it, as it adds pending offers in.
 */
const liveConversations = countWhere(
  sql`participants p where p.user_id = ${USER_ID} and p.state in ('active', 'wrapup')`,
);

/**
 * Per channel, the same numbers routing reads (tx.ts): the load kept by triggers in agent_loads (no
 * row means none) against the agent's own limit there, else users.chat_limit. Four primary-key
 * look-ups in each table per agent. Listed: live chat always, any other channel where the agent
 * holds something or has a limit of their own.
 */
const channelLoads = sql<TSupervisorAgentChannel[] | string>`coalesce((
  select json_agg(json_build_object(
    'channel', c.channel, 'held', coalesce(l.held, 0), 'limit', coalesce(m.max, "users"."chat_limit")
  ) order by c.ord)
  from unnest(array[${sql.join(
    CHANNELS.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]) with ordinality as c(channel, ord)
  left join ${agentLoads} l on l.user_id = ${USER_ID} and l.channel = c.channel
  left join ${agentLimits} m on m.user_id = ${USER_ID} and m.channel = c.channel
  where c.channel = 'livechat' or l.held > 0 or m.max is not null
), '[]'::json)`;

/** The drivers hand json back parsed (pg, PGlite); a string is parsed here all the same. */
const toChannels = (value: TSupervisorAgentChannel[] | string): TSupervisorAgentChannel[] => {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list)
    ? list.map((e: TSupervisorAgentChannel) => ({
        channel: e.channel,
        held: Number(e.held),
        limit: Number(e.limit),
      }))
    : [];
};

const teamNames = sql<string[]>`coalesce((
  select array_agg(t.name order by t.name) from team_members tm join teams t on t.id = tm.team_id
  where tm.user_id = ${USER_ID}
), '{}'::text[])`;

// The status written into the statement, not bound: partial indexes are chosen by it.
const inQueue = (status: 'queued' | 'offered' | 'active') =>
  countWhere(sql`conversations c where c.queue_id = ${QUEUE_ID} and c.status = ${sql.raw(`'${status}'`)}`);
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
        // Transfers in progress: waiting or offered under a transfer request (live rows only).
        transfers: countWhere(sql`conversations c where c.queue_id = ${QUEUE_ID}
          and c.status in ('queued', 'offered') and c.request_id is not null`),
        // Conferences: active conversations with a second agent active, or an invitation out.
        conferences: countWhere(sql`conversations c where c.queue_id = ${QUEUE_ID} and c.status = 'active'
          and ((select count(*) from participants p where p.conversation_id = c.id and p.state = 'active') > 1
            or exists (select 1 from offers o where o.conversation_id = c.id and o.status = 'pending'))`),
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
      transfers: Number(r.transfers),
      conferences: Number(r.conferences),
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
        chatLimit: users.chatLimit,
        conversations: liveConversations,
        channels: channelLoads,
        teams: teamNames,
      })
      .from(users)
      .where(and(isNull(users.deactivatedAt), or(eq(users.role, 'agent'), ne(users.state, 'offline'))))
      .orderBy(asc(users.name), asc(users.id));
    return rows.map((r) => {
      const channels = toChannels(r.channels);
      // Always listed by the query; the fallback only keeps the type honest.
      const livechat = channels.find((c) => c.channel === 'livechat') ?? {
        channel: 'livechat',
        held: 0,
        limit: r.chatLimit,
      };
      return {
        id: r.id,
        name: r.name,
        state: r.state,
        stateReason: r.stateReason,
        stateSince: r.stateSince.toISOString(),
        held: livechat.held,
        limit: livechat.limit,
        channels,
        conversations: Number(r.conversations),
        teams: Array.isArray(r.teams) ? r.teams : [],
      };
    });
  };

  const getOverview = async ({ now }: { now: Date }): Promise<TSupervisorOverview> => {
    const [queueRows, agentRows] = await Promise.all([listQueues(), listAgents()]);
    return { queues: queueRows, agents: agentRows, generatedAt: now.toISOString() };
  };

  /** A period's report totals, one row per queue and per agent (report-totals.ts). */
  const getReportTotals = ({ from, to }: { from: Date; to: Date }) => readReportTotals(db, { from, to });

  return { getOverview, getReportTotals };
};

export type SupervisorViews = ReturnType<typeof createSupervisorViews>;
