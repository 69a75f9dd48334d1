import type { TSupervisorReport } from '@switchboard/contracts';

/**
 * One cell of RFC 4180 CSV. A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab
 * or a carriage return first: OWASP's CSV injection) gets a `'` before it; a queue or agent name
 * is an administrator's text, and the file is opened by someone else.
 */
export const csvCell = (value: string | number | null): string => {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const csv = (rows: readonly (readonly (string | number | null)[])[]): string =>
  `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** The labels of the columns, in the reader's language. */
export interface ReportCsvLabels {
  queue: string;
  channel: string;
  /** A channel's name as the desk shows it (Live chat, WhatsApp...). */
  channelName: (channel: TSupervisorReport['channels'][number]['channel']) => string;
  agent: string;
  arrived: string;
  answered: string;
  abandoned: string;
  waiting: string;
  abandonRatePercent: string;
  averageWaitSeconds: string;
  longestWaitSeconds: string;
  serviceLevelPercent: string;
  serviceLevelSeconds: string;
  accepted: string;
  wrappedUp: string;
  averageHandleSeconds: string;
  allQueues: string;
  allAgents: string;
}

/**
 * The queues of a report as CSV, one row a queue and one for all queues: plain numbers (seconds,
 * percent), so that a spreadsheet computes with them; an empty cell where there is nothing to measure.
 */
type Figures = Pick<
  TSupervisorReport['totals'],
  | 'arrived'
  | 'answered'
  | 'abandoned'
  | 'waiting'
  | 'abandonRatePercent'
  | 'averageWaitSeconds'
  | 'longestWaitSeconds'
  | 'serviceLevelPercent'
>;
const figures = (q: Figures) => [
  q.arrived,
  q.answered,
  q.abandoned,
  q.waiting,
  q.abandonRatePercent,
  q.averageWaitSeconds,
  q.longestWaitSeconds,
  q.serviceLevelPercent,
];
const figureHeaders = (l: ReportCsvLabels) => [
  l.arrived,
  l.answered,
  l.abandoned,
  l.waiting,
  l.abandonRatePercent,
  l.averageWaitSeconds,
  l.longestWaitSeconds,
  l.serviceLevelPercent,
];

export const queuesCsv = (report: TSupervisorReport, l: ReportCsvLabels): string => {
  return csv([
    [l.queue, ...figureHeaders(l), l.serviceLevelSeconds],
    ...report.queues.map((q) => [q.name, ...figures(q), q.serviceLevelSeconds]),
    [l.allQueues, ...figures(report.totals), null],
  ]);
};

/** The channels of a report as CSV, one row a channel (each answer judged by its queue's level). */
export const channelsCsv = (report: TSupervisorReport, l: ReportCsvLabels): string =>
  csv([
    [l.channel, ...figureHeaders(l)],
    ...report.channels.map((c) => [l.channelName(c.channel), ...figures(c)]),
  ]);

/** The agents of a report as CSV, one row an agent and one for all agents. */
export const agentsCsv = (report: TSupervisorReport, l: ReportCsvLabels): string =>
  csv([
    [l.agent, l.accepted, l.wrappedUp, l.averageHandleSeconds],
    ...report.agents.map((a) => [a.name, a.accepted, a.wrappedUp, a.averageHandleSeconds]),
    [l.allAgents, report.totals.accepted, report.totals.wrappedUp, report.totals.averageHandleSeconds],
  ]);
