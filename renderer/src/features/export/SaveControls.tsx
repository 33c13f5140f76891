import type { ReactNode, Ref, RefObject } from 'react';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import styles from './export.module.css';

interface RowProps {
  /** For the "why it waits" line the button is described by. */
  id: string;
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Why it cannot be pressed yet (something still to decide), or null. */
  waitingFor: string | null;
  /** Pressable only when nothing waits and the preview is current. */
  disabled: boolean;
  /** Something was saved: offer a fresh start beside the button. */
  done: boolean;
  onPress: () => void;
  onStartAgain: () => void;
  buttonRef?: Ref<HTMLButtonElement> | undefined;
  /** The row's own spacing where it sits under other controls (the share group). */
  className?: string | undefined;
}

/** The button that saves or seals the export, "Start a new export" once it is done, and why it waits. */
export function SaveRow({
  id,
  label,
  busyLabel,
  busy,
  waitingFor,
  disabled,
  done,
  onPress,
  onStartAgain,
  buttonRef,
  className = styles.saveRow,
}: RowProps) {
  return (
    <>
      <div className={className}>
        <Button
          {...(buttonRef ? { ref: buttonRef } : {})}
          disabled={waitingFor !== null || busy || disabled}
          aria-describedby={waitingFor ? `${id}-why` : undefined}
          onClick={onPress}
        >
          {busy ? busyLabel : label}
        </Button>
        {done && !busy ? (
          <Button variant="quiet" onClick={onStartAgain}>
            Start a new export
          </Button>
        ) : null}
      </div>
      {waitingFor ? (
        <p id={`${id}-why`} className={styles.why}>
          {waitingFor}
        </p>
      ) : null}
    </>
  );
}

interface OutcomeProps {
  statusRef: RefObject<HTMLDivElement | null>;
  problemRef: RefObject<HTMLDivElement | null>;
  testId: string;
  /** What happened, for the live region. */
  children: ReactNode;
  error: unknown;
}

/**
 * What came of saving or sealing: the status, then the reason if it failed. Focus is brought to the wrappers,
 * not to the live region itself, so a screen reader is not told twice over.
 */
export function SaveOutcome({ statusRef, problemRef, testId, children, error }: OutcomeProps) {
  return (
    <>
      <div ref={statusRef} tabIndex={-1} className={styles.focusHolder} data-testid={`${testId}-holder`}>
        <div role="status" className={styles.savedStatus} data-testid={testId}>
          {children}
        </div>
      </div>
      {error ? (
        <div ref={problemRef} tabIndex={-1} className={`${styles.saveProblem} ${styles.focusHolder}`}>
          <Notice>{describeError(error)}</Notice>
        </div>
      ) : null}
    </>
  );
}
