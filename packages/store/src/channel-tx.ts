import { randomUUID } from 'node:crypto';
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
  ...(row.attachments?.length ? { attachments: row.attachments } : {}),
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

/** A timestamp as the driver gives it (text) or a Date. */
const driverDate = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : (entryPoints.deletedAt.mapFromDriverValue(value as string) as Date);

/**
 * Every provider message's one statement before its append: the entry point, the message of this
 * provider id if stored, and (only when the entry point exists and the message is new) the contact
 * with its open conversation on the entry point, locked. Only the columns core reads: PGlite's
 * answer costs per column.
 *
 * The contact is written only when it is new or a new name is given (`up`); an unchanged one is
 * read (`k`), neither locked nor rewritten. On PostgreSQL, a contact another transaction inserted
 * after this statement's snapshot is locked by the insert's conflict but cannot be read here:
 * `k_id` is then null, and two statements read it (see findWithSender).
 *
 * The conversation is locked so that no other transaction ends it before the append; on PGlite,
 * which runs one transaction at a time, none can, and the lock (a WAL record on every message) is
 * left out.
 */
const findWithSender = builtSqlStatements<
  'locked' | 'unlocked',
  {
    e_id: string | null;
    e_channel: TChannel;
    e_queue_id: string;
    e_deleted_at: unknown;
    m_id: string | null;
    m_conversation_id: string;
    k_id: string | null;
    k_channel: TChannel;
    k_identity: string;
    k_name: string | null;
    c_id: string | null;
    c_status: Conversation['status'];
  }
>(
  (lock) => sql`
    with ep as (
      select id, channel, queue_id, deleted_at from ${entryPoints} where id = ${p('entryPointId')}::uuid
    ),
    known as (
      select id, conversation_id from ${messages}
      where entry_point_id = ${p('entryPointId')}::uuid and provider_message_id = ${p('providerMessageId')}::text
    ),
    wanted as (
      select channel from ep where not exists (select 1 from known)
    ),
    up as (
      insert into ${contacts} (channel, identity, name, created_at)
      select wanted.channel, ${p('identity')}::text, ${p('name')}::text, ${p('at')}::timestamptz from wanted
      where not exists (
        select 1 from ${contacts} s
        where s.channel = wanted.channel and s.identity = ${p('identity')}::text
          and (${p('name')}::text is null or s.name = ${p('name')}::text)
      )
      on conflict (channel, identity) do update set name = excluded.name
        where excluded.name is not null and ${contacts}.name is distinct from excluded.name
      returning id, channel, identity, name
    ),
    k as (
      select id, channel, identity, name from up
      union all
      select s.id, s.channel, s.identity, s.name from ${contacts} s, wanted
      where s.channel = wanted.channel and s.identity = ${p('identity')}::text
        and not exists (select 1 from up)
    )
    select ep.id as e_id, ep.channel as e_channel, ep.queue_id as e_queue_id, ep.deleted_at as e_deleted_at,
      known.id as m_id, known.conversation_id as m_conversation_id,
      k.id as k_id, k.channel as k_channel, k.identity as k_identity, k.name as k_name,
      c.id as c_id, c.status as c_status
    from ep
    left join known on true
    left join k on true
    left join lateral (
      select id, status from ${conversations}
      where entry_point_id = ep.id and contact_id = k.id and status <> 'ended'
      order by arrived_at desc limit 1
      ${lock === 'locked' ? sql`for no key update` : sql``}
    ) c on true`,
);

/**
 * A provider message appended (see core's providerMessages.append): the conversation's counter
 * gives the next seq (its row lock keeps seqs gap-free and in order) and the row is written, in
 * one statement. Unlike appendMessage there is no clientMessageId to look up (the provider id's
 * unique index stores it once), and only the id and seq come back: PGlite's answer costs per
 * column.
 */
const appendProviderMessage = builtSqlStatements<'only', { id: string; seq: number }>(
  () => sql`
    with next as (
      update ${conversations} set last_seq = last_seq + 1,
        last_customer_message_at = coalesce(${p('customerWroteAt')}::timestamptz, last_customer_message_at)
      where id = ${p('conversationId')}::uuid
      returning last_seq
    )
    insert into ${messages} (id, conversation_id, seq, author, author_user_id, author_name, body,
      system_event, client_message_id, created_at, entry_point_id, provider_message_id,
      delivery_status, delivery_error, audience)
    select ${p('id')}::uuid, ${p('conversationId')}::uuid, next.last_seq, ${p('author')}::text,
      ${p('authorUserId')}::uuid, ${p('authorName')}::text, ${p('body')}::text, ${p('systemEvent')}::text,
      null, ${p('createdAt')}::timestamptz, ${p('entryPointId')}::uuid, ${p('providerMessageId')}::text,
      ${p('deliveryStatus')}::text, null, ${p('audience')}::text
    from next
    returning id, seq`,
);

