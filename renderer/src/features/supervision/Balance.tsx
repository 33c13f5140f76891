import { useId } from 'react';
import { FUNCTION_LABELS, FUNCTIONS, type SupervisionFunction } from '../../../../common/supervision/types';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { day } from './format';
import { useBalance } from './queries';
import styles from './supervision.module.css';
import tables from '../../ui/table.module.css';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const inWords = (n: number) => NUMBER_WORDS[n] ?? String(n);
const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;

/** What the person might read when one function has been absent for a while: an observation, never a verdict. */
function missingWords(fn: SupervisionFunction, sessions: number): string {
  const last = `your last ${inWords(sessions)} sessions`;
  if (fn === 'restorative') {
    return `Nothing restorative has been discussed in ${last}. How you are is part of the work too, and supervision is a place for it.`;
  }
  return `Nothing ${FUNCTION_LABELS[fn].label.toLowerCase()} (${FUNCTION_LABELS[fn].hint}) has come up in ${last}. It may be worth making a little room for it next time.`;
}

interface Props {
  supervisorId: string;
  /** Offer to add an item of a function that has been missing. */
  onAddItem?: ((fn: SupervisionFunction) => void) | undefined;
}

/** The share of normative, formative and restorative items discussed across recent sessions. */
export function Balance({ supervisorId, onAddItem }: Props) {
  const id = useId();
  const balance = useBalance(supervisorId);
  const data = balance.data;
  const total = data ? FUNCTIONS.reduce((sum, f) => sum + data.totals[f], 0) : 0;
  const share = (n: number) => (total ? Math.round((n / total) * 100) : 0);
  const missingAfter = 3;

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className={styles.cardHeading}>
        Balance across recent sessions
      </h2>
      {balance.isError ? <Notice>{describeError(balance.error)}</Notice> : null}
      {data && !data.sessions.length ? (
        <p className={styles.empty}>
          Once you have recorded a session or two, you will see here how your time has been shared between Proctor’s
          three functions: normative, formative and restorative.
        </p>
      ) : null}
      {data && data.sessions.length ? (
        <>
          <p className={styles.muted}>
            {`The items discussed in your last ${data.sessions.length === 1 ? 'session' : `${inWords(data.sessions.length)} sessions`}, by Proctor’s three functions.`}
          </p>
          {data.missing.length ? (
            <div className={styles.gentleBox} data-testid="balance-note">
              {data.missing.map((fn) => (
                <p key={fn}>{missingWords(fn, missingAfter)}</p>
              ))}
              {onAddItem && data.missing.includes('restorative') ? (
                <Button variant="secondary" onClick={() => onAddItem('restorative')}>
                  Add a restorative item
                </Button>
              ) : null}
            </div>
          ) : null}
          <ul className={styles.bars} aria-label="Items discussed, by function">
            {FUNCTIONS.map((f) => (
              <li key={f} className={styles.bar}>
                <div className={styles.barWords}>
                  <span className={styles.barLabel}>{FUNCTION_LABELS[f].label}</span>
                  <span className={styles.barValue}>
                    {items(data.totals[f])}
                    {total ? `, ${share(data.totals[f])}%` : ''}
                  </span>
                </div>
                <div className={styles.barTrack} aria-hidden="true">
                  <span className={styles.barFill} data-function={f} style={{ width: `${share(data.totals[f])}%` }} />
                </div>
                <span className={styles.hint}>{FUNCTION_LABELS[f].hint}</span>
              </li>
            ))}
          </ul>
          {total === 0 ? <p className={styles.muted}>No items were marked as discussed in these sessions.</p> : null}
          <div className={styles.tableScroll}>
            <table className={`${tables.table} ${styles.table}`}>
              <caption>Discussed items by session, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  {FUNCTIONS.map((f) => (
                    <th key={f} scope="col" className={styles.num}>
                      {FUNCTION_LABELS[f].label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.sessions.map((s) => (
                  <tr key={s.sessionId}>
                    <th scope="row">{day(s.startsAt)}</th>
                    {FUNCTIONS.map((f) => (
                      <td key={f} className={styles.num}>
                        {s.counts[f]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
