import type { InputHTMLAttributes, ReactNode } from 'react';
import { TextField } from '../../ui/controls';
import { RadioChips } from '../../ui/RadioChips';
import styles from './supervision.module.css';

interface Labelled {
  /** The box's id; its hint, if any, is `${id}-hint`. */
  id: string;
  label: string;
  hint?: ReactNode;
  /** The smaller label, for boxes within a part of the form (an action, an agenda item's notes). */
  small?: boolean | undefined;
}

/** A label, and a hint if there is one, over the box it names. */
function Field({ id, label, hint, small, children }: Labelled & { children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={small ? styles.smallLabel : styles.legend}>
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = ({ id, hint }: Labelled) => (hint ? `${id}-hint` : undefined);

/** A labelled box for a line: a date, a number, a few words. */
export function InputField({
  onChange,
  ...props
}: Labelled &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> & {
    value: string;
    onChange: (value: string) => void;
  }) {
  const { id, label, hint, small, ...input } = props;
  return (
    <Field id={id} label={label} hint={hint} small={small}>
      <input
        id={id}
        className={styles.input}
        aria-describedby={describedBy(props)}
        {...input}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled box for a few lines of text. */
export function TextAreaField({
  rows,
  value,
  onChange,
  ...labelled
}: Labelled & {
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field {...labelled}>
      <textarea
        id={labelled.id}
        className={styles.textarea}
        rows={rows}
        aria-describedby={describedBy(labelled)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled choice from a list: the options are the children. */
export function SelectField({
  value,
  onChange,
  children,
  ...labelled
}: Labelled & { value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <Field {...labelled}>
      <select id={labelled.id} className={styles.input} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </Field>
  );
}

/** One choice from a few, as a row of chips: radios in a fieldset, so the arrow keys move between them. */
export function ChoiceChips<T extends string>({
  name,
  legend,
  options,
  labels,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      <RadioChips name={name} options={options} label={(option) => labels[option]} value={value} onChange={onChange} />
    </fieldset>
  );
}

/** A time in minutes, up to ten hours, in steps of five: an agenda item's, or a session's usual length. */
export function MinutesField({
  label,
  hint,
  min,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  min: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      type="number"
      min={min}
      max={600}
      step={5}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
