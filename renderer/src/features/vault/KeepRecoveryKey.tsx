import { type FormEvent, type Ref, useRef, useState } from 'react';
import { copySecret } from '../../ui/clipboard';
import { Actions, Button, Notice, TextField } from '../../ui/controls';
import { twoGroups } from './recoveryGroups';
import styles from './vault.module.css';

const normalised = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();

/**
 * A recovery key, shown once, then kept: copied, printed or written down; then, with the key out of sight,
 * two of its groups chosen at random typed back, and a box ticked. Used when a journal is made and when
 * a new key replaces the old (Settings).
 */
export function KeepRecoveryKey({
  recoveryKey,
  label,
  keptLabel,
  submitLabel,
  onKept,
  keyRef,
}: {
  recoveryKey: string;
  /** How the key is named for screen readers ("Recovery key", "New recovery key"). */
  label: string;
  keptLabel: string;
  submitLabel: string;
  onKept: () => void;
  /** Focused when the key is shown again. */
  keyRef?: Ref<HTMLDivElement> | undefined;
}) {
  const groups = recoveryKey.split('-');
  const [asked] = useState(() => twoGroups(groups.length));
  const [checking, setChecking] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [typed, setTyped] = useState<[string, string]>(['', '']);
  const [kept, setKept] = useState(false);
  const [tried, setTried] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const matches = asked.map((index, i) => normalised(typed[i]!) === groups[index]);

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
    if (matches.every(Boolean) && kept) onKept();
  }

  if (!checking) {
    return (
      <>
        <div
          ref={keyRef}
          tabIndex={-1}
          className={styles.key}
          aria-label={label}
          role="group"
          data-testid="recovery-key"
        >
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
          <Actions>
            <Button
              onClick={() => {
                setChecking(true);
                requestAnimationFrame(() => firstField.current?.focus());
              }}
            >
              I have kept it: check it with me
            </Button>
          </Actions>
        </div>
      </>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Check your ${label.toLowerCase()}`}>
      <p className={styles.lede}>
        The key is out of sight now. From what you kept, type these two groups of five (counting from the left), so we
        both know it is safe with you.
      </p>
      {asked.map((index, i) => (
        <TextField
          key={index}
          {...(i === 0 ? { ref: firstField } : {})}
          label={`Group ${index + 1} of ${groups.length}`}
          value={typed[i] ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            setTyped((current) => (i === 0 ? [value, current[1]] : [current[0], value]));
          }}
          mono
          maxLength={10}
          autoComplete="off"
          spellCheck={false}
          error={tried && !matches[i] ? `That does not match group ${index + 1} yet.` : null}
        />
      ))}
      <label className={styles.check}>
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        <span>{keptLabel}</span>
      </label>
      {tried && !kept ? <Notice>Please tick the box once your key is somewhere safe.</Notice> : null}
      <Actions>
        <Button type="submit">{submitLabel}</Button>
        <Button
          variant="quiet"
          onClick={() => {
            setChecking(false);
            setTried(false);
          }}
        >
          Show the key again
        </Button>
      </Actions>
    </form>
  );
}
