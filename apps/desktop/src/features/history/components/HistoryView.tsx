import type { TChannel, THistoryConversation, TSupervisorOverview } from '@switchboard/contracts';
import { CHANNELS } from '@switchboard/contracts/constants';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { useSession } from '../../auth/session-context';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { useFormatters } from '../../i18n/use-formatters';
import { PERIODS, type Period, periodRange } from '../../reports/report-period';
import { fetchFilterOptions, fetchHistoryDetail, fetchHistoryPage } from '../history-api';
import type { HistoryFilters } from '../history-query';
import { HistoryTranscript } from './HistoryTranscript';

/** One filter of the history: a label and its choices. */
const FilterSelect = ({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) => {
  const id = useId();
  return (
    <>
      <label className="reports__period" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select select--compact"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
};
const STATUSES = ['open', 'ended'] as const;

type Choices = Omit<HistoryFilters, 'from' | 'to'> & { period: Period };
const ALL: Choices = { period: 'today', queueId: '', agentId: '', channel: '', status: '' };

/** Where the history opens: the board's "Conversations of <agent>" asks for their open ones. */
export type HistoryStart = Partial<Pick<Choices, 'agentId' | 'status'>>;

/**
 * The supervisor's history (product.md: supervisors "read history"): the conversations that
 * arrived in a period, filtered by queue, agent, channel and whether they are over, newest first,
 * a page at a time; one picked is read whole beside the list. Customer data is masked by the server
 * as on the desk.
 */
export const HistoryView = ({ initial = {} }: { initial?: HistoryStart }) => {
  const { t } = useTranslation();
  const { api } = useSession();
  const { user } = useDesk();
  const { dateTime } = useFormatters();
  const [choices, setChoices] = useState<Choices>(() => ({
    ...ALL,
    ...(initial.agentId ? { agentId: initial.agentId } : {}),
    ...(initial.status ? { status: initial.status } : {}),
  }));
  const [options, setOptions] = useState<Pick<TSupervisorOverview, 'queues' | 'agents'> | null>(null);
  const [rows, setRows] = useState<THistoryConversation[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Opened again, a conversation is read again (it may have gone on since): `opened` keys the pane.
  const [selected, setSelected] = useState<string | null>(null);
  const [opened, setOpened] = useState(0);

  useEffect(() => {
    fetchFilterOptions(api).then(setOptions, () => setOptions({ queues: [], agents: [] }));
  }, [api]);

  const load = useCallback(
    async (before?: string) => {
      setBusy(true);
      setError(null);
      try {
        const { period, ...rest } = choices;
        const page = await fetchHistoryPage(api, { ...periodRange(period, new Date()), ...rest }, before);
        setRows((shown) =>
          before === undefined ? page.conversations : [...(shown ?? []), ...page.conversations],
        );
        setNext(page.next);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [api, choices],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const choose = <K extends keyof Choices>(key: K, value: Choices[K]) =>
    setChoices((current) => ({ ...current, [key]: value }));

  const statusOf = (c: THistoryConversation) =>
    c.status === 'ended'
      ? c.customerLeft
        ? t('history.status.customerLeft')
        : t('history.status.ended')
      : t(`history.status.${c.status}`);

  return (
    <main className="board history" aria-labelledby="history-title">
      <div className="reports__bar">
        <h2 id="history-title" className="board__title">
          {t('history.title')}
        </h2>
      </div>
      <div className="history__filters">
        <FilterSelect
          label={t('reports.period')}
          value={choices.period}
          onChange={(value) => choose('period', value as Period)}
          options={PERIODS.map((value) => ({ value, label: t(`reports.periods.${value}`) }))}
        />
        <FilterSelect
          label={t('supervisor.queue')}
          value={choices.queueId}
          onChange={(value) => choose('queueId', value)}
          options={[
            { value: '', label: t('history.allQueues') },
            ...(options?.queues ?? []).map((queue) => ({ value: queue.id, label: queue.name })),
          ]}
        />
        <FilterSelect
          label={t('supervisor.agent')}
          value={choices.agentId}
          onChange={(value) => choose('agentId', value)}
          options={[
            { value: '', label: t('history.allAgents') },
            ...(options?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.name })),
          ]}
        />
        <FilterSelect
          label={t('history.channel')}
          value={choices.channel}
          onChange={(value) => choose('channel', value as TChannel | '')}
          options={[
            { value: '', label: t('history.allChannels') },
            ...CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) })),
          ]}
        />
        <FilterSelect
          label={t('history.statusLabel')}
          value={choices.status}
          onChange={(value) => choose('status', value as Choices['status'])}
          options={[
            { value: '', label: t('history.allStatuses') },
            ...STATUSES.map((status) => ({ value: status, label: t(`history.statuses.${status}`) })),
          ]}
        />
        <button className="button" type="button" disabled={busy} onClick={() => void load()}>
          {t('reports.refresh')}
        </button>
      </div>
      <FailureCallout error={error} />
      <div className="history__split">
        <section className="history__list" aria-labelledby="history-list-title">
          <h3 id="history-list-title" className="sr-only">
            {t('history.listTitle')}
          </h3>
          {rows === null && error === null && <p role="status">{t('admin.loading')}</p>}
          {rows !== null && rows.length === 0 && <p className="admin-list__empty">{t('history.none')}</p>}
          {rows !== null && rows.length > 0 && (
            <table className="board-table history__table" aria-labelledby="history-list-title">
              <thead>
                <tr>
                  <th scope="col">{t('history.arrived')}</th>
                  <th scope="col">{t('history.customer')}</th>
                  <th scope="col">{t('history.channel')}</th>
                  <th scope="col">{t('supervisor.queue')}</th>
                  <th scope="col">{t('history.agents')}</th>
                  <th scope="col">{t('history.statusLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className={row.id === selected ? 'history__row--selected' : undefined}>
                    <td className="audit-table__when">{dateTime(row.arrivedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('history.open', { customer: row.customerName })}
                        aria-pressed={row.id === selected}
                        onClick={() => {
                          setSelected(row.id);
                          setOpened((n) => n + 1);
                        }}
                      >
                        {row.customerName}
                      </button>
                    </td>
                    <td>{t(`channels.${row.channel}`)}</td>
                    <td>{row.queueName}</td>
                    <td>{row.agents.length > 0 ? row.agents.map((a) => a.name).join(', ') : '–'}</td>
                    <td>{statusOf(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {next !== null && (
            <button className="button" type="button" disabled={busy} onClick={() => void load(next)}>
              {t('history.older')}
            </button>
          )}
        </section>
        {selected !== null && (
          <HistoryTranscript
            key={`${selected}-${opened}`}
            load={(after) => fetchHistoryDetail(api, selected, after)}
            canReveal={user.role === 'supervisor'}
            canErase={user.role === 'admin'}
            onErased={() => void load()}
            attachmentUrl={(conversationId, attachmentId) =>
              `/api/supervisor/conversations/${conversationId}/attachments/${attachmentId}`
            }
          />
        )}
      </div>
    </main>
  );
};
