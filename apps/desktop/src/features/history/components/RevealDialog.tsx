import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';
import { useSession } from '../../auth/session-context';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { revealValue } from '../history-api';

/** The server's bounds on a reason (contracts' ZRevealRequestSchema). */
const REASON = { min: 3, max: 500 } as const;

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
  const titleId = useId();
  const hintId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!target) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { value } = await revealValue(api, {
        messageId: target.messageId,
        spanIndex: target.spanIndex,
        reason: reason.trim(),
      });
      setReason('');
      onRevealed(value);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      open={target !== null}
      onClose={close}
      labelledBy={titleId}
      describedBy={hintId}
      initialFocus={field}
    >
      <form className="reveal" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="modal__title">
          {t('history.revealTitle', { value: target?.label ?? '' })}
        </h2>
        <p id={hintId} className="field__hint">
          {t('history.revealHint')}
        </p>
        <label className="field">
          <span className="field__label">{t('history.revealReason')}</span>
          <textarea
            ref={field}
            className="input input--area"
            rows={3}
            maxLength={REASON.max}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <FailureCallout error={error} />
        <div className="modal__actions">
          <button className="button" type="button" onClick={close}>
            {t('admin.cancel')}
          </button>
          <button
            className="button button--primary"
            type="submit"
            disabled={busy || reason.trim().length < REASON.min}
          >
            {t('history.reveal')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
};
