import type { TSettings } from '@switchboard/contracts';
import type {
  Agent,
  Candidate,
  Conversation,
  Offer,
  Participant,
  Queue,
  StoredMessage,
  Tx,
} from '@switchboard/core';
import { and, asc, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from './db';
import {
  agentLimits,
  agentSkills,
  agentStateLog,
  auditLog,
  conversations,
  entryPoints,
  idleReasons,
  messages,
  offers,
  participants,
  queueSkills,
  queues,
  settings,
  timers,
  users,
  wrapUpReasons,
} from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEFAULT_SETTINGS: TSettings = { maskSensitiveData: false };

/** Stored settings over the defaults; a key never written has its default. */
export const readSettings = async (db: Db | DbTx): Promise<TSettings> => {
  const rows = await db.select().from(settings);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { maskSensitiveData: stored.maskSensitiveData === true ? true : DEFAULT_SETTINGS.maskSensitiveData };
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
});

const toConversation = (row: typeof conversations.$inferSelect): Conversation => ({
  id: row.id,
  channel: row.channel,
  entryPointId: row.entryPointId,
  queueId: row.queueId,
  status: row.status,
  customerName: row.customerName,
  customerEmail: row.customerEmail,
  customerLeft: row.customerLeft,
  arrivedAt: row.arrivedAt,
  queuedAt: row.queuedAt,
  endedAt: row.endedAt,
});

const toOffer = (row: typeof offers.$inferSelect): Offer => ({
  id: row.id,
  conversationId: row.conversationId,
  userId: row.userId,
  status: row.status,
  offeredAt: row.offeredAt,
  deadlineAt: row.deadlineAt,
});

const toParticipant = (row: typeof participants.$inferSelect): Participant => ({
  id: row.id,
  conversationId: row.conversationId,
  userId: row.userId,
  state: row.state,
  joinedAt: row.joinedAt,
  endedAt: row.endedAt,
});

export const toStoredMessage = (row: typeof messages.$inferSelect): StoredMessage => ({
  id: row.id,
  seq: row.seq,
  conversationId: row.conversationId,
  author: row.author,
  authorUserId: row.authorUserId,
  authorName: row.authorName,
  body: row.body,
  systemEvent: row.systemEvent,
  clientMessageId: row.clientMessageId,
  createdAt: row.createdAt,
});

// Qualified by hand: in a one-table select drizzle writes columns unqualified, and inside these
// subqueries a bare "id" would be the subquery's own table's.
const USER_ID = sql.raw('"users"."id"');
const loadSql = sql<number>`(
  (select count(*) from ${participants} p where p.user_id = ${USER_ID} and p.state in ('active', 'wrapup'))
  + (select count(*) from ${offers} o where o.user_id = ${USER_ID} and o.status = 'pending')
)::int`;

/** What counts against an agent's limit on one channel: live participations and pending offers there. */
const channelLoadSql = (channel: string) => sql<number>`(
  (select count(*) from ${participants} p join ${conversations} c on c.id = p.conversation_id
    where p.user_id = ${USER_ID} and p.state in ('active', 'wrapup') and c.channel = ${channel})
  + (select count(*) from ${offers} o join ${conversations} c on c.id = o.conversation_id
    where o.user_id = ${USER_ID} and o.status = 'pending' and c.channel = ${channel})
)::int`;

/** The agent's limit on one channel; without a row of its own, the agent's chat limit. */
const channelLimitSql = (channel: string) => sql<number>`coalesce(
  (select l.max from ${agentLimits} l where l.user_id = ${USER_ID} and l.channel = ${channel}),
  ${users.chatLimit}
)::int`;

