import { randomUUID } from 'node:crypto';
import { type TChannel, type TSettings, ZChannel } from '@switchboard/contracts';
import type {
  Agent,
  Candidate,
  CandidateRanking,
  Conversation,
  Narrowing,
  Offer,
  Participant,
  Queue,
  RoutingRequest,
  StoredMessage,
  Tx,
  WaitingConversation,
} from '@switchboard/core';
import { and, asc, desc, eq, inArray, isNull, lte, ne, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue } from 'drizzle-orm/pg-core';
import { createAttachmentTx } from './attachment-tx';
import { builtSqlStatements, builtStatement, builtStatements } from './built-statements';
import {
  conversationFromRow,
  createChannelTx,
  messageFromRow,
  narrowingColumns,
  narrowingFromRow,
} from './channel-tx';
import type { Db } from './db';
import { createErasureTx } from './erasure-tx';
import { appendMessage, lockConversation, messageFromDriverRow } from './message-statements';
import { CONVERSATION_ID, USER_ID } from './qualified-ids';
import { createRedactionTx } from './redaction-tx';
import {
  agentLimits,
  agentLoads,
  agentSkills,
  agentStateLog,
  auditLog,
  conversationEvents,
  conversations,
  dispositions,
  entryPoints,
  idleReasons,
  messages,
  offers,
  participants,
  queueSkills,
  queues,
  routingRequests,
  settings,
  teams,
  timers,
  users,
  wrapUpReasons,
  wrapUpTags,
} from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEFAULT_SETTINGS: TSettings = { maskSensitiveData: false, acceptCustomerFiles: true };

/** Stored settings (key to value) over the defaults; a key never written has its default. */
export const settingsFrom = (stored: Record<string, unknown> | null): TSettings => ({
  maskSensitiveData: stored?.maskSensitiveData === true ? true : DEFAULT_SETTINGS.maskSensitiveData,
  acceptCustomerFiles: stored?.acceptCustomerFiles === false ? false : DEFAULT_SETTINGS.acceptCustomerFiles,
});

/** Every stored setting as one JSON object: a column to read the settings with another row, in one query. */
export const storedSettingsSql = sql<Record<string, unknown> | null>`(
  select jsonb_object_agg(s.key, s.value) from ${settings} s)`;

export const readSettings = async (db: Db | DbTx): Promise<TSettings> => {
  const rows = await db.select().from(settings);
  return settingsFrom(Object.fromEntries(rows.map((r) => [r.key, r.value])));
};

// Any fixed number: every process serialises its routing decisions on it.
const ROUTING_LOCK_KEY = 7_215_001;

const toAgent = (row: typeof users.$inferSelect): Agent => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  state: row.state,
  stateReason: row.stateReason,
  stateSince: row.stateSince,
  availableSince: row.availableSince,
  chatLimit: row.chatLimit,
  deactivatedAt: row.deactivatedAt,
});

const toOffer = (row: typeof offers.$inferSelect): Offer => ({
  id: row.id,
  conversationId: row.conversationId,
  userId: row.userId,
  status: row.status,
  offeredAt: row.offeredAt,
  deadlineAt: row.deadlineAt,
  requestId: row.requestId,
});

const toRoutingRequest = (row: typeof routingRequests.$inferSelect): RoutingRequest => ({
  id: row.id,
  conversationId: row.conversationId,
  kind: row.kind,
  targetType: row.targetType,
  targetId: row.targetId,
  requestedBy: row.requestedBy,
  requestedAt: row.requestedAt,
  fromQueueId: row.fromQueueId,
  comment: row.comment,
  status: row.status,
});

const toParticipant = (row: typeof participants.$inferSelect): Participant => ({
  id: row.id,
  conversationId: row.conversationId,
  userId: row.userId,
  state: row.state,
  role: row.role,
  joinedAt: row.joinedAt,
  endedAt: row.endedAt,
});

export const toStoredMessage = (row: typeof messages.$inferSelect): StoredMessage => messageFromRow(row);

// Per agent, correlated: evaluated only for the agents routing reads. Walking an index in the
// ranking's order (users_ready_since_idx, users_last_offered_idx) and stopping after the best few,
// a routing decision never reads all the agents.
/** The agent's load on one channel (kept by triggers in agent_loads; no row yet means none). */
const channelLoadSql = (channel: TChannel) => sql<number>`coalesce((
  select l.held from ${agentLoads} l where l.user_id = ${USER_ID} and l.channel = ${channel}), 0)`;
