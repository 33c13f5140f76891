import { type ReactNode, useMemo, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** A question asked before an action, and what it is about while it is being asked. */
export interface Confirm<T> {
  /** What the question is about while it is asked (the sign, the session); null when nothing is asked. */
  readonly target: T | null;
  /** Asks the question. Where nothing in particular is asked about (`useConfirm()`), `ask()` is enough. */
  ask: (...target: T extends true ? [target?: T] : [target: T]) => void;
  /** Ends the question without acting (done for you by `ConfirmAction`). */
  close: () => void;
}

/**
 * The state of one question asked before an action: `ask(thing)` from the button, then a `ConfirmAction`
 * with the same `confirm` asks it. With no type, the question is about nothing in particular:
 * `const trash = useConfirm(); … onClick={() => trash.ask()}`.
 */
export function useConfirm<T = true>(): Confirm<T> {
  const [target, setTarget] = useState<T | null>(null);
  return useMemo(() => {
    // `ask()` with nothing named is only allowed where T is `true`, so `true` is what it stands for.
    const ask = (...args: [target?: T]) => setTarget(args.length ? (args[0] as T) : (true as T));
    return { target, ask: ask as Confirm<T>['ask'], close: () => setTarget(null) };
  }, [target]);
}

interface Props<T> {
  confirm: Confirm<T>;
  /** The question: its words can name what it is about. */
  title: ReactNode | ((target: T) => ReactNode);
  /** The button that acts, named for the action ("Delete sign"), never just "OK" or "Yes". */
  confirmLabel: string;
  /** The other button, "Cancel" unless something kinder fits. */
  cancelLabel?: string;
  /** The action, once the person has said yes; the question has closed by then. */
  onConfirm: (target: T) => void;
  /** What will happen, and what will stay, in a sentence or two. */
  children: ReactNode | ((target: T) => ReactNode);
}

/**
 * Confirm, then act: the one way a weighty action asks first. While `confirm` asks, this is a modal
 * `ConfirmDialog` (role dialog, named by its title, described by its body, focus starting on the way out,
 * Escape or Cancel to leave it); otherwise it is nothing. Either answer closes it and returns focus to the
 * button that asked, if it is still there; yes then runs `onConfirm`, which may move focus on (to a heading,
 * when what was asked about is gone).
 */
export function ConfirmAction<T>({ confirm, title, confirmLabel, cancelLabel, onConfirm, children }: Props<T>) {
  const { target, close } = confirm;
  if (target === null) return null;
  return (
    <ConfirmDialog
      open
      title={typeof title === 'function' ? title(target) : title}
      confirmLabel={confirmLabel}
      {...(cancelLabel ? { cancelLabel } : {})}
      onCancel={close}
      onConfirm={() => {
        close();
        onConfirm(target);
      }}
    >
      {typeof children === 'function' ? children(target) : children}
    </ConfirmDialog>
  );
}
