import { useId, useState } from 'react';
import type { PassphraseAssessment } from '../../../common/passphrase';
import { PassphraseField, TextField } from './controls';
import { StrengthMeter, usePassphraseAssessment } from './StrengthMeter';
import styles from './ui.module.css';

/**
 * Whether a new passphrase may be sent. Until the strength checker has loaded (assessment null),
 * main's own check decides; it checks every passphrase regardless.
 */
function newPassphraseReady(next: string, confirm: string, assessment: PassphraseAssessment | null): boolean {
  return next.length > 0 && next === confirm && (assessment === null || assessment.acceptable);
}

/**
 * The state behind a new passphrase and its confirmation, shared by every form that asks for one:
 * spread `fields` onto NewPassphraseFields and send only when `ready`.
 */
export function useNewPassphrase() {
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const assessment = usePassphraseAssessment(next);
  return {
    next,
    ready: newPassphraseReady(next, confirm, assessment),
    clear: () => {
      setNext('');
      setConfirm('');
    },
    fields: { next, confirm, onNext: setNext, onConfirm: setConfirm, assessment },
  };
}

/**
 * The state behind "your current passphrase, then a new one twice" (Change passphrase, Re-encrypt): spread
 * `fields` onto PassphraseChangeFields; on submit, `check()` shows every problem from then on and says
 * whether both may be sent.
 */
export function usePassphraseChange() {
  const [current, setCurrent] = useState('');
  const [tried, setTried] = useState(false);
  const passphrase = useNewPassphrase();
  return {
    current,
    next: passphrase.next,
    check: () => {
      setTried(true);
      return current.length > 0 && passphrase.ready;
    },
    clear: () => {
      setCurrent('');
      passphrase.clear();
      setTried(false);
    },
    fields: { current, onCurrent: setCurrent, tried, ...passphrase.fields },
  };
}

interface Props {
  label: string;
  confirmLabel: string;
  hint?: string;
  next: string;
  confirm: string;
  onNext: (value: string) => void;
  onConfirm: (value: string) => void;
  assessment: PassphraseAssessment | null;
  /** Show every problem, not just those visible while typing. */
  tried: boolean;
  autoFocus?: boolean;
}

/** A new passphrase, its strength, and typing it once more: the same on every screen that asks. */
export function NewPassphraseFields(props: Props) {
  const meterId = useId();
  const { next, confirm, assessment, tried } = props;
  const weak = assessment && !assessment.acceptable ? assessment.hint : null;
  const mismatch = confirm !== next && (tried || confirm.length >= next.length) && confirm.length > 0;
  return (
    <>
      <PassphraseField
        label={props.label}
        {...(props.hint ? { hint: props.hint } : {})}
        value={next}
        onChange={(e) => props.onNext(e.target.value)}
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        aria-describedby={meterId}
        error={tried && !next ? 'Please choose a passphrase.' : tried ? weak : null}
      />
      <StrengthMeter assessment={assessment} id={meterId} />
      <div className={styles.gap} />
      <PassphraseField
        label={props.confirmLabel}
        value={confirm}
        onChange={(e) => props.onConfirm(e.target.value)}
        autoComplete="new-password"
        error={mismatch || (tried && next && confirm !== next) ? 'The two passphrases are not the same yet.' : null}
      />
    </>
  );
}

/** The current passphrase, then the new one with its strength and once more. */
export function PassphraseChangeFields({
  current,
  onCurrent,
  ...fields
}: Omit<Props, 'autoFocus'> & { current: string; onCurrent: (value: string) => void }) {
  return (
    <>
      <PassphraseField
        label="Current passphrase"
        value={current}
        onChange={(e) => onCurrent(e.target.value)}
        autoComplete="current-password"
        error={fields.tried && !current ? 'Please type your current passphrase.' : null}
      />
      <NewPassphraseFields {...fields} />
    </>
  );
}

export function RecoveryKeyField(props: { value: string; onChange: (value: string) => void; error?: string | null }) {
  return (
    <TextField
      label="Recovery key"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      mono
      autoComplete="off"
      spellCheck={false}
      autoFocus
      placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
      error={props.error}
    />
  );
}
