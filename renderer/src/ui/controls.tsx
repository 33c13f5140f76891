import { type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type Ref, useId, useState } from 'react';
import styles from './ui.module.css';

type Variant = 'primary' | 'secondary' | 'quiet';

/**
 * A button. `size="small"` is for buttons that sit among other content (Show in folder, Reply): it is defined in
 * ui.module.css beside `.button` with a higher specificity, so the order the CSS is bundled in cannot undo it.
 */
export function Button({
  variant = 'primary',
  size = 'normal',
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: 'normal' | 'small';
  ref?: Ref<HTMLButtonElement>;
}) {
  const variantClass = variant === 'primary' ? '' : styles[variant];
  const sizeClass = size === 'small' ? styles.small : '';
  return (
    <button
      type="button"
      {...rest}
      className={[styles.button, variantClass, sizeClass, className].filter(Boolean).join(' ')}
    />
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  mono?: boolean;
  after?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, mono, after, className, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      <div className={styles.inputRow}>
        <input
          id={id}
          {...input}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={[styles.input, mono ? styles.mono : '', className].filter(Boolean).join(' ')}
        />
        {after}
      </div>
      {error ? (
        <span id={errorId} className={styles.hint}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A passphrase box with a show/hide toggle; the toggle says what it will do. */
export function PassphraseField(props: Omit<FieldProps, 'type' | 'after'>) {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      type={shown ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      after={
        <Button
          variant="secondary"
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
          aria-label={`${shown ? 'Hide' : 'Show'} ${props.label.toLowerCase()}`}
        >
          {shown ? 'Hide' : 'Show'}
        </Button>
      }
    />
  );
}

export function Notice({ children, tone = 'gentle' }: { children: ReactNode; tone?: 'gentle' | 'info' }) {
  return (
    <div
      role={tone === 'gentle' ? 'alert' : 'status'}
      className={[styles.notice, tone === 'info' ? styles.info : ''].join(' ')}
    >
      <div>{children}</div>
    </div>
  );
}

export function Actions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}
