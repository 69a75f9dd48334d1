import {
  acceptOffer,
  customerEndChat,
  type DomainEvent,
  endConference,
  endConversation,
  exitConference,
  fireDueTimer,
  inviteToConference,
  rejectOffer,
  routeWaitingConversations,
  setAgentState,
  signOutAgent,
  startLiveChat,
  submitWrapUp,
  type Tx,
  transferConversation,
} from '@switchboard/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { createStore, type Database, type Store, schema } from '../src/index';

/**
 * Properties of the routing and offer decisions, on the real store (PGlite): random sequences of
 * arrivals, accepts, rejects, timeouts, state changes, customers leaving, ends, wrap-ups,
 * transfers (to a queue or an agent), conference invitations, End and Exit conference keep every
 * invariant after every step.
 */

const AGENTS = 4;
let database: Database;
let store: Store;
let agentIds: string[] = [];
let reasonIds: { idle: string; wrapUp: string };
let queueIds: string[] = [];
let teamIds: string[] = [];
/** Held by agents 1 and 3: a transfer to it waits for them alone. */
const SKILL = 'Spanish';
const limits = [1, 2, 3, 2];

type Op =
  | { kind: 'arrive'; entryPoint: 0 | 1 }
  | { kind: 'available' | 'idle' | 'signOut'; agent: number }
  | { kind: 'accept' | 'reject' | 'end' | 'wrapUp'; agent: number; pick: number }
  | { kind: 'customerLeaves'; pick: number }
  /** `to` 0-1: a queue (Support, Sales); 2-3: a team (Front, Back); 4: the skill; 5 and up: an agent. */
  | { kind: 'transfer'; agent: number; pick: number; to: number }
  | { kind: 'invite'; agent: number; pick: number; invitee: number }
  | { kind: 'endConference' | 'exitConference'; agent: number; pick: number }
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
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      agent,
      pick,
      to: fc.nat({ max: AGENTS + 4 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('invite' as const), agent, pick, invitee: agent }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('endConference' as const, 'exitConference' as const),
      agent,
      pick,
    }),
  },
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
      // Any agent's pending offer, answered by that agent: most sequences then reach accepted
      // conversations, and from there transfers and conferences.
      const offers = await rows<{ id: string; user_id: string }>(
        sql`select id, user_id from offers where status = 'pending' order by offered_at, id`,
      );
      const offer = pickOf(offers, op.pick + op.agent);
      if (offer) {
        const by = offer.user_id;
        await run((c) =>
          op.kind === 'accept'
            ? acceptOffer({ ...c, offerId: offer.id, agentId: by, agentName: 'A' })
            : rejectOffer({ ...c, offerId: offer.id, agentId: by }),
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
    case 'transfer':
    case 'invite':
    case 'endConference':
    case 'exitConference': {
      // Any agent's active participation (as for accept: the op's agent would rarely hold one).
      const held = await rows<{ conversation_id: string; user_id: string }>(
        sql`select conversation_id, user_id from participants where state = 'active' order by joined_at, id`,
      );
      const one = pickOf(held, op.pick);
      if (!one) {
        return;
      }
      const base = { conversationId: one.conversation_id, agentId: one.user_id, agentName: 'A' };
      // Mostly an Available agent: the one who can take a transfer or an invitation; any agent else.
      const available = (
        await rows<{ id: string }>(sql`select id from users where state = 'available' order by id`)
      ).map((u) => u.id);
      const agentAt = (n: number) =>
        (n % 3 === 0 ? agentIds[n % AGENTS] : pickOf(available, n)) ?? agentIds[0]!;
      if (op.kind === 'transfer') {
        const target =
          op.to < 2
            ? { type: 'queue' as const, queueId: queueIds[op.to]! }
            : op.to < 4
              ? { type: 'team' as const, teamId: teamIds[op.to - 2]! }
              : op.to === 4
                ? { type: 'skill' as const, skill: SKILL }
                : { type: 'agent' as const, agentId: agentAt(op.to - 5 + op.pick) };
        await run((c) => transferConversation({ ...c, ...base, target, comment: 'c' }));
      } else if (op.kind === 'invite') {
        await run((c) =>
          inviteToConference({
            ...c,
            ...base,
            target: { type: 'agent', agentId: agentAt(op.invitee + op.pick) },
          }),
        );
      } else {
        await run((c) => (op.kind === 'endConference' ? endConference : exitConference)({ ...c, ...base }));
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
  // One owner at a time; a guest only beside an owner (one live conference, never two holders).
  expect(
    await rows(
      sql`select conversation_id from participants where state = 'active' and role = 'owner'
        group by conversation_id having count(*) > 1`,
    ),
  ).toEqual([]);
  expect(
    await rows(sql`select g.conversation_id from participants g where g.state = 'active' and g.role = 'guest'
      and not exists (select 1 from participants o where o.conversation_id = g.conversation_id
        and o.state = 'active' and o.role = 'owner')`),
  ).toEqual([]);
  // An agent takes part in a conversation once at a time.
  expect(
    await rows(
      sql`select conversation_id, user_id from participants where state <> 'done'
        group by conversation_id, user_id having count(*) > 1`,
    ),
  ).toEqual([]);
  // Every request that is open has a conversation still going; a failed or done one has no offer pending.
  expect(
    await rows(sql`select r.id from routing_requests r join offers o on o.request_id = r.id
      where o.status = 'pending' and r.status <> 'open'`),
  ).toEqual([]);
  // No agent over their limit: live participations and pending offers together.
  expect(
    await rows(sql`select u.id from users u where u.role = 'agent' and u.chat_limit < (
      (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))
      + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending'))`),
  ).toEqual([]);
  // The loads routing reads (moved by core's loadChange with each write) are the loads counted from the rows.
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
  // A conversation's status says what it is: offered while an offer of it (not an invitation)
  // waits; an invitation only beside an agent holding it; queued and offered with no agent active
  // (the agent who transferred it may still wrap up); active never with nobody (the customer is
  // never left alone by accident).
  expect(
    await rows(sql`select c.id, c.status from conversations c where
      (c.status = 'offered') <> exists (select 1 from offers o left join routing_requests r on r.id = o.request_id
        where o.conversation_id = c.id and o.status = 'pending' and coalesce(r.kind, 'new') <> 'conference')
      or (c.status <> 'active' and exists (select 1 from offers o join routing_requests r on r.id = o.request_id
        where o.conversation_id = c.id and o.status = 'pending' and r.kind = 'conference'))
      or (c.status in ('queued', 'offered') and exists (select 1 from participants p where p.conversation_id = c.id and p.state = 'active'))
      or (c.status = 'active' and not exists (select 1 from participants p where p.conversation_id = c.id and p.state = 'active'))`),
  ).toEqual([]);
  // An offer routing makes goes only to an agent of the queue's team, or of the team or skill a
  // transfer named (one to a named agent goes to that agent). Checked while pending: a transfer
  // moves the conversation to another queue afterwards.
  expect(
    await rows(sql`select o.id from offers o join conversations c on c.id = o.conversation_id join queues q on q.id = c.queue_id
      left join routing_requests r on r.id = o.request_id
      where o.status = 'pending' and (
        (coalesce(r.target_type, 'queue') = 'queue' and q.team_id is not null
          and not exists (select 1 from team_members tm where tm.team_id = q.team_id and tm.user_id = o.user_id))
        or (r.target_type = 'team'
          and not exists (select 1 from team_members tm where tm.team_id::text = r.target_id and tm.user_id = o.user_id))
        or (r.target_type = 'skill'
          and not exists (select 1 from agent_skills s where s.skill = r.target_id and s.user_id = o.user_id)))`),
  ).toEqual([]);
  // A narrowing lasts while the conversation waits for its team or skill, no longer.
  expect(
    await rows(sql`select id from conversations
      where status = 'active' and (route_team_id is not null or route_skill is not null)`),
  ).toEqual([]);
  // Nothing waits while an eligible agent is Available with room (and not in it already): of the
  // queue's team, or of the team or skill it was transferred to.
  expect(
    await rows(sql`select c.id from conversations c join queues q on q.id = c.queue_id
      where c.status = 'queued' and exists (
        select 1 from users u
        where (case
          when c.route_team_id is not null then exists (select 1 from team_members tm where tm.team_id = c.route_team_id and tm.user_id = u.id)
          when c.route_skill is not null then exists (select 1 from agent_skills s where s.skill = c.route_skill and s.user_id = u.id)
          else exists (select 1 from team_members tm where tm.team_id = q.team_id and tm.user_id = u.id) end)
        and not exists (select 1 from participants p where p.conversation_id = c.id and p.user_id = u.id and p.state <> 'done')
        and u.state = 'available' and u.chat_limit > (
          (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))
          + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending')))`),
  ).toEqual([]);
};

/**
 * Sequences always run besides the random ones, so that every run reaches an accepted and a
 * rejected invitation, End and Exit conference and a transfer (the random ones do often, not always).
 * `pick`s are chosen for agentAt: 9 is agent 1.
 */
const REACHING_TRANSFERS_AND_CONFERENCES: [Op[]][] = [
  [
    // To the skill (agents 1 and 3), then to the team Back (agents 2 and 3) after a reject.
    [
      { kind: 'arrive', entryPoint: 0 },
      { kind: 'available', agent: 0 },
      { kind: 'accept', agent: 0, pick: 0 },
      { kind: 'available', agent: 2 },
      { kind: 'transfer', agent: 0, pick: 0, to: 4 },
      { kind: 'available', agent: 1 },
      { kind: 'reject', agent: 1, pick: 0 },
      { kind: 'available', agent: 3 },
      { kind: 'accept', agent: 3, pick: 0 },
      { kind: 'transfer', agent: 3, pick: 0, to: 3 },
      { kind: 'accept', agent: 2, pick: 0 },
    ],
  ],
  [
    [
      { kind: 'arrive', entryPoint: 0 },
      { kind: 'available', agent: 0 },
      { kind: 'accept', agent: 0, pick: 0 },
      { kind: 'available', agent: 1 },
      { kind: 'invite', agent: 0, pick: 8, invitee: 1 },
      { kind: 'accept', agent: 1, pick: 0 },
      { kind: 'endConference', agent: 0, pick: 0 },
    ],
  ],
  [
    [
      { kind: 'arrive', entryPoint: 0 },
      { kind: 'available', agent: 0 },
      { kind: 'accept', agent: 0, pick: 0 },
      { kind: 'available', agent: 1 },
      { kind: 'invite', agent: 0, pick: 8, invitee: 1 },
      { kind: 'reject', agent: 1, pick: 0 },
      { kind: 'available', agent: 1 },
      { kind: 'invite', agent: 0, pick: 8, invitee: 1 },
      { kind: 'accept', agent: 1, pick: 0 },
      { kind: 'exitConference', agent: 0, pick: 1 },
      { kind: 'transfer', agent: 0, pick: 0, to: 1 },
    ],
  ],
];

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
    queueIds = [support!.id, sales!.id];
    teamIds = [front!.id, back!.id];
    await db.insert(schema.agentSkills).values([
      { userId: agentIds[1]!, skill: SKILL, proficiency: 5 },
      { userId: agentIds[3]!, skill: SKILL, proficiency: 2 },
    ]);
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
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40, size: 'max' }), async (ops) => {
        await database.db.execute(
          sql`truncate timers, offers, participants, messages, conversations, agent_state_log, agent_loads restart identity cascade`,
        );
        await database.db
          .update(schema.users)
          .set({ state: 'offline', stateReason: null, availableSince: null, lastOfferedAt: null });
        for (const op of ops) {
          await apply(op);
          await routeToQuiescence();
          await checkInvariants();
        }
        for (const { type, reason } of await rows<{ type: string; reason: string | null }>(
          sql`select distinct type, case when type in ('rejected', 'timed_out', 'withdrawn') then request_id is not null end::text as reason
            from conversation_events`,
        )) {
          seen.add(reason === 'true' ? 'a transfer or invitation not accepted' : type);
        }
        for (const { target } of await rows<{ target: string }>(
          sql`select distinct r.target_type as target from offers o join routing_requests r on r.id = o.request_id
            where o.status = 'accepted' and r.kind = 'transfer'`,
        )) {
          seen.add(`a transfer to a ${target} accepted`);
        }
      }),
      { numRuns: 40, examples: REACHING_TRANSFERS_AND_CONFERENCES },
    );
    // The runs did reach transfers, conferences and their offers' outcomes.
    const reached = [
      'transferred',
      'conference_requested',
      'joined',
      'left',
      'a transfer or invitation not accepted',
      'a transfer to a team accepted',
      'a transfer to a skill accepted',
    ];
    expect(reached.filter((type) => !seen.has(type))).toEqual([]);
  }, 120_000);

  it('puts an agent in the queue’s no-answer state when an offer times out, and in Refused on reject', async () => {
    await database.db.execute(
      sql`truncate timers, offers, participants, messages, conversations, agent_loads restart identity cascade`,
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
