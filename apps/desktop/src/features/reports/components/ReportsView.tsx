import type { TSupervisorReport } from '@switchboard/contracts';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../../shared/files/download';
import { formatDuration } from '../../../shared/time/format-duration';
import { useSession } from '../../auth/session-context';
import { agentsCsv, channelsCsv, queuesCsv, type ReportCsvLabels } from '../report-csv';
import { PERIODS, type Period, periodRange } from '../report-period';
import { fetchReport } from '../reports-api';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; report: TSupervisorReport };
/** A table's header: the name column, then number columns. */
const HeaderRow = ({ first, columns }: { first: string; columns: readonly string[] }) => (
  <tr>
    <th scope="col">{first}</th>
    {columns.map((label) => (
      <th key={label} scope="col" className="board-table__num">
        {label}
      </th>
    ))}
  </tr>
);

/** A duration in seconds as the timers show it; a dash for none. */
const duration = (value: number | null) => (value === null ? '–' : formatDuration(value * 1000));

type QueueFigures = Omit<TSupervisorReport['totals'], 'accepted' | 'wrappedUp' | 'averageHandleSeconds'>;

/**
 * A queue's figures, or all queues', as cells: counts, the abandon rate, the waits, and the
 * service level (with the queue's threshold, when it is one queue's).
 */
const QueueFigureCells = ({
  figures,
  serviceLevelSeconds,
}: {
  figures: QueueFigures;
  serviceLevelSeconds: number | null;
}) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = (value: number | null) => (value === null ? '–' : `${number.format(value)} %`);
  const serviceLevel =
    figures.serviceLevelPercent === null || serviceLevelSeconds === null
      ? percent(figures.serviceLevelPercent)
      : t('reports.serviceLevelOf', {
          percent: percent(figures.serviceLevelPercent),
          seconds: serviceLevelSeconds,
        });
  return (
    <>
      {[
        figures.arrived,
        figures.answered,
        figures.abandoned,
        percent(figures.abandonRatePercent),
        duration(figures.averageWaitSeconds),
        duration(figures.longestWaitSeconds),
        serviceLevel,
      ].map((value, column) => (
        // The columns are fixed: their place is their identity.
        <td key={column} className="board-table__num">
          {value}
        </td>
      ))}
    </>
  );
};

/**
 * The supervisor's report of a period (product.md: handle time, wait time, abandon rate, service
 * level), per queue and per agent, from the conversations' history; core's reports.ts defines
 * each figure. Read when opened, when the period changes and on Refresh.
 */
/** The CSV's column names in the reader's language, with their units (plain numbers below them). */
const csvLabels = (t: TFunction): ReportCsvLabels => ({
  queue: t('supervisor.queue'),
  channel: t('history.channel'),
  channelName: (channel) => t(`channels.${channel}`),
  agent: t('supervisor.agent'),
  arrived: t('reports.arrived'),
  answered: t('reports.answered'),
  abandoned: t('reports.abandoned'),
  waiting: t('supervisor.waiting'),
  abandonRatePercent: t('reports.inPercent', { figure: t('reports.abandonRate') }),
  averageWaitSeconds: t('reports.inSeconds', { figure: t('reports.averageWait') }),
  longestWaitSeconds: t('reports.inSeconds', { figure: t('reports.longestWait') }),
  serviceLevelPercent: t('reports.inPercent', { figure: t('reports.serviceLevel') }),
  serviceLevelSeconds: t('reports.inSeconds', { figure: t('reports.serviceLevelThreshold') }),
  accepted: t('reports.accepted'),
  wrappedUp: t('reports.wrappedUp'),
  averageHandleSeconds: t('reports.inSeconds', { figure: t('reports.averageHandle') }),
  allQueues: t('reports.allQueues'),
  allAgents: t('reports.allAgents'),
});

