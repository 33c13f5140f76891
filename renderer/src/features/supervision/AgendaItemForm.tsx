import { type FormEvent, useId, useState } from 'react';
import {
  type AgendaItem,
  FUNCTION_LABELS,
  FUNCTIONS,
  PRIORITIES,
  SEVEN_EYED_MODES,
  SOCIAL_GRACES,
  type SupervisionFunction,
} from '../../../../common/supervision/types';
import { holding, unwrap } from '../../api';
import { Button, TextField } from '../../ui/controls';
import { parseNumber, PRIORITY_LABELS } from './format';
import { useSaveAndRefresh } from './queries';
import styles from './supervision.module.css';
import { ChoiceChips, MinutesField, SelectField, TextAreaField } from './fields';
import { FormEnd } from '../../ui/FormEnd';

/** Where a new item comes from: written from scratch, or from an entry (whole, or the part pasted in). */
export type NewItemSource = { kind: 'scratch' } | { kind: 'entry'; entryId: string; entryTitle: string };

interface Props {
  supervisorId: string;
  /** The item being changed, or null for a new one. */
  initial: AgendaItem | null;
  /** For a new item. */
  source?: NewItemSource;
  /** For a new item: the function to start with. */
  startFunction?: SupervisionFunction;
  onDone: (saved: AgendaItem | null) => void;
  /** Choose a different entry for a new item from an entry. */
  onChangeEntry?: () => void;
}

const DEFAULT_MINUTES = 10;

/** One agenda item: what it is, what you want from supervision, and how it sits in the models. */
export function AgendaItemForm({
  supervisorId,
  initial,
  source = { kind: 'scratch' },
  startFunction = 'formative',
  onDone,
  onChangeEntry,
}: Props) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? (source.kind === 'entry' ? source.entryTitle : ''));
  const [question, setQuestion] = useState(initial?.question ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [excerpt, setExcerpt] = useState('');
  const [fn, setFn] = useState<SupervisionFunction>(initial?.function ?? startFunction);
  const [sevenEyed, setSevenEyed] = useState<string>(initial?.sevenEyed ? String(initial.sevenEyed) : '');
  const [graces, setGraces] = useState<string[]>(initial?.graces ?? []);
  const [priority, setPriority] = useState<string>(initial?.priority ?? 'medium');
  const [minutes, setMinutes] = useState(String(initial?.minutes ?? DEFAULT_MINUTES));
  const [problem, setProblem] = useState<string | null>(null);

  const save = useSaveAndRefresh((mins: number) => {
    const item = {
      title,
      question,
      notes,
      function: fn,
      sevenEyed: sevenEyed ? Number(sevenEyed) : null,
      graces,
      priority,
      minutes: mins,
    };
    if (initial) return unwrap(holding().supervision.updateItem({ id: initial.id, item }));
    return unwrap(
      holding().supervision.addItem({
        supervisorId,
        item,
        source:
          source.kind === 'entry'
            ? { kind: 'entry', entryId: source.entryId, excerpt: excerpt.trim() ? excerpt : null }
            : { kind: 'scratch' },
      }),
    );
  }, onDone);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const mins = minutes.trim() ? parseNumber(minutes) : 0;
    if (mins === null) {
      setProblem('Please give the time as a number of minutes, such as 10.');
      return;
    }
    setProblem(null);
    save.mutate(mins);
  }

  const toggleGrace = (grace: string, on: boolean) =>
    setGraces((list) => (on ? [...list, grace] : list.filter((g) => g !== grace)));

  const heading = initial
    ? `Edit “${initial.title}”`
    : source.kind === 'entry'
      ? 'Add an entry to the agenda'
      : 'Add an item to the agenda';
  const existingSource = initial?.source;

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className={styles.subForm}>
      <h3 id={`${id}-h`} className={styles.formHeading}>
        {heading}
      </h3>
      {source.kind === 'entry' && !initial ? (
        <p className={styles.sourceLine}>
          <span>From your entry “{source.entryTitle}”</span>
          {onChangeEntry ? (
            <Button variant="quiet" onClick={onChangeEntry}>
              Choose another entry
            </Button>
          ) : null}
        </p>
      ) : null}
      {existingSource?.kind === 'entry' && existingSource.excerpt ? (
        <blockquote className={styles.excerpt} aria-label="The part of the entry to bring">
          {existingSource.excerpt}
        </blockquote>
      ) : null}
      <TextField
        label="Title"
        hint="A few words are enough."
        value={title}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => setTitle(e.target.value)}
        autoFocus
      />
      {source.kind === 'entry' && !initial ? (
        <TextAreaField
          id={`${id}-excerpt`}
          label="The part to bring (optional)"
          hint="Paste or type the part of the entry you would like to talk about. Leave it empty to bring the whole entry."
          rows={3}
          value={excerpt}
          onChange={setExcerpt}
        />
      ) : null}
      <TextAreaField
        id={`${id}-question`}
        label="What I want from supervision"
        hint="It can help to put it as a question, such as “Was I right to hold back?”"
        rows={2}
        value={question}
        onChange={setQuestion}
      />
      <TextAreaField id={`${id}-notes`} label="Notes (optional)" rows={2} value={notes} onChange={setNotes} />

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Which function of supervision</legend>
        <div className={styles.functions}>
          {FUNCTIONS.map((f) => (
            <div key={f} className={styles.functionOption} data-function={f}>
              <input
                id={`${id}-fn-${f}`}
                type="radio"
                name={`${id}-fn`}
                value={f}
                checked={fn === f}
                aria-describedby={`${id}-fn-${f}-hint`}
                onChange={() => setFn(f)}
              />
              <label htmlFor={`${id}-fn-${f}`}>{FUNCTION_LABELS[f].label}</label>
              <span id={`${id}-fn-${f}-hint`} className={styles.hint}>
                {FUNCTION_LABELS[f].hint}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      <div className={styles.formGrid}>
        <SelectField id={`${id}-eyed`} label="Seven-eyed mode (optional)" value={sevenEyed} onChange={setSevenEyed}>
          <option value="">None</option>
          {SEVEN_EYED_MODES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}. {m.label}
            </option>
          ))}
        </SelectField>
        <MinutesField label="Time, in minutes" min={0} value={minutes} onChange={setMinutes} />
      </div>

      <ChoiceChips
        name={`${id}-priority`}
        legend="Priority"
        options={PRIORITIES}
        labels={PRIORITY_LABELS}
        value={priority}
        onChange={setPriority}
      />

      <fieldset className={styles.group} aria-describedby={`${id}-graces-hint`}>
        <legend className={styles.legend}>Social GRACES (optional)</legend>
        <span id={`${id}-graces-hint`} className={styles.hint}>
          Any aspects of identity and difference you would like to keep in mind.
        </span>
        <div className={styles.graces}>
          {SOCIAL_GRACES.map((g) => (
            <label key={g} className={styles.check}>
              <input type="checkbox" checked={graces.includes(g)} onChange={(e) => toggleGrace(g, e.target.checked)} />
              <span>{g}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <FormEnd
        problem={problem}
        sending={save}
        busyLabel="Saving…"
        submitLabel={initial ? 'Save item' : 'Add to agenda'}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
