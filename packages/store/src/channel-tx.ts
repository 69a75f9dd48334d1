import type { TChannel } from '@switchboard/contracts';
import type {
  ClaimedSend,
  Contact,
  Conversation,
  DeliveryError,
  Narrowing,
  StoredMessage,
  Tx,
} from '@switchboard/core';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { builtSqlStatements, builtStatement } from './built-statements';
import type { Db } from './db';
import { fromDriverRow } from './message-statements';
import { contacts, conversations, entryPoints, messages, outbox } from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];
type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

/** Core's message, with the provider's fields only where a message has them. */
export const messageFromRow = (row: MessageRow): StoredMessage => ({
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
  audience: row.audience,
  ...(row.providerMessageId !== null || row.entryPointId !== null
    ? { entryPointId: row.entryPointId, providerMessageId: row.providerMessageId }
    : {}),
  ...(row.deliveryStatus !== null
    ? { deliveryStatus: row.deliveryStatus, deliveryError: row.deliveryError }
    : {}),
});

/** Core's conversation, for every port that returns one. */
export const conversationFromRow = (row: ConversationRow): Conversation => ({
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
  requestId: row.requestId,
  narrowing: narrowingFromRow(row),
});

/** A conversation's narrowing (transfer-conversation.ts) from its two columns. */
export const narrowingFromRow = ({
  routeTeamId,
  routeSkill,
}: Pick<ConversationRow, 'routeTeamId' | 'routeSkill'>): Narrowing | null =>
  routeTeamId !== null
    ? { type: 'team', teamId: routeTeamId }
    : routeSkill !== null
      ? { type: 'skill', skill: routeSkill }
      : null;

/** The columns a narrowing is stored in (both null: none). */
export const narrowingColumns = (narrowing: Narrowing | null) => ({
  routeTeamId: narrowing?.type === 'team' ? narrowing.teamId : null,
  routeSkill: narrowing?.type === 'skill' ? narrowing.skill : null,
});

const contactFromRow = (row: typeof contacts.$inferSelect): Contact => ({
  id: row.id,
  channel: row.channel,
  identity: row.identity,
  name: row.name,
});

const p = (name: string) => sql.placeholder(name);

// Every provider message runs these: built once (see built-statements.ts).
const entryPointById = builtStatement((db) =>
  db
    .select()
    .from(entryPoints)
    .where(eq(entryPoints.id, p('id'))),
);
const entryPointWithMessage = builtStatement((db) =>
  db
    .select({ entryPoint: entryPoints, message: messages })
    .from(entryPoints)
    .leftJoin(
      messages,
      and(eq(messages.entryPointId, entryPoints.id), eq(messages.providerMessageId, p('providerMessageId'))),
    )
    .where(eq(entryPoints.id, p('entryPointId'))),
);
const lockByProviderId = builtStatement((db) =>
  db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.entryPointId, p('entryPointId')),
        eq(messages.providerMessageId, p('providerMessageId')),
      ),
    )
    .for('no key update'),
);
const upsertContact = builtStatement((db) =>
  db
    .insert(contacts)
    .values({ channel: p('channel'), identity: p('identity'), name: p('name'), createdAt: p('at') })
    .onConflictDoUpdate({
      target: [contacts.channel, contacts.identity],
      set: { name: sql`coalesce(excluded.name, ${contacts.name})` },
    })
    .returning(),
);
const lockOpenConversation = builtStatement((db) =>
  db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.entryPointId, p('entryPointId')),
        eq(conversations.contactId, p('contactId')),
        ne(conversations.status, 'ended'),
        isNotNull(conversations.contactId),
      ),
    )
    .orderBy(desc(conversations.arrivedAt))
    .limit(1)
    .for('no key update'),
);

const conversationFromDriverRow = fromDriverRow(conversations);

/**
 * The contact (created, or its name replaced by a new one given; an unchanged contact is not
 * written) and its open conversation on the entry point, locked, in one statement. When the
 * insert meets an existing contact it does not change, the contact is read from the table.
 */
const upsertContactWithOpen = builtSqlStatements<
  'only',
  Record<string, unknown> & {
    k_id: string;
    k_channel: TChannel;
    k_identity: string;
    k_name: string | null;
    id: string | null;
  }
