import { type TMessage, transferredLineNames } from '@switchboard/contracts';
import type { TFunction } from 'i18next';

/** An author name that names a person, not the system itself. */
const personName = (message: TMessage): string | null => {
  const name = message.authorName.trim();
  return name === '' || name.toLowerCase() === 'system' ? null : name;
};

/**
 * System lines are translated by `systemEvent` (contracts: "clients translate them by
 * systemEvent"); a line without one, or naming nobody, shows the server's text.
 */
export const systemText = (message: TMessage, t: TFunction): string => {
  const event = message.systemEvent;
  if (event === null) {
    return message.body;
  }
  if (event === 'agent_joined' || event === 'agent_left') {
    const name = personName(message);
    return name === null
      ? message.body || t(`system.${event}`, { name: '' })
      : t(`system.${event}`, { name });
  }
  if (event === 'transferred') {
    // "Transferred by <agent> from <queue>", agents only: translated from its two names.
    const names = transferredLineNames(message.body, message.authorName);
    return names ? t('system.transferred', names) : message.body;
  }
  if (event === 'transfer_comment') {
    return t('system.transfer_comment', { name: personName(message) ?? '', comment: message.body });
  }
  return t(`system.${event}`);
};
