import {
  acceptOffer,
  customerEndChat,
  type DomainEvent,
  endConversation,
  fireDueTimer,
  rejectOffer,
  routeWaitingConversations,
  setAgentState,
  signOutAgent,
  startLiveChat,
  submitWrapUp,
  type Tx,
} from '@switchboard/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { createStore, type Database, type Store, schema } from '../src/index';

/**
 * Properties of the routing and offer decisions, on the real store (PGlite): random sequences of
 * arrivals, accepts, rejects, timeouts, state changes, customers leaving, ends and wrap-ups keep
 * every invariant after every step.
 */

const AGENTS = 4;
let database: Database;
let store: Store;
let agentIds: string[] = [];
let reasonIds: { idle: string; wrapUp: string };
const limits = [1, 2, 3, 2];

type Op =
  | { kind: 'arrive'; entryPoint: 0 | 1 }
  | { kind: 'available' | 'idle' | 'signOut'; agent: number }
  | { kind: 'accept' | 'reject' | 'end' | 'wrapUp'; agent: number; pick: number }
  | { kind: 'customerLeaves'; pick: number }
  | { kind: 'timeout'; seconds: number };

const agent = fc.integer({ min: 0, max: AGENTS - 1 });
const pick = fc.nat({ max: 20 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('arrive' as const),
      entryPoint: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('available' as const), agent }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('idle' as const, 'signOut' as const), agent }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('accept' as const), agent, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), agent, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('end' as const, 'wrapUp' as const), agent, pick }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('customerLeaves' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('timeout' as const), seconds: fc.constantFrom(10, 46, 120) }),
  },
);

let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
const run = async <T>(fn: (ctx: { tx: Tx; now: Date }) => Promise<{ value: T; events: DomainEvent[] }>) => {
  clock += 1000;
  try {
    return (await store.transaction((tx) => fn({ tx, now: new Date(clock) }))).value;
  } catch (err) {
    // Refusals (an offer already closed, a conversation not yours) are answers, not failures.
    if ((err as { name?: string }).name === 'AppError') {
      return null;
    }
    throw err;
  }
};

const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

