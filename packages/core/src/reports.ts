/**
 * The supervisor's report over a period (product.md, "Supervisor and administrator": handle time,
 * wait time, abandon rate, service level), computed from the facts of the append-only
 * conversation history (conversation_events), never from rows that change later. The definitions
 * are the usual contact-center ones, written down here once:
 *
 * - **arrived**: conversations that arrived in the period, counted in the queue they arrived in;
 * - **answered**: of those, the ones an agent accepted (the first acceptance; a transfer's second
 *   agent does not answer the conversation again);
 * - **abandoned**: the customer left before any agent accepted;
 * - **waiting**: neither yet (still queued or offered, or ended otherwise, e.g. its asset deleted);
 * - **abandon rate**: abandoned / arrived;
 * - **average wait** (average speed of answer): arrival to first acceptance, over the answered;
 * - **service level**: answered within the queue's service-level threshold, over answered plus
 *   abandoned (conversations still waiting are not yet decided either way);
 * - **average handle time**: an agent's acceptance to their wrap-up (conversation and after-contact
 *   work), over the handlings accepted in the period and wrapped up.
 */

import { AppError } from './errors';

export interface ArrivalFacts {
  conversationId: string;
  queueId: string;
  arrivedAt: Date;
  /** The first acceptance by any agent, or null. */
  firstAcceptedAt: Date | null;
  /** When the customer left, or null. */
  customerLeftAt: Date | null;
}

/** One agent's handling of one conversation: accepted (offer, transfer or conference) and wrapped up. */
export interface HandlingFacts {
  agentId: string;
  conversationId: string;
  acceptedAt: Date;
  wrappedAt: Date | null;
}

export interface QueueFigures {
  queueId: string;
  arrived: number;
  answered: number;
  abandoned: number;
  waiting: number;
  /** Null where nothing arrived. */
  abandonRatePercent: number | null;
  averageWaitSeconds: number | null;
  longestWaitSeconds: number | null;
  serviceLevelSeconds: number;
  /** Null where nothing was answered or abandoned yet. */
  serviceLevelPercent: number | null;
}

export interface AgentFigures {
  agentId: string;
  /** Handlings accepted in the period. */
  accepted: number;
  /** Of those, wrapped up. */
  wrappedUp: number;
  averageHandleSeconds: number | null;
}

export interface PeriodReport {
  queues: QueueFigures[];
  agents: AgentFigures[];
  totals: Omit<QueueFigures, 'queueId' | 'serviceLevelSeconds'> & { averageHandleSeconds: number | null };
}

/** The longest period one report covers: a month of history is read at most. */
export const REPORT_MAX_DAYS = 31;

/** A report's period: `from` before `to`, at most REPORT_MAX_DAYS long. */
export const checkReportPeriod = ({ from, to }: { from: Date; to: Date }): void => {
  if (!(from.getTime() < to.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The period must begin before it ends', { field: 'from' });
  }
  if (to.getTime() - from.getTime() > REPORT_MAX_DAYS * 24 * 60 * 60 * 1000) {
    throw new AppError('VALIDATION_FAILED', `A report covers at most ${REPORT_MAX_DAYS} days`, {
      field: 'to',
    });
  }
};

const seconds = (from: Date, to: Date): number => Math.max(0, (to.getTime() - from.getTime()) / 1000);
const round1 = (n: number): number => Math.round(n * 10) / 10;
const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : round1(values.reduce((sum, v) => sum + v, 0) / values.length);
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : round1((100 * part) / whole);

/** Whether the customer left before an agent accepted: an abandoned conversation. */
const isAbandoned = (facts: ArrivalFacts): boolean =>
  facts.customerLeftAt !== null &&
  (facts.firstAcceptedAt === null || facts.customerLeftAt.getTime() < facts.firstAcceptedAt.getTime());

type Counts = Omit<QueueFigures, 'queueId' | 'serviceLevelSeconds'>;

const figuresOf = (
  arrivals: readonly ArrivalFacts[],
  serviceLevelOf: (queueId: string) => number,
): Counts => {
  let answered = 0;
  let abandoned = 0;
  let withinLevel = 0;
  const waits: number[] = [];
  for (const facts of arrivals) {
    if (isAbandoned(facts)) {
      abandoned++;
    } else if (facts.firstAcceptedAt !== null) {
      answered++;
      const wait = seconds(facts.arrivedAt, facts.firstAcceptedAt);
      waits.push(wait);
      if (wait <= serviceLevelOf(facts.queueId)) {
        withinLevel++;
      }
    }
  }
  return {
    arrived: arrivals.length,
    answered,
    abandoned,
    waiting: arrivals.length - answered - abandoned,
    abandonRatePercent: percent(abandoned, arrivals.length),
    averageWaitSeconds: average(waits),
    longestWaitSeconds: waits.length === 0 ? null : round1(Math.max(...waits)),
    serviceLevelPercent: percent(withinLevel, answered + abandoned),
  };
};

/**
 * The report of a period: per queue (every queue given, in that order, also those with nothing),
 * per agent who handled something, and in total.
 */
export const buildPeriodReport = ({
  arrivals,
  handlings,
  queues,
}: {
  arrivals: readonly ArrivalFacts[];
  handlings: readonly HandlingFacts[];
  /** The queues to report on, with their service-level thresholds in seconds. */
  queues: readonly { id: string; serviceLevelSeconds: number }[];
}): PeriodReport => {
  const levels = new Map(queues.map((q) => [q.id, q.serviceLevelSeconds]));
  const serviceLevelOf = (queueId: string) => levels.get(queueId) ?? 0;
  const byQueue = new Map<string, ArrivalFacts[]>(queues.map((q) => [q.id, []]));
  for (const facts of arrivals) {
    byQueue.get(facts.queueId)?.push(facts);
  }
  const byAgent = new Map<string, HandlingFacts[]>();
  for (const handling of handlings) {
    const list = byAgent.get(handling.agentId) ?? [];
    list.push(handling);
    byAgent.set(handling.agentId, list);
  }
  const handleSeconds = (list: readonly HandlingFacts[]) =>
    list.flatMap((h) => (h.wrappedAt === null ? [] : [seconds(h.acceptedAt, h.wrappedAt)]));
  return {
    queues: queues.map((q) => ({
      queueId: q.id,
      serviceLevelSeconds: q.serviceLevelSeconds,
      ...figuresOf(byQueue.get(q.id) ?? [], serviceLevelOf),
    })),
    agents: [...byAgent].map(([agentId, list]) => {
      const handled = handleSeconds(list);
      return {
        agentId,
        accepted: list.length,
        wrappedUp: handled.length,
        averageHandleSeconds: average(handled),
      };
    }),
    totals: {
      ...figuresOf(
        arrivals.filter((facts) => levels.has(facts.queueId)),
        serviceLevelOf,
      ),
      averageHandleSeconds: average(handleSeconds(handlings)),
    },
  };
};
