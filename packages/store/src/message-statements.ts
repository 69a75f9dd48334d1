import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { builtSqlStatements, builtStatement } from './built-statements';
import { conversations, messages } from './schema';

/**
 * The statements every message runs (a customer's, an agent's, a provider's), built once (see
 * built-statements.ts): drizzle building their text on every run was a sixth of the database
 * thread's time under load.
 */

const p = (name: string) => sql.placeholder(name);

/** A row as the driver gives it (column names, timestamps as text) in the table's own types. */
export const fromDriverRow = <T extends PgTable>(table: T) => {
  const columns = Object.entries(getTableColumns(table));
  return (raw: Record<string, unknown>): T['$inferSelect'] =>
    Object.fromEntries(
      columns.map(([key, column]) => {
        const value = raw[column.name];
        return [
          key,
          value === null || value === undefined || value instanceof Date
            ? value
            : column.mapFromDriverValue(value),
        ];
      }),
    ) as T['$inferSelect'];
};

export const messageFromDriverRow = fromDriverRow(messages);

export const lockConversation = builtStatement((db) =>
  db
    .select()
    .from(conversations)
    .where(sql`${conversations.id} = ${p('id')}`)
    .for('no key update'),
);

/**
 * Row locks on several conversations, taken in the order of their ids: transactions that each take
 * theirs this way can wait for one another but never deadlock (see pg-group-commit.ts). Answers
 * the rows as the driver gives them (conversationFromDriverRow reads one).
 */
export const lockConversationsInOrder = builtSqlStatements<'only', Record<string, unknown>>(
  () => sql`
    select * from ${conversations} where id = any(${p('ids')}::uuid[])
    order by id for no key update`,
);

export const conversationFromDriverRow = fromDriverRow(conversations);

/**
 * A message appended in one statement: a repeated (conversation, author, clientMessageId) answers
 * the stored message (`created` false) and changes nothing; otherwise the conversation's counter
 * gives the next seq (its row lock keeps seqs gap-free and in order) and the row is written. With
 * `customerWroteAt`, the same update records when the customer last wrote (the 24-hour windows).
 * The new row's id is given (Node's randomUUID): PGlite's gen_random_uuid() opens, reads and
 * closes /dev/urandom on every call, 3% of its thread's time under load.
 */
export const appendMessage = builtSqlStatements<'only', Record<string, unknown> & { created: boolean }>(
  () => sql`
    with existing as (
      select * from ${messages}
      where ${p('clientMessageId')}::text is not null and conversation_id = ${p('conversationId')}::uuid
        and author = ${p('author')}::text and client_message_id = ${p('clientMessageId')}::text
    ),
    next as (
      update ${conversations} set last_seq = last_seq + 1,
        last_customer_message_at = coalesce(${p('customerWroteAt')}::timestamptz, last_customer_message_at)
      where id = ${p('conversationId')}::uuid and not exists (select 1 from existing)
      returning last_seq
    ),
    made as (
      insert into ${messages} (id, conversation_id, seq, author, author_user_id, author_name, body,
        system_event, client_message_id, created_at, entry_point_id, provider_message_id,
        delivery_status, delivery_error, audience)
      select ${p('id')}::uuid, ${p('conversationId')}::uuid, next.last_seq, ${p('author')}::text,
        ${p('authorUserId')}::uuid, ${p('authorName')}::text, ${p('body')}::text, ${p('systemEvent')}::text,
        ${p('clientMessageId')}::text, ${p('createdAt')}::timestamptz, ${p('entryPointId')}::uuid,
        ${p('providerMessageId')}::text, ${p('deliveryStatus')}::text, null, ${p('audience')}::text
      from next
      returning *
    )
    select true as created, made.* from made
    union all
    select false as created, existing.* from existing`,
);
