import { useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ChosenExportFile, EverythingExported } from '../../../../common/export/everything';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { pendingRequest, useRequestedHeading } from '../../ui/pendingRequest';
import { TaskProgress } from '../../ui/TaskProgress';
import { ShowInFolder } from '../../ui/ShowInFolder';
import settingsStyles from '../settings/settings.module.css';
import styles from './everything.module.css';

/** Going to Settings → Export everything from the Export page. */
const everythingRequest = pendingRequest();
export const requestEverything = everythingRequest.request;

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/**
 * Settings → Export everything: the whole journal as one zip of ordinary files (docs/export-format.md), with
 * a plain warning that they leave the encryption, and a plainer one when the folder syncs elsewhere.
 */
export function EverythingSection() {
  const id = useId();
  const heading = useRequestedHeading(everythingRequest.take);
  const doneRef = useRef<HTMLDivElement>(null);
  const [history, setHistory] = useState(false);
  const [chosen, setChosen] = useState<ChosenExportFile | null>(null);
  const [done, setDone] = useState<EverythingExported | null>(null);

  const write = useMutation({
    mutationFn: (file: ChosenExportFile) => unwrap(holding().export.everything({ file: file.id, history })),
    onMutate: () => setDone(null),
    onSuccess: (result) => {
      setChosen(null);
      setDone(result);
      requestAnimationFrame(() => doneRef.current?.focus());
    },
  });
  const choose = useMutation({
    mutationFn: () => unwrap(holding().export.chooseEverythingFile()),
    onMutate: () => {
      setDone(null);
      write.reset();
    },
    onSuccess: (file) => {
      if (!file) return;
      // A folder that syncs elsewhere asks once more; any other goes straight ahead.
      if (file.synced) setChosen(file);
      else write.mutate(file);
    },
  });
  const stopped = write.error instanceof HoldingError && write.error.code === 'CANCELLED';
  const busy = choose.isPending || write.isPending;

  return (
    <section className={settingsStyles.section} aria-labelledby={`${id}-h`} data-testid="everything-section">
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1} className={settingsStyles.focusableHeading}>
        Export everything
      </h2>
      <p className={settingsStyles.muted}>
        Takes everything you have written in Holding out as ordinary files in one zip: each entry as a Markdown file and
        a web page, your check-ins, supervision records and hours as spreadsheets, and one file that can bring it all
        back into Holding. It is yours to keep, or to take to another program.
      </p>
      <div className={styles.warning} role="note" aria-label="Before you export">
        <p>
          <strong>These files are not encrypted.</strong> Anyone who can open the folder you save them in can read every
          word. Please choose somewhere only you can reach, such as a drive you keep safe, and delete the file when you
          no longer need it.
        </p>
      </div>
      <label className={styles.choice}>
        <input type="checkbox" checked={history} disabled={busy} onChange={(e) => setHistory(e.target.checked)} />
        <span>Include earlier versions of entries (their history)</span>
      </label>
      {chosen ? (
        <div className={styles.synced} role="alert">
          <p>
            <strong>That folder looks like part of {chosen.synced}.</strong> Anything saved there is copied to{' '}
            {chosen.synced}’s computers and to your other devices, unencrypted, where Holding cannot protect it.
          </p>
          <div className={settingsStyles.path}>{chosen.folder}</div>
          <div className={styles.row}>
            <Button onClick={() => write.mutate(chosen)} disabled={busy}>
              Save it there anyway
            </Button>
            <Button variant="secondary" onClick={() => choose.mutate()} disabled={busy}>
              Choose somewhere else…
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.row}>
          <Button onClick={() => choose.mutate()} disabled={busy}>
            {write.isPending ? 'Exporting…' : 'Export everything…'}
          </Button>
        </div>
      )}
      {write.isPending ? (
        <TaskProgress channel="export:everything" label="How far the export has got" stopLabel="Stop exporting" />
      ) : null}
      {choose.isError ? <Notice>{describeError(choose.error)}</Notice> : null}
      {write.isError ? (
        stopped ? (
          <Notice tone="info">Stopped. Nothing was saved.</Notice>
        ) : (
          <Notice>{describeError(write.error)}</Notice>
        )
      ) : null}
      <div ref={doneRef} tabIndex={-1} role="status" className={styles.done} data-testid="everything-status">
        {done
          ? `Done: ${done.entries === 1 ? 'one entry' : `${done.entries.toLocaleString('en-GB')} entries`} and everything else saved as “${done.fileName}” (${size(done.bytes)}) in ${done.folder}.`
          : ''}
      </div>
      {done && write.variables ? (
        <ShowInFolder
          show={() => holding().export.showInFolder({ everything: write.variables.id })}
          label="Show in folder: the export just made"
          className={styles.showInFolder}
        />
      ) : null}
    </section>
  );
}
