import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { plainTextOf } from '../../../../common/journal/doc';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { invalidateLists, journalKeys } from './queries';
import styles from './journal.module.css';

/** A trashed entry, read-only, with the two ways out of the trash. */
export function TrashPreview({ id, onGone }: { id: string; onGone: () => void }) {
  const queryClient = useQueryClient();
  const entry = useQuery({
    queryKey: journalKeys.entry(id),
    queryFn: () => unwrap(holding().journal.get({ id })),
    staleTime: 0,
  });
  const deletingForever = useConfirm();
  const emptying = useConfirm();
  const done = () => {
    invalidateLists(queryClient);
    queryClient.removeQueries({ queryKey: journalKeys.entry(id) });
    onGone();
  };
  const restore = useMutation({ mutationFn: () => unwrap(holding().journal.restore({ id })), onSuccess: done });
  const forever = useMutation({ mutationFn: () => unwrap(holding().journal.deleteForever({ id })), onSuccess: done });
  const empty = useMutation({ mutationFn: () => unwrap(holding().journal.emptyTrash()), onSuccess: done });
  const error = restore.error ?? forever.error ?? empty.error ?? entry.error;

  return (
    <div className={styles.editorPane}>
      {entry.data ? (
        <>
          <h2>{entry.data.title || 'Untitled'}</h2>
          <p className={styles.status}>
            In the trash since{' '}
            {new Date(entry.data.deletedAt ?? entry.data.updatedAt).toLocaleDateString('en-GB', {
              day: 'numeric',
              month: 'long',
            })}
            . It will be deleted for good 30 days after that.
          </p>
          <Actions>
            <Button onClick={() => restore.mutate()}>Restore</Button>
            <Button variant="secondary" onClick={() => deletingForever.ask()}>
              Delete for ever
            </Button>
            <Button variant="quiet" onClick={() => emptying.ask()}>
              Empty the trash
            </Button>
          </Actions>
          <div className={styles.compare} tabIndex={0} role="region" aria-label="Entry text">
            {plainTextOf(entry.data.body) || '(empty)'}
          </div>
        </>
      ) : null}
      {error ? <Notice>{describeError(error)}</Notice> : null}
      <ConfirmAction
        confirm={deletingForever}
        title="Delete this entry for ever?"
        confirmLabel="Delete for ever"
        onConfirm={() => forever.mutate()}
      >
        <p>The entry and its earlier versions will be removed from this computer. This cannot be undone.</p>
      </ConfirmAction>
      <ConfirmAction
        confirm={emptying}
        title="Empty the trash?"
        confirmLabel="Empty the trash"
        onConfirm={() => empty.mutate()}
      >
        <p>
          Every entry in the trash, and its earlier versions, will be removed from this computer. This cannot be undone.
        </p>
      </ConfirmAction>
    </div>
  );
}
