import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { Timer } from '../../../shared/time/Timer';
import { presenceLabel } from '../presence-label';
import { presenceValueOf, toSetStateRequest } from '../presence-state';
import { ChoosableStates } from './ChoosableStates';

/**
 * The agent's state: Available, or Idle with one of the administrator's reasons. RONA, Refused
 * and Offline are shown but cannot be chosen; the agent leaves them by choosing Available.
 */
export const StateControl = () => {
  const { t } = useTranslation();
  const { presence, idleReasons, actions } = useDesk();
  const [busy, setBusy] = useState(false);
  const value = presenceValueOf(presence, idleReasons);
  const selectable = toSetStateRequest(value) !== null;

  const choose = async (next: string) => {
    const request = toSetStateRequest(next);
    if (!request || next === value) {
      return;
    }
    setBusy(true);
    try {
      await actions.setPresence(request);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`presence presence--${presence.state}`} aria-busy={busy}>
      <span className="presence__dot" aria-hidden="true" />
      <select
        className="select select--compact presence__select"
        aria-label={t('presence.label')}
        value={value}
        onChange={(event) => void choose(event.target.value)}
      >
        {!selectable && (
          <option value={value} disabled>
            {presenceLabel(t, presence.state, presence.stateReason)}
          </option>
        )}
        <ChoosableStates idleReasons={idleReasons} />
      </select>
      <Timer since={presence.stateSince} label={t('presence.timeInState')} />
    </div>
  );
};
