import type { TSupervisorAgent } from '@switchboard/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Timer } from '../../../shared/time/Timer';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { presenceLabel } from '../../presence/presence-label';
import {
  type AgentSort,
  type AgentSortKey,
  isAtLimit,
  nextSort,
  otherChannels,
  sortAgents,
} from '../board-sort';
import { SetAgentState } from './SetAgentState';

const SortHeader = ({
  column,
  label,
  sort,
  onSort,
  numeric = false,
}: {
  column: AgentSortKey;
  label: string;
  sort: AgentSort;
  onSort: (key: AgentSortKey) => void;
  numeric?: boolean;
}) => {
  const { t } = useTranslation();
  const active = sort.key === column;
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : 'none'}
      className={numeric ? 'board-table__num' : undefined}
    >
      <button
        type="button"
        className="board-table__sort"
        onClick={() => onSort(column)}
        title={t('supervisor.sortBy', { column: label })}
      >
        {label}
        <span aria-hidden="true" className="board-table__arrow">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
};

/**
 * Live chat's figure, as before, then every other channel the agent holds something on or has a
 * limit of their own on ("WhatsApp 1/5"). The short forms are hidden from screen readers, which
 * read each channel's name and "held of limit" instead.
 */
const LoadCell = ({ agent }: { agent: TSupervisorAgent }) => {
  const { t } = useTranslation();
  const atLimit = isAtLimit(agent);
  const others = otherChannels(agent);
  return (
    <td className="board-table__num">
      <span aria-hidden="true" className={atLimit ? 'board-table__limit' : undefined}>
        {t('supervisor.heldOfLimit', { held: agent.held, limit: agent.limit })}
      </span>
      <span className="sr-only">
        {t('supervisor.channelLoadLabel', {
          channel: t('channels.livechat'),
          held: agent.held,
          limit: agent.limit,
        })}
      </span>
      {atLimit && <span className="badge board-table__badge">{t('supervisor.atLimit')}</span>}
      {others.length > 0 && (
        <ul className="board-table__channels">
          {others.map((c) => {
            const values = { channel: t(`channels.${c.channel}`), held: c.held, limit: c.limit };
            const full = isAtLimit(c);
            return (
              <li key={c.channel} className={full ? 'board-table__limit' : undefined}>
                <span aria-hidden="true">{t('supervisor.channelLoad', values)}</span>
                <span className="sr-only">
                  {t('supervisor.channelLoadLabel', values)}
                  {full && ` ${t('supervisor.atLimit')}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </td>
  );
};

/** Per agent: state (the agent's own labels, RONA and Refused included), time in it, load. */
export const AgentTable = ({
  agents,
  onConversations,
}: {
  agents: readonly TSupervisorAgent[];
  /** Opens the history on the agent's open conversations, to read them. */
  onConversations: (agentId: string) => void;
}) => {
  const { t } = useTranslation();
  const [sort, setSort] = useState<AgentSort>({ key: 'state', direction: 'ascending' });
  const sorted = useMemo(() => sortAgents(agents, sort), [agents, sort]);
  const onSort = (key: AgentSortKey) => setSort((current) => nextSort(current, key));
  const [error, setError] = useState<unknown>(null);

  return (
    <>
      <FailureCallout error={error} />
      <table className="board-table">
        <caption className="board-table__caption">{t('supervisor.agentsCaption')}</caption>
        <thead>
          <tr>
            <SortHeader column="name" label={t('supervisor.agent')} sort={sort} onSort={onSort} />
            <SortHeader column="state" label={t('supervisor.state')} sort={sort} onSort={onSort} />
            <th scope="col">{t('supervisor.timeInState')}</th>
            <SortHeader
              column="held"
              label={t('supervisor.conversations')}
              sort={sort}
              onSort={onSort}
              numeric
            />
            <th scope="col">{t('supervisor.teams')}</th>
            <th scope="col">{t('supervisor.setState')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={6} className="board-table__empty">
                {t('supervisor.noAgents')}
              </td>
            </tr>
          )}
          {sorted.map((agent) => (
            <tr key={agent.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('supervisor.conversationsOf', { name: agent.name })}
                  onClick={() => onConversations(agent.id)}
                >
                  {agent.name}
                </button>
              </th>
              <td>
                <span className={`presence-pill presence-pill--${agent.state}`}>
                  <span className="presence__dot" aria-hidden="true" />
                  {presenceLabel(t, agent.state, agent.stateReason)}
                </span>
              </td>
              <td>
                <Timer since={agent.stateSince} label={t('supervisor.timeInState')} />
              </td>
              <LoadCell agent={agent} />
              <td>
                {agent.teams.length > 0 ? (
                  agent.teams.join(', ')
                ) : (
                  <span className="board-table__none">{t('supervisor.noTeam')}</span>
                )}
              </td>
              <td>
                <SetAgentState agent={agent} onError={setError} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};
