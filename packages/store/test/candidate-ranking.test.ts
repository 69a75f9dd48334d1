import {
  type Candidate,
  type CandidateRanking,
  getRoutingStrategy,
  ROUTING_STRATEGIES,
  routeWaitingConversations,
} from '@switchboard/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { createStore, type Database, type Store, schema } from '../src/index';

/**
 * Routing reads only the best few candidates, in the order the store sorts them, and decides among
 * them with core's compare: the two orders must be one. Random agents (times, ties, loads, limits,
 * channel limits of their own) are sorted both ways, for every strategy.
 */

let database: Database;
let store: Store;
let queueId: string;
let teamId: string;
let entryPointId: string;

const BASE = Date.UTC(2026, 0, 5, 9, 0, 0);

const agentArb = fc.record({
  // Few distinct values: ties are the interesting case.
  availableSecond: fc.integer({ min: 0, max: 5 }),
  lastOfferedSecond: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  chatLimit: fc.integer({ min: 1, max: 6 }),
  ownLimit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  held: fc.integer({ min: 0, max: 6 }),
  inTeam: fc.boolean(),
});

type AgentSpec = typeof agentArb extends fc.Arbitrary<infer T> ? T : never;

const resetAgents = async (agents: AgentSpec[]) => {
  const { db } = database;
  await db.execute(sql`truncate timers, offers, participants, messages, conversations, agent_loads cascade`);
  await db.execute(sql`delete from team_members`);
  await db.execute(sql`delete from agent_limits`);
  await db.execute(sql`delete from users`);
  const rows = await db
    .insert(schema.users)
    .values(
      agents.map((a, i) => ({
        email: `r${i}@t`,
        name: `R${i}`,
        role: 'agent' as const,
        passwordHash: 'x',
        chatLimit: a.chatLimit,
        state: 'available' as const,
        stateSince: new Date(BASE),
        availableSince: new Date(BASE + a.availableSecond * 1000),
        lastOfferedAt: a.lastOfferedSecond === null ? null : new Date(BASE + a.lastOfferedSecond * 1000),
      })),
    )
    .returning();
  const members = rows.filter((_, i) => agents[i]!.inTeam).map((u) => ({ teamId, userId: u.id }));
  if (members.length > 0) {
    await db.insert(schema.teamMembers).values(members);
  }
  const limits = rows.flatMap((u, i) =>
    agents[i]!.ownLimit === null
      ? []
      : [{ userId: u.id, channel: 'livechat' as const, max: agents[i]!.ownLimit! }],
  );
  if (limits.length > 0) {
    await db.insert(schema.agentLimits).values(limits);
  }
  // The held conversations: live participations, counted into agent_loads as the store's writes do.
  for (const [i, u] of rows.entries()) {
    if (agents[i]!.held > 0) {
      await db.insert(schema.agentLoads).values({ userId: u.id, channel: 'livechat', held: agents[i]!.held });
    }
    for (let n = 0; n < agents[i]!.held; n++) {
      const [c] = await db
        .insert(schema.conversations)
        .values({
          channel: 'livechat',
          entryPointId,
          queueId,
          status: 'active',
          customerName: 'C',
          arrivedAt: new Date(BASE),
          queuedAt: new Date(BASE),
        })
        .returning();
      await db.insert(schema.participants).values({
        conversationId: c!.id,
        userId: u.id,
        channel: 'livechat',
        state: 'active',
        joinedAt: new Date(BASE),
      });
    }
  }
  return rows.map((u) => u.id);
};

beforeAll(async () => {
  database = await openTestPglite();
  await database.migrate();
  store = createStore(database);
  const [team] = await database.db.insert(schema.teams).values({ name: 'Ranked' }).returning();
  teamId = team!.id;
  const [queue] = await database.db.insert(schema.queues).values({ name: 'Ranked', teamId }).returning();
  queueId = queue!.id;
  const [entryPoint] = await database.db
    .insert(schema.entryPoints)
    .values({ key: 'ranked', name: 'Ranked', channel: 'livechat', queueId })
    .returning();
  entryPointId = entryPoint!.id;
});
afterAll(async () => {
  await database.close();
});

