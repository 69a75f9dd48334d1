import type {
  THistoryConversation,
  THistoryEvent,
  THistoryQuery,
  THistoryWrapUp,
  TMessage,
} from '@switchboard/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';
import { pgTextArray, rowsOf } from './tx';

/** A conversation of the history with the entry point's region, which masking needs (desk-views.ts). */
export type HistoryConversationRow = THistoryConversation & { region: string | null };

/** A wrap-up as stored: the notes are masked by desk-views.ts, not here. */
export type HistoryWrapUpRow = THistoryWrapUp;

/** How many messages a transcript read gives at once (THistoryDetail). */
export const HISTORY_MESSAGES = 500;
const MAX_EVENTS = 2000;

const iso = (millis: unknown): string => new Date(Number(millis)).toISOString();
const isoOrNull = (millis: unknown): string | null => (millis === null ? null : iso(millis));
const millisOf = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

interface ConversationRow {
  id: string;
  channel: THistoryConversation['channel'];
  status: THistoryConversation['status'];
  queue_id: string;
  queue_name: string;
  entry_point_name: string;
  region: string | null;
  customer_name: string;
  arrived_ms: number;
  ended_ms: number | null;
  customer_left: boolean;
  cursor_us: string;
  agents: { id: string; name: string }[] | string;
}

/**
 * The history's columns: the conversation, its current queue and its asset, and the agents who
 * took part in the order they first joined (one look-up of participants by conversation).
 */
const CONVERSATION_COLUMNS = sql`
  c.id, c.channel, c.status, c.queue_id, q.name as queue_name, ep.name as entry_point_name,
  ep.region, c.customer_name, c.customer_left,
  ${millisOf(sql`c.arrived_at`)} as arrived_ms,
  ${millisOf(sql`c.ended_at`)} as ended_ms,
  (floor(extract(epoch from c.arrived_at) * 1000000))::bigint::text as cursor_us,
  coalesce((
    select json_agg(json_build_object('id', u.id, 'name', u.name) order by f.joined, u.name)
    from (select p.user_id, min(p.joined_at) as joined from participants p
          where p.conversation_id = c.id group by p.user_id) f
    join users u on u.id = f.user_id
  ), '[]'::json) as agents`;

const CONVERSATION_FROM = sql`
  conversations c join queues q on q.id = c.queue_id join entry_points ep on ep.id = c.entry_point_id`;

const toConversation = (r: ConversationRow): HistoryConversationRow => ({
  id: r.id,
  channel: r.channel,
  status: r.status,
  queueId: r.queue_id,
  queueName: r.queue_name,
  entryPointName: r.entry_point_name,
  customerName: r.customer_name,
  arrivedAt: iso(r.arrived_ms),
  endedAt: isoOrNull(r.ended_ms),
  customerLeft: r.customer_left,
  agents: typeof r.agents === 'string' ? JSON.parse(r.agents) : r.agents,
  region: r.region,
});

/** A page's `next`: the last conversation's arrival in microseconds since the epoch, and its id. */
const cursorOf = (r: ConversationRow): string => `${r.cursor_us}~${r.id}`;

/**
 * The supervisor's history (contracts' history.ts). A page is one range scan of
 * conversations_arrived_idx in arrival order, newest first, continued from the last row of the
 * page before (keyset paging: no offset, so page 40 costs what page 1 does), with the filters
 * applied on the way; the agents of each row are one look-up of participants by conversation.
 */
