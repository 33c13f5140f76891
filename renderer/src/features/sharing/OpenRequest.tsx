import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PendingOpen } from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import ui from '../../ui/ui.module.css';
import { sharingKeys } from './queries';
import type { Arrival } from './SharedPage';
import styles from './sharing.module.css';

/**
 * A bundle the system asked Holding to open (double-clicked in a file manager, or "Open with"): nothing is
 * imported until the person says yes. Asked when the journal opens, and whenever another file is handed over.
 */
export function OpenRequest({ onDone }: { onDone: (arrival: Omit<Arrival, 'n'>) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingOpen | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    let live = true;
    unwrap(holding().sharing.pending())
      .then((p) => {
        if (live && p) setPending(p);
      })
      .catch(() => undefined);
    const off = holding().events.on('sharing:openRequested', (p) => setPending(p));
    return () => {
      live = false;
      off();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const notNow = () => {
    setPending(null);
    void holding().sharing.dismissPending();
  };

  const openIt = async () => {
    setBusy(true);
    try {
      const result = await unwrap(holding().sharing.importPending());
      await queryClient.invalidateQueries({ queryKey: sharingKeys.all });
      onDone({ result, error: null });
    } catch (error) {
      onDone({ result: null, error: describeError(error) });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <dialog
      ref={ref}
      className={`${ui.dialog} ${styles.openDialog}`}
      aria-labelledby={pending ? `${id}-title` : undefined}
      aria-describedby={pending ? `${id}-what` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) notNow();
      }}
    >
      {pending ? (
        <>
          <h2 id={`${id}-title`} className={styles.openDialogTitle}>
            Open <span className={styles.fileName}>“{pending.fileName}”?</span>
          </h2>
          <div id={`${id}-what`} className={ui.dialogBody}>
            <p>
              Holding checks who this file comes from and that nothing has changed on the way, then adds it to Sharing:
              a share to read and comment on, or feedback on something you shared.
            </p>
            <p>Nothing is added unless you open it. If you choose Not now, you can open the file from Sharing later.</p>
          </div>
          <div className={ui.actions}>
            <Button variant="secondary" onClick={notNow} disabled={busy} autoFocus>
              Not now
            </Button>
            <Button onClick={() => void openIt()} disabled={busy}>
              {busy ? 'Opening…' : 'Open it'}
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
