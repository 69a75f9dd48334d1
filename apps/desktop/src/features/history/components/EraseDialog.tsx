import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { eraseCustomer } from '../history-api';
import { ReasonDialog } from './ReasonDialog';

/**
 * An administrator erases a customer's data on their request: what goes, for good, and a reason
 * the server writes to the audit log. Nothing is erased before the confirmation.
 */
export const EraseDialog = ({
  target,
  onClose,
  onErased,
}: {
  target: { conversationId: string; customerName: string } | null;
  onClose: () => void;
  onErased: (conversations: number) => void;
}) => {
  const { t } = useTranslation();
  const { api } = useSession();
  return (
    <ReasonDialog
      open={target !== null}
      title={t('history.eraseTitle', { customer: target?.customerName ?? '' })}
      hint={t('history.eraseHint')}
      reasonLabel={t('history.eraseReason')}
      action={t('history.eraseConfirm')}
      danger
      onClose={onClose}
      onSubmit={async (reason) => {
        if (target) {
          const { conversations } = await eraseCustomer(api, target.conversationId, reason);
          onErased(conversations);
        }
      }}
    />
  );
};
