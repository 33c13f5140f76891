import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../common/ipc/contract';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useRequestedHeading } from '../../ui/pendingRequest';
import ui from '../../ui/ui.module.css';
import styles from './settings.module.css';
import { MAX_TERM_LENGTH, MAX_TERMS, termKey, tidyTerm } from '../../../../common/deid/lists';
import { settingsKey, takeLookOutRequest, useSettings } from './queries';

/** The same limits main keeps (common/ipc/contract.ts), said kindly here before anything is sent. */

type Field = 'deidNames' | 'deidPlaces';

interface Words {
  heading: string;
  one: string;
  many: string;
  addLabel: string;
  hint: string;
}

const WORDS: Record<Field, Words> = {
  deidNames: {
    heading: 'Names',
    one: 'name',
    many: 'names',
    addLabel: 'Add names',
    hint: 'Clients, colleagues, family members: type one and press Enter, or paste several, one on each line.',
  },
  deidPlaces: {
    heading: 'Places',
    one: 'place',
    many: 'places',
    addLabel: 'Add places',
    hint: 'Wards, teams, schools, towns: type one and press Enter, or paste several, one on each line.',
  },
};

const quoted = (item: string) => `“${item.length > 40 ? `${item.slice(0, 40)}…` : item}”`;

export function LookOutSection() {
  const id = useId();
  const settings = useSettings();
  // Asked for from elsewhere (the Export page): this section, once the page's heading has had its turn.
  const heading = useRequestedHeading(takeLookOutRequest, false);
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1} className={styles.focusableHeading}>
        Names and places to look out for
      </h2>
      <p className={styles.muted}>
        Before anything leaves Holding, it is checked for details that could identify someone. Add the names and places
        you would most want caught, and each will be pointed out to you, in capitals or not, before anything is shared.
      </p>
      <p className={`${styles.muted} ${styles.private}`}>
        This list is yours alone: it stays here, encrypted with the rest of your journal, and is never exported or
        shared.
      </p>
      {settings.isError ? <Notice>{describeError(settings.error)}</Notice> : null}
      <TermList field="deidNames" items={settings.data?.deidNames ?? null} />
      <TermList field="deidPlaces" items={settings.data?.deidPlaces ?? null} />
    </section>
  );
}

