import { createHash, randomBytes } from 'node:crypto';
import { postCustomerMessage, startLiveChat } from '@switchboard/core';
import type { Database } from '@switchboard/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseRunner } from '../src/app/services';
import { openSeededStore } from './harness';

/**
 * A rolling upgrade on PostgreSQL: a new process migrates while an old one serves. A statement the
 * old process prepared before the migration and that returns a changed table fails once per
 * prepared copy ("cached plan must not change result type"); the customer's request must not.
 */
describe('a migration under a running process (postgres)', () => {
  let close: () => Promise<void>;
  let url: string;
  let database: Database;
  let run: UseCaseRunner;

  beforeAll(async () => {
    const opened = await openSeededStore('postgres');
    ({ database, run, close } = opened);
    url = opened.url!;
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  it('stores every customer message before and after a column is added to messages', async () => {
    const token = randomBytes(16).toString('hex');
    const { conversation } = await run(startLiveChat, {
      entryPointKey: 'website',
      customerName: 'Melissa',
      customerEmail: null,
      firstMessage: 'Hello',
      customerTokenHash: createHash('sha256').update(token).digest('hex'),
    });
    const send = (body: string) =>
      run(postCustomerMessage, { conversationId: conversation.id, body, clientMessageId: null });
    // Enough messages, one after another and side by side, that each pooled connection has
    // prepared the append, whose CTE returns the messages row whole.
    for (let i = 0; i < 3; i += 1) {
      await Promise.all(Array.from({ length: 5 }, (_, j) => send(`before ${i}.${j}`)));
    }
    // The new version migrates from another process.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('alter table messages add column upgraded_note text');
    await other.end();

    // One alone (its own transaction), then several at once (a commit group).
    expect((await send('after alone')).body).toBe('after alone');
    const after = await Promise.all(Array.from({ length: 10 }, (_, j) => send(`after ${j}`)));
    expect(after.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, j) => `after ${j}`));
    const stored = await database.db.execute<{ n: number }>(
      `select count(*)::int as n from messages where conversation_id = '${conversation.id}'`,
    );
    // The opening message, 15 before and 11 after: none lost, none twice.
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(27);
  });
});
