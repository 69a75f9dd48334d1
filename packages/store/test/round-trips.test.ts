import {
  acceptOffer,
  type DomainEvent,
  inviteToConference,
  postCustomerMessage,
  receiveProviderMessage,
  setAgentState,
  startLiveChat,
  type Tx,
  transferConversation,
} from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { createStore, type Database, DEMO_USERS, type Store, schema, seedDemoData } from '../src/index';

/**
 * What a transfer, an invitation and an accept cost in statements: each call of core's Tx port is
 * one statement, so one database round trip on PostgreSQL (plus BEGIN and COMMIT per transaction).
 * Counted here on the port, with upper bounds, so that a change that adds trips shows up.
 */
let database: Database;
let store: Store;
let ids: Record<string, string> = {};

/** The Tx with every call of its methods counted by name. */
const counting = (tx: Tx, calls: string[]): Tx =>
  new Proxy(tx, {
    get: (target, group: string) => {
      const value = (target as unknown as Record<string, unknown>)[group];
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          calls.push(group);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return new Proxy(value as object, {
        get: (inner, method: string) => {
          const fn = (inner as Record<string, unknown>)[method] as (...a: unknown[]) => unknown;
          return (...args: unknown[]) => {
            calls.push(`${group}.${method}`);
            return fn.apply(inner, args);
          };
        },
      });
    },
  });

let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
const run = async <T>(fn: (ctx: { tx: Tx; now: Date }) => Promise<{ value: T; events: DomainEvent[] }>) => {
  clock += 1000;
  const calls: string[] = [];
  const { value } = await store.transaction((tx) => fn({ tx: counting(tx, calls), now: new Date(clock) }));
  return { value, calls };
};

