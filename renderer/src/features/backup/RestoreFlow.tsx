import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { BackupPreview, BackupSecret, ChosenBackup } from '../../../../common/backup/types';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Actions, Button, Notice, PassphraseField } from '../../ui/controls';
import { RecoveryKeyField } from '../../ui/NewPassphraseFields';
import { TaskProgress } from '../../ui/TaskProgress';
import vaultStyles from '../vault/vault.module.css';
import { fullDate, holds, size, when } from './format';
import styles from './backup.module.css';

type Step =
  | { name: 'choose' }
  | { name: 'secret'; file: ChosenBackup }
  | { name: 'preview'; file: ChosenBackup; secret: BackupSecret; preview: BackupPreview }
  | { name: 'done'; setAsideFolder: string | null };

interface Props {
  /** Whether there is a journal here already (it is set aside first, never overwritten). */
  hasJournal: boolean;
  /** Where the person came from: the first screen, or Settings. */
  from: 'start' | 'settings';
  /** Back, before anything has changed. */
  onCancel: () => void;
  /** The restored journal is open: show it. */
  onDone: () => void;
}

/**
 * Restoring from a backup, a whole screen of its own: choose the file, give the passphrase it was made under
 * or the recovery key, see what it holds, say yes, and the journal is back. Nothing changes before the yes.
 */
export function RestoreFlow({ hasJournal, from, onCancel, onDone }: Props) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Each step's heading takes focus, so keyboard and screen-reader users land in it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.name]);

  const back = (
    <Button variant="quiet" onClick={onCancel}>
      {from === 'settings' ? 'Not now: back to Settings' : 'Not now'}
    </Button>
  );
  return (
    <main className={vaultStyles.page}>
      <div className={vaultStyles.card}>
        <div className={vaultStyles.brand}>Holding</div>
        {step.name === 'choose' ? (
          <ChooseFile headingRef={heading} onChosen={(file) => setStep({ name: 'secret', file })} back={back} />
        ) : step.name === 'secret' ? (
          <GiveSecret
            headingRef={heading}
            file={step.file}
            onOpened={(secret, preview) => setStep({ name: 'preview', file: step.file, secret, preview })}
            onAnotherFile={() => setStep({ name: 'choose' })}
            back={back}
          />
        ) : step.name === 'preview' ? (
          <Preview
            headingRef={heading}
            hasJournal={hasJournal}
            file={step.file}
            secret={step.secret}
            preview={step.preview}
            onRestored={(setAsideFolder) => setStep({ name: 'done', setAsideFolder })}
            back={back}
          />
        ) : (
          <Done headingRef={heading} setAsideFolder={step.setAsideFolder} onDone={onDone} />
        )}
      </div>
    </main>
  );
}

type HeadingRef = RefObject<HTMLHeadingElement | null>;

function ChooseFile({
  headingRef,
  onChosen,
  back,
}: {
  headingRef: HeadingRef;
  onChosen: (file: ChosenBackup) => void;
  back: ReactNode;
}) {
  const choose = useMutation({
    mutationFn: () => unwrap(holding().backup.chooseFile()),
    onSuccess: (file) => file && onChosen(file),
  });
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        Restore from a backup
      </h1>
      <p className={vaultStyles.lede}>
        Choose a backup file Holding made. It opens with the passphrase your journal had when the backup was made, or
        with your recovery key. Nothing changes until you have seen what it holds and said yes.
      </p>
      {choose.isError ? <Notice>{describeError(choose.error)}</Notice> : null}
      <Actions>
        <Button onClick={() => choose.mutate()} disabled={choose.isPending} autoFocus>
          {choose.isPending ? 'Choosing…' : 'Choose a backup file…'}
        </Button>
        {back}
      </Actions>
    </>
  );
}