describe('candidate ranking: the store’s order is core’s', () => {
  it.each([...ROUTING_STRATEGIES.keys()])(
    '%s',
    async (name) => {
      const strategy = getRoutingStrategy(name);
      await fc.assert(
        fc.asyncProperty(fc.array(agentArb, { minLength: 1, maxLength: 12 }), async (agents) => {
          await resetAgents(agents);
          const queue = (
            await store.transaction(async (tx) => ({ value: await tx.queues.get(queueId), events: [] }))
          ).value!;
          const read = (limit: number | null) =>
            store.transaction(async (tx) => ({
              value: await tx.agents.listCandidates({
                queue,
                channel: 'livechat',
                ranking: strategy.ranking as CandidateRanking,
                limit,
              }),
              events: [],
            }));
          const all = (await read(null)).value;
          // Only the team's agents with room, as routing may offer to.
          const eligible = agents.filter((a) => a.inTeam && a.held < (a.ownLimit ?? a.chatLimit)).length;
          expect(all).toHaveLength(eligible);
          const sorted = [...all].sort((a: Candidate, b: Candidate) => strategy.compare(a, b));
          expect(all.map((c) => c.agentId)).toEqual(sorted.map((c) => c.agentId));
          // The best few are the first of all.
          const few = (await read(2)).value;
          expect(few.map((c) => c.agentId)).toEqual(all.slice(0, 2).map((c) => c.agentId));
        }),
        { numRuns: 25 },
      );
    },
    60_000,
  );
});

describe('routing reads ahead only as far as it must', () => {
  it('reads every candidate when the best few already take part in the conversation', async () => {
    // Three agents, the two best by longest-available already in a conversation that is back in
    // the queue: it must go to the third, not wait.
    const ids = await resetAgents([
      { availableSecond: 0, lastOfferedSecond: null, chatLimit: 3, ownLimit: null, held: 0, inTeam: true },
      { availableSecond: 1, lastOfferedSecond: null, chatLimit: 3, ownLimit: null, held: 0, inTeam: true },
      { availableSecond: 2, lastOfferedSecond: null, chatLimit: 3, ownLimit: null, held: 0, inTeam: true },
    ]);
    const { db } = database;
    const [back] = await db
      .insert(schema.conversations)
      .values({
        channel: 'livechat',
        entryPointId,
        queueId,
        status: 'queued',
        customerName: 'Back again',
        arrivedAt: new Date(BASE),
        queuedAt: new Date(BASE),
      })
      .returning();
    await db.insert(schema.participants).values(
      ids.slice(0, 2).map((userId) => ({
        conversationId: back!.id,
        userId,
        channel: 'livechat' as const,
        state: 'active' as const,
        joinedAt: new Date(BASE),
      })),
    );
    for (const userId of ids.slice(0, 2)) {
      await db
        .insert(schema.agentLoads)
        .values({ userId, channel: 'livechat', held: 1 })
        .onConflictDoUpdate({
          target: [schema.agentLoads.userId, schema.agentLoads.channel],
          set: { held: sql`${schema.agentLoads.held} + 1` },
        });
    }
    const { value, events } = await store.transaction((tx) =>
      routeWaitingConversations({ tx, now: new Date(BASE + 60_000) }),
    );
    expect(value.offered).toBe(1);
    expect(events).toMatchObject([{ type: 'offer.created', conversationId: back!.id, agentId: ids[2] }]);
  });
});

