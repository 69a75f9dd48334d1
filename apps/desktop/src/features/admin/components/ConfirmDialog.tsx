import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';

/** "Delete Sales?": a destructive change asked for once more, with what it does. */
export const ConfirmDialog = ({
  title,
  text,
  confirm,
  open,
  onCancel,
  onConfirm,
}: {
  title: string;
  text: string;
  /** The confirming button's name: the action itself (Deactivate, Delete). */
  confirm: string;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  return (
    <ModalDialog open={open} onClose={onCancel} labelledBy={titleId} describedBy={textId}>
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      <p id={textId} className="modal__text">
        {text}
      </p>
      <div className="modal__actions">
        <button className="button" type="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button className="button button--danger" type="button" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </ModalDialog>
  );
};