/** The agent's limit on one channel; without a row of its own, the agent's chat limit. */
const channelLimitSql = (channel: TChannel) => sql<number>`coalesce((
  select m.max from ${agentLimits} m where m.user_id = ${USER_ID} and m.channel = ${channel}), ${users.chatLimit})`;
// The times are written from JavaScript dates (milliseconds), so this order and core's agree.
const availableSinceSql = sql`coalesce(${users.availableSince}, ${users.stateSince})`;

/** The SQL order of each CandidateRanking, mirroring the strategies' compare in core. */
const rankingOrder = (ranking: CandidateRanking, channel: TChannel): SQL[] => {
  switch (ranking) {
    case 'ready-since':
      // The expression of users_ready_since_idx, exactly.
      return [sql`greatest(${availableSinceSql}, ${users.lastOfferedAt})`];
    case 'last-offered':
      return [sql`${users.lastOfferedAt} asc nulls first`];
    case 'load-ratio':
      // numeric, not float: equal ratios tie exactly, as core compares them cross-multiplied.
      return [
        sql`${channelLoadSql(channel)}::numeric / greatest(1, ${channelLimitSql(channel)})`,
        availableSinceSql,
      ];
  }
};

type OfferRow = typeof offers.$inferSelect;

/**
 * A comparison with a constant written into the statement rather than bound: a prepared statement's
 * generic plan can then use the partial indexes defined on that constant (status = 'queued',
 * state = 'available', status = 'pending'); with a bound value it cannot, and replans every time.
 */
export const equalsConstant = (column: AnyPgColumn, value: 'available' | 'queued' | 'pending') =>
  sql`${column} = ${sql.raw(`'${value}'`)}`;

/**
 * A LIMIT written into the statement text (a whole number, never user input): a prepared
 * statement's generic plan then costs the limit as what it is. drizzle types `limit` as a number or
 * a placeholder; it writes any SQL chunk given as it is.
 */
const literalLimit = (n: number): Placeholder => {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`a limit must be a whole number, not ${n}`);
  }
  return sql.raw(String(n)) as unknown as Placeholder;
};

/** The rows of a raw statement: PGlite and node-postgres both answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A text[] (or uuid[]) as the drivers give it: an array (parsed) or, for some, the literal `{a,b}`. */
export const pgTextArray = (value: string[] | string | null): string[] => {
  if (Array.isArray(value)) {
    return value;
  }
  if (!value || value === '{}') {
    return [];
  }
  return value.slice(1, -1).split(',');
};

const valuesFor = (prefix: string, values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [`${prefix}${k}`, v]),
  );
/** The defined keys of the objects a statement's text is built from: its key in a family. */
const shapeOf = (...objects: Record<string, unknown>[]) =>
  objects
    .map((o) =>
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .join(','),
    )
    .join('|');

// The statements of every arrival, built once (see built-statements.ts).
const entryPointByKey = builtStatement((db) =>
  db
    .select()
    .from(entryPoints)
    .where(eq(entryPoints.key, sql.placeholder('key'))),
);

const queueIfAloneWaiting = builtStatement((db) =>
  db
    .select()
    .from(queues)
    .where(
      and(
        eq(queues.id, sql.placeholder('queueId')),
        // A probe of conversations_waiting_idx: does anything but this conversation wait?
        sql`not exists (select 1 from ${conversations} c
          where c.status = 'queued' and c.id <> ${sql.placeholder('conversationId')}::uuid)`,
      ),
    ),
);

