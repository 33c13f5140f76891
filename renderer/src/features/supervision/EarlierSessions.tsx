import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { describeMinutes } from '../../../../common/supervision/hours';
import { holding, unwrap } from '../../api';
import { ActionLine } from './ActionLine';
import { functionLabel, sessionWhen } from './format';
import styles from './supervision.module.css';

/**
 * Sessions kept from supervisions that have since been deleted: their record, their hours and any
 * action still open stay within reach.
 */
export function EarlierSessions() {
  const id = useId();
  const [note, setNote] = useState('');
  const all = useQuery({
    queryKey: ['supervision', 'sessions', 'all'],
    queryFn: () => unwrap(holding().supervision.sessions({ supervisorId: null })),
    refetchOnMount: 'always',
  });
  const kept = (all.data ?? []).filter((s) => s.supervisorId === null);
  if (!kept.length) return null;
  const minutes = kept.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <section className={styles.card} aria-labelledby={`${id}-h`} data-testid="earlier-sessions">
      <h2 id={`${id}-h`} className={styles.cardHeading}>
        From supervisions you have deleted
      </h2>
      <p className={styles.muted}>
        {kept.length === 1 ? 'One session' : `${kept.length} sessions`}, {describeMinutes(minutes)} in all, kept with
        their notes and actions.
      </p>
      <div role="status" className={styles.savedStatus}>
        {note}
      </div>
      <ul className={styles.sessions}>
        {kept.map((s) => (
          <li key={s.id} className={styles.session}>
            <h3 className={styles.sessionWhen}>
              {sessionWhen(s)} · {s.supervisorName}
            </h3>
            <p className={styles.sessionMeta}>
              {describeMinutes(s.minutes)}
              {s.attendees ? ` · With ${s.attendees}` : ''}
            </p>
            {s.items.length ? (
              <ul className={styles.sessionItems}>
                {s.items.map((item, i) => (
                  <li key={i} className={styles.sessionItem}>
                    <span className={styles.sessionItemTitle}>{item.title}</span>{' '}
                    <span className={styles.itemSmall}>
                      {item.outcome === 'discussed' ? 'Discussed' : 'Not reached'} · {functionLabel(item.function)}
                    </span>
                    {item.decided ? (
                      <p className={styles.sessionLine}>
                        <span className={styles.itemLabel}>Decided:</span> {item.decided}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.actions.length ? (
              <ul className={styles.sessionItems}>
                {s.actions.map((a) => (
                  <li key={a.id}>
                    <ActionLine action={a} onNote={setNote} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
