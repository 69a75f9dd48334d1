import { type ReactNode, type RefObject, useEffect, useRef } from 'react';

type Props = {
  open: boolean;
  /** Escape, or a Close/Cancel button inside. */
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Focused on open; otherwise the browser picks the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
};

/**
 * A native modal `<dialog>`: the browser traps focus, makes the rest of the page inert, closes on
 * Escape, and returns the focus where it was.
 */
export const ModalDialog = ({
  open,
  onClose,
  labelledBy,
  describedBy,
  className,
  initialFocus,
  children,
}: Props) => {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // Keep React the owner of `open`: Escape asks, the parent decides.
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
};