/** A conversation with its first message (seq 1), in one statement; keyed by the columns given. */
const conversationWithOpening = builtStatements((db, shape: string) => {
  const [conversationKeys = '', messageKeys = '', arrival = ''] = shape.split('|');
  const named = (prefix: string, keys: string) =>
    Object.fromEntries(
      keys
        .split(',')
        .filter(Boolean)
        .map((k) => [k, sql.placeholder(`${prefix}${k}`)]),
    );
  const made = db.$with('made').as(
    db
      .insert(conversations)
      .values({
        ...named('c_', conversationKeys),
        id: sql.placeholder('id'),
        lastSeq: 1,
      } as PgInsertValue<typeof conversations>)
      .returning(),
  );
  const opened = db.$with('opened').as(
    db
      .insert(messages)
      .values({
        ...named('m_', messageKeys),
        conversationId: sql.placeholder('id'),
        seq: 1,
      } as PgInsertValue<typeof messages>)
      .returning(),
  );
  if (arrival === 'arrived') {
    // The history's arrival line (core asked for it): in this statement, from the row just made.
    const logged = db.$with('logged').as(
      db
        .insert(conversationEvents)
        .select(
          db
            // Every column, in the table's order, as an insert from a select takes them.
            .select({
              id: sql<number>`nextval(pg_get_serial_sequence('conversation_events', 'id'))`.as('id'),
              conversationId: made.id,
              type: sql<string>`'arrived'`.as('type'),
              at: made.arrivedAt,
              queueId: made.queueId,
              channel: made.channel,
              agentId: sql<string | null>`null::uuid`.as('agent_id'),
              byAgentId: sql<string | null>`null::uuid`.as('by_agent_id'),
              requestId: sql<string | null>`null::uuid`.as('request_id'),
              reason: sql<string | null>`null::text`.as('reason'),
            })
            .from(made),
        )
        .returning({ id: conversationEvents.id }),
    );
    // A data-modifying WITH runs once, whether or not the query reads it.
    return db.with(made, opened, logged).select().from(made).crossJoin(opened);
  }
  // The message's foreign key is checked at the end of the statement, when the conversation is there.
  return db.with(made, opened).select().from(made).crossJoin(opened);
});

/** Who may take a group's conversations: the queue's rule, or a transfer's team or skill (Narrowing). */
type Eligibility = 'queue' | 'queue-team' | 'team' | 'skill';
const eligibilityOf = (queue: Queue, narrowing: Narrowing | null | undefined) => {
  if (narrowing?.type === 'team') {
    return { eligibility: 'team' as const, teamId: narrowing.teamId, skill: null };
  }
  if (narrowing?.type === 'skill') {
    return { eligibility: 'skill' as const, teamId: null, skill: narrowing.skill };
  }
  return {
    eligibility: queue.teamId ? ('queue-team' as const) : ('queue' as const),
    teamId: queue.teamId,
    skill: null,
  };
};

/**
 * The Available agents under their limit on a channel who may serve a queue (its team, each skill
 * it requires at its minimum proficiency or more), best first by a ranking; keyed by ranking,
 * eligibility and the limit ('all': none). A narrowed group's eligibility replaces the queue's:
 * the members of one team ('team'), or the holders of one skill at any proficiency ('skill').
 */
const candidates = builtStatements((db, key: `${CandidateRanking}|${Eligibility}|${number | 'all'}`) => {
  const [ranking, eligibility, limit] = key.split('|') as [CandidateRanking, Eligibility, string];
  const channel = sql.placeholder('channel') as unknown as TChannel;
  const load = channelLoadSql(channel);
  const max = channelLimitSql(channel);
  const query = db
    .select({
      agentId: users.id,
      availableSince: users.availableSince,
      stateSince: users.stateSince,
      lastOfferedAt: users.lastOfferedAt,
      load,
      limit: max,
    })
    .from(users)
    .where(
      and(
        equalsConstant(users.state, 'available'),
        isNull(users.deactivatedAt),
        sql`${load} < ${max}`,
        eligibility === 'team' || eligibility === 'queue-team'
          ? sql`exists (select 1 from team_members tm where tm.team_id = ${sql.placeholder('teamId')} and tm.user_id = ${USER_ID})`
          : undefined,
        // Every skill the queue requires, each at its minimum proficiency or more.
        eligibility === 'queue' || eligibility === 'queue-team'
          ? sql`not exists (select 1 from ${queueSkills} qs where qs.queue_id = ${sql.placeholder('queueId')} and not exists (
          select 1 from ${agentSkills} s where s.user_id = ${USER_ID} and s.skill = qs.skill
            and s.proficiency >= qs.min_proficiency))`
          : undefined,
        eligibility === 'skill'
          ? sql`exists (select 1 from ${agentSkills} s where s.user_id = ${USER_ID} and s.skill = ${sql.placeholder('skill')})`
          : undefined,
      ),
    )
    .orderBy(...rankingOrder(ranking, channel), asc(users.id));
  // The limit written into the statement, not bound: bound, PostgreSQL cannot know it is small
  // and plans the statement anew on every run (a generic plan's cost assumes a tenth of the rows
  // come back). On PGlite that plan cost 0.7 of the 0.9 ms this query took per arrival.
  return limit === 'all' ? query : query.limit(literalLimit(Number(limit)));
});

