import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { LockReason } from '../../../../common/ipc/contract';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice, PassphraseField } from '../../ui/controls';
import { NewPassphraseFields, RecoveryKeyField, useNewPassphrase } from '../../ui/NewPassphraseFields';
import { LockedSupport } from '../support/LockedSupport';
import { usePageHeadingFocus } from '../../ui/usePageHeadingFocus';
import { UpdateProgress } from './UpdateProgress';
import styles from './vault.module.css';

type Mode = 'passphrase' | 'recovery' | 'reset' | 'support';

const LOCK_NOTES: Partial<Record<LockReason, string>> = {
  idle: 'Holding locked itself after a while without activity, to keep your writing private.',
  suspend: 'Holding locked itself when the computer went to sleep.',
  'screen-lock': 'Holding locked itself when the screen was locked.',
  restarted:
    'Part of Holding stopped unexpectedly, so Holding started it again and locked itself to be safe. Everything you had saved is safe.',
  'window-restarted':
    'Holding’s window stopped unexpectedly, so Holding locked itself and opened the window again. Everything you had saved is safe.',
};

/** The other ways in, each with a word on what it does: the two that use the recovery key differ. */
const WAYS: { mode: Mode | 'restore'; label: string; hint: string }[] = [
  { mode: 'passphrase', label: 'Use my passphrase', hint: 'The usual way in.' },
  {
    mode: 'recovery',
    label: 'Use my recovery key',
    hint: 'Opens your journal this once; your passphrase stays as it is.',
  },
  {
    mode: 'reset',
    label: 'I have forgotten my passphrase',
    hint: 'Your recovery key opens your journal, then you choose a new passphrase.',
  },
  {
    mode: 'restore',
    label: 'Restore from a backup',
    hint: 'Brings back your journal from a backup file; the one here is kept aside.',
  },
  { mode: 'support', label: 'Support', hint: 'People and services to turn to, whatever the hour.' },
];

export function Unlock({
  lastLockReason,
  onUnlocked,
  onRestore,
}: {
  lastLockReason: LockReason | null;
  onUnlocked: () => void;
  /** Restore from a backup: the journal here is set aside first. */
  onRestore: () => void;
}) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const note = lastLockReason ? LOCK_NOTES[lastLockReason] : undefined;
  // Another way in is another page: its heading takes focus, as the button chosen has gone from the list
  // (the passphrase's own field takes it instead).
  const pageRef = useRef<HTMLElement>(null);
  usePageHeadingFocus(pageRef, mode);
  return (
    <main className={styles.page} ref={pageRef}>
      <div className={styles.card}>
        <div className={styles.brand}>Holding</div>
        {mode === 'passphrase' ? <PassphraseForm note={note} onUnlocked={onUnlocked} /> : null}
        {mode === 'recovery' ? <RecoveryForm onUnlocked={onUnlocked} /> : null}
        {mode === 'reset' ? <ResetForm onUnlocked={onUnlocked} /> : null}
        {mode === 'support' ? <LockedSupport journal="locked" /> : null}
        <nav className={styles.switches} aria-label="Other ways in">
          <ul className={styles.ways}>
            {WAYS.filter((way) => way.mode !== mode).map((way) => (
              <li key={way.mode}>
                <Button
                  variant="quiet"
                  aria-describedby={`way-${way.mode}`}
                  onClick={() => (way.mode === 'restore' ? onRestore() : setMode(way.mode))}
                >
                  {way.label}
                </Button>
                <span id={`way-${way.mode}`} className={styles.wayHint}>
                  {way.hint}
                </span>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </main>
  );
}

function PassphraseForm({ note, onUnlocked }: { note: string | undefined; onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const unlock = useMutation({
    mutationFn: () => unwrap(holding().vault.unlock({ passphrase })),
    onSuccess: onUnlocked,
    // Clear and return to the field, ready for another try.
    onError: () => {
      setPassphrase('');
      inputRef.current?.focus();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase) unlock.mutate();
  }
  return (
    <>
      <h1 tabIndex={-1}>Welcome back</h1>
      {note ? <Notice tone="info">{note}</Notice> : null}
      <form onSubmit={submit} noValidate aria-label="Unlock with your passphrase">
        <PassphraseField
          ref={inputRef}
          label="Passphrase"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="current-password"
          autoFocus
        />
        {unlock.isError ? <Notice>{describeError(unlock.error)}</Notice> : null}
        <UpdateProgress channel="vault:unlock" active={unlock.isPending} />
        <Actions>
          <Button type="submit" disabled={unlock.isPending || passphrase.length === 0}>
            {unlock.isPending ? 'Unlocking…' : 'Unlock'}
          </Button>
        </Actions>
      </form>
    </>
  );
}

function RecoveryForm({ onUnlocked }: { onUnlocked: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const unlock = useMutation({
    mutationFn: () => unwrap(holding().vault.unlockWithRecoveryKey({ recoveryKey })),
    onSuccess: onUnlocked,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (recoveryKey.trim()) unlock.mutate();
  }
  return (
    <>
      <h1 tabIndex={-1}>Unlock with your recovery key</h1>
      <p className={styles.lede}>
        Type the key you kept when you set up Holding. Capitals, spaces and dashes do not matter.
      </p>
      <form onSubmit={submit} noValidate aria-label="Unlock with your recovery key">
        <RecoveryKeyField value={recoveryKey} onChange={setRecoveryKey} />
        {unlock.isError ? <Notice>{describeError(unlock.error)}</Notice> : null}
        <UpdateProgress channel="vault:unlockWithRecoveryKey" active={unlock.isPending} />
        <Actions>
          <Button type="submit" disabled={unlock.isPending || recoveryKey.trim().length === 0}>
            {unlock.isPending ? 'Unlocking…' : 'Unlock'}
          </Button>
        </Actions>
      </form>
    </>
  );
}

function ResetForm({ onUnlocked }: { onUnlocked: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const passphrase = useNewPassphrase();
  const [tried, setTried] = useState(false);
  const reset = useMutation({
    mutationFn: () => unwrap(holding().vault.resetPassphrase({ recoveryKey, next: passphrase.next })),
    onSuccess: onUnlocked,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (recoveryKey.trim() && passphrase.ready) reset.mutate();
  }
  return (
    <>
      <h1 tabIndex={-1}>Choose a new passphrase</h1>
      <p className={styles.lede}>
        It happens. Your recovery key lets you set a new passphrase; everything you have written stays just as it was.
      </p>
      <form onSubmit={submit} noValidate aria-label="Reset your passphrase with your recovery key">
        <RecoveryKeyField
          value={recoveryKey}
          onChange={setRecoveryKey}
          error={tried && !recoveryKey.trim() ? 'Please type your recovery key.' : null}
        />
        <NewPassphraseFields
          label="New passphrase"
          confirmLabel="Type the new passphrase once more"
          {...passphrase.fields}
          tried={tried}
        />
        {reset.isError ? <Notice>{describeError(reset.error)}</Notice> : null}
        <UpdateProgress channel="vault:resetPassphrase" active={reset.isPending} />
        <Actions>
          <Button type="submit" disabled={reset.isPending}>
            {reset.isPending ? 'Saving your new passphrase…' : 'Set new passphrase and unlock'}
          </Button>
        </Actions>
      </form>
    </>
  );
}
