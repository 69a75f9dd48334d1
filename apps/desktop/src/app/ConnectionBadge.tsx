import { useTranslation } from 'react-i18next';
import { useDesk } from './desk/desk-context';

/** "Reconnecting…" while the socket is down; the desk catches up by itself when it is back. */
export const ConnectionBadge = () => {
  const { t } = useTranslation();
  const { connection } = useDesk();
  return (
    <output className={`connection connection--${connection}`}>
      {connection === 'reconnecting'
        ? t('connection.reconnecting')
        : connection === 'connecting'
          ? t('connection.connecting')
          : ''}
    </output>
  );
};
