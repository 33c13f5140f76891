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
 * cancels, and the body is read with the title. When the question ends, however it ends, focus goes back to
 * where it was when it was asked (the button that asked), if that is still there: the platform does this when
 * the dialog closes, and this does it too when the dialog is taken off the page while open, which the platform
 * cannot. Whatever the answer then does may move focus on from there.
 *
 * To ask before an action, use `useConfirm` and `ConfirmAction` (./ConfirmAction), which build on this.
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
    if (!dialog || !open) return;
    // Read just before the platform reads it for itself, in showModal.
    const askedFrom = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      const now = document.activeElement;
      // Only where focus was lost with the dialog (it fell to the page, or is still in a dialog now gone).
      const lost = now === null || now === document.body || dialog.contains(now);
      if (lost && askedFrom instanceof HTMLElement && askedFrom.isConnected) askedFrom.focus();
    };
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
