import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PendingOpen } from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { sharingKeys } from './queries';
import type { Arrival } from './SharedPage';
import styles from './sharing.module.css';

/**
 * A bundle the system asked Holding to open (double-clicked in a file manager, or "Open with"): nothing is
 * imported until the person says yes. Asked when the journal opens, and whenever another file is handed over.
 */
export function OpenRequest({ onDone }: { onDone: (arrival: Arrival) => void }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  // Asked once when the journal opens (a file handed over at start), then told of each new one.
  const pending =
    useQuery({ queryKey: sharingKeys.pending, queryFn: () => unwrap(holding().sharing.pending()) }).data ?? null;
  useEffect(
    () => holding().events.on('sharing:openRequested', (p) => queryClient.setQueryData(sharingKeys.pending, p)),
    [queryClient],
  );

  // An answer is to the file the person saw. If another was handed over meanwhile, it stays to be asked about.
  const answered = (asked: PendingOpen) =>
    queryClient.setQueryData<PendingOpen | null>(sharingKeys.pending, (now) => (now?.id === asked.id ? null : now));

  const notNow = () => {
    if (!pending) return;
    answered(pending);
    void holding().sharing.dismissPending({ id: pending.id });
  };

  const openIt = async () => {
    if (!pending) return;
    const asked = pending;
    setBusy(true);
    try {
      const result = await unwrap(holding().sharing.importPending({ id: asked.id }));
      await queryClient.invalidateQueries({ queryKey: sharingKeys.all });
      onDone({ result, error: null });
    } catch (error) {
      onDone({ result: null, error: describeError(error) });
    } finally {
      setBusy(false);
      answered(asked);
    }
  };

  return (
    <ConfirmDialog
      open={pending !== null}
      className={styles.openDialog}
      title={
        <>
          Open <span className={styles.fileName}>“{pending?.fileName}”?</span>
        </>
      }
      cancelLabel="Not now"
      confirmLabel="Open it"
      busy={busy}
      busyLabel="Opening…"
      onCancel={notNow}
      onConfirm={() => void openIt()}
    >
      <p>
        Holding checks who this file comes from and that nothing has changed on the way, then adds it to Sharing: a
        share to read and comment on, or feedback on something you shared.
      </p>
      <p>Nothing is added unless you open it. If you choose Not now, you can open the file from Sharing later.</p>
    </ConfirmDialog>
  );
}