export const ReportsView = () => {
  const { t } = useTranslation();
  const { api } = useSession();
  const periodId = useId();
  const [period, setPeriod] = useState<Period>('today');
  const [state, setState] = useState<State>({ status: 'loading' });
  const figureColumns = [
    t('reports.arrived'),
    t('reports.answered'),
    t('reports.abandoned'),
    t('reports.abandonRate'),
    t('reports.averageWait'),
    t('reports.longestWait'),
    t('reports.serviceLevel'),
  ];
  /** `switchboard-queues-2026-12-05.csv`, named by the period's first day. */
  const download = (what: 'queues' | 'channels' | 'agents', text: string) => {
    const { from } = periodRange(period, new Date());
    const day = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
    downloadText(`switchboard-${what}-${period}-${day}.csv`, text);
  };

  const load = useCallback(
    (signal?: AbortSignal) => {
      setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
      fetchReport(api, periodRange(period, new Date()), signal).then(
        (report) => setState({ status: 'ready', report }),
        () => {
          if (!signal?.aborted) {
            setState({ status: 'failed' });
          }
        },
      );
    },
    [api, period],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <main className="board" aria-labelledby="reports-title">
      <div className="reports__bar">
        <h2 id="reports-title" className="board__title">
          {t('reports.title')}
        </h2>
        <label className="reports__period" htmlFor={periodId}>
          {t('reports.period')}
        </label>
        <select
          id={periodId}
          className="select select--compact"
          value={period}
          onChange={(event) => setPeriod(event.target.value as Period)}
        >
          {PERIODS.map((value) => (
            <option key={value} value={value}>
              {t(`reports.periods.${value}`)}
            </option>
          ))}
        </select>
        <button className="button" type="button" onClick={() => load()}>
          {t('reports.refresh')}
        </button>
        {state.status === 'ready' && (
          <fieldset className="reports__downloads">
            <legend className="reports__period">{t('reports.downloadCsv')}</legend>
            {(
              [
                ['queues', queuesCsv, 'reports.downloadQueues', 'reports.csvQueues'],
                ['channels', channelsCsv, 'reports.downloadChannels', 'reports.csvChannels'],
                ['agents', agentsCsv, 'reports.downloadAgents', 'reports.csvAgents'],
              ] as const
            ).map(([what, toCsv, name, label]) => (
              <button
                key={what}
                className="button"
                type="button"
                aria-label={t(name)}
                onClick={() => download(what, toCsv(state.report, csvLabels(t)))}
              >
                {t(label)}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      {state.status === 'loading' && <p role="status">{t('reports.loading')}</p>}
      {state.status === 'failed' && (
        <div className="callout callout--error" role="alert">
          <p>{t('reports.failed')}</p>
          <button className="button" type="button" onClick={() => load()}>
            {t('supervisor.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <table className="board-table">
            <caption className="board-table__caption">{t('reports.queuesCaption')}</caption>
            <thead>
              <HeaderRow first={t('supervisor.queue')} columns={figureColumns} />
            </thead>
            <tbody>
              {state.report.queues.map((queue) => (
                <tr key={queue.id}>
                  <th scope="row">{queue.name}</th>
                  <QueueFigureCells figures={queue} serviceLevelSeconds={queue.serviceLevelSeconds} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.allQueues')}</th>
                <QueueFigureCells figures={state.report.totals} serviceLevelSeconds={null} />
              </tr>
            </tfoot>
          </table>
          <table className="board-table">
            <caption className="board-table__caption">{t('reports.channelsCaption')}</caption>
            <thead>
              <HeaderRow first={t('history.channel')} columns={figureColumns} />
            </thead>
            <tbody>
              {state.report.channels.map((channel) => (
                <tr key={channel.channel}>
                  <th scope="row">{t(`channels.${channel.channel}`)}</th>
                  <QueueFigureCells figures={channel} serviceLevelSeconds={null} />
                </tr>
              ))}
            </tbody>
          </table>
          <table className="board-table">
            <caption className="board-table__caption">{t('reports.agentsCaption')}</caption>
            <thead>
              <HeaderRow
                first={t('supervisor.agent')}
                columns={[t('reports.accepted'), t('reports.wrappedUp'), t('reports.averageHandle')]}
              />
            </thead>
            <tbody>
              {state.report.agents.length === 0 && (
                <tr>
                  <td colSpan={4} className="board-table__empty">
                    {t('reports.noAgents')}
                  </td>
                </tr>
              )}
              {state.report.agents.map((agent) => (
                <tr key={agent.id}>
                  <th scope="row">{agent.name}</th>
                  <td className="board-table__num">{agent.accepted}</td>
                  <td className="board-table__num">{agent.wrappedUp}</td>
                  <td className="board-table__num">{duration(agent.averageHandleSeconds)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.allAgents')}</th>
                <td className="board-table__num">{state.report.totals.accepted}</td>
                <td className="board-table__num">{state.report.totals.wrappedUp}</td>
                <td className="board-table__num">{duration(state.report.totals.averageHandleSeconds)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </main>
  );
};
