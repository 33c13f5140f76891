import { type FormEvent, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { FormEnd } from '../../ui/FormEnd';
import { NewPassphraseFields, useNewPassphrase } from '../../ui/NewPassphraseFields';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { LockedSupport } from '../support/LockedSupport';
import styles from './vault.module.css';

/** First run: choose a passphrase, then keep the recovery key. */
export function CreateVault({
  onCreated,
  onDone,
  onRestore,
}: {
  onCreated: () => void;
  onDone: () => void;
  /** Restore a journal from a backup instead (a new computer, say). */
  onRestore: () => void;
}) {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onDone={onDone} />;
  return (
    <ChoosePassphrase
      onCreated={(key) => {
        onCreated();
        setRecoveryKey(key);
      }}
      onRestore={onRestore}
    />
  );
}

function ChoosePassphrase({
  onCreated,
  onRestore,
}: {
  onCreated: (recoveryKey: string) => void;
  onRestore: () => void;
}) {
  const passphrase = useNewPassphrase();
  const [tried, setTried] = useState(false);
  const [support, setSupport] = useState(false);
  const create = useMutation({
    mutationFn: () => unwrap(holding().vault.create({ passphrase: passphrase.next })),
    onSuccess: (value) => onCreated(value.recoveryKey),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (passphrase.ready) create.mutate();
  }

  if (support) {
    return (
      <main className={styles.page}>
        <div className={styles.card}>
          <div className={styles.brand}>Holding</div>
          <LockedSupport journal="none" />
          <div className={styles.switches}>
            <Button variant="quiet" onClick={() => setSupport(false)}>
              Back to setting up
            </Button>
          </div>
        </div>
      </main>
    );
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>Holding</div>
        <h1 tabIndex={-1}>A private place for your practice</h1>
        <p className={styles.lede}>
          Everything you write here is encrypted and stays on this computer. Nothing is sent anywhere, and nobody,
          including us, can read it without your passphrase.
        </p>
        <form onSubmit={submit} noValidate aria-label="Create your journal">
          <NewPassphraseFields
            label="Choose a passphrase"
            confirmLabel="Type it once more"
            hint="A few unrelated words are easier to remember and harder to guess than a short password."
            {...passphrase.fields}
            tried={tried}
            autoFocus
          />
          <FormEnd sending={create} submitLabel="Create my journal" busyLabel="Setting up your journal…" />
        </form>
        <div className={styles.switches}>
          <p className={styles.lede}>
            Used Holding before, on this computer or another? You can bring your journal back.
          </p>
          <Button variant="quiet" onClick={onRestore}>
            Restore from a backup
          </Button>
          <Button variant="quiet" onClick={() => setSupport(true)}>
            Support
          </Button>
        </div>
      </div>
    </main>
  );
}
