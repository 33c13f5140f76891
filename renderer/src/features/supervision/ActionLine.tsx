import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Action } from '../../../../common/supervision/types';
import { describeError, holding, unwrap } from '../../api';
import { Notice } from '../../ui/controls';
import { day, isPast } from './format';
import { refreshSupervision } from './queries';
import styles from './supervision.module.css';

interface Props {
  action: Action;
  /** Said in the section's status line after a change. */
  onNote: (note: string) => void;
  /** Called once the change is saved and read back. */
  onChanged?: (action: Action) => void;
  /** Extra words after the owner and due date, such as the supervisor's name. */
  extra?: string;
}

/** One agreed action: what, who, by when, and a Done box. */
export function ActionLine({ action, onNote, onChanged, extra }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const setDone = useMutation({
    mutationFn: (done: boolean) => unwrap(holding().supervision.setActionDone({ id: action.id, done })),
    onSuccess: async (saved) => {
      await refreshSupervision(queryClient);
      onNote(
        saved.doneAt
          ? `Marked as done: “${saved.text}”. It has left the agenda.`
          : `“${saved.text}” is open again, and back on the agenda.`,
      );
      onChanged?.(saved);
    },
  });
  // Ticked at once; the list catches up when main has saved it.
  const done = setDone.isPending ? setDone.variables : action.doneAt !== null;
  const overdue = action.doneAt === null && isPast(action.due);
  const meta = [
    action.owner ? `Who: ${action.owner}` : null,
    action.due ? (overdue ? `Due ${day(action.due)}, now passed` : `Due ${day(action.due)}`) : null,
    extra ?? null,
  ].filter(Boolean);

  return (
    <div className={styles.actionLine} data-action={action.id}>
      <label className={styles.doneCheck}>
        <input
          type="checkbox"
          checked={done}
          disabled={setDone.isPending}
          aria-label={`Done: ${action.text}`}
          aria-describedby={meta.length ? `${id}-meta` : undefined}
          onChange={(e) => setDone.mutate(e.target.checked)}
        />
        <span aria-hidden="true">Done</span>
      </label>
      <div className={styles.actionBody}>
        <span className={done ? styles.actionDone : styles.actionText}>{action.text}</span>
        {meta.length ? (
          <span id={`${id}-meta`} className={overdue ? styles.actionOverdue : styles.actionMeta}>
            {meta.join(' · ')}
          </span>
        ) : null}
      </div>
      {setDone.isError ? <Notice>{describeError(setDone.error)}</Notice> : null}
    </div>
  );
}
