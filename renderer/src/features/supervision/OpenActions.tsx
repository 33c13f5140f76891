import { useId, useRef, useState } from 'react';
import type { Supervisor } from '../../../../common/supervision/types';
import { describeError } from '../../api';
import { Notice } from '../../ui/controls';
import { ActionLine } from './ActionLine';
import { useOpenActions } from './queries';
import styles from './supervision.module.css';

/** What was agreed and is not done yet, soonest due first. */
export function OpenActions({ supervisor }: { supervisor: Supervisor }) {
  const id = useId();
  const actions = useOpenActions(supervisor.id);
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = actions.data ?? [];

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1} className={styles.cardHeading}>
        Open actions
      </h2>
      <div role="status" className={styles.quietStatus}>
        {note}
      </div>
      {actions.isError ? <Notice>{describeError(actions.error)}</Notice> : null}
      {list.length ? (
        <ul className={styles.actionList} aria-label="Open actions">
          {list.map((a) => (
            <li key={a.id}>
              <ActionLine
                action={a}
                onNote={setNote}
                // Done: it leaves this list, so keep the person's place at the heading.
                onChanged={(saved) => (saved.doneAt ? headingRef.current?.focus() : undefined)}
              />
            </li>
          ))}
        </ul>
      ) : actions.data ? (
        <p className={styles.empty}>
          Nothing open. Actions agreed in a session wait here, and on the agenda, until you mark them done.
        </p>
      ) : null}
    </section>
  );
}
