import { useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  BACKUP_FREQUENCIES,
  BACKUP_KEEPS,
  type BackupFrequency,
  type BackupKeep,
  type BackupStatus,
  RETENTION_RULES,
} from '../../../../common/backup/types';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ShowInFolder } from '../../ui/ShowInFolder';
import { TaskProgress } from '../../ui/TaskProgress';
import { useFocusAfter } from '../../ui/useFocusAfter';
import { useRequestedHeading } from '../../ui/pendingRequest';
import { RadioChips } from '../../ui/RadioChips';
import settingsStyles from '../settings/settings.module.css';
import { failureInWords, fullDate, lastBackupInWords, ruleInWords, size, when, entriesIn } from './format';
import {
  backupKeys,
  refreshBackups,
  setBackupStatus,
  takeBackupsRequest,
  useBackups,
  useBackupStatus,
} from './queries';
import styles from './backup.module.css';

const FREQUENCY_LABELS: Record<BackupFrequency, string> = {
  daily: 'Every day',
  weekly: 'Every week',
  manual: 'Only when I ask',
};

const FREQUENCY_HINTS: Record<BackupFrequency, string> = {
  daily:
    'After you unlock, once the last backup is a day old, and every few hours while Holding is open. It never gets in the way of locking.',
  weekly:
    'After you unlock, once the last backup is a week old, and every few hours while Holding is open. It never gets in the way of locking.',
  manual:
    'Holding will not back up by itself. The Journal page will mention it if your last backup is over a week old.',
};

const KEEP_LABELS: Record<BackupKeep, string> = {
  standard: 'Recommended',
  fewer: 'Fewer, to save space',
  all: 'All of them',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Settings → Backups: where they go, how often, how many are kept, backing up now, and restoring. */
export function BackupsSection({ onRestore }: { onRestore: () => void }) {
  const id = useId();
  const status = useBackupStatus();
  // Asked for from elsewhere (the Journal page's note): this section, once the page's heading has had its turn.
  const heading = useRequestedHeading(takeBackupsRequest);
  const data = status.data;
  return (
    <section className={settingsStyles.section} aria-labelledby={`${id}-h`} data-testid="backups-section">
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1} className={settingsStyles.focusableHeading}>
        Backups
      </h2>
      <p className={settingsStyles.muted}>
        Holding can keep copies of your journal in a folder you choose: an external drive, say, or a folder that syncs
        to somewhere else. Each copy is encrypted like your journal, and Holding opens and checks it before counting it.
      </p>
      {status.isError ? <Notice>{describeError(status.error)}</Notice> : null}
      {data ? (
        <>
          <LastBackup status={data} />
          {data.folder ? <BackUpNow status={data} /> : null}
          <Folder status={data} />
          <Preferences status={data} />
          <RecentBackups />
        </>
      ) : null}
      <h3 className={styles.subheading}>Restore from a backup</h3>
      <p className={settingsStyles.muted}>
        Brings back your journal as it was in a backup. The journal here now is first set aside in a folder of its own,
        never overwritten, and nothing changes until you have seen what the backup holds.
      </p>
      <Button variant="secondary" onClick={onRestore}>
        Restore from a backup…
      </Button>
      {data && data.setAside.length > 0 ? <SetAside status={data} /> : null}
    </section>
  );
}

/** The journals earlier restores moved aside: where each is, until the person says they no longer need telling. */
function SetAside({ status }: { status: BackupStatus }) {
  const queryClient = useQueryClient();
  const forget = useMutation({
    mutationFn: (restoredAt: string) => unwrap(holding().backup.forgetSetAside({ restoredAt })),
    onSuccess: (next) => setBackupStatus(queryClient, next),
  });
  return (
    <div className={styles.setAside} data-testid="set-aside">
      <h3 className={styles.subheading}>Journals set aside by a restore</h3>
      <ul className={styles.setAsideList}>
        {status.setAside.map((item) => (
          <li key={item.restoredAt}>
            <p>
              On {fullDate(item.restoredAt)} you restored a backup made {when(item.backupMadeAt)}. The journal that was
              here before is kept, just as it was, in this folder:
            </p>
            <div className={styles.path}>{item.folder}</div>
            {item.present ? null : (
              <p className={settingsStyles.muted}>That folder is no longer there: it may have been moved or deleted.</p>
            )}
            <Button variant="quiet" disabled={forget.isPending} onClick={() => forget.mutate(item.restoredAt)}>
              I don’t need this reminder
            </Button>
          </li>
        ))}
      </ul>
      {forget.isError ? <Notice>{describeError(forget.error)}</Notice> : null}
      <p className={settingsStyles.muted}>
        Holding never deletes a journal it set aside. If you are sure you no longer need it, you can delete the folder
        yourself.
      </p>
    </div>
  );
}