export const createHistoryViews = (
  db: Db,
  listMessages: (input: { conversationId: string; after: number; limit: number }) => Promise<TMessage[]>,
) => {
  const listHistory = async (
    query: Omit<THistoryQuery, 'from' | 'to'> & { from: Date; to: Date },
  ): Promise<{ conversations: HistoryConversationRow[]; next: string | null }> => {
    const where: SQL[] = [
      sql`c.arrived_at >= ${query.from.toISOString()}::timestamptz`,
      sql`c.arrived_at < ${query.to.toISOString()}::timestamptz`,
    ];
    if (query.queueId !== undefined) {
      where.push(sql`c.queue_id = ${query.queueId}::uuid`);
    }
    if (query.channel !== undefined) {
      where.push(sql`c.channel = ${query.channel}`);
    }
    if (query.status === 'ended') {
      where.push(sql`c.status = 'ended'`);
    } else if (query.status === 'open') {
      where.push(sql`c.status <> 'ended'`);
    }
    if (query.agentId !== undefined) {
      where.push(
        sql`exists (select 1 from participants p where p.conversation_id = c.id and p.user_id = ${query.agentId}::uuid)`,
      );
    }
    if (query.before !== undefined) {
      const [micros, id] = query.before.split('~') as [string, string];
      where.push(
        sql`(c.arrived_at, c.id) < (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${id}::uuid)`,
      );
    }
    const rows = rowsOf<ConversationRow>(
      await db.execute(sql`
        select ${CONVERSATION_COLUMNS} from ${CONVERSATION_FROM}
        where ${sql.join(where, sql` and `)}
        order by c.arrived_at desc, c.id desc
        limit ${query.limit + 1}`),
    );
    const page = rows.slice(0, query.limit);
    return {
      conversations: page.map(toConversation),
      next: rows.length > query.limit ? cursorOf(page[page.length - 1]!) : null,
    };
  };

  /** One conversation whole, or null: messages from `after`, what happened, the wrap-ups. */
  const getHistoryDetail = async (conversationId: string, after: number) => {
    const [row] = rowsOf<ConversationRow>(
      await db.execute(sql`select ${CONVERSATION_COLUMNS} from ${CONVERSATION_FROM}
        where c.id = ${conversationId}::uuid`),
    );
    if (!row) {
      return null;
    }
    const [messages, eventRows, wrapUpRows] = await Promise.all([
      listMessages({ conversationId, after, limit: HISTORY_MESSAGES + 1 }),
      db.execute(sql`
        select e.type, ${millisOf(sql`e.at`)} as at_ms, ua.name as agent_name, ub.name as by_agent_name,
          q.name as queue_name
        from conversation_events e
        left join users ua on ua.id = e.agent_id
        left join users ub on ub.id = e.by_agent_id
        left join queues q on q.id = e.queue_id
        where e.conversation_id = ${conversationId}::uuid
        order by e.id
        limit ${MAX_EVENTS}`),
      db.execute(sql`
        select u.name as agent_name, ${millisOf(sql`p.wrapped_at`)} as wrapped_ms, r.name as reason,
          d.name as disposition, p.tags, p.notes
        from participants p
        join users u on u.id = p.user_id
        left join wrap_up_reasons r on r.id = p.wrap_up_reason_id
        left join dispositions d on d.id = p.disposition_id
        where p.conversation_id = ${conversationId}::uuid and p.wrapped_at is not null
        order by p.wrapped_at, u.name`),
    ]);
    const events: THistoryEvent[] = rowsOf<{
      type: THistoryEvent['type'];
      at_ms: number;
      agent_name: string | null;
      by_agent_name: string | null;
      queue_name: string | null;
    }>(eventRows).map((e) => ({
      type: e.type,
      at: iso(e.at_ms),
      agentName: e.agent_name,
      byAgentName: e.by_agent_name,
      queueName: e.queue_name,
    }));
    const wrapUps: HistoryWrapUpRow[] = rowsOf<{
      agent_name: string;
      wrapped_ms: number;
      reason: string | null;
      disposition: string | null;
      tags: string[] | string | null;
      notes: string | null;
    }>(wrapUpRows).map((w) => ({
      agentName: w.agent_name,
      wrappedAt: iso(w.wrapped_ms),
      reason: w.reason,
      disposition: w.disposition,
      tags: pgTextArray(w.tags),
      notes: w.notes,
    }));
    return {
      conversation: toConversation(row),
      messages: messages.slice(0, HISTORY_MESSAGES),
      moreMessages: messages.length > HISTORY_MESSAGES,
      events,
      wrapUps,
    };
  };

  /**
   * The customer's earlier conversations, newest first: those of the same contact (a number or a
   * page-scoped id the provider vouches for). A live chat has no contact, so none: a name or an
   * e-mail typed into the widget proves nothing. One range of conversations_contact_idx.
   */
  const listEarlier = async (conversationId: string, limit: number): Promise<HistoryConversationRow[]> =>
    rowsOf<ConversationRow>(
      await db.execute(sql`
        select ${CONVERSATION_COLUMNS} from ${CONVERSATION_FROM}
        where c.contact_id = (select contact_id from conversations where id = ${conversationId}::uuid)
          and c.id <> ${conversationId}::uuid
        order by c.arrived_at desc, c.id desc
        limit ${limit}`),
    ).map(toConversation);

  /** Whether two conversations are the same contact's (never for a live chat). */
  const sameContact = async (a: string, b: string): Promise<boolean> => {
    const rows = rowsOf<{ same: boolean }>(
      await db.execute(sql`
        select (x.contact_id = y.contact_id) as same from conversations x, conversations y
        where x.id = ${a}::uuid and y.id = ${b}::uuid and x.contact_id is not null`),
    );
    return rows[0]?.same === true;
  };

  return { listHistory, getHistoryDetail, listEarlier, sameContact };
};
