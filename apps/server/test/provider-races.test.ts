import type { InboundEvent } from '@switchboard/core';
import { type Database, schema } from '@switchboard/store';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookIntake } from '../src/app/webhook-intake';
import { BACKENDS, openSeededStore } from './harness';

/**
 * Provider messages arriving at once, through the webhook intake as the routes call it: copies of
 * one delivery are stored once, and a new customer's first messages sent together make one contact
 * and one conversation whose seqs have no gap. On PostgreSQL these transactions run side by side
 * (the contact's insert, its conflict, the open conversation's lock); on PGlite one at a time, in
 * commit groups.
 */
describe.each(BACKENDS)('provider messages arriving at once (%s)', (backend) => {
  let close: () => Promise<void>;
  let database: Database;
  let entryPointId: string;
  let take: ReturnType<typeof createWebhookIntake>['take'];

  beforeAll(async () => {
    const opened = await openSeededStore(backend, { entryPoint: { key: 'races', channel: 'whatsapp' } });
    ({ database, entryPointId, close } = opened);
    take = createWebhookIntake({ run: opened.run }).take;
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  const message = (identity: string, providerMessageId: string, body: string): InboundEvent => ({
    kind: 'message',
    identity,
    providerMessageId,
    profileName: 'Race',
    body,
    at: new Date(),
  });

  it('stores copies of one delivery once, and a new customer makes one contact and one conversation', async () => {
    const copies = Array.from({ length: 20 }, () =>
      take(entryPointId, [message('4917000000001', 'wamid.copy', 'once')]),
    );
    const firsts = Array.from({ length: 20 }, (_, i) =>
      take(entryPointId, [message('4917000000002', `wamid.first.${i}`, `m${i}`)]),
    );
    const counts = await Promise.all([...copies, ...firsts]);
    expect(counts.slice(0, 20).reduce((n, c) => n + c.stored, 0)).toBe(1);
    expect(counts.slice(20).every((c) => c.stored === 1)).toBe(true);

    const stored = await database.db
      .select({ id: schema.messages.id })
      .from(schema.messages)
      .where(eq(schema.messages.providerMessageId, 'wamid.copy'));
    expect(stored).toHaveLength(1);
    for (const identity of ['4917000000001', '4917000000002']) {
      const contacts = await database.db
        .select()
        .from(schema.contacts)
        .where(eq(schema.contacts.identity, identity));
      expect(contacts).toHaveLength(1);
      const conversations = await database.db
        .select({ id: schema.conversations.id })
        .from(schema.conversations)
        .where(eq(schema.conversations.contactId, contacts[0]!.id));
      expect(conversations).toHaveLength(1);
      const { rows } = (await database.db.execute(
        sql`select seq from messages where conversation_id = ${conversations[0]!.id} order by seq`,
      )) as unknown as { rows: { seq: number }[] };
      const expected = identity === '4917000000001' ? 1 : 20;
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    }
  });
});
