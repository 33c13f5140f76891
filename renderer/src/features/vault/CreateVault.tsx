import { type FormEvent, useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice, PassphraseField } from '../../ui/controls';
import { StrengthMeter, usePassphraseAssessment } from '../../ui/StrengthMeter';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import styles from './vault.module.css';

/** First run: choose a passphrase, then keep the recovery key. */
export function CreateVault({ onCreated, onDone }: { onCreated: () => void; onDone: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onDone={onDone} />;
  return (
    <ChoosePassphrase
      onCreated={(key) => {
        onCreated();
        setRecoveryKey(key);
      }}
    />
  );
}

function ChoosePassphrase({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const meterId = useId();
  const assessment = usePassphraseAssessment(passphrase);
  const create = useMutation({
    mutationFn: () => unwrap(holding().vault.create({ passphrase })),
    onSuccess: (value) => onCreated(value.recoveryKey),
  });
  const mismatch = confirm.length > 0 && confirm !== passphrase;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    // Until the strength checker has loaded, main's own check decides (it always runs).
    if (!passphrase || (assessment && !assessment.acceptable) || confirm !== passphrase) return;
    create.mutate();
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>Holding</div>
        <h1>A private place for your practice</h1>
        <p className={styles.lede}>
          Everything you write here is encrypted and stays on this computer. Nothing is sent anywhere, and nobody,
          including us, can read it without your passphrase.
        </p>
        <form onSubmit={submit} noValidate aria-label="Create your journal">
          <PassphraseField
            label="Choose a passphrase"
            hint="A few unrelated words are easier to remember and harder to guess than a short password."
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="new-password"
            autoFocus
            aria-describedby={meterId}
            error={
              tried && !passphrase
                ? 'Please choose a passphrase.'
                : tried && assessment && !assessment.acceptable
                  ? assessment.hint
                  : null
            }
          />
          <StrengthMeter assessment={assessment} id={meterId} />
          <div style={{ height: 16 }} />
          <PassphraseField
            label="Type it once more"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="new-password"
            error={
              (tried || confirm.length >= passphrase.length) && mismatch
                ? 'The two passphrases are not the same yet.'
                : null
            }
          />
          {create.isError ? <Notice>{describeError(create.error)}</Notice> : null}
          <Actions>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Setting up your journal…' : 'Create my journal'}
            </Button>
          </Actions>
        </form>
      </div>
    </main>
  );
}