describe('offers.place checks each chosen agent again', () => {
  it('makes no offer to an agent who is no longer Available, leaves the conversation queued, and arms each offer’s deadline', async () => {
    const [gone, here] = await resetAgents([
      { availableSecond: 0, lastOfferedSecond: null, chatLimit: 3, ownLimit: null, held: 0, inTeam: true },
      { availableSecond: 1, lastOfferedSecond: null, chatLimit: 3, ownLimit: null, held: 0, inTeam: true },
    ]);
    const { db } = database;
    const waiting = await db
      .insert(schema.conversations)
      .values(
        ['A', 'B'].map((customerName) => ({
          channel: 'livechat' as const,
          entryPointId,
          queueId,
          status: 'queued' as const,
          customerName,
          arrivedAt: new Date(BASE),
          queuedAt: new Date(BASE),
        })),
      )
      .returning();
    // Decided while both were Available; one went on a break before the write.
    await db.update(schema.users).set({ state: 'idle' }).where(sql`${schema.users.id} = ${gone!}`);
    const now = new Date(BASE + 60_000);
    const deadline = new Date(BASE + 105_000);
    const { value: made } = await store.transaction(async (tx) => ({
      value: await tx.offers.place(
        [
          {
            conversationId: waiting[0]!.id,
            userId: gone!,
            channel: 'livechat',
            offeredAt: now,
            deadlineAt: deadline,
            requestId: null,
          },
          {
            conversationId: waiting[1]!.id,
            userId: here!,
            channel: 'livechat',
            offeredAt: now,
            deadlineAt: deadline,
            requestId: null,
          },
        ],
        { load: 1, conversationStatus: 'offered' },
      ),
      events: [],
    }));
    expect(made.map((o) => [o.conversationId, o.userId])).toEqual([[waiting[1]!.id, here]]);
    const rows = await db
      .select()
      .from(schema.conversations)
      .where(sql`${schema.conversations.status} <> 'active'`);
    expect(Object.fromEntries(rows.map((c) => [c.customerName, c.status]))).toEqual({
      A: 'queued',
      B: 'offered',
    });
    const loads = await db.select().from(schema.agentLoads);
    expect(loads.map((l) => [l.userId, l.held])).toEqual([[here, 1]]);
    // The offer made has its durable deadline; the one not made has none.
    const armed = await db.select().from(schema.timers);
    expect(armed.map((t) => [t.kind, t.subjectId, t.dueAt.getTime()])).toEqual([
      ['offer.deadline', made[0]!.id, deadline.getTime()],
    ]);
  });
});

describe('conversations.create with an opening message', () => {
  it('writes the message as seq 1, and the next message of the conversation gets seq 2', async () => {
    await database.db.execute(
      sql`truncate timers, offers, participants, messages, conversations, agent_loads cascade`,
    );
    const now = new Date(BASE);
    const { value } = await store.transaction(async (tx) => {
      const created = await tx.conversations.create(
        {
          channel: 'livechat',
          entryPointId,
          queueId,
          status: 'queued',
          customerName: 'Ada',
          customerEmail: null,
          arrivedAt: now,
          queuedAt: now,
          customerTokenHash: null,
        },
        {
          author: 'customer',
          authorUserId: null,
          authorName: 'Ada',
          body: 'My card is 4111 1111 1111 1111',
          systemEvent: null,
          clientMessageId: null,
          createdAt: now,
        },
      );
      const next = await tx.messages.append({
        conversationId: created.conversation.id,
        author: 'customer',
        authorUserId: null,
        authorName: 'Ada',
        body: 'Are you there?',
        systemEvent: null,
        clientMessageId: 'c-2',
        createdAt: new Date(BASE + 1000),
      });
      return { value: { ...created, next: next.message }, events: [] };
    });
    expect(value.conversation).toMatchObject({ customerName: 'Ada', status: 'queued', customerLeft: false });
    expect(value.opening).toMatchObject({
      seq: 1,
      conversationId: value.conversation.id,
      body: 'My card is 4111 1111 1111 1111',
    });
    expect(value.next.seq).toBe(2);
    const stored = await database.db
      .select()
      .from(schema.messages)
      .where(sql`${schema.messages.conversationId} = ${value.conversation.id}`);
    expect(stored.map((m) => [m.seq, m.body]).sort()).toEqual([
      [1, 'My card is 4111 1111 1111 1111'],
      [2, 'Are you there?'],
    ]);
  });
});