/** core's Tx port on one drizzle transaction. */
export const createTx = (db: DbTx): Tx => ({
  agents: {
    lock: async (id) => {
      const [row] = await db.select().from(users).where(eq(users.id, id)).for('update');
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
    lockCandidates: async ({ queue, channel }) => {
      const rows = await db
        .select({
          agentId: users.id,
          availableSince: users.availableSince,
          stateSince: users.stateSince,
          limit: channelLimitSql(channel),
          lastOfferedAt: users.lastOfferedAt,
          load: channelLoadSql(channel),
        })
        .from(users)
        .where(
          and(
            eq(users.state, 'available'),
            isNull(users.deactivatedAt),
            queue.teamId
              ? sql`exists (select 1 from team_members tm where tm.user_id = ${USER_ID} and tm.team_id = ${queue.teamId})`
              : undefined,
            // Every skill the queue requires, each at its minimum proficiency or more.
            sql`not exists (select 1 from ${queueSkills} qs where qs.queue_id = ${queue.id} and not exists (
              select 1 from ${agentSkills} s where s.user_id = ${USER_ID} and s.skill = qs.skill
                and s.proficiency >= qs.min_proficiency))`,
          ),
        )
        .orderBy(asc(users.id))
        .for('update', { of: users });
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
    markOffered: async ({ ids, at }) => {
      if (ids.length > 0) {
        await db.update(users).set({ lastOfferedAt: at }).where(inArray(users.id, ids));
      }
    },
    countLoad: async (id) => {
      const [row] = await db.select({ load: loadSql }).from(users).where(eq(users.id, id));
      return Number(row?.load ?? 0);
    },
  },
  queues: {
    get: async (id) => {
      const [row] = await db.select().from(queues).where(eq(queues.id, id));
      return row ? (row satisfies Queue) : null;
    },
    listWaitingGroups: async () => {
      const oldest = sql<Date>`min(${conversations.queuedAt})`;
      const rows = await db
        .select({ q: queues, channel: conversations.channel, oldest })
        .from(queues)
        .innerJoin(
          conversations,
          and(eq(conversations.queueId, queues.id), eq(conversations.status, 'queued')),
        )
        .groupBy(queues.id, conversations.channel)
        .orderBy(desc(queues.priority), asc(oldest));
      return rows.map((r) => ({ queue: r.q, channel: r.channel }));
    },
  },
  entryPoints: {
    getByKey: async (key) => {
      const [row] = await db.select().from(entryPoints).where(eq(entryPoints.key, key));
      return row ?? null;
    },
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
  },
  conversations: {
    create: async (input) => {
      const [row] = await db.insert(conversations).values(input).returning();
      return toConversation(row!);
    },
    lock: async (id) => {
      const [row] = await db.select().from(conversations).where(eq(conversations.id, id)).for('update');
      return row ? toConversation(row) : null;
    },
    update: async (id, patch) => {
      await db.update(conversations).set(patch).where(eq(conversations.id, id));
    },
    markOffered: async (ids) => {
      if (ids.length > 0) {
        await db.update(conversations).set({ status: 'offered' }).where(inArray(conversations.id, ids));
      }
    },
    lockWaiting: async ({ queueId, channel, limit }) => {
      const rows = await db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.status, 'queued'),
            eq(conversations.queueId, queueId),
            eq(conversations.channel, channel),
          ),
        )
        .orderBy(asc(conversations.queuedAt), asc(conversations.id))
        .limit(limit)
        // Waits rather than skips: a row held for a moment (a customer message bumping its seq)
        // must not be passed over, or it would wait beside a free agent until the next trigger.
        // Routing runs one at a time (the routing lock), and nothing that holds a conversation
        // waits for an agent row routing holds, so this cannot deadlock.
        .for('update');
      return rows.map(toConversation);
    },
  },
  participants: {
    create: async (input) => {
      const [row] = await db
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
    liveAgentsOf: async (conversationIds) => {
      const live = new Map<string, Set<string>>();
      if (conversationIds.length === 0) {
        return live;
      }
      const rows = await db
        .select({ conversationId: participants.conversationId, userId: participants.userId })
        .from(participants)
        .where(and(inArray(participants.conversationId, conversationIds), ne(participants.state, 'done')));
      for (const r of rows) {
        live.set(r.conversationId, (live.get(r.conversationId) ?? new Set()).add(r.userId));
      }
      return live;
    },
    listLive: async (conversationId) => {
      const rows = await db
        .select()
        .from(participants)
        .where(and(eq(participants.conversationId, conversationId), ne(participants.state, 'done')));
      return rows.map(toParticipant);
    },
    update: async (id, patch) => {
      await db.update(participants).set(patch).where(eq(participants.id, id));
    },
  },
  offers: {
    createMany: async (input) => {
      if (input.length === 0) {
        return [];
      }
      const rows = await db
        .insert(offers)
        .values(input.map((o) => ({ ...o, status: 'pending' as const })))
        .returning();
      // RETURNING promises no order: match each row to its conversation (one pending offer each).
      const byConversation = new Map(rows.map((r) => [r.conversationId, toOffer(r)]));
      return input.map((o) => byConversation.get(o.conversationId)!);
    },
    lock: async (id) => {
      const [row] = await db.select().from(offers).where(eq(offers.id, id)).for('update');
      return row ? toOffer(row) : null;
    },
    findPending: async (conversationId) => {
      const [row] = await db
        .select()
        .from(offers)
        .where(and(eq(offers.conversationId, conversationId), eq(offers.status, 'pending')));
      return row ? toOffer(row) : null;
    },
    listPendingForAgent: async (userId) => {
      const rows = await db
        .select()
        .from(offers)
        .where(and(eq(offers.userId, userId), eq(offers.status, 'pending')))
        .orderBy(asc(offers.id));
      return rows.map(toOffer);
    },
    close: async ({ id, status, at }) => {
      await db.update(offers).set({ status, closedAt: at }).where(eq(offers.id, id));
    },
  },
  messages: {
    get: async (id) => {
      const [row] = await db.select().from(messages).where(eq(messages.id, id));
      return row ? toStoredMessage(row) : null;
    },
    append: async (input) => {
      if (input.clientMessageId !== null) {
        const [existing] = await db
          .select()
          .from(messages)
          .where(
            and(
              eq(messages.conversationId, input.conversationId),
              eq(messages.author, input.author),
              eq(messages.clientMessageId, input.clientMessageId),
            ),
          );
        if (existing) {
          return { message: toStoredMessage(existing), created: false };
        }
      }
      // The increment takes the conversation's row lock: seqs are gap-free and ordered per conversation.
      const [counter] = await db
        .update(conversations)
        .set({ lastSeq: sql`${conversations.lastSeq} + 1` })
        .where(eq(conversations.id, input.conversationId))
        .returning({ seq: conversations.lastSeq });
      const [row] = await db
        .insert(messages)
        .values({ ...input, seq: counter!.seq })
        .returning();
      return { message: toStoredMessage(row!), created: true };
    },
  },
  timers: {
    schedule: async (input) => {
      if (input.length > 0) {
        await db
          .insert(timers)
          .values(input)
          .onConflictDoUpdate({
            target: [timers.kind, timers.subjectId],
            set: { dueAt: sql`excluded.due_at` },
          });
      }
    },
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
      const [row] = await db.select({ dueAt: timers.dueAt }).from(timers).orderBy(asc(timers.dueAt)).limit(1);
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
  lockRouting: async () => {
    await db.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK_KEY})`);
  },
});