/** core's ports for the provider channels (contacts, provider messages, the outbox) on one transaction. */
export const createChannelTx = (
  db: DbTx,
  { oneConnection = false }: { oneConnection?: boolean } = {},
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
    findWithSender: async ({ entryPointId, providerMessageId, identity, name, at }) => {
      const [row] = await findWithSender(db, oneConnection ? 'unlocked' : 'locked', {
        entryPointId,
        providerMessageId,
        identity,
        name,
        at: at.toISOString(),
      });
      if (!row || row.e_id === null) {
        return { entryPoint: null, known: null, contact: null, open: null };
      }
      const entryPoint = {
        id: row.e_id,
        channel: row.e_channel,
        queueId: row.e_queue_id,
        deletedAt: driverDate(row.e_deleted_at),
      };
      if (row.m_id !== null) {
        return {
          entryPoint,
          known: { id: row.m_id, conversationId: row.m_conversation_id },
          contact: null,
          open: null,
        };
      }
      if (row.k_id !== null) {
        return {
          entryPoint,
          known: null,
          contact: { id: row.k_id, channel: row.k_channel, identity: row.k_identity, name: row.k_name },
          open: row.c_id === null ? null : { id: row.c_id, status: row.c_status },
        };
      }
      // PostgreSQL, another transaction inserting the contact as this statement began: the
      // statement locked its row but could not read it. Two statements read it now.
      const [contact] = await upsertContact(db, { channel: entryPoint.channel, identity, name, at });
      const [open] = await lockOpenConversation(db, { entryPointId, contactId: contact!.id });
      return {
        entryPoint,
        known: null,
        contact: contactFromRow(contact!),
        open: open ? { id: open.id, status: open.status } : null,
      };
    },
    append: async (input) => {
      if (input.clientMessageId !== null || !input.entryPointId || !input.providerMessageId) {
        throw new Error('providerMessages.append takes a provider id and no clientMessageId');
      }
      const [row] = await appendProviderMessage(db, 'only', {
        id: randomUUID(),
        conversationId: input.conversationId,
        author: input.author,
        authorUserId: input.authorUserId,
        authorName: input.authorName,
        body: input.body,
        systemEvent: input.systemEvent,
        createdAt: input.createdAt.toISOString(),
        entryPointId: input.entryPointId,
        providerMessageId: input.providerMessageId,
        deliveryStatus: input.deliveryStatus ?? null,
        audience: input.audience ?? 'all',
        customerWroteAt: input.customerWroteAt?.toISOString() ?? null,
      });
      if (!row) {
        throw new Error(`conversation ${input.conversationId} vanished inside its own transaction`);
      }
      return { id: row.id, seq: Number(row.seq) };
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
    claimDue: async ({ now, leaseUntil, conversations: most, perConversation }): Promise<ClaimedSend[]> => {
      // Heads: due jobs with no earlier job of their conversation (waiting, leased or in flight),
      // one per conversation, locked so that no other sender claims that conversation meanwhile.
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
        .limit(most)
        .for('update', { skipLocked: true });
      if (heads.length === 0) {
        return [];
      }
      // Each head's conversation's first due jobs, leased in the same statement: no one else can
      // take them (their head exists), and they go out after it, in order. Whole conversations
      // are claimed, so that a claim's conversations are sent side by side.
      const jobs = await db
        .update(outbox)
        .set({ dueAt: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
        .where(
          sql`${outbox.id} in (select j.id from (values ${sql.join(
            heads.map((h) => sql`(${h.conversationId}::uuid)`),
            sql`, `,
          )}) as h(conversation_id) cross join lateral (
            select o.id from ${outbox} o
            where o.conversation_id = h.conversation_id and o.due_at <= ${now.toISOString()}::timestamptz and o.failed_at is null
            order by o.seq limit ${perConversation}) j)`,
        )
        .returning();
      if (jobs.length === 0) {
        return [];
      }
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
