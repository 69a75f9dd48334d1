import type { ArrivalFacts, HandlingFacts } from '@switchboard/core';
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { rowsOf } from './tx';

const dateOf = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as string | Date);

/**
 * The facts of a period's report, read from the append-only history (conversation_events) only:
 * core's reports.ts turns them into figures. Two range scans of conversation_events_at_idx (the
 * arrivals and the acceptances of the period), each row completed by look-ups of its own
 * conversation's events (conversation_events_conversation_idx), so the cost grows with the period's
 * traffic, not with the history stored.
 */
export const readReportFacts = async (
  db: Db,
  { from, to }: { from: Date; to: Date },
): Promise<{ arrivals: ArrivalFacts[]; handlings: HandlingFacts[] }> => {
  const [arrivalRows, handlingRows] = await Promise.all([
    db.execute(sql`
      select a.conversation_id, a.queue_id, a.at as arrived_at,
        (select min(e.at) from conversation_events e
          where e.conversation_id = a.conversation_id and e.type = 'accepted') as first_accepted_at,
        (select min(e.at) from conversation_events e
          where e.conversation_id = a.conversation_id and e.type = 'customer_left') as customer_left_at
      from conversation_events a
      where a.type = 'arrived' and a.queue_id is not null
        and a.at >= ${from.toISOString()}::timestamptz and a.at < ${to.toISOString()}::timestamptz`),
    db.execute(sql`
      select h.agent_id, h.conversation_id, h.at as accepted_at,
        (select min(w.at) from conversation_events w
          where w.conversation_id = h.conversation_id and w.type = 'wrapped_up'
            and w.agent_id = h.agent_id and w.at >= h.at) as wrapped_at
      from conversation_events h
      where h.type = 'accepted' and h.agent_id is not null
        and h.at >= ${from.toISOString()}::timestamptz and h.at < ${to.toISOString()}::timestamptz`),
  ]);
  return {
    arrivals: rowsOf<Record<string, unknown>>(arrivalRows).map((r) => ({
      conversationId: String(r.conversation_id),
      queueId: String(r.queue_id),
      arrivedAt: dateOf(r.arrived_at)!,
      firstAcceptedAt: dateOf(r.first_accepted_at),
      customerLeftAt: dateOf(r.customer_left_at),
    })),
    handlings: rowsOf<Record<string, unknown>>(handlingRows).map((r) => ({
      agentId: String(r.agent_id),
      conversationId: String(r.conversation_id),
      acceptedAt: dateOf(r.accepted_at)!,
      wrappedAt: dateOf(r.wrapped_at),
    })),
  };
};
