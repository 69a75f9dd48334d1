import {
  acceptOffer,
  type DomainEvent,
  endConversation,
  setAgentState,
  startLiveChat,
  type Tx,
} from '@switchboard/core';
import { createStore, type Database, type Store, seedDemoData } from '@switchboard/store';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/http/passwords';
import { createTestDatabase } from './harness';

/**
 * On PostgreSQL, where transactions run side by side: what one decision holds does not hold up
 * another that has no reason to wait. Each of these waits once made two transactions deadlock
 * (one of them failed with a 500 after its retries, and an agent's End was lost).
 */

const LONG_ENOUGH_MS = 10_000;

describe('row locks on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let database: Database;
  let store: Store;
  let agentId: string;
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);

  const run = <T>(fn: (ctx: { tx: Tx; now: Date }) => Promise<{ value: T; events: DomainEvent[] }>) => {
    clock += 1000;
    const now = new Date(clock);
    return store.transaction((tx) => fn({ tx, now })).then((r) => r.value);
  };

  const chat = () =>
    run((c) =>
      startLiveChat({
        ...c,
        entryPointKey: 'website',
        customerName: 'Customer',
        customerEmail: null,
        firstMessage: 'Hello',
        customerTokenHash: `h${clock}`,
      }),
    );

  const pendingOffer = async () => {
    const { rows } = (await database.db.execute(
      sql`select id, conversation_id from offers where user_id = ${agentId} and status = 'pending' order by offered_at desc limit 1`,
    )) as unknown as { rows: { id: string; conversation_id: string }[] };
    return rows[0]!;
  };

  /**
   * Runs `hold` in a transaction kept open until `other` has finished (or LONG_ENOUGH_MS passed),
   * and says which finished first: `other` while the first still held its rows, or only after.
   */
  const whileHeld = async (hold: (tx: Tx, now: Date) => Promise<unknown>, other: () => Promise<unknown>) => {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let holding!: () => void;
    const held = new Promise<void>((r) => {
      holding = r;
    });
    const order: string[] = [];
    clock += 1000;
    const now = new Date(clock);
    const first = store.transaction(async (tx) => {
      await hold(tx, now);
      holding();
      await Promise.race([released, new Promise((r) => setTimeout(r, LONG_ENOUGH_MS))]);
      order.push('first released');
      return { value: null, events: [] };
    });
    await Promise.race([held, first]);
    await other().then(() => order.push('other done'));
    release();
    await first;
    return order;
  };

  beforeAll(async () => {
    const made = await createTestDatabase('postgres');
    drop = made.drop;
    database = await made.open();
    await database.migrate();
    await seedDemoData({ db: database.db, hashPassword: (p) => hashPassword(p, { cost: 1024 }) });
    store = createStore(database);
    const { rows } = (await database.db.execute(
      sql`select id from users where role = 'agent' order by email limit 1`,
    )) as unknown as { rows: { id: string }[] };
    agentId = rows[0]!.id;
    await database.db.execute(sql`update users set chat_limit = 5 where id = ${agentId}`);
    await database.db.execute(sql`update agent_limits set max = 5 where user_id = ${agentId}`);
    await run((c) => setAgentState({ ...c, agentId, state: 'available' }));
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('lets an agent accept while a decision holds their row (a state change, an offer timing out)', async () => {
    await chat();
    const offer = await pendingOffer();
    const order = await whileHeld(
      (tx) => tx.agents.lock(agentId),
      () => run((c) => acceptOffer({ ...c, offerId: offer.id, agentId, agentName: 'Agent' })),
    );
    expect(order).toEqual(['other done', 'first released']);
  });

  it('offers an agent a new conversation while they end another', async () => {
    const { rows: active } = (await database.db.execute(
      sql`select conversation_id from participants where user_id = ${agentId} and state = 'active' limit 1`,
    )) as unknown as { rows: { conversation_id: string }[] };
    const order = await whileHeld(
      (tx, now) =>
        endConversation({ tx, now, conversationId: active[0]!.conversation_id, agentId, agentName: 'Agent' }),
      chat,
    );
    expect(order).toEqual(['other done', 'first released']);
    const offer = await pendingOffer();
    expect(offer).toBeDefined();
  });
});
