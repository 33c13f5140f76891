import { type FormEvent, useId, useState } from 'react';
import { FREQUENCIES, SUPERVISION_TYPES, type Supervisor } from '../../../../common/supervision/types';
import { holding, unwrap } from '../../api';
import { TextField } from '../../ui/controls';
import { FREQUENCY_LABELS, parseNumber, today, TYPE_LABELS } from './format';
import { useSaveAndRefresh } from './queries';
import styles from './supervision.module.css';
import { ChoiceChips, MinutesField, SelectField } from './fields';
import { FormEnd } from '../../ui/FormEnd';

interface Props {
  /** The supervision being changed, or null for a new one. */
  initial: Supervisor | null;
  /** Called with what was saved, or null when the person cancels. */
  onDone: (saved: Supervisor | null) => void;
  /** Whether a Cancel button makes sense (not when this is the only thing on the page). */
  cancellable?: boolean;
  /** A heading level that fits where the form sits. */
  headingLevel?: 2 | 3;
  /** Put the cursor in the first box: when a person opened the form, not when the page did. */
  focusOnOpen?: boolean;
}

/** Who the supervision is with, and what the contract says: how often, how long, and the minimum each month. */
export function SupervisorForm({ initial, onDone, cancellable = true, headingLevel = 2, focusOnOpen = true }: Props) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState(initial?.role ?? '');
  const [type, setType] = useState<string>(initial?.type ?? 'individual');
  const [frequency, setFrequency] = useState<string>(initial?.frequency ?? 'monthly');
  const [minHours, setMinHours] = useState(initial ? String(initial.minHoursPerMonth) : '');
  const [sessionMinutes, setSessionMinutes] = useState(initial ? String(initial.sessionMinutes) : '60');
  const [focus, setFocus] = useState(initial?.focusAreas.join(', ') ?? '');
  const [startDate, setStartDate] = useState(initial?.startDate ?? today());
  const [problem, setProblem] = useState<string | null>(null);

  const save = useSaveAndRefresh(
    (values: { minHoursPerMonth: number; sessionMinutes: number }) =>
      unwrap(
        holding().supervision.saveSupervisor({
          ...(initial ? { id: initial.id } : {}),
          name,
          role,
          type,
          frequency,
          ...values,
          focusAreas: focus
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean),
          startDate,
        }),
      ),
    onDone,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const hours = minHours.trim() ? parseNumber(minHours) : 0;
    if (hours === null) {
      setProblem('Please give the minimum as a number of hours, such as 1.5, or leave it empty if there is none.');
      return;
    }
    const minutes = parseNumber(sessionMinutes);
    if (minutes === null) {
      setProblem('Please give the usual length of a session in minutes, such as 60.');
      return;
    }
    setProblem(null);
    save.mutate({ minHoursPerMonth: hours, sessionMinutes: minutes });
  }

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = initial ? `Edit the details for ${initial.name}` : 'Add a supervisor';

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className={styles.form}>
      <Heading id={`${id}-h`} className={styles.formHeading}>
        {title}
      </Heading>
      <div className={styles.formGrid}>
        <TextField
          label="Name"
          hint="Or a name for the group."
          value={name}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          autoFocus={focusOnOpen}
        />
        <TextField
          label="Role (optional)"
          hint="Such as clinical supervisor."
          value={role}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setRole(e.target.value)}
        />
      </div>
      <ChoiceChips
        name={`${id}-type`}
        legend="Type of supervision"
        options={SUPERVISION_TYPES}
        labels={TYPE_LABELS}
        value={type}
        onChange={setType}
      />
      <div className={styles.formGrid}>
        <SelectField id={`${id}-freq`} label="How often you meet" value={frequency} onChange={setFrequency}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_LABELS[f]}
            </option>
          ))}
        </SelectField>
        <TextField label="Start date" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        <TextField
          label="Minimum hours a month"
          hint="From your contract, such as 1.5."
          inputMode="decimal"
          value={minHours}
          onChange={(e) => setMinHours(e.target.value)}
        />
        <MinutesField
          label="Usual session length, in minutes"
          hint="The agenda is timed against it."
          min={5}
          value={sessionMinutes}
          onChange={setSessionMinutes}
        />
      </div>
      <TextField
        label="Focus areas (optional)"
        hint="Separated by commas, for example: risk, formulation, caseload."
        value={focus}
        onChange={(e) => setFocus(e.target.value)}
      />
      <FormEnd
        problem={problem}
        sending={save}
        busyLabel="Saving…"
        submitLabel={initial ? 'Save changes' : 'Add supervisor'}
        onCancel={cancellable ? () => onDone(null) : undefined}
      />
    </form>
  );
}