>(
  () => sql`
    with up as (
      insert into ${contacts} (channel, identity, name, created_at)
      values (${p('channel')}::text, ${p('identity')}::text, ${p('name')}::text, ${p('at')}::timestamptz)
      on conflict (channel, identity) do update set name = excluded.name
        where excluded.name is not null and ${contacts}.name is distinct from excluded.name
      returning id, channel, identity, name
    ),
    k as (
      select id, channel, identity, name from up
      union all
      select id, channel, identity, name from ${contacts}
      where channel = ${p('channel')}::text and identity = ${p('identity')}::text
        and not exists (select 1 from up)
    )
    select k.id as k_id, k.channel as k_channel, k.identity as k_identity, k.name as k_name, c.*
    from k left join lateral (
      select * from ${conversations}
      where entry_point_id = ${p('entryPointId')}::uuid and contact_id = k.id and status <> 'ended'
      order by arrived_at desc limit 1
      for no key update
    ) c on true`,
);

/** core's ports for the provider channels (contacts, provider messages, the outbox) on one transaction. */
export const createChannelTx = (
  db: DbTx,
): Pick<Tx, 'contacts' | 'providerConversations' | 'providerMessages' | 'outbox'> & {
  entryPointById: Tx['entryPoints']['get'];
  entryPointTemplates: Tx['entryPoints']['templates'];
} => ({
  entryPointById: async (id) => {
    const [row] = await entryPointById(db, { id });
    return row ?? null;
  },
  entryPointTemplates: async (id) => {
    const [row] = await db
      .select({ templates: entryPoints.templates })
      .from(entryPoints)
      .where(eq(entryPoints.id, id));
    return row?.templates ?? [];
  },
  contacts: {
    upsertWithOpen: async ({ channel, identity, name, at, entryPointId }) => {
      const [row] = await upsertContactWithOpen(db, 'only', {
        channel,
        identity,
        name,
        at: at.toISOString(),
        entryPointId,
      });
      if (row) {
        return {
          contact: { id: row.k_id, channel: row.k_channel, identity: row.k_identity, name: row.k_name },
          open: row.id === null ? null : conversationFromRow(conversationFromDriverRow(row)),
        };
      }
      // PostgreSQL, another transaction inserting the contact as this statement began: the
      // statement locked its row but could not read it. Two statements read it now.
      const [contact] = await upsertContact(db, { channel, identity, name, at });
      const [open] = await lockOpenConversation(db, { entryPointId, contactId: contact!.id });
      return { contact: contactFromRow(contact!), open: open ? conversationFromRow(open) : null };
    },
    nameIfUnnamed: async ({ id, name }) => {
      const [row] = await db
        .update(contacts)
        .set({ name })
        .where(and(eq(contacts.id, id), isNull(contacts.name)))
        .returning();
      return row ? contactFromRow(row) : null;
    },
  },
  providerConversations: {
    get: async (conversationId) => {
      const [row] = await db
        .select({ c: conversations, k: contacts })
        .from(conversations)
        .innerJoin(contacts, eq(contacts.id, conversations.contactId))
        .where(eq(conversations.id, conversationId));
      return row
        ? {
            conversation: conversationFromRow(row.c),
            contact: contactFromRow(row.k),
            lastCustomerMessageAt: row.c.lastCustomerMessageAt,
          }
        : null;
    },
    renameCustomer: async ({ contactId, from, to }) => {
      const renamed = await db
        .update(conversations)
        .set({ customerName: to })
        .where(and(eq(conversations.contactId, contactId), eq(conversations.customerName, from)))
        .returning({ id: conversations.id });
      const ids = renamed.map((r) => r.id);
      if (ids.length > 0) {
        await db
          .update(messages)
          .set({ authorName: to })
          .where(
            and(
              inArray(messages.conversationId, ids),
              eq(messages.author, 'customer'),
              eq(messages.authorName, from),
            ),
          );
      }
      return ids;
    },
  },
  providerMessages: {
    findWithEntryPoint: async ({ entryPointId, providerMessageId }) => {
      const [row] = await entryPointWithMessage(db, { entryPointId, providerMessageId });
      return {
        entryPoint: row?.entryPoint ?? null,
        known: row?.message ? messageFromRow(row.message) : null,
      };
    },
    lockByProviderId: async ({ entryPointId, providerMessageId }) => {
      const [row] = await lockByProviderId(db, { entryPointId, providerMessageId });
      return row ? messageFromRow(row) : null;
    },
    lockSentTo: async ({ entryPointId, identity, upTo }) => {
      const rows = await db
        .select({ m: messages })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .innerJoin(contacts, eq(contacts.id, conversations.contactId))
        .where(
          and(
            eq(messages.entryPointId, entryPointId),
            eq(contacts.identity, identity),
            eq(messages.author, 'agent'),
            // Only what the provider has taken: a message still in the outbox was not delivered.
            isNotNull(messages.providerMessageId),
            inArray(messages.deliveryStatus, ['sent', 'delivered']),
            lte(messages.createdAt, upTo),
          ),
        )
        .orderBy(asc(messages.createdAt))
        .for('no key update', { of: messages });
      return rows.map((r) => messageFromRow(r.m));
    },
    setDelivery: async ({ id, status, error, providerMessageId }) => {
      await db
        .update(messages)
        .set({
          deliveryStatus: status,
          deliveryError: error,
          ...(providerMessageId === undefined ? {} : { providerMessageId }),
        })
        .where(eq(messages.id, id));
    },
  },
  outbox: {
    enqueue: async ({ messageId, entryPointId, conversationId, seq, template, dueAt, at }) => {
      await db
        .insert(outbox)
        .values({
          messageId,
          entryPointId,
          conversationId,
          seq,
          template: template ?? null,
          dueAt,
          createdAt: at,
        })
        .onConflictDoUpdate({
          target: outbox.messageId,
          // A Retry sends what failed: a template stays one.
          set: {
            dueAt,
            attempts: 0,
            lastError: null,
            failedAt: null,
            template: sql`coalesce(excluded.template, ${outbox.template})`,
          },
        });
    },
    claimDue: async ({ now, leaseUntil, limit }): Promise<ClaimedSend[]> => {
      // Heads: due jobs with no earlier job of their conversation (waiting, leased or in flight).
      const heads = await db
        .select({ conversationId: outbox.conversationId })
        .from(outbox)
        .where(
          and(
            lte(outbox.dueAt, now),
            isNull(outbox.failedAt),
            sql`not exists (select 1 from ${outbox} e where e.conversation_id = ${outbox.conversationId} and e.seq < ${outbox.seq} and e.failed_at is null)`,
          ),
        )
        .orderBy(asc(outbox.dueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      // With each head, its conversation's later due jobs: no one else can take them (their head
      // exists), and they go out after it, in order.
      const due = heads.length
        ? await db
            .select({ id: outbox.id })
            .from(outbox)
            .where(
              and(
                lte(outbox.dueAt, now),
                isNull(outbox.failedAt),
                inArray(
                  outbox.conversationId,
                  heads.map((h) => h.conversationId),
                ),
              ),
            )
            .orderBy(asc(outbox.conversationId), asc(outbox.seq))
            .limit(limit)
            .for('update', { skipLocked: true })
        : [];
      if (due.length === 0) {
        return [];
      }
      const jobs = await db
        .update(outbox)
        .set({ dueAt: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
        .where(
          inArray(
            outbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
      const rows = await db
        .select({ m: messages, c: conversations, k: contacts })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .innerJoin(contacts, eq(contacts.id, conversations.contactId))
        .where(
          inArray(
            messages.id,
            jobs.map((j) => j.messageId),
          ),
        );
      const byMessage = new Map(rows.map((r) => [r.m.id, r]));
      const claimed: ClaimedSend[] = [];
      for (const job of jobs) {
        const row = byMessage.get(job.messageId);
        if (!row) {
          // Nothing to send to (the conversation has no contact): the job is dropped.
          await db.delete(outbox).where(eq(outbox.id, job.id));
          continue;
        }
        claimed.push({
          jobId: job.id,
          attempts: job.attempts,
          message: messageFromRow(row.m),
          entryPointId: job.entryPointId,
          channel: row.c.channel,
          to: row.k.identity,
          lastCustomerMessageAt: row.c.lastCustomerMessageAt,
          template: job.template ?? null,
        });
      }
      // In the order written: a conversation's replies go out as the agent sent them.
      return claimed.sort((a, b) => a.message.seq - b.message.seq);
    },
    release: async ({ jobIds, dueAt }) => {
      if (jobIds.length > 0) {
        await db.update(outbox).set({ dueAt }).where(inArray(outbox.id, jobIds));
      }
    },
    reschedule: async ({
      jobId,
      dueAt,
      lastError,
    }: {
      jobId: string;
      dueAt: Date;
      lastError: DeliveryError;
    }) => {
      await db.update(outbox).set({ dueAt, lastError }).where(eq(outbox.id, jobId));
    },
    markFailed: async ({ jobId, lastError, at }) => {
      await db.update(outbox).set({ failedAt: at, lastError }).where(eq(outbox.id, jobId));
    },
    remove: async (jobId) => {
      await db.delete(outbox).where(eq(outbox.id, jobId));
    },
    nextDueAt: async () => {
      const [row] = await db
        .select({ dueAt: outbox.dueAt })
        .from(outbox)
        .where(isNull(outbox.failedAt))
        .orderBy(asc(outbox.dueAt))
        .limit(1);
      return row?.dueAt ?? null;
    },
  },
});
