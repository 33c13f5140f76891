import { type FormEvent, useState } from 'react';
import { copySecret } from '../../ui/clipboard';
import { Actions, Button, Notice, TextField } from '../../ui/controls';
import styles from './vault.module.css';

/** Shown once. The person proves they have kept it by typing its last group back. */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const groups = recoveryKey.split('-');
  const lastGroup = groups[groups.length - 1] ?? '';
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [typed, setTyped] = useState('');
  const [kept, setKept] = useState(false);
  const [tried, setTried] = useState(false);
  const typedMatches = typed.trim().toUpperCase() === lastGroup;

  async function copy() {
    try {
      await copySecret(recoveryKey);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (typedMatches && kept) onDone();
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={`${styles.brand} ${styles.noPrint}`}>Holding</div>
        <h1>Your recovery key</h1>
        <p className={styles.lede}>
          If you ever forget your passphrase, this key is the only other way into your journal. We will show it just
          this once.
        </p>
        <div className={styles.key} aria-label="Recovery key" role="group" data-testid="recovery-key">
          {groups.map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </div>
        <ul className={`${styles.list} ${styles.noPrint}`}>
          <li>Write it down or print it, and keep it somewhere safe and private, away from this computer.</li>
          <li>Anyone with this key can open your journal, so treat it like a house key.</li>
        </ul>
        <div className={styles.noPrint}>
          <Actions>
            <Button variant="secondary" onClick={() => void copy()}>
              Copy to clipboard
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
          </Actions>
          <div aria-live="polite" className={styles.live}>
            {copied === 'yes'
              ? 'Copied. Holding clears it from the clipboard in a minute, if it is still there; remember to clear it from anywhere you paste it.'
              : null}
            {copied === 'no' ? 'Copying did not work here. Please select the key and copy it, or write it down.' : null}
          </div>
          <form onSubmit={submit} noValidate aria-label="Confirm your recovery key">
            <TextField
              label="To check you have it, type the last group of five"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              mono
              maxLength={10}
              autoComplete="off"
              spellCheck={false}
              error={
                tried && !typedMatches
                  ? 'That does not match the last group yet. It is the five characters at the end.'
                  : null
              }
            />
            <label className={styles.check}>
              <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
              <span>I have kept my recovery key somewhere safe.</span>
            </label>
            {tried && !kept ? <Notice>Please tick the box once your key is somewhere safe.</Notice> : null}
            <Actions>
              <Button type="submit">Open my journal</Button>
            </Actions>
          </form>
        </div>
      </div>
    </main>
  );
}
