import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  CAPACITY_WORDS,
  type Checkin,
  LEVEL_WORDS,
  type Level,
  type WarningSign,
} from '../../../../common/checkins/types';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice } from '../../ui/controls';
import { EntryPicker, entryTitle } from '../../ui/EntryPicker';
import { fromLocalInput, type LevelKind, toLocalInput, when } from './format';
import { refreshCheckins } from './queries';
import { TextArea } from './TextArea';
import chipStyles from '../../ui/chips.module.css';
import styles from './checkins.module.css';

const SCALE = Array.from({ length: CAPACITY_MAX - CAPACITY_MIN + 1 }, (_, i) => CAPACITY_MIN + i);
const LEVEL_LEGENDS: Record<LevelKind, string> = { energy: 'Energy', sleep: 'Sleep', load: 'Load' };

interface SectionProps {
  /** The check-in being changed, or null for a new one. */
  editing: Checkin | null;
  signs: readonly WarningSign[] | undefined;
  /** A new key gives a fresh form. */
  formKey: string;
  /** Changes when focus should move to the heading (after Edit, after saving). */
  focusRequest: number;
  /** What just happened, said in a status line under the heading. */
  status: string;
  onSaved: (message: string) => void;
  onCancelEdit: () => void;
  onAddSigns: () => void;
}

/** The check-in card: its heading and status line stay put while the form inside starts afresh. */
export function CheckinSection({ editing, formKey, focusRequest, status, ...rest }: SectionProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusRequest) headingRef.current?.focus();
  }, [focusRequest]);
  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {editing ? `Edit your check-in from ${when(editing.at)}` : 'How are you today?'}
      </h2>
      {editing ? null : <p className={styles.muted}>Choose a number; everything else can wait.</p>}
      <div role="status" className={styles.savedStatus} data-testid="checkin-status">
        {status}
      </div>
      <CheckinForm key={formKey} editing={editing} {...rest} />
    </section>
  );
}

type FormProps = Omit<SectionProps, 'formKey' | 'focusRequest' | 'status'>;

const DRAFT_KEY = ['checkin-draft'] as const;

interface Draft {
  capacity: number | null;
  levels: Record<LevelKind, Level | null>;
  helping: string;
  hard: string;
  signIds: string[];
  entry: { id: string; title: string } | null;
}