/**
 * Every queue and channel with a conversation waiting, with the place of its head: an index probe
 * each (conversations_waiting_idx), so the cost follows the queues, not the conversations waiting
 * in them. Narrowed conversations (a transfer's team or skill) are few and form groups of their
 * own, read from conversations_narrowed_waiting_idx.
 */
const waitingGroups = (() => {
  const channels = sql.join(
    ZChannel.options.map((c) => sql`(${c})`),
    sql`, `,
  );
  return sql`(
    select q.id as queue_id, ch.channel, null::uuid as route_team_id, null::text as route_skill,
      (select c.queued_at from ${conversations} c
        where c.queue_id = q.id and c.channel = ch.channel and c.status = 'queued'
          and c.route_team_id is null and c.route_skill is null
        order by c.queued_at, c.id limit 1) as head
    from ${queues} q cross join (values ${channels}) as ch(channel)
    union all
    select c.queue_id, c.channel, c.route_team_id, c.route_skill, min(c.queued_at)
    from ${conversations} c
    where c.status = 'queued' and (c.route_team_id is not null or c.route_skill is not null)
    group by c.queue_id, c.channel, c.route_team_id, c.route_skill
  ) as g`;
})();

/**
 * An agent's load counter (agent_loads) moved by what core decided (lifecycle.ts loadChange), as a
 * CTE of the statement that writes the move: the counter and the row change together. Up, it is
 * made if missing; down, it exists (the row counted when it was made).
 */
const loadAdded = (
  db: DbTx,
  { load, userId, channel }: { load: number; userId: string; channel: TChannel },
) =>
  db.$with('load_added', { n: sql<number>`n` }).as(
    load >= 0
      ? sql`insert into ${agentLoads} as l (user_id, channel, held) values (${userId}, ${channel}, ${load})
          on conflict (user_id, channel) do update set held = l.held + excluded.held returning 1 as n`
      : sql`update ${agentLoads} set held = held + ${load}
          where user_id = ${userId} and channel = ${channel} returning 1 as n`,
  );

/** The same for a row of offers or participants named by id: its agent and channel read from it. */
const loadMoved = (
  db: DbTx,
  { load, of, id }: { load: number; of: typeof offers | typeof participants; id: string },
) =>
  load === 0
    ? []
    : [
        db.$with('load_moved', { n: sql<number>`n` }).as(
          sql`update ${agentLoads} l set held = l.held + ${load}
            from ${of} r where r.id = ${id} and l.user_id = r.user_id and l.channel = r.channel returning 1 as n`,
        ),
      ];

/**
 * A routing run's offers in one statement (see offers.place), whatever their number: the decisions
 * come as arrays, a column each (placeholders conversations, agents, channels, offeredAt,
 * deadlines), the distinct chosen agents as one more (chosen). Keyed by whether transactions run
 * side by side ('many': the agents' rows are locked).
 */
const placeOffers = builtSqlStatements<
  'one' | 'many',
  {
    id: string;
    conversation_id: string;
    user_id: string;
    status: OfferRow['status'];
    offered_at: Date | string;
    deadline_at: Date | string;
    request_id: string | null;
  }
