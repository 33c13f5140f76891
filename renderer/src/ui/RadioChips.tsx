import type { ReactNode } from 'react';
import chipStyles from './chips.module.css';

/**
 * One choice from a few, as a row of chips: real radios, so the arrow keys move between them. It goes in a
 * fieldset whose legend names the choice.
 */
export function RadioChips<T extends string>({
  name,
  options,
  label,
  value,
  onChange,
}: {
  name: string;
  options: readonly T[];
  label: (option: T) => ReactNode;
  value: T | undefined;
  onChange: (option: T) => void;
}) {
  return (
    <div className={chipStyles.chips}>
      {options.map((option) => (
        <label key={option} className={chipStyles.chip}>
          <input
            type="radio"
            className={chipStyles.radio}
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span>{label(option)}</span>
        </label>
      ))}
    </div>
  );
}
