import { KeepRecoveryKey } from './KeepRecoveryKey';
import styles from './vault.module.css';

/** Shown once, when the journal is made. The person proves they have kept it by typing two groups back. */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={`${styles.brand} ${styles.noPrint}`}>Holding</div>
        <h1 tabIndex={-1}>Your recovery key</h1>
        <p className={styles.lede}>
          If you ever forget your passphrase, this key is the only other way into your journal. We will show it just
          this once.
        </p>
        <KeepRecoveryKey
          recoveryKey={recoveryKey}
          label="Recovery key"
          keptLabel="I have kept my recovery key somewhere safe."
          submitLabel="Open my journal"
          onKept={onDone}
        />
      </div>
    </main>
  );
}