function LastBackup({ status }: { status: BackupStatus }) {
  return (
    <div className={styles.summary} data-testid="last-backup">
      {status.last ? (
        <p className={styles.last}>
          <strong>Last checked backup:</strong> {lastBackupInWords(status.last)}.
        </p>
      ) : (
        <p className={styles.last}>
          <strong>No backups yet.</strong>{' '}
          {!status.folder
            ? 'Choose a folder to begin.'
            : status.frequency === 'manual'
              ? 'Back up whenever you are ready.'
              : 'The first will be made soon, or now if you like.'}
        </p>
      )}
      {status.running ? <p className={settingsStyles.muted}>Holding is making a backup now…</p> : null}
    </div>
  );
}

function Folder({ status }: { status: BackupStatus }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const choose = useMutation({
    mutationFn: () => unwrap(holding().backup.chooseFolder()),
    onMutate: () => setNote(''),
    onSuccess: ({ chosen, status: next }) => {
      setBackupStatus(queryClient, next);
      if (chosen) setNote('Backups will go to this folder from now on.');
    },
  });
  return (
    <div className={styles.block} role="group" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`} className={styles.subheading}>
        Backup folder
      </h3>
      {status.folder ? (
        <div className={settingsStyles.path} data-testid="backup-folder">
          {status.folder}
        </div>
      ) : (
        <p className={settingsStyles.muted}>No folder chosen yet.</p>
      )}
      {status.folder && !status.folderPresent ? (
        <Notice>
          This folder isn’t there at the moment. If it is on a drive, is the drive plugged in? Backups will carry on
          once it is back.
        </Notice>
      ) : null}
      <div className={styles.row}>
        <Button variant="secondary" disabled={choose.isPending} onClick={() => choose.mutate()}>
          {status.folder ? 'Choose another folder…' : 'Choose a folder…'}
        </Button>
      </div>
      {choose.isError ? <Notice>{describeError(choose.error)}</Notice> : null}
      <div role="status" className={styles.quietStatus}>
        {note}
      </div>
    </div>
  );
}

function BackUpNow({ status }: { status: BackupStatus }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const setFocusAfter = useFocusAfter({ button, status: statusRef, problem: problemRef });
  const now = useMutation({
    mutationFn: () => unwrap(holding().backup.now()),
    onMutate: () => setNote(''),
    onSuccess: ({ record, status: next }) => {
      setBackupStatus(queryClient, next);
      void queryClient.invalidateQueries({ queryKey: backupKeys.list });
      setNote(`Done: backed up and checked, ${entriesIn(record.counts)}.`);
      setFocusAfter('status');
    },
    onError: () => {
      refreshBackups(queryClient);
      setFocusAfter('problem');
    },
  });
  const stopped = now.error instanceof HoldingError && now.error.code === 'CANCELLED';
  // The backup just made and checked, which "Show in folder" opens the file manager on.
  const made = now.data?.record;
  return (
    <div className={styles.nowBlock}>
      <div className={styles.row}>
        <Button ref={button} disabled={now.isPending} onClick={() => now.mutate()}>
          {now.isPending ? 'Backing up…' : 'Back up now'}
        </Button>
      </div>
      {now.isPending || status.running ? (
        // Also a backup the schedule is making: it reports on the same channel, and Stop works for it too.
        <TaskProgress
          // Drawn afresh for a backup the person asks for, so nothing of a stopped scheduled one lingers.
          key={now.isPending ? 'asked' : 'scheduled'}
          channel="backup:now"
          label="How far the backup has got"
          stopLabel="Stop backing up"
        />
      ) : null}
      <div ref={problemRef} tabIndex={-1} className={styles.outcome}>
        {now.isError ? (
          stopped ? (
            <Notice tone="info">Stopped. No backup was made, and your journal is just as it was.</Notice>
          ) : (
            <Notice>{describeError(now.error)}</Notice>
          )
        ) : status.lastFailure ? (
          <Notice>{failureInWords(status.lastFailure)}</Notice>
        ) : null}
      </div>
      <div ref={statusRef} tabIndex={-1} role="status" className={styles.quietStatus} data-testid="backup-now-status">
        {note}
      </div>
      {made && note ? (
        <ShowInFolder
          show={() => holding().backup.showInFolder({ record: made.id })}
          label="Show in folder: the backup just made"
        />
      ) : null}
    </div>
  );
}

function Preferences({ status }: { status: BackupStatus }) {
  const id = useId();
  const queryClient = useQueryClient();
  type Changes = { frequency?: BackupFrequency; keep?: BackupKeep };
  // The choice shows at once, while main keeps it. (Never disabled meanwhile: focus would fall off the radios.)
  const [chosen, setChosen] = useState<Changes>({});
  const update = useMutation({
    mutationFn: (changes: Changes) => unwrap(holding().backup.setPreferences(changes)),
    onSuccess: (next) => setBackupStatus(queryClient, next),
    onSettled: (_data, _error, changes) =>
      setChosen((c) => ({
        ...(c.frequency !== changes.frequency ? { frequency: c.frequency } : {}),
        ...(c.keep !== changes.keep ? { keep: c.keep } : {}),
      })),
  });
  const change = (changes: Changes) => {
    setChosen((c) => ({ ...c, ...changes }));
    update.mutate(changes);
  };
  const frequency = chosen.frequency ?? status.frequency;
  const keep = chosen.keep ?? status.keep;
  return (
    <>
      <fieldset className={styles.fieldset} aria-describedby={`${id}-often-hint`}>
        <legend className={styles.subheading}>How often</legend>
        <RadioChips
          name={`${id}-often`}
          options={BACKUP_FREQUENCIES}
          label={(f) => FREQUENCY_LABELS[f]}
          value={frequency}
          onChange={(f) => change({ frequency: f })}
        />
        <p id={`${id}-often-hint`} className={styles.hint}>
          {FREQUENCY_HINTS[frequency]}
        </p>
      </fieldset>
      <fieldset className={styles.fieldset} aria-describedby={`${id}-keep-hint`}>
        <legend className={styles.subheading}>How many to keep</legend>
        <RadioChips
          name={`${id}-keep`}
          options={BACKUP_KEEPS}
          label={(k) => KEEP_LABELS[k]}
          value={keep}
          onChange={(k) => change({ keep: k })}
        />
        <p id={`${id}-keep-hint`} className={styles.hint}>
          {ruleInWords(RETENTION_RULES[keep])} Files in that folder that Holding did not make are never touched.
        </p>
      </fieldset>
      {update.isError ? <Notice>{describeError(update.error)}</Notice> : null}
    </>
  );
}

function RecentBackups() {
  const id = useId();
  const backups = useBackups();
  const list = backups.data ?? [];
  if (!list.length) return null;
  const shown = list.slice(0, 10);
  return (
    <div className={styles.block}>
      <h3 id={`${id}-h`} className={styles.subheading}>
        Recent backups
      </h3>
      <ul className={styles.backups} aria-labelledby={`${id}-h`}>
        {shown.map((b) => (
          <li key={b.id} className={styles.backup}>
            <span className={styles.backupWhen}>{capitalised(when(b.madeAt))}</span>
            <span className={styles.backupDetail}>
              on {b.computer}, {entriesIn(b.counts)}, {size(b.bytes)}
            </span>
            <span className={styles.fileName}>{b.fileName}</span>
          </li>
        ))}
      </ul>
      {list.length > shown.length ? (
        <p className={styles.hint}>
          And {list.length - shown.length} older {list.length - shown.length === 1 ? 'one' : 'ones'}, kept by the rule
          above.
        </p>
      ) : null}
    </div>
  );
}
