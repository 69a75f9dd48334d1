/** A form dialog's two buttons: one that closes it, and its submit button. */
export const SubmitActions = ({
  cancelLabel,
  submitLabel,
  disabled,
  onCancel,
}: {
  cancelLabel: string;
  submitLabel: string;
  disabled: boolean;
  onCancel: () => void;
}) => (
  <div className="modal__actions">
    <button className="button" type="button" onClick={onCancel}>
      {cancelLabel}
    </button>
    <button className="button button--primary" type="submit" disabled={disabled}>
      {submitLabel}
    </button>
  </div>
);
