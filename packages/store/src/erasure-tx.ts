import type { Tx } from '@switchboard/core';
import { and, asc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from './db';
import { attachments, contacts, conversations, messages, participants, routingRequests } from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** core's erasure port on one transaction: a customer's data, erased on request. */
export const createErasureTx = (db: Db | DbTx): Pick<Tx, 'erasure'> => ({
  erasure: {
    lockCustomerConversations: async (conversationId) => {
      const [found] = await db
        .select({ contactId: conversations.contactId })
        .from(conversations)
        .where(eq(conversations.id, conversationId));
      if (!found) {
        return null;
      }
      const rows = await db
        .select({ id: conversations.id, status: conversations.status })
        .from(conversations)
        .where(
          found.contactId === null
            ? eq(conversations.id, conversationId)
            : eq(conversations.contactId, found.contactId),
        )
        .orderBy(asc(conversations.id))
        .for('update');
      return rows;
    },
    eraseConversation: async ({ id, placeholder, at }) => {
      await db
        .update(messages)
        .set({
          body: placeholder,
          attachments: null,
          // The customer's messages carry the name they gave.
          authorName: sql`case when ${messages.author} = 'customer' then ${placeholder} else ${messages.authorName} end`,
        })
        .where(
          and(
            eq(messages.conversationId, id),
            // The system's own lines (joined, left, transferred) name agents and queues, not the
            // customer; a transfer's comment is an agent's words about them.
            or(ne(messages.author, 'system'), eq(messages.systemEvent, 'transfer_comment')),
          ),
        );
      await db.delete(attachments).where(eq(attachments.conversationId, id));
      await db
        .update(participants)
        .set({ notes: null })
        .where(and(eq(participants.conversationId, id), isNotNull(participants.notes)));
      await db
        .update(routingRequests)
        .set({ comment: null })
        .where(and(eq(routingRequests.conversationId, id), isNotNull(routingRequests.comment)));
      await db
        .update(conversations)
        .set({ customerName: placeholder, customerEmail: null, redactedAt: at })
        .where(eq(conversations.id, id));
    },
    forgetContactOf: async (conversationId) => {
      const [found] = await db
        .select({ contactId: conversations.contactId })
        .from(conversations)
        .where(eq(conversations.id, conversationId));
      if (!found?.contactId) {
        return;
      }
      // Unique per channel and never a number or an account again: a new message from it is a new customer.
      await db
        .update(contacts)
        .set({ identity: sql`'erased:' || ${contacts.id}::text`, name: null })
        .where(eq(contacts.id, found.contactId));
    },
  },
});