/** The quick check-in: capacity is the only thing asked for; everything else is there if it helps. */
function CheckinForm({ editing, signs, onSaved, onCancelEdit, onAddSigns }: FormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const firstRadioRef = useRef<HTMLInputElement>(null);
  // A new check-in half filled in waits in memory while the person looks elsewhere in Holding; the
  // lock forgets it with everything else the window holds.
  const [draft] = useState(() => (editing ? undefined : queryClient.getQueryData<Draft>(DRAFT_KEY)));
  const [capacity, setCapacity] = useState<number | null>(editing?.capacity ?? draft?.capacity ?? null);
  const [levels, setLevels] = useState<Record<LevelKind, Level | null>>({
    energy: editing?.energy ?? draft?.levels.energy ?? null,
    sleep: editing?.sleep ?? draft?.levels.sleep ?? null,
    load: editing?.load ?? draft?.levels.load ?? null,
  });
  const [helping, setHelping] = useState(editing?.helping ?? draft?.helping ?? '');
  const [hard, setHard] = useState(editing?.hard ?? draft?.hard ?? '');
  const [signIds, setSignIds] = useState<string[]>(
    editing?.signs.flatMap((f) => (f.id ? [f.id] : [])) ?? draft?.signIds ?? [],
  );
  const [entry, setEntry] = useState<{ id: string; title: string } | null>(
    editing?.entryId ? { id: editing.entryId, title: editing.entryTitle ?? 'Untitled' } : (draft?.entry ?? null),
  );
  useEffect(() => {
    if (editing) return;
    const empty =
      capacity === null && !helping && !hard && !signIds.length && !entry && !Object.values(levels).some(Boolean);
    if (empty) queryClient.removeQueries({ queryKey: DRAFT_KEY });
    else {
      // Kept until saved or the vault locks, not swept away after a few idle minutes.
      queryClient.setQueryDefaults(DRAFT_KEY, { gcTime: Infinity });
      queryClient.setQueryData<Draft>(DRAFT_KEY, { capacity, levels, helping, hard, signIds, entry });
    }
  }, [editing, queryClient, capacity, levels, helping, hard, signIds, entry]);
  const [picking, setPicking] = useState(false);
  /** A datetime-local value, or null for "now". */
  const [at, setAt] = useState<string | null>(editing ? toLocalInput(new Date(editing.at)) : null);
  const [problem, setProblem] = useState<string | null>(null);
  // After switching between "now" and a chosen time, focus follows to what replaced the button.
  const timeFocus = useRef<'input' | 'button' | null>(null);
  const timeInputRef = useRef<HTMLInputElement>(null);
  const usingNow = at === null;
  useEffect(() => {
    if (timeFocus.current === 'input') timeInputRef.current?.focus();
    if (timeFocus.current === 'button') document.getElementById(`${id}-choose-time`)?.focus();
    timeFocus.current = null;
  }, [usingNow, id]);
  const keptSigns = editing?.signs.filter((f) => f.id === null) ?? [];

  const save = useMutation({
    mutationFn: (iso: string) =>
      unwrap(
        holding().checkins.save({
          ...(editing ? { id: editing.id } : {}),
          at: iso,
          capacity: capacity!,
          energy: levels.energy,
          sleep: levels.sleep,
          load: levels.load,
          helping,
          hard,
          // As ticked: main checks each still exists, and says so if one has just been deleted.
          signIds,
          entryId: entry?.id ?? null,
        }),
      ),
    onSuccess: () => {
      if (!editing) queryClient.removeQueries({ queryKey: DRAFT_KEY });
      refreshCheckins(queryClient);
      onSaved(editing ? 'Your changes are saved.' : 'Check-in saved. Thank you for stopping to notice how you are.');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    if (capacity === null) {
      setProblem('Please choose how much capacity you have, anywhere from 0 to 10. Everything else is optional.');
      firstRadioRef.current?.focus();
      return;
    }
    // An untouched time keeps its seconds: re-timing a check-in by accident would shift the trend.
    const iso =
      at === null
        ? new Date().toISOString()
        : editing && at === toLocalInput(new Date(editing.at))
          ? editing.at
          : fromLocalInput(at);
    if (!iso) {
      setProblem('Please choose a date and a time for this check-in, or go back to now.');
      return;
    }
    setProblem(null);
    save.mutate(iso);
  }

  const toggleSign = (signId: string, on: boolean) =>
    setSignIds((ids) => (on ? [...ids, signId] : ids.filter((x) => x !== signId)));

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit check-in' : 'Check-in'}>
      <fieldset className={styles.group} aria-describedby={problem && capacity === null ? `${id}-problem` : undefined}>
        <legend className={styles.legend}>
          {editing ? 'How much capacity did you have then?' : 'How much capacity do you have today?'}
        </legend>
        <div className={styles.scale}>
          {SCALE.map((n) => {
            const word = CAPACITY_WORDS[n];
            return (
              <label key={n} className={styles.scaleOption}>
                <input
                  ref={n === CAPACITY_MIN ? firstRadioRef : undefined}
                  type="radio"
                  className={styles.radio}
                  name={`${id}-capacity`}
                  value={n}
                  checked={capacity === n}
                  onChange={() => {
                    setCapacity(n);
                    setProblem(null);
                  }}
                />
                <span className={styles.scaleNumber}>{n}</span>
                {word ? (
                  <>
                    <span className="visually-hidden"> — </span>
                    <span className={styles.scaleWord}>{word.toLowerCase()}</span>
                  </>
                ) : null}
              </label>
            );
          })}
        </div>
      </fieldset>
      {problem ? (
        <div id={`${id}-problem`}>
          <Notice>{problem}</Notice>
        </div>
      ) : null}

      <p className={styles.muted}>Energy, sleep and load are optional.</p>
      {(Object.keys(LEVEL_WORDS) as LevelKind[]).map((kind) => (
        <fieldset key={kind} className={styles.group}>
          <legend className={styles.legend}>{LEVEL_LEGENDS[kind]}</legend>
          <div className={chipStyles.chips}>
            {LEVEL_WORDS[kind].map((word, i) => (
              <label key={word} className={chipStyles.chip}>
                <input
                  type="radio"
                  className={chipStyles.radio}
                  name={`${id}-${kind}`}
                  value={i + 1}
                  checked={levels[kind] === i + 1}
                  onChange={() => setLevels((l) => ({ ...l, [kind]: (i + 1) as Level }))}
                />
                <span>{word}</span>
              </label>
            ))}
            {levels[kind] !== null ? (
              <Button
                variant="quiet"
                aria-label={`Clear ${LEVEL_LEGENDS[kind].toLowerCase()}`}
                onClick={() => setLevels((l) => ({ ...l, [kind]: null }))}
              >
                Clear
              </Button>
            ) : null}
          </div>
        </fieldset>
      ))}

      <TextArea label="What is helping?" value={helping} onChange={setHelping} />
      <TextArea label="What is hard?" value={hard} onChange={setHard} />

      {signs && signs.length ? (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Any of your early-warning signs today?</legend>
          <div className={styles.checks}>
            {signs.map((sign) => (
              <label key={sign.id} className={styles.check}>
                <input
                  type="checkbox"
                  checked={signIds.includes(sign.id)}
                  onChange={(e) => toggleSign(sign.id, e.target.checked)}
                />
                <span>{sign.name}</span>
              </label>
            ))}
          </div>
          {keptSigns.length ? (
            <p className={styles.muted}>
              Also noted at the time, from signs you have since removed: {keptSigns.map((f) => f.name).join(', ')}.
            </p>
          ) : null}
        </fieldset>
      ) : signs ? (
        <p className={styles.muted}>
          You have not written down any early-warning signs yet.{' '}
          <Button variant="quiet" className={styles.inline} onClick={onAddSigns}>
            Add your signs
          </Button>
        </p>
      ) : null}

      <div className={styles.group}>
        <span className={styles.legend}>Link to an entry (optional)</span>
        {entry ? (
          <p className={styles.linked}>
            <span>Linked to “{entry.title}”</span>
            <Button variant="quiet" aria-label={`Remove link to “${entry.title}”`} onClick={() => setEntry(null)}>
              Remove link
            </Button>
          </p>
        ) : picking ? (
          <EntryPicker
            label="Link an entry to this check-in"
            onPick={(e) => {
              setEntry({ id: e.id, title: entryTitle(e) });
              setPicking(false);
            }}
            onCancel={() => setPicking(false)}
          />
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setPicking(true)}>
              Link an entry
            </Button>
          </div>
        )}
      </div>

      <div className={styles.group}>
        {at === null ? (
          <p className={styles.linked}>
            <span>
              <span className={styles.legend}>When:</span> now
            </span>
            <Button
              variant="quiet"
              id={`${id}-choose-time`}
              onClick={() => {
                timeFocus.current = 'input';
                setAt(toLocalInput(new Date()));
              }}
            >
              Choose another time
            </Button>
          </p>
        ) : (
          <div className={styles.when}>
            <label htmlFor={`${id}-at`} className={styles.legend}>
              Date and time
            </label>
            <input
              id={`${id}-at`}
              ref={timeInputRef}
              type="datetime-local"
              className={styles.input}
              value={at}
              onChange={(e) => setAt(e.target.value)}
            />
            {editing ? null : (
              <Button
                variant="quiet"
                onClick={() => {
                  timeFocus.current = 'button';
                  setAt(null);
                }}
              >
                Use now
              </Button>
            )}
          </div>
        )}
      </div>

      {save.isError ? <Notice>{describeError(save.error)}</Notice> : null}
      <Actions>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save check-in'}
        </Button>
        {editing ? (
          <Button variant="secondary" onClick={onCancelEdit}>
            Cancel editing
          </Button>
        ) : null}
      </Actions>
    </form>
  );
}
