import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { LockReason } from '../../../../common/ipc/contract';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice, PassphraseField, TextField } from '../../ui/controls';
import { StrengthMeter, usePassphraseAssessment } from '../../ui/StrengthMeter';
import styles from './vault.module.css';

type Mode = 'passphrase' | 'recovery' | 'reset';

const LOCK_NOTES: Partial<Record<LockReason, string>> = {
  idle: 'Holding locked itself after a while without activity, to keep your writing private.',
  suspend: 'Holding locked itself when the computer went to sleep.',
  'screen-lock': 'Holding locked itself when the screen was locked.',
};

export function Unlock({ lastLockReason, onUnlocked }: { lastLockReason: LockReason | null; onUnlocked: () => void }) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const note = lastLockReason ? LOCK_NOTES[lastLockReason] : undefined;
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>Holding</div>
        {mode === 'passphrase' ? <PassphraseForm note={note} onUnlocked={onUnlocked} /> : null}
        {mode === 'recovery' ? <RecoveryForm onUnlocked={onUnlocked} /> : null}
        {mode === 'reset' ? <ResetForm onUnlocked={onUnlocked} /> : null}
        <nav className={styles.switches} aria-label="Other ways in">
          {mode !== 'passphrase' ? (
            <Button variant="quiet" onClick={() => setMode('passphrase')}>
              Use my passphrase
            </Button>
          ) : null}
          {mode !== 'recovery' ? (
            <Button variant="quiet" onClick={() => setMode('recovery')}>
              Use my recovery key
            </Button>
          ) : null}
          {mode !== 'reset' ? (
            <Button variant="quiet" onClick={() => setMode('reset')}>
              I have forgotten my passphrase
            </Button>
          ) : null}
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
      <h1>Welcome back</h1>
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
      <h1>Unlock with your recovery key</h1>
      <p className={styles.lede}>
        Type the key you kept when you set up Holding. Capitals, spaces and dashes do not matter.
      </p>
      <form onSubmit={submit} noValidate aria-label="Unlock with your recovery key">
        <TextField
          label="Recovery key"
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
          mono
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
        />
        {unlock.isError ? <Notice>{describeError(unlock.error)}</Notice> : null}
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
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const meterId = useId();
  const assessment = usePassphraseAssessment(next);
  const reset = useMutation({
    mutationFn: () => unwrap(holding().vault.resetPassphrase({ recoveryKey, next })),
    onSuccess: onUnlocked,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!recoveryKey.trim() || !next || (assessment && !assessment.acceptable) || next !== confirm) return;
    reset.mutate();
  }
  return (
    <>
      <h1>Choose a new passphrase</h1>
      <p className={styles.lede}>
        It happens. Your recovery key lets you set a new passphrase; everything you have written stays just as it was.
      </p>
      <form onSubmit={submit} noValidate aria-label="Reset your passphrase with your recovery key">
        <TextField
          label="Recovery key"
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
          mono
          autoComplete="off"
          spellCheck={false}
          autoFocus
          error={tried && !recoveryKey.trim() ? 'Please type your recovery key.' : null}
        />
        <PassphraseField
          label="New passphrase"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoComplete="new-password"
          aria-describedby={meterId}
          error={tried && assessment && !assessment.acceptable ? assessment.hint : null}
        />
        <StrengthMeter assessment={assessment} id={meterId} />
        <div style={{ height: 16 }} />
        <PassphraseField
          label="Type the new passphrase once more"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          error={tried && confirm !== next ? 'The two passphrases are not the same yet.' : null}
        />
        {reset.isError ? <Notice>{describeError(reset.error)}</Notice> : null}
        <Actions>
          <Button type="submit" disabled={reset.isPending}>
            {reset.isPending ? 'Saving your new passphrase…' : 'Set new passphrase and unlock'}
          </Button>
        </Actions>
      </form>
    </>
  );
}
