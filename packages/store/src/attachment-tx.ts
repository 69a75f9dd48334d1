import type { ClaimedAttachment, MessageAttachment, Tx } from '@switchboard/core';
import { and, asc, eq, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';
import { attachments, messages } from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];
type AttachmentRow = typeof attachments.$inferSelect;

/** The desktop's copy of a row: everything but its bytes and where the provider keeps it. */
const summaryOf = (row: Omit<AttachmentRow, 'content'>): MessageAttachment => ({
  id: row.id,
  kind: row.kind,
  contentType: row.contentType,
  name: row.name,
  size: row.size,
  status: row.status,
  error: row.error ?? null,
});

/** Every column but the bytes: summaries and claims never carry a file around. */
const withoutContent = {
  id: attachments.id,
  messageId: attachments.messageId,
  conversationId: attachments.conversationId,
  entryPointId: attachments.entryPointId,
  position: attachments.position,
  kind: attachments.kind,
  source: attachments.source,
  contentType: attachments.contentType,
  name: attachments.name,
  status: attachments.status,
  size: attachments.size,
  error: attachments.error,
  attempts: attachments.attempts,
  dueAt: attachments.dueAt,
  createdAt: attachments.createdAt,
};

/** core's attachments port on one transaction. */
export const createAttachmentTx = (db: Db | DbTx): Pick<Tx, 'attachments'> => {
  /** The message's copy of its rows, written again from them. */
  const resummarize = async (messageId: string) => {
    const rows = await db
      .select(withoutContent)
      .from(attachments)
      .where(eq(attachments.messageId, messageId))
      .orderBy(asc(attachments.position));
    await db
      .update(messages)
      .set({ attachments: rows.map(summaryOf) })
      .where(eq(messages.id, messageId));
  };
  return {
    attachments: {
      add: async ({ messageId, conversationId, entryPointId, attachments: files, at }) => {
        await db.insert(attachments).values(
          files.map((file, position) => ({
            messageId,
            conversationId,
            entryPointId,
            position,
            kind: file.kind,
            source: file.source,
            contentType: file.contentType,
            name: file.name,
            createdAt: at,
            ...(file.content
              ? {
                  status: 'ready' as const,
                  content: file.content,
                  size: file.content.byteLength,
                  dueAt: null,
                }
              : file.refused
                ? { status: 'failed' as const, error: file.refused, dueAt: null }
                : { status: 'pending' as const, dueAt: at }),
          })),
        );
        await resummarize(messageId);
      },
      claimDue: async ({ now, leaseUntil, limit, messageId }): Promise<ClaimedAttachment[]> => {
        const due = await db
          .select({ id: attachments.id })
          .from(attachments)
          .where(
            and(
              eq(attachments.status, 'pending'),
              lte(attachments.dueAt, now),
              messageId ? eq(attachments.messageId, messageId) : undefined,
            ),
          )
          .orderBy(asc(attachments.dueAt))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) {
          return [];
        }
        const rows = await db
          .update(attachments)
          .set({ dueAt: leaseUntil, attempts: sql`${attachments.attempts} + 1` })
          .where(
            sql`${attachments.id} in (${sql.join(
              due.map((d) => sql`${d.id}::uuid`),
              sql`, `,
            )})`,
          )
          .returning(withoutContent);
        return rows.map((row) => ({
          id: row.id,
          messageId: row.messageId,
          conversationId: row.conversationId,
          entryPointId: row.entryPointId,
          kind: row.kind,
          source: row.source,
          contentType: row.contentType,
          attempts: row.attempts,
        }));
      },
      usage: async ({ conversationId, author }) => {
        const [row] = await db
          .select({
            files: sql<number>`count(*)::int`,
            bytes: sql<number>`coalesce(sum(${attachments.size}), 0)::bigint`,
          })
          .from(attachments)
          .innerJoin(messages, eq(messages.id, attachments.messageId))
          .where(and(eq(attachments.conversationId, conversationId), eq(messages.author, author)));
        return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) };
      },
      expire: async ({ arrivedBefore, limit }) => {
        const due = await db
          .select({ id: attachments.id })
          .from(attachments)
          .where(and(eq(attachments.status, 'ready'), lt(attachments.createdAt, arrivedBefore)))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) {
          return 0;
        }
        const rows = await db
          .update(attachments)
          .set({ status: 'expired', content: null })
          .where(
            inArray(
              attachments.id,
              due.map((d) => d.id),
            ),
          )
          .returning({ messageId: attachments.messageId });
        for (const messageId of new Set(rows.map((r) => r.messageId))) {
          await resummarize(messageId);
        }
        return rows.length;
      },
      settle: async ({ id, status, dueAt, contentType, content, error }) => {
        const [row] = await db
          .update(attachments)
          .set({
            status,
            dueAt,
            error,
            ...(content ? { content, size: content.byteLength, contentType } : {}),
          })
          .where(eq(attachments.id, id))
          .returning({ messageId: attachments.messageId, conversationId: attachments.conversationId });
        if (!row) {
          return null;
        }
        if (status !== 'pending') {
          await resummarize(row.messageId);
        }
        return row;
      },
    },
  };
};

/** A kept file's bytes, with what serving it needs. */
export interface KeptFile {
  contentType: string | null;
  name: string | null;
  kind: AttachmentRow['kind'];
  content: Uint8Array;
}

/** The kept file of this id that also meets `where` (its conversation, its author), or null. */
const readKept = async (db: Db, attachmentId: string, where: SQL): Promise<KeptFile | null> => {
  const [row] = await db
    .select({
      contentType: attachments.contentType,
      name: attachments.name,
      kind: attachments.kind,
      content: attachments.content,
    })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.status, 'ready'), where));
  return row?.content
    ? { contentType: row.contentType, name: row.name, kind: row.kind, content: row.content }
    : null;
};

/** A kept file's bytes for a desktop or the chat's customer, if it belongs to that conversation. */
export const readAttachment = (
  db: Db,
  { conversationId, attachmentId }: { conversationId: string; attachmentId: string },
): Promise<KeptFile | null> => readKept(db, attachmentId, eq(attachments.conversationId, conversationId));

/**
 * A kept file an agent sent, by its id alone: what a provider fetches through a signed link (no
 * conversation is named there). Customers' files are never served this way.
 */
export const readSentAttachment = (db: Db, attachmentId: string): Promise<KeptFile | null> =>
  readKept(db, attachmentId, eq(messages.author, 'agent'));
