import type { Tx } from '@switchboard/core';
import { and, asc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from './db';
import { attachments, conversations, entryPoints, messages, participants, routingRequests } from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** core's redaction port on one transaction: the stored text of ended conversations. */
export const createRedactionTx = (db: Db | DbTx): Pick<Tx, 'redaction'> => ({
  redaction: {
    claimEnded: async ({ endedBefore, limit }) => {
      // conversations_redactable_idx: the oldest ends first, only those not redacted yet.
      const rows = await db
        .select({ id: conversations.id, region: entryPoints.region })
        .from(conversations)
        .innerJoin(entryPoints, eq(entryPoints.id, conversations.entryPointId))
        .where(
          and(
            isNotNull(conversations.endedAt),
            isNull(conversations.redactedAt),
            lt(conversations.endedAt, endedBefore),
          ),
        )
        .orderBy(asc(conversations.endedAt))
        .limit(limit)
        .for('no key update', { of: conversations, skipLocked: true });
      return rows.map((r) => ({ id: r.id, region: r.region ?? null }));
    },
    messagesOf: async (conversationId) =>
      db
        .select({ id: messages.id, body: messages.body, attachments: messages.attachments })
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(asc(messages.seq)),
    setMessage: async ({ id, body, attachments: summary }) => {
      await db.update(messages).set({ body, attachments: summary }).where(eq(messages.id, id));
    },
    fileNamesOf: async (conversationId) => {
      const rows = await db
        .select({ id: attachments.id, name: attachments.name })
        .from(attachments)
        .where(and(eq(attachments.conversationId, conversationId), isNotNull(attachments.name)));
      return rows.map((r) => ({ id: r.id, name: r.name! }));
    },
    setFileName: async ({ id, name }) => {
      await db.update(attachments).set({ name }).where(eq(attachments.id, id));
    },
    notesOf: async (conversationId) => {
      const rows = await db
        .select({ id: participants.id, notes: participants.notes })
        .from(participants)
        .where(and(eq(participants.conversationId, conversationId), isNotNull(participants.notes)));
      return rows.map((r) => ({ id: r.id, notes: r.notes! }));
    },
    setNotes: async ({ id, notes }) => {
      await db.update(participants).set({ notes }).where(eq(participants.id, id));
    },
    requestCommentsOf: async (conversationId) => {
      const rows = await db
        .select({ id: routingRequests.id, comment: routingRequests.comment })
        .from(routingRequests)
        .where(and(eq(routingRequests.conversationId, conversationId), isNotNull(routingRequests.comment)));
      return rows.map((r) => ({ id: r.id, comment: r.comment! }));
    },
    setRequestComment: async ({ id, comment }) => {
      await db.update(routingRequests).set({ comment }).where(eq(routingRequests.id, id));
    },
    markRedacted: async ({ id, at }) => {
      await db.update(conversations).set({ redactedAt: at }).where(eq(conversations.id, id));
    },
  },
});