>((connections) => {
  const p = (name: string) => sql.placeholder(name);
  // One statement: lock the chosen agents still Available, create their offers, add them to their
  // loads and arm their deadlines, mark the conversations offered and the agents last
  // offered. One connection (PGlite) runs one transaction at a time: no row to lock.
  const rowLock = connections === 'one' ? sql`` : sql`for no key update`;
  return sql`
    with d (conversation_id, user_id, channel, offered_at, deadline_at, request_id) as (
      select * from unnest(${p('conversations')}::uuid[], ${p('agents')}::uuid[], ${p('channels')}::text[],
        ${p('offeredAt')}::timestamptz[], ${p('deadlines')}::timestamptz[], ${p('requests')}::uuid[])
    ),
    still as (
      -- The chosen agents as an array, not a subquery of d: the planner then looks each up by id
      -- rather than walking every Available agent.
      select u.id from ${users} u
      where u.id = any(${p('chosen')}::uuid[]) and u.state = 'available' and u.deactivated_at is null
      ${rowLock}
    ),
    made as (
      insert into ${offers} (conversation_id, user_id, channel, status, offered_at, deadline_at, request_id)
      select d.conversation_id, d.user_id, d.channel, 'pending', d.offered_at, d.deadline_at, d.request_id
      from d where d.user_id in (select id from still)
      returning id, conversation_id, user_id, channel, status, offered_at, deadline_at, request_id
    ),
    -- The offered conversations take the status core decided (a routing run's: offered), or keep
    -- theirs (null: a transfer's is offered already, an invitation's stays active).
    marked as (
      update ${conversations} set status = ${p('status')}::text
      where ${p('status')}::text is not null and id in (select conversation_id from made)
    ),
    logged as (
      insert into ${conversationEvents} (conversation_id, type, at, queue_id, channel, agent_id, request_id)
      select m.conversation_id, 'offered', m.offered_at,
        (select c.queue_id from ${conversations} c where c.id = m.conversation_id), m.channel, m.user_id, m.request_id
      from made m
    ),
    -- Each agent's load on the channel moves by what core decided a placed offer adds.
    counted as (
      insert into ${agentLoads} as l (user_id, channel, held)
      select user_id, channel, count(*)::int * ${p('load')}::int from made group by user_id, channel
      on conflict (user_id, channel) do update set held = l.held + excluded.held
    ),
    last_offered as (
      update ${users} set last_offered_at = (select max(offered_at) from made)
      where id in (select user_id from made)
    ),
    armed as (
      insert into ${timers} (kind, subject_id, due_at)
      select 'offer.deadline', id, deadline_at from made
      on conflict (kind, subject_id) do update set due_at = excluded.due_at
    )
    select id, conversation_id, user_id, status, offered_at, deadline_at, request_id from made`;
});

/**
 * core's Tx port on one drizzle transaction. `oneConnection`: the database runs one transaction at
 * a time (PGlite), so what only serialises transactions can be left out.
 */