function GiveSecret({
  headingRef,
  file,
  onOpened,
  onAnotherFile,
  back,
}: {
  headingRef: HeadingRef;
  file: ChosenBackup;
  onOpened: (secret: BackupSecret, preview: BackupPreview) => void;
  onAnotherFile: () => void;
  back: ReactNode;
}) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const secret: BackupSecret = mode === 'passphrase' ? { passphrase } : { recoveryKey };
  const open = useMutation({
    mutationFn: (s: BackupSecret) => unwrap(holding().backup.inspect({ file: file.id, secret: s })),
    onSuccess: (preview, s) => onOpened(s, preview),
  });
  const given = mode === 'passphrase' ? passphrase.length > 0 : recoveryKey.trim().length > 0;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (given) open.mutate(secret);
  }
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        Open the backup
      </h1>
      <p className={vaultStyles.lede}>
        <span className={styles.fileName}>{file.fileName}</span>
        <br />
        Made {when(file.madeAt)}.
      </p>
      <form
        onSubmit={submit}
        noValidate
        aria-label={
          mode === 'passphrase' ? 'Open the backup with a passphrase' : 'Open the backup with your recovery key'
        }
      >
        {mode === 'passphrase' ? (
          <PassphraseField
            label="Passphrase"
            hint="The passphrase your journal had when this backup was made."
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
            autoFocus
          />
        ) : (
          <RecoveryKeyField value={recoveryKey} onChange={setRecoveryKey} />
        )}
        {open.isError ? <Notice>{describeError(open.error)}</Notice> : null}
        <Actions>
          <Button type="submit" disabled={open.isPending || !given}>
            {open.isPending ? 'Opening the backup…' : 'Open the backup'}
          </Button>
        </Actions>
      </form>
      <nav className={vaultStyles.switches} aria-label="Other ways">
        <Button
          variant="quiet"
          onClick={() => {
            open.reset();
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
          }}
        >
          {mode === 'passphrase' ? 'Use my recovery key instead' : 'Use a passphrase instead'}
        </Button>
        <Button variant="quiet" onClick={onAnotherFile}>
          Choose another file
        </Button>
        {back}
      </nav>
    </>
  );
}

function Preview({
  headingRef,
  hasJournal,
  file,
  secret,
  preview,
  onRestored,
  back,
}: {
  headingRef: HeadingRef;
  hasJournal: boolean;
  file: ChosenBackup;
  secret: BackupSecret;
  preview: BackupPreview;
  onRestored: (setAsideFolder: string | null) => void;
  back: ReactNode;
}) {
  const restore = useMutation({
    mutationFn: () => unwrap(holding().backup.restore({ file: file.id, secret })),
    onSuccess: ({ setAsideFolder }) => onRestored(setAsideFolder),
  });
  const stopped = restore.error instanceof HoldingError && restore.error.code === 'CANCELLED';
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        What this backup holds
      </h1>
      <dl className={styles.facts}>
        <dt>Made</dt>
        <dd>{fullDate(preview.madeAt)}</dd>
        <dt>On</dt>
        <dd>{preview.computer}</dd>
        <dt>Holds</dt>
        <dd>
          <ul className={styles.holds}>
            {holds(preview.counts).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>Size</dt>
        <dd>
          {size(preview.bytes)}, made by Holding {preview.appVersion}
        </dd>
      </dl>
      {hasJournal ? (
        <Notice tone="info">
          {preview.sameJournal
            ? 'Your journal here now will be set aside first, whole, in a folder beside it: nothing is overwritten or deleted, and you can go back to it.'
            : 'This is a backup of a different journal from the one on this computer. The one here now will be set aside first, whole, in a folder beside it: nothing is overwritten or deleted.'}
        </Notice>
      ) : null}
      {restore.isError ? (
        stopped ? (
          <Notice tone="info">Stopped. Nothing was changed.</Notice>
        ) : (
          <Notice>{describeError(restore.error)}</Notice>
        )
      ) : null}
      <div role="status" className={styles.quietStatus}>
        {restore.isPending ? 'Restoring your journal and checking it… A large journal can take a minute.' : ''}
      </div>
      {restore.isPending ? (
        <TaskProgress channel="backup:restore" label="How far the restore has got" stopLabel="Stop restoring" />
      ) : null}
      <Actions>
        <Button onClick={() => restore.mutate()} disabled={restore.isPending}>
          {restore.isPending ? 'Restoring…' : 'Restore this backup'}
        </Button>
        {restore.isPending ? null : back}
      </Actions>
    </>
  );
}

function Done({
  headingRef,
  setAsideFolder,
  onDone,
}: {
  headingRef: HeadingRef;
  setAsideFolder: string | null;
  onDone: () => void;
}) {
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        Your journal is back
      </h1>
      <p className={vaultStyles.lede}>Everything in the backup is in place, and Holding has checked it.</p>
      {setAsideFolder ? (
        <>
          <p>The journal that was here before is kept, just as it was, in this folder:</p>
          <div className={styles.path} data-testid="set-aside-folder">
            {setAsideFolder}
          </div>
        </>
      ) : null}
      <Actions>
        <Button onClick={onDone}>Open my journal</Button>
      </Actions>
    </>
  );
}
