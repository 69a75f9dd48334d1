import { claimDueSends, type InboundEvent } from '@switchboard/core';
import { type Database, type Store, schema } from '@switchboard/store';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookIntake } from '../src/app/webhook-intake';
import { BACKENDS, openSeededStore } from './harness';

/**
 * What a sender claims from the outbox when replies have piled up (a provider back after an
 * outage, a burst of replies): whole conversations, each one's replies in the order written, so
 * that one customer's backlog never holds back the others' and two senders never take one
 * conversation's replies side by side.
 */
describe.each(BACKENDS)('outbox claims (%s)', (backend) => {
  let close: () => Promise<void>;
  let database: Database;
  let store: Store;
  const conversationIds: string[] = [];
  const claim = async (conversations: number, perConversation: number) =>
    (await store.transact(claimDueSends, { conversations, perConversation }, new Date())).value;

  beforeAll(async () => {
    const opened = await openSeededStore(backend, { entryPoint: { key: 'claims', channel: 'whatsapp' } });
    ({ database, store, close } = opened);
    const entry = { id: opened.entryPointId };
    const { take } = createWebhookIntake({ run: opened.run });
    // Three customers; the agent has written 5 replies to the first, 2 to each of the others.
    for (const [i, replies] of [5, 2, 2].entries()) {
      const event: InboundEvent = {
        kind: 'message',
        identity: `491700000010${i}`,
        providerMessageId: `wamid.claims.${i}`,
        profileName: `Customer ${i}`,
        body: 'Hallo',
        at: new Date(),
      };
      await take(entry.id, [event]);
      const [conversation] = await database.db
        .select({ id: schema.conversations.id })
        .from(schema.conversations)
        .innerJoin(schema.contacts, eq(schema.contacts.id, schema.conversations.contactId))
        .where(eq(schema.contacts.identity, event.identity));
      conversationIds.push(conversation!.id);
      for (let seq = 2; seq < 2 + replies; seq++) {
        const [message] = await database.db
          .insert(schema.messages)
          .values({
            conversationId: conversation!.id,
            seq,
            author: 'agent',
            authorName: 'Alice',
            body: `reply ${seq}`,
            createdAt: new Date(),
            entryPointId: entry.id,
            deliveryStatus: 'sending',
          })
          .returning();
        await database.db.insert(schema.outbox).values({
          messageId: message!.id,
          entryPointId: entry.id,
          conversationId: conversation!.id,
          seq,
          dueAt: new Date(Date.now() - 60_000 + i * 1000 + seq),
          createdAt: new Date(),
        });
      }
    }
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  it("claims whole conversations, each one's replies in order and up to its cap, and none twice", async () => {
    const first = await claim(2, 3);
    // The two oldest conversations, side by side: three of the first one's five replies, both of
    // the second's, in the order written.
    const byConversation = (jobs: typeof first) =>
      Object.fromEntries(
        conversationIds.map((id) => [
          id,
          jobs.filter((j) => j.message.conversationId === id).map((j) => j.message.seq),
        ]),
      );
    expect(byConversation(first)).toEqual({
      [conversationIds[0]!]: [2, 3, 4],
      [conversationIds[1]!]: [2, 3],
      [conversationIds[2]!]: [],
    });
    expect(first.every((j) => j.channel === 'whatsapp' && j.to.startsWith('49170000001'))).toBe(true);

    // Another sender meanwhile: only the third conversation is free. The first one's last two
    // replies wait behind its three in flight.
    const second = await claim(5, 10);
    expect(byConversation(second)).toEqual({
      [conversationIds[0]!]: [],
      [conversationIds[1]!]: [],
      [conversationIds[2]!]: [2, 3],
    });
    expect(await claim(5, 10)).toEqual([]);

    // The first conversation's three are sent: its last two can go.
    for (const job of first.filter((j) => j.message.conversationId === conversationIds[0])) {
      await database.db.delete(schema.outbox).where(eq(schema.outbox.id, job.jobId));
    }
    const third = await claim(5, 10);
    expect(byConversation(third)).toEqual({
      [conversationIds[0]!]: [5, 6],
      [conversationIds[1]!]: [],
      [conversationIds[2]!]: [],
    });
  });
});
