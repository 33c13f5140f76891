import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { plainTextOf } from '../../../../common/journal/doc';
import type { Entry, RevisionReason } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { journalKeys } from './queries';
import styles from './journal.module.css';

const REASONS: Record<RevisionReason, string> = {
  edited: 'while writing',
  emptied: 'before it was emptied',
  'large-change': 'before a large change',
  'before-restore': 'before an earlier version was restored',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Earlier versions beside the current text, and a way back to any of them. */
export function HistoryView({
  entry,
  onClose,
  onRestored,
}: {
  entry: Entry;
  onClose: () => void;
  onRestored: (e: Entry) => void;
}) {
  const revisions = useQuery({
    queryKey: journalKeys.revisions(entry.id),
    queryFn: () => unwrap(holding().journal.revisions({ id: entry.id })),
    staleTime: 0,
  });
  const [selected, setSelected] = useState<number | null>(null);
  const restoring = useConfirm();
  const revision = useQuery({
    queryKey: ['journal', 'revision', selected],
    queryFn: () => unwrap(holding().journal.revision({ id: selected! })),
    enabled: selected !== null,
  });
  const restore = useMutation({
    mutationFn: () => unwrap(holding().journal.restoreRevision({ entryId: entry.id, revisionId: selected! })),
    onSuccess: onRestored,
  });

  return (
    <>
      <h1 tabIndex={-1}>History of “{entry.title || 'Untitled'}”</h1>
      <p className={styles.status}>
        Holding keeps earlier versions as you write: at most every ten minutes, and always before an entry is emptied or
        changed a great deal.
      </p>
      <Actions>
        <Button variant="secondary" onClick={onClose}>
          Back to the entry
        </Button>
      </Actions>
      {revisions.isError ? <Notice>{describeError(revisions.error)}</Notice> : null}
      {revisions.data && revisions.data.length === 0 ? (
        <p className={styles.empty}>There are no earlier versions yet. They appear here as the entry changes.</p>
      ) : null}
      {revisions.data && revisions.data.length > 0 ? (
        <div className={styles.history}>
          <ul className={styles.historyList} aria-label="Earlier versions">
            {revisions.data.map((r) => (
              <li key={r.id}>
                <button type="button" aria-pressed={selected === r.id} onClick={() => setSelected(r.id)}>
                  <strong>{when(r.createdAt)}</strong>
                  <br />
                  <span className={styles.status}>
                    {REASONS[r.reason]} · {r.wordCount} words
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <section className={styles.compare} aria-label="Earlier version" tabIndex={0}>
            <h3>Earlier version</h3>
            {revision.data ? (
              <>
                <strong>{revision.data.title || 'Untitled'}</strong>
                <div data-testid="revision-text">{revision.data.text || '(empty)'}</div>
              </>
            ) : (
              <p>Choose a version on the left to see it here.</p>
            )}
          </section>
          <section className={styles.compare} aria-label="Current version" tabIndex={0}>
            <h3>Now</h3>
            {/* The entry as last saved: the editor saves before opening the history. */}
            <strong>{entry.title || 'Untitled'}</strong>
            <div data-testid="current-text">{plainTextOf(entry.body) || '(empty)'}</div>
          </section>
        </div>
      ) : null}
      {selected !== null ? (
        <Actions>
          <Button onClick={() => restoring.ask()} disabled={restore.isPending}>
            Restore this version
          </Button>
        </Actions>
      ) : null}
      {restore.isError ? <Notice>{describeError(restore.error)}</Notice> : null}
      <ConfirmAction
        confirm={restoring}
        title="Restore this version?"
        confirmLabel="Restore"
        onConfirm={() => restore.mutate()}
      >
        <p>The text you have now is kept in the history too, so you can always come back to it.</p>
      </ConfirmAction>
    </>
  );
}
