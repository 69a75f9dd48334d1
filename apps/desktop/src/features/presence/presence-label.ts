import type { TAgentState } from '@switchboard/contracts';
import type { TFunction } from 'i18next';

/** The state's name as the agent's state control shows it (Idle with its reason). */
export const presenceLabel = (t: TFunction, state: TAgentState, reason: string | null): string => {
  switch (state) {
    case 'idle':
      return reason ? t('presence.idleWithReason', { reason }) : t('presence.idle');
    case 'rona':
      return t('presence.rona');
    case 'refused':
      return t('presence.refused');
    case 'offline':
      // Taken offline by the server when the desktop went away (core's DISCONNECTED_REASON).
      return reason === 'disconnected' ? t('presence.offlineDisconnected') : t('presence.offline');
    case 'available':
      return t('presence.available');
  }
};
