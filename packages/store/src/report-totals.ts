import { type AgentTotals, type ChannelTotals, type QueueTotals, REPORT_CHANNELS } from '@switchboard/core';
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { rowsOf } from './tx';

const numberOf = (value: unknown): number => Number(value ?? 0);

/**
 * A period's report totals (core's reports.ts: QueueTotals, AgentTotals), summed by the database
 * from the append-only history (conversation_events) only, so that a month of a large center's
 * traffic is one row per queue and per agent here, never a row per conversation. The definitions
 * are core's `totalsOfFacts`; report-totals.test.ts holds these statements to it on random
 * histories. Each statement is one range scan of conversation_events_at_idx (the period's
 * arrivals, the period's acceptances), each row completed by look-ups of its own conversation's
 * events (conversation_events_conversation_idx).
 */
export const readReportTotals = async (
  db: Db,
  { from, to }: { from: Date; to: Date },
): Promise<{
  queues: (QueueTotals & { name: string; serviceLevelSeconds: number })[];
  channels: ChannelTotals[];
  agents: (AgentTotals & { name: string })[];
}> => {
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  // The period's arrivals, each judged once: abandoned, answered, its wait, and whether within its
  // queue's service level (an arrival whose queue is gone counts nowhere, as in core).
  const judged = sql`
      with arrivals as (
        select a.queue_id, a.channel, a.at as arrived_at,
          (select min(e.at) from conversation_events e
            where e.conversation_id = a.conversation_id and e.type = 'accepted') as accepted_at,
          (select min(e.at) from conversation_events e
            where e.conversation_id = a.conversation_id and e.type = 'customer_left') as left_at
        from conversation_events a
        where a.type = 'arrived' and a.queue_id is not null
          and a.at >= ${fromIso}::timestamptz and a.at < ${toIso}::timestamptz
      ),
      decided as (
        select queue_id, channel,
          (left_at is not null and (accepted_at is null or left_at < accepted_at)) as abandoned,
          (accepted_at is not null and not (left_at is not null and left_at < accepted_at)) as answered,
          greatest(0, extract(epoch from (accepted_at - arrived_at)))::float8 as wait
        from arrivals
      ),
      judged as (
        select d.*, (d.answered and d.wait <= q.service_level_seconds) as within_level
        from decided d join queues q on q.id = d.queue_id
      )`;
  /** The counts and sums of a group of judged arrivals `j`. */
  const figures = sql`
        count(j.queue_id)::int as arrived,
        (count(*) filter (where j.answered))::int as answered,
        (count(*) filter (where j.abandoned))::int as abandoned,
        (count(*) filter (where j.within_level))::int as within_level,
        coalesce(sum(j.wait) filter (where j.answered), 0)::float8 as wait_sum,
        (max(j.wait) filter (where j.answered))::float8 as wait_max`;
  const [queueRows, channelRows, agentRows] = await Promise.all([
    db.execute(sql`${judged}
      select q.id as queue_id, q.name, q.service_level_seconds, ${figures}
      from queues q left join judged j on j.queue_id = q.id
      group by q.id, q.name, q.service_level_seconds, q.priority
      order by q.priority desc, q.name`),
    db.execute(sql`${judged}
      select c.channel, ${figures}
      from unnest(array[${sql.join(
        REPORT_CHANNELS.map((c) => sql`${c}`),
        sql`, `,
      )}]::text[]) with ordinality as c(channel, ord)
      left join judged j on j.channel = c.channel
      group by c.channel, c.ord
      order by c.ord`),
    db.execute(sql`
      with handlings as (
        select h.agent_id, h.at as accepted_at,
          (select min(w.at) from conversation_events w
            where w.conversation_id = h.conversation_id and w.type = 'wrapped_up'
              and w.agent_id = h.agent_id and w.at >= h.at) as wrapped_at
        from conversation_events h
        where h.type = 'accepted' and h.agent_id is not null
          and h.at >= ${fromIso}::timestamptz and h.at < ${toIso}::timestamptz
      )
      select h.agent_id, u.name,
        count(*)::int as accepted,
        count(h.wrapped_at)::int as wrapped_up,
        coalesce(sum(greatest(0, extract(epoch from (h.wrapped_at - h.accepted_at))))
          filter (where h.wrapped_at is not null), 0)::float8 as handle_sum
      from handlings h join users u on u.id = h.agent_id
      group by h.agent_id, u.name
      order by u.name, h.agent_id`),
  ]);
  const totalsOf = (r: Record<string, unknown>) => ({
    arrived: numberOf(r.arrived),
    answered: numberOf(r.answered),
    abandoned: numberOf(r.abandoned),
    answeredWithinLevel: numberOf(r.within_level),
    waitSecondsSum: numberOf(r.wait_sum),
    waitSecondsMax: r.wait_max === null || r.wait_max === undefined ? null : numberOf(r.wait_max),
  });
  return {
    queues: rowsOf<Record<string, unknown>>(queueRows).map((r) => ({
      queueId: String(r.queue_id),
      name: String(r.name),
      serviceLevelSeconds: numberOf(r.service_level_seconds),
      ...totalsOf(r),
    })),
    channels: rowsOf<Record<string, unknown>>(channelRows).map((r) => ({
      channel: String(r.channel) as ChannelTotals['channel'],
      ...totalsOf(r),
    })),
    agents: rowsOf<Record<string, unknown>>(agentRows).map((r) => ({
      agentId: String(r.agent_id),
      name: String(r.name),
      accepted: numberOf(r.accepted),
      wrappedUp: numberOf(r.wrapped_up),
      handleSecondsSum: numberOf(r.handle_sum),
    })),
  };
};
