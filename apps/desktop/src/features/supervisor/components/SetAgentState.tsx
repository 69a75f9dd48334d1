import type { TSupervisorAgent } from '@switchboard/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { useSession } from '../../auth/session-context';
import { ChoosableStates } from '../../presence/components/ChoosableStates';
import { toSetStateRequest } from '../../presence/presence-state';

/**
 * A supervisor sets an agent's state from the board: Available (an agent left in RONA or
 * Refused), or Idle with a reason (one who forgot their break). Not for an offline agent: the
 * server refuses it (AGENT_OFFLINE), as nobody would see what they are offered. The board shows
 * the new state when the server pushes it; a refusal is given to `onError`.
 */
export const SetAgentState = ({
  agent,
  onError,
}: {
  agent: TSupervisorAgent;
  onError: (error: unknown) => void;
}) => {
  const { t } = useTranslation();
  const { api } = useSession();
  const { idleReasons } = useDesk();
  const [busy, setBusy] = useState(false);
  if (agent.state === 'offline') {
    return <span className="board-table__none">{t('supervisor.offlineNoState')}</span>;
  }
  const choose = async (value: string) => {
    const body = toSetStateRequest(value);
    if (!body) {
      return;
    }
    setBusy(true);
    onError(null);
    try {
      await api.put(`/api/supervisor/agents/${encodeURIComponent(agent.id)}/state`, body);
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <select
      className="select select--compact"
      aria-label={t('supervisor.setStateOf', { name: agent.name })}
      value=""
      disabled={busy}
      onChange={(event) => void choose(event.target.value)}
    >
      <option value="" disabled>
        {t('supervisor.setState')}
      </option>
      <ChoosableStates idleReasons={idleReasons} />
    </select>
  );
};
