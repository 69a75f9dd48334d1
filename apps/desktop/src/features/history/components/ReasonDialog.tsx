import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';
import { FailureCallout } from '../../i18n/components/FailureCallout';

/** The server's bounds on an audited reason (contracts' reveal and erase requests). */
const REASON = { min: 3, max: 500 } as const;

/**
 * An audited action asks why first: a title, what it does, a reason of 3 to 500 characters the
 * server writes to the audit log, and the action's button; the server's refusal stays in the
 * dialog. Nothing happens before the button.
 */
export const ReasonDialog = ({
  open,
  title,
  hint,
  reasonLabel,
  action,
  danger = false,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  hint: string;
  reasonLabel: string;
  action: string;
  danger?: boolean;
  onClose: () => void;
  /** Does the action with the trimmed reason; a rejection is shown in the dialog. */
  onSubmit: (reason: string) => Promise<void>;
}) => {
  const { t } = useTranslation();
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
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      setReason('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog open={open} onClose={close} labelledBy={titleId} describedBy={hintId} initialFocus={field}>
      <form className="reveal" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <p id={hintId} className="field__hint">
          {hint}
        </p>
        <label className="field">
          <span className="field__label">{reasonLabel}</span>
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
            className={`button ${danger ? 'button--danger' : 'button--primary'}`}
            type="submit"
            disabled={busy || reason.trim().length < REASON.min}
          >
            {action}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
};