function TermList({ field, items }: { field: Field; items: string[] | null }) {
  const words = WORDS[field];
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Each change is worked out from the list as it stands once the one before has been saved, so quick
  // removals one after another never bring an item back.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const focusAfter = useRef<number | null>(null);

  function change(next: (current: string[]) => string[]): Promise<Settings> {
    const run = queue.current.then(async () => {
      const current = queryClient.getQueryData<Settings>(settingsKey)?.[field] ?? [];
      const list = next(current);
      const saved = await unwrap(
        holding().settings.update(field === 'deidNames' ? { deidNames: list } : { deidPlaces: list }),
      );
      queryClient.setQueryData(settingsKey, saved);
      return saved;
    });
    queue.current = run.catch(() => undefined);
    return run;
  }

  // After a removal, focus goes to the item that took its place (or the one before, or the box to add).
  useEffect(() => {
    const index = focusAfter.current;
    if (index === null || !items) return;
    focusAfter.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const target = buttons[Math.min(index, buttons.length - 1)] ?? inputRef.current;
    target?.focus();
  }, [items]);

  async function add(event?: FormEvent) {
    event?.preventDefault();
    if (!items || adding) return;
    setFailure(null);
    const lines = text.split(/\r?\n/).map(tidyTerm).filter(Boolean);
    if (lines.length === 0) {
      setProblem(`Type a ${words.one} to add, or paste several, one on each line.`);
      return;
    }
    const long = lines.find((line) => line.length > MAX_TERM_LENGTH);
    if (long) {
      setProblem(
        `${quoted(long)} is longer than ${MAX_TERM_LENGTH} characters. Could you shorten it? Nothing has been added yet.`,
      );
      return;
    }
    const known = new Set(items.map(termKey));
    const fresh: string[] = [];
    for (const line of lines) {
      const key = termKey(line);
      if (known.has(key)) continue;
      known.add(key);
      fresh.push(line);
    }
    const already = lines.length - fresh.length;
    if (fresh.length === 0) {
      setProblem(null);
      setText('');
      setStatus(
        lines.length === 1 ? `${quoted(lines[0]!)} is already on your list.` : `All of those are already on your list.`,
      );
      return;
    }
    if (items.length + fresh.length > MAX_TERMS) {
      const room = MAX_TERMS - items.length;
      setProblem(
        `The list can hold up to ${MAX_TERMS.toLocaleString('en-GB')} ${words.many}, and there is room for ${
          room === 1 ? `1 more` : `${room.toLocaleString('en-GB')} more`
        }. Nothing has been added yet.`,
      );
      return;
    }
    setProblem(null);
    setStatus('');
    setAdding(true);
    try {
      await change((current) => [...current, ...fresh]);
      setText('');
      const what = fresh.length === 1 ? quoted(fresh[0]!) : `${fresh.length} ${words.many}`;
      const note = already === 0 ? '' : already === 1 ? ' One was already there.' : ` ${already} were already there.`;
      setStatus(`Added ${what}.${note}`);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setAdding(false);
    }
  }

  async function remove(item: string, index: number) {
    if (removing.has(item)) return;
    setFailure(null);
    setStatus('');
    setRemoving((s) => new Set(s).add(item));
    try {
      focusAfter.current = index;
      await change((current) => current.filter((c) => c !== item));
      setStatus(`Removed ${quoted(item)}.`);
    } catch (error) {
      focusAfter.current = null;
      setFailure(describeError(error));
    } finally {
      setRemoving((s) => {
        const next = new Set(s);
        next.delete(item);
        return next;
      });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter adds; Shift+Enter starts another line, as does pasting several.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void add(event);
  }

  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const count = items?.length ?? 0;
  return (
    <div className={styles.termList} role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className={styles.termHeading}>
        {words.heading}
      </h3>
      <form onSubmit={(e) => void add(e)} noValidate className={styles.addForm}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-add`}>
            {words.addLabel}
          </label>
          <span id={hintId} className={ui.hint}>
            {words.hint}
          </span>
          <div className={ui.inputRow}>
            <textarea
              id={`${id}-add`}
              ref={inputRef}
              rows={Math.min(6, Math.max(1, text.split('\n').length))}
              className={`${ui.input} ${styles.addBox}`}
              value={text}
              spellCheck={false}
              autoComplete="off"
              disabled={!items}
              onChange={(e) => {
                setText(e.target.value);
                if (problem) setProblem(null);
              }}
              onKeyDown={onKeyDown}
              aria-invalid={problem ? true : undefined}
              aria-describedby={[hintId, problem ? problemId : null].filter(Boolean).join(' ')}
            />
            <Button type="submit" variant="secondary" disabled={!items || adding} className={styles.addButton}>
              {adding ? 'Adding…' : 'Add'}
            </Button>
          </div>
          {problem ? (
            <span id={problemId} className={styles.problem}>
              {problem}
            </span>
          ) : null}
        </div>
      </form>
      {failure ? <Notice>{failure}</Notice> : null}
      <p className={styles.muted}>
        {items === null
          ? ''
          : count === 0
            ? `No ${words.many} yet.`
            : `${count.toLocaleString('en-GB')} ${count === 1 ? words.one : words.many} on your list.`}
      </p>
      {count > 0 ? (
        <ul ref={listRef} className={styles.terms} aria-label={`${words.heading} on your list`}>
          {items!.map((item, index) => (
            <li key={item} className={styles.term}>
              <span className={styles.termText}>{item}</span>
              <button
                type="button"
                className={styles.termRemove}
                aria-label={`Remove “${item}”`}
                aria-disabled={removing.has(item) || undefined}
                onClick={() => void remove(item, index)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div role="status" aria-live="polite" className={styles.termStatus} data-testid={`${field}-status`}>
        {status}
      </div>
    </div>
  );
}
