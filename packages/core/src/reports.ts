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

import { CHANNELS, type TChannel } from '@switchboard/contracts';
import { AppError } from './errors';

/** The channels a report lists, in the desk's order: each, also with nothing. */
export const REPORT_CHANNELS: readonly TChannel[] = CHANNELS;

export interface ArrivalFacts {
  conversationId: string;
  queueId: string;
  channel: TChannel;
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
  /** The same figures per channel, each conversation judged by its queue's service level. */
  channels: (Omit<QueueFigures, 'queueId' | 'serviceLevelSeconds'> & { channel: TChannel })[];
  agents: AgentFigures[];
  totals: Omit<QueueFigures, 'queueId' | 'serviceLevelSeconds'> & {
    /** Handlings accepted in the period by every agent, of them wrapped up, and their average. */
    accepted: number;
    wrappedUp: number;
    averageHandleSeconds: number | null;
  };
}

/** The longest period one report covers: a month of history is read at most. */
export const REPORT_MAX_DAYS = 31;

/** A report's period: `from` before `to`, at most REPORT_MAX_DAYS long. */
export const checkPeriod = ({ from, to }: { from: Date; to: Date }): void => {
  if (!(from.getTime() < to.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The period must begin before it ends', { field: 'from' });
  }
  if (to.getTime() - from.getTime() > REPORT_MAX_DAYS * 24 * 60 * 60 * 1000) {
    throw new AppError('VALIDATION_FAILED', `A period covers at most ${REPORT_MAX_DAYS} days`, {
      field: 'to',
    });
  }
};

const seconds = (from: Date, to: Date): number => Math.max(0, (to.getTime() - from.getTime()) / 1000);
const round1 = (n: number): number => Math.round(n * 10) / 10;
const averageOf = (sum: number, count: number): number | null => (count === 0 ? null : round1(sum / count));
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : round1((100 * part) / whole);

/**
 * What a queue's figures are made of: counts and sums, which a database can total over a month of
 * history without handing every conversation over (the store's report totals), and which
 * `totalsOfFacts` defines over the facts one by one. The figures are then the same arithmetic.
 */
export interface QueueTotals {
  queueId: string;
  arrived: number;
  answered: number;
  abandoned: number;
  /** Answered within the queue's service-level threshold (wait <= threshold). */
  answeredWithinLevel: number;
  /** Waits of the answered, in seconds. */
  waitSecondsSum: number;
  waitSecondsMax: number | null;
}

/** A channel's totals: as a queue's, each answer judged against its own queue's threshold. */
export type ChannelTotals = Omit<QueueTotals, 'queueId'> & { channel: TChannel };

export interface AgentTotals {
  agentId: string;
  accepted: number;
  wrappedUp: number;
  /** Acceptance to wrap-up, in seconds, over the wrapped up. */
  handleSecondsSum: number;
}

/** Whether the customer left before an agent accepted: an abandoned conversation. */
const isAbandoned = (facts: ArrivalFacts): boolean =>
  facts.customerLeftAt !== null &&
  (facts.firstAcceptedAt === null || facts.customerLeftAt.getTime() < facts.firstAcceptedAt.getTime());

/** One arrival counted into a queue's or a channel's totals, by the definitions above. */
const countArrival = (totals: Omit<QueueTotals, 'queueId'>, facts: ArrivalFacts, levelSeconds: number) => {
  totals.arrived++;
  if (isAbandoned(facts)) {
    totals.abandoned++;
  } else if (facts.firstAcceptedAt !== null) {
    const wait = seconds(facts.arrivedAt, facts.firstAcceptedAt);
    totals.answered++;
    totals.waitSecondsSum += wait;
    totals.waitSecondsMax = Math.max(totals.waitSecondsMax ?? 0, wait);
    if (wait <= levelSeconds) {
      totals.answeredWithinLevel++;
    }
  }
};

/**
 * The definitions above, applied to the facts one by one: every queue given (in that order, also
 * those with nothing), every channel (REPORT_CHANNELS) and every agent who accepted something. The reference the store's totals
 * in SQL are held to (report-totals.test.ts).
 */
export const totalsOfFacts = ({
  arrivals,
  handlings,
  queues,
}: {
  arrivals: readonly ArrivalFacts[];
  handlings: readonly HandlingFacts[];
  queues: readonly { id: string; serviceLevelSeconds: number }[];
}): { queues: QueueTotals[]; channels: ChannelTotals[]; agents: AgentTotals[] } => {
  const empty = () => ({
    arrived: 0,
    answered: 0,
    abandoned: 0,
    answeredWithinLevel: 0,
    waitSecondsSum: 0,
    waitSecondsMax: null as number | null,
  });
  const byQueue = new Map<string, QueueTotals>(queues.map((q) => [q.id, { queueId: q.id, ...empty() }]));
  const byChannel = new Map<TChannel, ChannelTotals>(
    REPORT_CHANNELS.map((c) => [c, { channel: c, ...empty() }]),
  );
  const levels = new Map(queues.map((q) => [q.id, q.serviceLevelSeconds]));
  for (const facts of arrivals) {
    const queue = byQueue.get(facts.queueId);
    if (!queue) {
      continue;
    }
    for (const totals of [queue, byChannel.get(facts.channel)]) {
      if (totals) {
        countArrival(totals, facts, levels.get(facts.queueId) ?? 0);
      }
    }
  }
  const byAgent = new Map<string, AgentTotals>();
  for (const handling of handlings) {
    const totals = byAgent.get(handling.agentId) ?? {
      agentId: handling.agentId,
      accepted: 0,
      wrappedUp: 0,
      handleSecondsSum: 0,
    };
    totals.accepted++;
    if (handling.wrappedAt !== null) {
      totals.wrappedUp++;
      totals.handleSecondsSum += seconds(handling.acceptedAt, handling.wrappedAt);
    }
    byAgent.set(handling.agentId, totals);
  }
  return { queues: [...byQueue.values()], channels: [...byChannel.values()], agents: [...byAgent.values()] };
};

type Counts = Omit<QueueFigures, 'queueId' | 'serviceLevelSeconds'>;

const figuresOf = (t: Omit<QueueTotals, 'queueId'>): Counts => ({
  arrived: t.arrived,
  answered: t.answered,
  abandoned: t.abandoned,
  waiting: t.arrived - t.answered - t.abandoned,
  abandonRatePercent: percent(t.abandoned, t.arrived),
  averageWaitSeconds: averageOf(t.waitSecondsSum, t.answered),
  longestWaitSeconds: t.waitSecondsMax === null ? null : round1(t.waitSecondsMax),
  serviceLevelPercent: percent(t.answeredWithinLevel, t.answered + t.abandoned),
});

/**
 * The report of a period from its totals: per queue (in the order given), per agent, and in
 * total over the queues given.
 */
export const reportOfTotals = ({
  queues,
  channels,
  agents,
  serviceLevels,
}: {
  queues: readonly QueueTotals[];
  channels: readonly ChannelTotals[];
  agents: readonly AgentTotals[];
  /** Each queue's service-level threshold in seconds. */
  serviceLevels: ReadonlyMap<string, number>;
}): PeriodReport => {
  const all = queues.reduce(
    (sum, q) => ({
      arrived: sum.arrived + q.arrived,
      answered: sum.answered + q.answered,
      abandoned: sum.abandoned + q.abandoned,
      answeredWithinLevel: sum.answeredWithinLevel + q.answeredWithinLevel,
      waitSecondsSum: sum.waitSecondsSum + q.waitSecondsSum,
      waitSecondsMax:
        q.waitSecondsMax === null ? sum.waitSecondsMax : Math.max(sum.waitSecondsMax ?? 0, q.waitSecondsMax),
    }),
    {
      arrived: 0,
      answered: 0,
      abandoned: 0,
      answeredWithinLevel: 0,
      waitSecondsSum: 0,
      waitSecondsMax: null as number | null,
    },
  );
  const handled = agents.reduce(
    (sum, a) => ({
      accepted: sum.accepted + a.accepted,
      wrappedUp: sum.wrappedUp + a.wrappedUp,
      seconds: sum.seconds + a.handleSecondsSum,
    }),
    { accepted: 0, wrappedUp: 0, seconds: 0 },
  );
  return {
    queues: queues.map((q) => ({
      queueId: q.queueId,
      serviceLevelSeconds: serviceLevels.get(q.queueId) ?? 0,
      ...figuresOf(q),
    })),
    channels: channels.map((c) => ({ channel: c.channel, ...figuresOf(c) })),
    agents: agents.map((a) => ({
      agentId: a.agentId,
      accepted: a.accepted,
      wrappedUp: a.wrappedUp,
      averageHandleSeconds: averageOf(a.handleSecondsSum, a.wrappedUp),
    })),
    totals: {
      ...figuresOf(all),
      accepted: handled.accepted,
      wrappedUp: handled.wrappedUp,
      averageHandleSeconds: averageOf(handled.seconds, handled.wrappedUp),
    },
  };
};
