import { useId } from 'react';
import { MAX_CHECKIN_TEXT } from '../../../../common/checkins/types';
import styles from './checkins.module.css';

/** Show the counter once this close to the limit. */
const COUNTER_FROM = 150;

/**
 * A labelled box for a few lines: what is helping or hard in a check-in, with the characters left shown as the
 * end nears, or what helps with a warning sign (`counted={false}`: the box just stops at its limit).
 */
export function TextArea({
  label,
  value,
  onChange,
  rows = 2,
  maxLength = MAX_CHECKIN_TEXT,
  counted = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  counted?: boolean;
}) {
  const id = useId();
  const left = maxLength - value.length;
  const near = counted && left <= COUNTER_FROM;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.legend}>
        {label}
      </label>
      <textarea
        id={id}
        className={styles.textarea}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={near ? `${id}-count` : undefined}
      />
      {near ? (
        <span id={`${id}-count`} className={styles.counter}>
          {left > 0
            ? `${left.toLocaleString('en-GB')} ${left === 1 ? 'character' : 'characters'} left`
            : `That is the ${maxLength.toLocaleString('en-GB')}-character limit; a few words are all this needs.`}
        </span>
      ) : null}
    </div>
  );
}
