import { type ArrivalFacts, type HandlingFacts, totalsOfFacts } from '@switchboard/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { type Database, schema } from '../src/index';
import { readReportTotals } from '../src/report-totals';

/**
 * The report's totals are summed by the database (report-totals.ts) for scale; core's
 * `totalsOfFacts` says what they mean. On random histories in the real store (PGlite): arrivals in
 * two queues and four channels, acceptances by several agents (transfers, conferences, one agent twice), customers
 * leaving before or after an answer, wrap-ups or none, and a random period, both give the same.
 */

const BASE = Date.UTC(2026, 11, 1, 8, 0, 0);
const at = (second: number) => new Date(BASE + second * 1000);

type Handling = { agent: number; after: number; wrapAfter: number | null };
type Story = {
  queue: number;
  channel: 'livechat' | 'whatsapp' | 'sms' | 'messenger';
  arrived: number;
  leftAfter: number | null;
  handlings: Handling[];
};

const storyArb: fc.Arbitrary<Story> = fc.record({
  queue: fc.integer({ min: 0, max: 1 }),
  channel: fc.constantFrom('livechat', 'whatsapp', 'sms', 'messenger'),
  // Small ranges, so that ties (left as accepted, a wait of exactly the threshold) come up often.
  arrived: fc.integer({ min: 0, max: 600 }),
  leftAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  handlings: fc.array(
    fc.record({
      agent: fc.integer({ min: 0, max: 2 }),
      after: fc.integer({ min: 0, max: 30 }),
      wrapAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
});

let database: Database;
let queues: { id: string; serviceLevelSeconds: number }[] = [];
let agents: string[] = [];
let entryPointId = '';

beforeAll(async () => {
  database = await openTestPglite();
  const db = database.db;
  queues = await db
    .insert(schema.queues)
    .values([
      { name: 'Fast', serviceLevelSeconds: 20 },
      { name: 'Slow', serviceLevelSeconds: 10 },
    ])
    .returning({ id: schema.queues.id, serviceLevelSeconds: schema.queues.serviceLevelSeconds });
  agents = (
    await db
      .insert(schema.users)
      .values(
        ['a', 'b', 'c'].map((n) => ({
          email: `${n}@x.test`,
          name: `Agent ${n}`,
          role: 'agent' as const,
          passwordHash: 'x',
        })),
      )
      .returning({ id: schema.users.id })
  ).map((u) => u.id);
  const [entryPoint] = await db
    .insert(schema.entryPoints)
    .values({ key: 'report-web', name: 'Web', channel: 'livechat', queueId: queues[0]!.id })
    .returning();
  entryPointId = entryPoint!.id;
});
afterAll(async () => {
  await database.close();
});

/** Writes the stories' conversations and history; returns the facts as the history defines them. */
const write = async (stories: readonly Story[]) => {
  const db = database.db;
  await db.execute(sql`delete from conversation_events`);
  await db.execute(sql`delete from conversations`);
  const arrivals: ArrivalFacts[] = [];
  const events: (typeof schema.conversationEvents.$inferInsert)[] = [];
  for (const story of stories) {
    const queueId = queues[story.queue]!.id;
    const [conversation] = await db
      .insert(schema.conversations)
      .values({
        channel: story.channel,
        entryPointId,
        queueId,
        status: 'ended',
        customerName: 'C',
        arrivedAt: at(story.arrived),
        queuedAt: at(story.arrived),
      })
      .returning({ id: schema.conversations.id });
    const conversationId = conversation!.id;
    const base = { conversationId, queueId, channel: story.channel };
    events.push({ ...base, type: 'arrived', at: at(story.arrived) });
    const left = story.leftAfter === null ? null : at(story.arrived + story.leftAfter);
    if (left) {
      events.push({ ...base, type: 'customer_left', at: left });
    }
    for (const h of story.handlings) {
      events.push({ ...base, type: 'accepted', at: at(story.arrived + h.after), agentId: agents[h.agent]! });
      if (h.wrapAfter !== null) {
        events.push({
          ...base,
          type: 'wrapped_up',
          at: at(story.arrived + h.after + h.wrapAfter),
          agentId: agents[h.agent]!,
        });
      }
    }
    const accepted = story.handlings.map((h) => story.arrived + h.after);
    arrivals.push({
      conversationId,
      queueId,
      channel: story.channel,
      arrivedAt: at(story.arrived),
      firstAcceptedAt: accepted.length === 0 ? null : at(Math.min(...accepted)),
      customerLeftAt: left,
    });
  }
  if (events.length > 0) {
    await db.insert(schema.conversationEvents).values(events);
  }
  // A handling ends at its agent's first wrap-up of the conversation at or after the acceptance.
  const handlings: (HandlingFacts & { acceptedSecond: number })[] = [];
  for (const [k, story] of stories.entries()) {
    for (const h of story.handlings) {
      const accepted = story.arrived + h.after;
      const wraps = story.handlings
        .filter(
          (o) =>
            o.agent === h.agent && o.wrapAfter !== null && story.arrived + o.after + o.wrapAfter! >= accepted,
        )
        .map((o) => story.arrived + o.after + o.wrapAfter!);
      handlings.push({
        agentId: agents[h.agent]!,
        conversationId: arrivals[k]!.conversationId,
        acceptedAt: at(accepted),
        wrappedAt: wraps.length === 0 ? null : at(Math.min(...wraps)),
        acceptedSecond: accepted,
      });
    }
  }
  return { arrivals, handlings };
};

describe('the report totals summed by the database', () => {
  it('equal core’s definitions on random histories and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(storyArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 900 }),
        async (stories, fromSecond, length) => {
          const facts = await write(stories);
          const from = at(fromSecond);
          const to = at(fromSecond + length);
          const inPeriod = (d: Date) => d >= from && d < to;
          const expected = totalsOfFacts({
            arrivals: facts.arrivals.filter((a) => inPeriod(a.arrivedAt)),
            handlings: facts.handlings.filter((h) => inPeriod(h.acceptedAt)),
            queues,
          });
          const actual = await readReportTotals(database.db, { from, to });
          const close = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);
          const comparable = (rows: readonly object[], key: string) =>
            rows
              .map((row) =>
                Object.fromEntries(
                  Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? close(v) : v]),
                ),
              )
              .sort((a, b) => String(a[key]).localeCompare(String(b[key])));
          expect(
            comparable(
              actual.queues.map(({ name: _n, serviceLevelSeconds: _s, ...totals }) => totals),
              'queueId',
            ),
          ).toEqual(comparable(expected.queues, 'queueId'));
          expect(comparable(actual.channels, 'channel')).toEqual(comparable(expected.channels, 'channel'));
          expect(
            comparable(
              actual.agents.map(({ name: _n, ...totals }) => totals),
              'agentId',
            ),
          ).toEqual(comparable(expected.agents, 'agentId'));
        },
      ),
      { numRuns: 60 },
    );
  });
});
