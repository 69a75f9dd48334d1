import { useTranslation } from 'react-i18next';
import { useSupervisorOverview } from '../use-supervisor-overview';
import { AgentTable } from './AgentTable';
import { QueueTable } from './QueueTable';

/** The supervisor's live view: queues and agents, updated by pushes of the whole board. */
export const SupervisorBoard = ({
  onAgentConversations,
}: {
  onAgentConversations: (agentId: string) => void;
}) => {
  const { t } = useTranslation();
  const { state, reload } = useSupervisorOverview();
  return (
    <main className="board" aria-labelledby="board-title">
      <h2 id="board-title" className="board__title">
        {t('supervisor.board')}
      </h2>
      {state.status === 'loading' && <p role="status">{t('supervisor.loading')}</p>}
      {state.status === 'failed' && (
        <div className="callout callout--error" role="alert">
          <p>{t('supervisor.loadFailed')}</p>
          <button className="button" type="button" onClick={reload}>
            {t('supervisor.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <QueueTable queues={state.overview.queues} />
          <AgentTable agents={state.overview.agents} onConversations={onAgentConversations} />
        </>
      )}
    </main>
  );
};