export const createTx = (
  db: DbTx,
  {
    oneConnection = false,
    prelocked,
  }: {
    oneConnection?: boolean;
    /**
     * Conversations this transaction has already locked and read (a group's, pg-group-commit.ts):
     * the first `conversations.lock` of each takes its row from here instead of a statement. Once
     * taken it is read again, since the transaction may have changed it since.
     */
    prelocked?: Map<string, Conversation>;
  } = {},
): Tx => {
  const { entryPointById, entryPointTemplates, ...channelPorts } = createChannelTx(db, { oneConnection });
  return {
    ...channelPorts,
    ...createAttachmentTx(db),
    ...createRedactionTx(db),
    ...createErasureTx(db),
    agents: {
      lock: async (id) => {
        const [row] = await db.select().from(users).where(eq(users.id, id)).for('no key update');
        return row ? toAgent(row) : null;
      },
      setState: async ({ id, state, reason, at }) => {
        await db
          .update(users)
          .set({
            state,
            stateReason: reason,
            stateSince: at,
            availableSince: state === 'available' ? at : null,
          })
          .where(eq(users.id, id));
        await db.insert(agentStateLog).values({ userId: id, state, reason, at });
      },
      listCandidates: async ({ queue, narrowing, channel, ranking, limit }) => {
        const { eligibility, teamId, skill } = eligibilityOf(queue, narrowing);
        const rows = await candidates(db, `${ranking}|${eligibility}|${limit ?? 'all'}`, {
          channel,
          teamId,
          skill,
          queueId: queue.id,
        });
        return rows.map(
          (r): Candidate => ({
            agentId: r.agentId,
            availableSince: r.availableSince ?? r.stateSince,
            load: Number(r.load),
            limit: Number(r.limit),
            lastOfferedAt: r.lastOfferedAt,
          }),
        );
      },
      loadOn: async ({ agentId, channel }) => {
        const [row] = await db
          .select({ load: channelLoadSql(channel), limit: channelLimitSql(channel) })
          .from(users)
          .where(eq(users.id, agentId));
        return { load: Number(row?.load ?? 0), limit: Number(row?.limit ?? 0) };
      },
    },
    routingRequests: {
      create: async (input) => {
        const [row] = await db
          .insert(routingRequests)
          .values({ ...input, status: 'open' })
          .returning();
        return toRoutingRequest(row!);
      },
      get: async (id) => {
        const [row] = await db.select().from(routingRequests).where(eq(routingRequests.id, id));
        return row ? toRoutingRequest(row) : null;
      },
      close: async ({ id, status, at }) => {
        await db.update(routingRequests).set({ status, closedAt: at }).where(eq(routingRequests.id, id));
      },
    },
    conversationEvents: {
      append: async (events) => {
        if (events.length > 0) {
          await db.insert(conversationEvents).values(
            events.map((e) => ({
              conversationId: e.conversationId,
              type: e.type,
              at: e.at,
              queueId: e.queueId,
              channel: e.channel,
              agentId: e.agentId ?? null,
              byAgentId: e.byAgentId ?? null,
              requestId: e.requestId ?? null,
              reason: e.reason ?? null,
            })),
          );
        }
      },
    },
    queues: {
      get: async (id) => {
        const [row] = await db.select().from(queues).where(eq(queues.id, id));
        return row ? (row satisfies Queue) : null;
      },
      getIfAloneWaiting: async ({ queueId, conversationId }) => {
        const [row] = await queueIfAloneWaiting(db, { queueId, conversationId });
        return row ? (row satisfies Queue) : null;
      },
      listWaitingGroups: async () => {
        const rows = await db
          .select({
            queue: queues,
            channel: sql<TChannel>`g.channel`,
            teamId: sql<string | null>`g.route_team_id`,
            skill: sql<string | null>`g.route_skill`,
          })
          .from(queues)
          .crossJoin(waitingGroups)
          .where(sql`g.queue_id = ${queues.id} and g.head is not null`)
          .orderBy(
            desc(queues.priority),
            sql`g.head`,
            asc(queues.id),
            sql`g.channel, g.route_team_id nulls first, g.route_skill nulls first`,
          );
        return rows.map((r) => ({
          queue: r.queue satisfies Queue,
          channel: r.channel,
          narrowing: narrowingFromRow({ routeTeamId: r.teamId, routeSkill: r.skill }),
        }));
      },
    },
    teams: {
      get: async (id) => {
        const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, id));
        return row ?? null;
      },
    },
    skills: {
      exists: async (skill) => {
        const [row] = await db
          .select({
            known: sql<boolean>`exists (select 1 from ${agentSkills} s where s.skill = ${skill})
              or exists (select 1 from ${queueSkills} qs where qs.skill = ${skill})`,
          })
          .from(sql`(values (1)) as one(x)`);
        return row?.known === true;
      },
    },
    entryPoints: {
      getByKey: async (key) => {
        const [row] = await entryPointByKey(db, { key });
        return row ?? null;
      },
      get: entryPointById,
      templates: entryPointTemplates,
    },
    reasons: {
      getIdleReason: async (id) => {
        const [row] = await db.select().from(idleReasons).where(eq(idleReasons.id, id));
        return row ?? null;
      },
      getWrapUpReason: async (id) => {
        const [row] = await db.select().from(wrapUpReasons).where(eq(wrapUpReasons.id, id));
        return row ?? null;
      },
      getDisposition: async (id) => {
        const [row] = await db.select().from(dispositions).where(eq(dispositions.id, id));
        return row ?? null;
      },
      getTags: async (ids) =>
        ids.length === 0
          ? []
          : db
              .select({ id: wrapUpTags.id, name: wrapUpTags.name })
              .from(wrapUpTags)
              .where(inArray(wrapUpTags.id, [...ids]))
              .orderBy(asc(wrapUpTags.position), asc(wrapUpTags.name)),
    },
    conversations: {
      create: async (input, opening, { logArrival = false } = {}) => {
        if (!opening) {
          const [row] = await db.insert(conversations).values(input).returning();
          const conversation = conversationFromRow(row!);
          if (logArrival) {
            await db.insert(conversationEvents).values({
              conversationId: conversation.id,
              type: 'arrived',
              at: conversation.arrivedAt,
              queueId: conversation.queueId,
              channel: conversation.channel,
            });
          }
          return { conversation, opening: null };
        }
        const id = randomUUID();
        const shape = `${shapeOf(input, opening)}${logArrival ? '|arrived' : ''}`;
        const [row] = await conversationWithOpening(db, shape, {
          id,
          ...valuesFor('c_', input),
          ...valuesFor('m_', opening),
        });
        if (!row) {
          throw new Error(`conversation ${id} was not created`);
        }
        return { conversation: conversationFromRow(row.made), opening: toStoredMessage(row.opened) };
      },
      lock: async (id) => {
        const held = prelocked?.get(id);
        if (held) {
          prelocked!.delete(id);
          return held;
        }
        const [row] = await lockConversation(db, { id });
        return row ? conversationFromRow(row) : null;
      },
      get: async (id) => {
        const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
        return row ? conversationFromRow(row) : null;
      },
      update: async (id, { narrowing, ...patch }) => {
        await db
          .update(conversations)
          .set({ ...patch, ...(narrowing === undefined ? {} : narrowingColumns(narrowing)) })
          .where(eq(conversations.id, id));
      },
      lockWaiting: async ({ queueId, channel, narrowing, limit }) => {
        const rows = await db
          .select({
            conversation: conversations,
            present: sql<string[]>`array(
            select p.user_id from ${participants} p
            where p.conversation_id = ${CONVERSATION_ID} and p.state <> 'done')`,
          })
          .from(conversations)
          .where(
            and(
              equalsConstant(conversations.status, 'queued'),
              eq(conversations.queueId, queueId),
              eq(conversations.channel, channel),
              ...(narrowing === null
                ? [isNull(conversations.routeTeamId), isNull(conversations.routeSkill)]
                : narrowing.type === 'team'
                  ? [eq(conversations.routeTeamId, narrowing.teamId)]
                  : [eq(conversations.routeSkill, narrowing.skill)]),
            ),
          )
          .orderBy(asc(conversations.queuedAt), asc(conversations.id))
          .limit(limit)
          // Waits rather than skips: a row held for a moment (a customer message bumping its seq)
          // must not be passed over, or it would wait beside a free agent until the next trigger.
          // Routing runs one at a time (the routing lock) and takes agents' rows only after these;
          // nothing that holds an agent's row waits for a queued conversation, so no deadlock.
          .for('no key update', { of: conversations });
        return rows.map(
          (r): WaitingConversation => ({
            conversation: conversationFromRow(r.conversation),
            presentAgentIds: pgTextArray(r.present),
          }),
        );
      },
    },
    participants: {
      create: async ({ load, ...input }) => {
        const [row] = await db
          .with(loadAdded(db, { load, userId: input.userId, channel: input.channel }))
          .insert(participants)
          .values({ ...input, state: 'active' })
          .returning();
        return toParticipant(row!);
      },
      find: async ({ conversationId, userId }) => {
        const [row] = await db
          .select()
          .from(participants)
          .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)))
          .orderBy(desc(participants.joinedAt))
          .limit(1);
        return row ? toParticipant(row) : null;
      },
      listLive: async (conversationId) => {
        const rows = await db
          .select()
          .from(participants)
          .where(and(eq(participants.conversationId, conversationId), ne(participants.state, 'done')));
        return rows.map(toParticipant);
      },
      update: async (id, patch, { load }) => {
        await db
          .with(...loadMoved(db, { load, of: participants, id }))
          .update(participants)
          .set(patch)
          .where(eq(participants.id, id));
      },
    },
    offers: {
      place: async (decisions, { load, conversationStatus }) => {
        if (decisions.length === 0) {
          return [];
        }
        const rows = await placeOffers(db, oneConnection ? 'one' : 'many', {
          load,
          status: conversationStatus,
          conversations: decisions.map((d) => d.conversationId),
          agents: decisions.map((d) => d.userId),
          channels: decisions.map((d) => d.channel),
          offeredAt: decisions.map((d) => d.offeredAt.toISOString()),
          deadlines: decisions.map((d) => d.deadlineAt.toISOString()),
          requests: decisions.map((d) => d.requestId),
          chosen: [...new Set(decisions.map((d) => d.userId))],
        });
        const made = new Map(
          rows.map((r) => [
            r.conversation_id,
            {
              id: r.id,
              conversationId: r.conversation_id,
              userId: r.user_id,
              status: r.status,
              offeredAt: new Date(r.offered_at),
              deadlineAt: new Date(r.deadline_at),
              requestId: r.request_id,
            } satisfies Offer,
          ]),
        );
        // In the order given; RETURNING promises none.
        return decisions.flatMap((d) => {
          const offer = made.get(d.conversationId);
          return offer ? [offer] : [];
        });
      },
      lock: async (id) => {
        const [row] = await db.select().from(offers).where(eq(offers.id, id)).for('no key update');
        return row ? toOffer(row) : null;
      },
      findPending: async (conversationId) => {
        const [row] = await db
          .select()
          .from(offers)
          .where(and(eq(offers.conversationId, conversationId), equalsConstant(offers.status, 'pending')));
        return row ? toOffer(row) : null;
      },
      listPendingForAgent: async (userId) => {
        const rows = await db
          .select()
          .from(offers)
          .where(and(eq(offers.userId, userId), equalsConstant(offers.status, 'pending')))
          .orderBy(asc(offers.id));
        return rows.map(toOffer);
      },
      close: async ({ id, status, at, load }) => {
        await db
          .with(...loadMoved(db, { load, of: offers, id }))
          .update(offers)
          .set({ status, closedAt: at })
          .where(eq(offers.id, id));
      },
    },
    messages: {
      get: async (id) => {
        const [row] = await db.select().from(messages).where(eq(messages.id, id));
        return row ? toStoredMessage(row) : null;
      },
      append: async (input) => {
        const [row] = await appendMessage(db, 'only', {
          id: randomUUID(),
          conversationId: input.conversationId,
          author: input.author,
          authorUserId: input.authorUserId,
          authorName: input.authorName,
          body: input.body,
          systemEvent: input.systemEvent,
          clientMessageId: input.clientMessageId,
          createdAt: input.createdAt.toISOString(),
          entryPointId: input.entryPointId ?? null,
          providerMessageId: input.providerMessageId ?? null,
          deliveryStatus: input.deliveryStatus ?? null,
          audience: input.audience ?? 'all',
          customerWroteAt: input.customerWroteAt?.toISOString() ?? null,
        });
        if (!row) {
          throw new Error(`conversation ${input.conversationId} vanished inside its own transaction`);
        }
        return { message: toStoredMessage(messageFromDriverRow(row)), created: row.created };
      },
      markReadByCustomer: async ({ conversationId, upToSeq }) => {
        const rows = await db
          .update(messages)
          .set({ deliveryStatus: 'read' })
          .where(
            and(
              eq(messages.conversationId, conversationId),
              eq(messages.author, 'agent'),
              eq(messages.audience, 'all'),
              lte(messages.seq, upToSeq),
              isNull(messages.deliveryStatus),
            ),
          )
          .returning({ id: messages.id, seq: messages.seq });
        return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
      },
    },
    timers: {
      cancel: async ({ kind, subjectId }) => {
        await db.delete(timers).where(and(eq(timers.kind, kind), eq(timers.subjectId, subjectId)));
      },
      claimNextDue: async (now) => {
        const [row] = await db
          .select()
          .from(timers)
          .where(lte(timers.dueAt, now))
          .orderBy(asc(timers.dueAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) {
          return null;
        }
        await db.delete(timers).where(eq(timers.id, row.id));
        return { kind: row.kind as 'offer.deadline', subjectId: row.subjectId, dueAt: row.dueAt };
      },
      nextDueAt: async () => {
        const [row] = await db
          .select({ dueAt: timers.dueAt })
          .from(timers)
          .orderBy(asc(timers.dueAt))
          .limit(1);
        return row?.dueAt ?? null;
      },
    },
    settings: {
      get: async () => readSettings(db),
      set: async ({ key, value, at, by }) => {
        await db
          .insert(settings)
          .values({ key, value, updatedAt: at, updatedBy: by })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at, updatedBy: by } });
      },
    },
    audit: {
      append: async (entry) => {
        await db.insert(auditLog).values(entry);
      },
    },
    tryLockRouting: async () => {
      if (oneConnection) {
        return true;
      }
      const result = await db.execute(sql`select pg_try_advisory_xact_lock(${ROUTING_LOCK_KEY}) as locked`);
      return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
    },
    lockRouting: async () => {
      // PGlite has one connection: its transactions run one after the other, the lock is implied.
      if (!oneConnection) {
        await db.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK_KEY})`);
      }
    },
  };
};
