import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './controls';
import styles from './ui.module.css';

interface Props {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Cancel, the other button, or Escape. */
  onCancel: () => void;
  /** The other button's words, when "Cancel" is not the kindest: "Not now", "Not yet". */
  cancelLabel?: string;
  /** While the answer is being carried out: both buttons wait, and Escape does nothing. */
  busy?: boolean;
  /** What the confirm button says while busy. */
  busyLabel?: string;
  /** News that led to the question, shown above the title ("Their card is added."). */
  before?: ReactNode;
  className?: string | undefined;
}

/**
 * A modal question on the platform's own <dialog>: focus is held inside and starts on the way out, Escape
 * cancels, and the body is read with the title.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  cancelLabel = 'Cancel',
  busy = false,
  busyLabel,
  before,
  className,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={[styles.dialog, className].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        // The window decides when it closes: not while an answer is being carried out.
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {before}
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className={styles.dialogBody}>
        {children}
      </div>
      <div className={styles.actions}>
        <Button variant="secondary" onClick={onCancel} disabled={busy} autoFocus>
          {cancelLabel}
        </Button>
        <Button onClick={onConfirm} disabled={busy}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