describe('database round trips', () => {
  beforeAll(async () => {
    database = await openTestPglite();
    await database.migrate();
    await seedDemoData({ db: database.db, hashPassword: async () => 'x' });
    store = createStore(database);
    const users = await database.db.select().from(schema.users);
    ids = Object.fromEntries(users.map((u) => [u.email, u.id]));
    expect(Object.keys(ids)).toHaveLength(DEMO_USERS.length);
  });
  afterAll(async () => {
    await database.close();
  });

  it('of a transfer to an agent, an invitation, and their accepts', async () => {
    const alice = ids['alice@example.com']!;
    const bob = ids['bob@example.com']!;
    await run((c) => setAgentState({ ...c, agentId: alice, state: 'available' }));
    const { value: started } = await run((c) =>
      startLiveChat({
        ...c,
        entryPointKey: 'website',
        customerName: 'C',
        customerEmail: null,
        firstMessage: 'hi',
        customerTokenHash: 'h',
      }),
    );
    const conversationId = started.conversation.id;
    const [first] = await database.db.select().from(schema.offers);
    const accept = await run((c) =>
      acceptOffer({ ...c, offerId: first!.id, agentId: alice, agentName: 'A' }),
    );
    await run((c) => setAgentState({ ...c, agentId: bob, state: 'available' }));

    const invite = await run((c) =>
      inviteToConference({ ...c, conversationId, agentId: alice, target: { type: 'agent', agentId: bob } }),
    );
    const [invitation] = (await database.db.select().from(schema.offers)).filter(
      (o) => o.status === 'pending',
    );
    const join = await run((c) =>
      acceptOffer({ ...c, offerId: invitation!.id, agentId: bob, agentName: 'B' }),
    );

    const { value: second } = await run((c) =>
      startLiveChat({
        ...c,
        entryPointKey: 'website',
        customerName: 'D',
        customerEmail: null,
        firstMessage: 'hi',
        customerTokenHash: 'h2',
      }),
    );
    const [offer2] = (await database.db.select().from(schema.offers)).filter((o) => o.status === 'pending');
    const holder = offer2!.userId;
    await run((c) => acceptOffer({ ...c, offerId: offer2!.id, agentId: holder, agentName: 'X' }));
    const other = holder === alice ? bob : alice;
    const transfer = await run((c) =>
      transferConversation({
        ...c,
        conversationId: second.conversation.id,
        agentId: holder,
        agentName: 'X',
        target: { type: 'agent', agentId: other },
        comment: 'note',
      }),
    );
    const [offer3] = (await database.db.select().from(schema.offers)).filter((o) => o.status === 'pending');
    const acceptTransfer = await run((c) =>
      acceptOffer({ ...c, offerId: offer3!.id, agentId: other, agentName: 'Y' }),
    );

    const counts = {
      acceptNew: accept.calls.length,
      invite: invite.calls.length,
      acceptInvitation: join.calls.length,
      transferToAgent: transfer.calls.length,
      acceptTransfer: acceptTransfer.calls.length,
    };
    console.info(
      'statements per transaction (add BEGIN and COMMIT for round trips):',
      counts,
      transfer.calls,
    );
    expect(counts.acceptNew).toBeLessThanOrEqual(8);
    expect(counts.acceptTransfer).toBeLessThanOrEqual(10);
    expect(counts.acceptInvitation).toBeLessThanOrEqual(9);
    expect(counts.transferToAgent).toBeLessThanOrEqual(14);
    expect(counts.invite).toBeLessThanOrEqual(10);
  });

  it('of a customer message, and of a provider message that continues, starts or repeats', async () => {
    const { value: chat } = await run((c) =>
      startLiveChat({
        ...c,
        entryPointKey: 'website',
        customerName: 'M',
        customerEmail: null,
        firstMessage: 'hi',
        customerTokenHash: 'h3',
      }),
    );
    const customerMessage = await run((c) =>
      postCustomerMessage({
        ...c,
        conversationId: chat.conversation.id,
        body: 'again',
        clientMessageId: 'k1',
      }),
    );
    // A retry of the same clientMessageId is answered by the same statement.
    const retried = await run((c) =>
      postCustomerMessage({
        ...c,
        conversationId: chat.conversation.id,
        body: 'again',
        clientMessageId: 'k1',
      }),
    );
    expect(retried.value.id).toBe(customerMessage.value.id);

    const [queue] = await database.db.select().from(schema.queues);
    const [entryPoint] = await database.db
      .insert(schema.entryPoints)
      .values({
        key: 'round-trips-wa',
        name: 'WA',
        channel: 'whatsapp',
        queueId: queue!.id,
      })
      .returning();
    const inbound = (id: string, profileName: string | null = 'P') =>
      run((c) =>
        receiveProviderMessage({
          ...c,
          entryPointId: entryPoint!.id,
          message: {
            kind: 'message',
            providerMessageId: id,
            identity: '4917000000001',
            profileName,
            body: `text ${id}`,
            at: new Date(clock),
          },
        }),
      );
    const starts = await inbound('wamid.1');
    const continues = await inbound('wamid.2');
    const repeats = await inbound('wamid.2');
    expect(repeats.value.created).toBe(false);
    // A new profile name replaces the stored one; none given keeps it.
    const renamed = await inbound('wamid.3', 'Q');
    await inbound('wamid.4', null);
    expect(renamed.value.conversationId).toBe(starts.value.conversationId);
    const [contact] = await database.db.select().from(schema.contacts);
    expect(contact?.name).toBe('Q');

    const counts = {
      customerMessage: customerMessage.calls.length,
      providerStarts: starts.calls.length,
      providerContinues: continues.calls.length,
      providerRepeats: repeats.calls.length,
    };
    console.info(
      'statements per message (add BEGIN and COMMIT, and the fan-out read):',
      counts,
      continues.calls,
    );
    expect(customerMessage.calls).toEqual(['conversations.lock', 'messages.append']);
    expect(retried.calls).toEqual(['conversations.lock', 'messages.append']);
    expect(continues.calls).toEqual(['providerMessages.findWithSender', 'providerMessages.append']);
    expect(counts.providerRepeats).toBe(1);
    expect(counts.providerStarts).toBeLessThanOrEqual(6);
  });
});
