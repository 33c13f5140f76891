import { useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Checkin } from '../../../../common/checkins/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ShowMore, usePaged } from '../../ui/ShowMore';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { capacityPhrase, type LevelKind, levelWord, shortWhen, when } from './format';
import { refreshCheckins } from './queries';
import styles from './checkins.module.css';

const PAGE = 10;
const LEVELS: { kind: LevelKind; label: string }[] = [
  { kind: 'energy', label: 'Energy' },
  { kind: 'sleep', label: 'Sleep' },
  { kind: 'load', label: 'Load' },
];

interface Props {
  checkins: readonly Checkin[] | undefined;
  loadError: unknown;
  editingId: string | null;
  onEdit: (checkin: Checkin) => void;
  onDeleted: (checkin: Checkin) => void;
}

/** Newest first: what each check-in said, in words. */
export function RecentCheckins({ checkins, loadError, editingId, onEdit, onDeleted }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const deleting = useConfirm<Checkin>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const remove = useMutation({
    mutationFn: (c: Checkin) => unwrap(holding().checkins.delete({ id: c.id })),
    onSuccess: (_, c) => {
      refreshCheckins(queryClient);
      onDeleted(c);
      setNote(`The check-in from ${when(c.at)} has been deleted.`);
      // The item (and its Delete button) has gone: keep the person's place at the list's heading.
      headingRef.current?.focus();
    },
  });
  const list = checkins ?? [];
  const paged = usePaged(list, PAGE);

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        Recent check-ins
      </h2>
      <div role="status" className={styles.quietStatus}>
        {note}
      </div>
      {loadError ? <Notice>{describeError(loadError)}</Notice> : null}
      {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}
      {checkins && !list.length ? <p className={styles.empty}>Your check-ins will gather here, newest first.</p> : null}
      {list.length ? (
        <ul className={styles.recent} aria-label="Recent check-ins">
          {paged.visible.map((c) => {
            const levels = LEVELS.flatMap(({ kind, label }) => {
              const word = levelWord(kind, c[kind]);
              return word ? [`${label}: ${word.toLowerCase()}`] : [];
            });
            return (
              <li
                key={c.id}
                className={styles.recentItem}
                data-checkin={c.id}
                aria-current={c.id === editingId || undefined}
              >
                <h3 className={styles.recentWhen}>{when(c.at)}</h3>
                <p className={styles.recentCapacity}>Capacity: {capacityPhrase(c.capacity)}</p>
                {levels.length ? <p className={styles.recentLine}>{levels.join(' · ')}</p> : null}
                {c.signs.length ? (
                  <p className={styles.recentLine}>Signs: {c.signs.map((f) => f.name).join(', ')}</p>
                ) : null}
                {c.helping ? <p className={styles.recentLine}>Helping: {c.helping}</p> : null}
                {c.hard ? <p className={styles.recentLine}>Hard: {c.hard}</p> : null}
                {c.entryId ? <p className={styles.recentLine}>Linked entry: “{c.entryTitle ?? 'Untitled'}”</p> : null}
                <div className={styles.row}>
                  <Button
                    variant="quiet"
                    aria-label={`Edit check-in from ${shortWhen(c.at)}`}
                    onClick={() => onEdit(c)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant="quiet"
                    aria-label={`Delete check-in from ${shortWhen(c.at)}`}
                    onClick={() => deleting.ask(c)}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <ShowMore paged={paged}>Show older check-ins</ShowMore>
      <ConfirmAction
        confirm={deleting}
        title="Delete this check-in?"
        confirmLabel="Delete check-in"
        onConfirm={(c) => remove.mutate(c)}
      >
        {(c) => (
          <p>The check-in from {when(c.at)} will be removed for good. Your signs and entries stay as they are.</p>
        )}
      </ConfirmAction>
    </section>
  );
}
