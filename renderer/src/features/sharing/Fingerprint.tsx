import { spelledOut } from './format';
import styles from './sharing.module.css';

/**
 * A fingerprint in its four groups, large enough to read aloud. A screen reader hears it one character at
 * a time, group by group, as a person would read it out.
 */
export function Fingerprint({ value, size = 'large' }: { value: string; size?: 'large' | 'small' }) {
  return (
    <span className={size === 'large' ? styles.fingerprint : styles.fingerprintSmall} data-testid="fingerprint">
      <span aria-hidden="true" className={styles.groups}>
        {value.split('-').map((group, i) => (
          <span key={i} className={styles.fpGroup}>
            {group}
          </span>
        ))}
      </span>
      <span className="visually-hidden">{spelledOut(value)}</span>
    </span>
  );
}
