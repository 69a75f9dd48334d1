import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { revealValue } from '../history-api';
import { ReasonDialog } from './ReasonDialog';

/**
 * A supervisor reveals one masked value, giving a reason: the server answers the value and writes
 * who, which value and why to the audit log. The value is shown in the transcript only, never kept.
 */
export const RevealDialog = ({
  target,
  onClose,
  onRevealed,
}: {
  target: { messageId: string; spanIndex: number; label: string } | null;
  onClose: () => void;
  onRevealed: (value: string) => void;
}) => {
  const { t } = useTranslation();
  const { api } = useSession();
  return (
    <ReasonDialog
      open={target !== null}
      title={t('history.revealTitle', { value: target?.label ?? '' })}
      hint={t('history.revealHint')}
      reasonLabel={t('history.revealReason')}
      action={t('history.reveal')}
      onClose={onClose}
      onSubmit={async (reason) => {
        if (target) {
          const { value } = await revealValue(api, {
            messageId: target.messageId,
            spanIndex: target.spanIndex,
            reason,
          });
          onRevealed(value);
        }
      }}
    />
  );
};
