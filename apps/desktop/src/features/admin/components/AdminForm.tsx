import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of an administrator's form (a user, a queue, an asset): its title, its fields, and
 * Cancel and the submit button (named for what it does: Create user, Save). Named by its title,
 * so a screen reader and a test find "New queue" or "Edit Sales".
 */
export const AdminForm = ({
  title,
  submitLabel,
  onSubmit,
  onCancel,
  disabled,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** While a request is under way, or while the fields cannot be sent. */
  disabled: boolean;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const titleId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="admin-form" aria-labelledby={titleId} onSubmit={submit}>
      <h4 id={titleId} className="admin-form__title">
        {title}
      </h4>
      {children}
      <div className="admin-list__actions">
        <button className="button" type="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button className="button button--primary" type="submit" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
};

/** The props every entity form gets from CrudSection. */
export interface EntityFormProps<D> {
  draft: D;
  onChange: (draft: D) => void;
  onSubmit: () => void;
  onCancel: () => void;
  isNew: boolean;
  busy: boolean;
}
