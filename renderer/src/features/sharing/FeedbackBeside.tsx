import { useId, useState } from 'react';
import type { FeedbackComment } from '../../../../common/sharing/types';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { day } from '../supervision/format';
import { listOf } from './format';
import { useFeedbackFor } from './queries';
import styles from './feedback.module.css';

interface Props {
  /** The entry, agenda item or session the comments are about. */
  sourceId: string;
  /** Folded away behind one line until opened: for places with little room, such as an agenda item. */
  compact?: boolean;
  /** What it is about, for a screen reader, where several sit close together (a session and its items). */
  about?: string;
}

/** Who the comments are from, each named once. */
const namesOf = (comments: readonly FeedbackComment[]): string => listOf([...new Set(comments.map((c) => c.fromName))]);

/**
 * A supervisor’s comments on something of the person’s own, beside it. Feedback arrives by import on the
 * Sharing page, so it is read afresh each time this appears. Nothing at all when there is none.
 */
export function FeedbackBeside({ sourceId, compact = false, about }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const feedback = useFeedbackFor(sourceId);
  if (feedback.isError) {
    return (
      <div className={compact ? styles.compact : styles.feedback}>
        <Notice>Holding could not read the feedback on this just now. {describeError(feedback.error)}</Notice>
      </div>
    );
  }
  const comments = feedback.data ?? [];
  if (!comments.length) return null;

  const list = (
    <ul className={styles.list} id={`${id}-list`} hidden={compact && !open}>
      {comments.map((c, i) => (
        <li key={`${c.feedbackId}-${i}`} className={styles.comment}>
          <p className={styles.meta}>
            From <span className={styles.from}>{c.fromName}</span>, on what you shared on {day(c.sharedAt)} (“
            {c.shareTitle || 'Untitled'}”)
          </p>
          <p className={styles.body}>{c.body}</p>
        </li>
      ))}
    </ul>
  );

  if (compact) {
    return (
      <div className={styles.compact} data-testid="feedback-beside">
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={`${id}-list`}
          onClick={() => setOpen((o) => !o)}
        >
          <span className={styles.chevron} aria-hidden="true" />
          Feedback from {namesOf(comments)} ({comments.length.toLocaleString('en-GB')})
          {about ? <span className="visually-hidden"> on “{about}”</span> : null}
        </button>
        {list}
      </div>
    );
  }

  return (
    <section className={styles.feedback} aria-labelledby={headingIdFor(sourceId)} data-testid="feedback-beside">
      <h2 id={headingIdFor(sourceId)} tabIndex={-1}>
        Feedback from supervision
      </h2>
      {list}
    </section>
  );
}

/** The heading of the feedback under an entry: one per entry on screen, found by the entry's id. */
const headingIdFor = (sourceId: string) => `feedback-on-${sourceId}`;

/**
 * One line near the top of an entry when a supervisor has commented on it: the comments sit under the entry,
 * often well below the fold, and this takes the person to them.
 */
export function FeedbackPointer({ sourceId }: { sourceId: string }) {
  const comments = useFeedbackFor(sourceId).data ?? [];
  if (!comments.length) return null;
  return (
    <p className={styles.pointer}>
      {namesOf(comments)} commented on this in supervision.{' '}
      <Button
        variant="quiet"
        onClick={() => {
          const target = document.getElementById(headingIdFor(sourceId));
          target?.focus();
          target?.scrollIntoView({ block: 'start' });
        }}
      >
        Read the feedback
      </Button>
    </p>
  );
}