const pickOf = <T>(list: T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

const apply = async (op: Op) => {
  const id = 'agent' in op ? agentIds[op.agent]! : '';
  switch (op.kind) {
    case 'arrive':
      await run((c) =>
        startLiveChat({
          ...c,
          entryPointKey: op.entryPoint === 0 ? 'support' : 'sales',
          customerName: 'C',
          customerEmail: null,
          firstMessage: 'hi',
          customerTokenHash: `h${clock}`,
        }),
      );
      return;
    case 'available':
      await run((c) => setAgentState({ ...c, agentId: id, state: 'available' }));
      return;
    case 'idle':
      await run((c) => setAgentState({ ...c, agentId: id, state: 'idle', idleReasonId: reasonIds.idle }));
      return;
    case 'signOut':
      await run((c) => signOutAgent({ ...c, agentId: id }));
      return;
    case 'accept':
    case 'reject': {
      const offers = await rows<{ id: string }>(
        sql`select id from offers where user_id = ${id} and status = 'pending' order by offered_at, id`,
      );
      const offer = pickOf(offers, op.pick);
      if (offer) {
        await run((c) =>
          op.kind === 'accept'
            ? acceptOffer({ ...c, offerId: offer.id, agentId: id, agentName: 'A' })
            : rejectOffer({ ...c, offerId: offer.id, agentId: id }),
        );
      }
      return;
    }
    case 'end':
    case 'wrapUp': {
      const state = op.kind === 'end' ? 'active' : 'wrapup';
      const held = await rows<{ conversation_id: string }>(
        sql`select conversation_id from participants where user_id = ${id} and state = ${state} order by joined_at, id`,
      );
      const one = pickOf(held, op.pick);
      if (one) {
        await run((c) =>
          op.kind === 'end'
            ? endConversation({ ...c, conversationId: one.conversation_id, agentId: id, agentName: 'A' })
            : submitWrapUp({
                ...c,
                conversationId: one.conversation_id,
                agentId: id,
                wrapUpReasonId: reasonIds.wrapUp,
                notes: null,
              }),
        );
      }
      return;
    }
    case 'customerLeaves': {
      const open = await rows<{ id: string }>(
        sql`select id from conversations where status <> 'ended' order by arrived_at, id`,
      );
      const one = pickOf(open, op.pick);
      if (one) {
        await run((c) => customerEndChat({ ...c, conversationId: one.id }));
      }
      return;
    }
    case 'timeout':
      clock += op.seconds * 1000;
      while ((await run((c) => fireDueTimer(c)))?.fired) {
        // fire every due deadline
      }
      return;
  }
};

/** What the routing runner does after every trigger: route until nothing more can be offered. */
const routeToQuiescence = async () => {
  while (((await run((c) => routeWaitingConversations(c)))?.offered ?? 0) > 0) {
    // again
  }
};

const checkInvariants = async () => {
  // Never offered to two agents at once, never assigned twice.
  expect(
    await rows(
      sql`select conversation_id from offers where status = 'pending' group by conversation_id having count(*) > 1`,
    ),
  ).toEqual([]);
  expect(
    await rows(
      sql`select conversation_id from participants where state <> 'done' group by conversation_id having count(*) > 1`,
    ),
  ).toEqual([]);
  // No agent over their limit: live participations and pending offers together.
  expect(
    await rows(sql`select u.id from users u where u.role = 'agent' and u.chat_limit < (
      (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))
      + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending'))`),
  ).toEqual([]);
  // The loads routing reads (kept by triggers) are the loads counted from the rows.
  expect(
    await rows(sql`select coalesce(l.user_id, c.user_id) as user_id, l.held, c.n from agent_loads l
      full join (
        select user_id, channel, count(*)::int as n from (
          select user_id, channel from offers where status = 'pending'
          union all select user_id, channel from participants where state in ('active', 'wrapup')
        ) live group by user_id, channel
      ) c on c.user_id = l.user_id and c.channel = l.channel
      where coalesce(l.held, 0) <> coalesce(c.n, 0)`),
  ).toEqual([]);
  // A conversation's status says what it is.
  expect(
    await rows(sql`select c.id, c.status from conversations c where
      (c.status = 'offered') <> exists (select 1 from offers o where o.conversation_id = c.id and o.status = 'pending')
      or (c.status = 'queued' and exists (select 1 from participants p where p.conversation_id = c.id and p.state <> 'done'))
      or (c.status = 'active' and not exists (select 1 from participants p where p.conversation_id = c.id and p.state = 'active'))`),
  ).toEqual([]);
  // An offer is only ever made to an agent of the queue's team.
  expect(
    await rows(sql`select o.id from offers o join conversations c on c.id = o.conversation_id join queues q on q.id = c.queue_id
      where q.team_id is not null and not exists (select 1 from team_members tm where tm.team_id = q.team_id and tm.user_id = o.user_id)`),
  ).toEqual([]);
  // Nothing waits while an eligible agent is Available with room.
  expect(
    await rows(sql`select c.id from conversations c join queues q on q.id = c.queue_id
      where c.status = 'queued' and exists (
        select 1 from users u join team_members tm on tm.user_id = u.id and tm.team_id = q.team_id
        where u.state = 'available' and u.chat_limit > (
          (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))
          + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending')))`),
  ).toEqual([]);
};

describe('routing properties on the real store', () => {
  beforeAll(async () => {
    database = await openTestPglite();
    await database.migrate();
    store = createStore(database);
    const { db } = database;
    const [front] = await db.insert(schema.teams).values({ name: 'Front' }).returning();
    const [back] = await db.insert(schema.teams).values({ name: 'Back' }).returning();
    const agents = await db
      .insert(schema.users)
      .values(
        limits.map((chatLimit, i) => ({
          email: `a${i}@t`,
          name: `A${i}`,
          role: 'agent' as const,
          passwordHash: 'x',
          chatLimit,
        })),
      )
      .returning();
    agentIds = agents.map((a) => a.id);
    // Agents 0-2 in Front; 2-3 in Back: agent 2 serves both queues.
    await db
      .insert(schema.teamMembers)
      .values([
        ...agentIds.slice(0, 3).map((userId) => ({ teamId: front!.id, userId })),
        ...agentIds.slice(2).map((userId) => ({ teamId: back!.id, userId })),
      ]);
    const [support, sales] = await db
      .insert(schema.queues)
      .values([
        { name: 'Support', teamId: front!.id, priority: 1, noAnswerState: 'rona' as const },
        {
          name: 'Sales',
          teamId: back!.id,
          priority: 0,
          noAnswerState: 'refused' as const,
          strategy: 'round-robin',
        },
      ])
      .returning();
    await db.insert(schema.entryPoints).values([
      { key: 'support', name: 'S', channel: 'livechat' as const, queueId: support!.id },
      { key: 'sales', name: 'T', channel: 'livechat' as const, queueId: sales!.id },
    ]);
    const [idle] = await db.insert(schema.idleReasons).values({ name: 'Break' }).returning();
    const [wrap] = await db.insert(schema.wrapUpReasons).values({ name: 'Done' }).returning();
    reasonIds = { idle: idle!.id, wrapUp: wrap!.id };
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps the invariants through any sequence of events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        await database.db.execute(
          sql`truncate timers, offers, participants, messages, conversations, agent_state_log restart identity cascade`,
        );
        await database.db
          .update(schema.users)
          .set({ state: 'offline', stateReason: null, availableSince: null, lastOfferedAt: null });
        for (const op of ops) {
          await apply(op);
          await routeToQuiescence();
          await checkInvariants();
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('puts an agent in the queue’s no-answer state when an offer times out, and in Refused on reject', async () => {
    await database.db.execute(
      sql`truncate timers, offers, participants, messages, conversations restart identity cascade`,
    );
    await database.db.update(schema.users).set({ state: 'offline' });
    await apply({ kind: 'available', agent: 3 });
    await apply({ kind: 'arrive', entryPoint: 1 });
    await routeToQuiescence();
    await apply({ kind: 'timeout', seconds: 46 });
    // Sales is set to Refused on no answer (CXone's behaviour).
    expect(
      (await rows<{ state: string }>(sql`select state from users where id = ${agentIds[3]}`))[0]?.state,
    ).toBe('refused');
    await apply({ kind: 'available', agent: 0 });
    await apply({ kind: 'arrive', entryPoint: 0 });
    await routeToQuiescence();
    await apply({ kind: 'timeout', seconds: 46 });
    expect(
      (await rows<{ state: string }>(sql`select state from users where id = ${agentIds[0]}`))[0]?.state,
    ).toBe('rona');
  });
});
