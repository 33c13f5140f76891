import type { ReactNode } from 'react';
import { describeError } from '../api';
import { Actions, Button, Notice } from './controls';

/**
 * The end of a form: what stops it being sent (a problem found here, then main's own words), anything else
 * to say, and the button that sends it, with Cancel where that makes sense.
 */
export function FormEnd({
  problem = null,
  sending,
  submitLabel,
  busyLabel,
  variant = 'primary',
  onCancel,
  children,
}: {
  problem?: string | null;
  /** The mutation the form sends. */
  sending: { isPending: boolean; isError: boolean; error: unknown };
  submitLabel: string;
  /** What the button says while the form is being sent, if it says something else then. */
  busyLabel?: string;
  variant?: 'primary' | 'secondary';
  onCancel?: (() => void) | undefined;
  /** Said after any problem, before the buttons (that it worked, say). */
  children?: ReactNode;
}) {
  return (
    <>
      {problem ? <Notice>{problem}</Notice> : null}
      {sending.isError ? <Notice>{describeError(sending.error)}</Notice> : null}
      {children}
      <Actions>
        <Button type="submit" variant={variant} disabled={sending.isPending}>
          {sending.isPending && busyLabel ? busyLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </Actions>
    </>
  );
}
