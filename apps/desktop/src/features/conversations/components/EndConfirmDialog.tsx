import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';

/** CXone asks to confirm: "Cliquez à nouveau sur Terminer le clavardage pour confirmer". */
export const EndConfirmDialog = ({
  open,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      open={open}
      onClose={onCancel}
      labelledBy={titleId}
      describedBy={textId}
      className="modal--small"
      initialFocus={confirm}
    >
      <h2 id={titleId} className="modal__title">
        {t('conversations.endConfirmTitle')}
      </h2>
      <p id={textId} className="modal__text">
        {t('conversations.endConfirmText')}
      </p>
      <div className="modal__actions">
        <button className="button" type="button" onClick={onCancel}>
          {t('conversations.cancel')}
        </button>
        <button
          ref={confirm}
          className="button button--danger"
          type="button"
          disabled={busy}
          onClick={onConfirm}
        >
          {t('conversations.end')}
        </button>
      </div>
    </ModalDialog>
  );
};
