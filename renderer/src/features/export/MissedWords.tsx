import { type Dispatch, type SetStateAction, useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_TERM_LENGTH, termKey, tidyTerm } from '../../../../common/deid/lists';
import { keyOf } from '../../../../common/export/resolve';
import type { ExportCheck, ExportFinding } from '../../../../common/export/types';
import { describeError } from '../../api';
import { Button } from '../../ui/controls';
import { addToNamesList, settingsKey } from '../settings/queries';
import { type Draft, outcomeOf, settled } from './draft';
import { exportKeys } from './queries';
import styles from './export.module.css';

/** What the person can do with words the check missed. */
export type MissedAction = 'redact' | 'pseudonym' | 'names';

/** As many words as the check will take for one export (common/ipc/contract.ts). */
const MAX_LOOK_FOR = 500;

/** Words as the person selected or typed them, without the spaces, quotes and stops around them. */
export function tidyWords(text: string): string {
  return tidyTerm(text)
    .replace(/^[\s"'“”‘’([{<.,;:!?—–-]+/u, '')
    .replace(/[\s"'“”‘’)\]}>.,;:!?—–-]+$/u, '')
    .replace(/['’]s$/iu, '');
}

const folded = (text: string) => termKey(text).replace(/['’]s$/u, '');

/**
 * The findings that hold these words: their own, or a longer finding they are part of ("Quillfeather", once
 * known, makes "Zebedee Quillfeather" one name).
 */
function findingsFor(check: ExportCheck, words: string): ExportFinding[] {
  const escaped = folded(words).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const within = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  return check.findings.filter((f) => within.test(folded(f.text)));
}

const places = (n: number) => (n === 1 ? 'one place' : `${n} places`);

interface Pending {
  words: string;
  action: MissedAction;
  /** The check's answer must be newer than this to hold the words. */
  since: number;
}

interface Options {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  /** The check as it stands: undefined while it is read, or while an older answer stands in. */
  check: ExportCheck | undefined;
  checkedAt: number;
}

/**
 * Words the check missed, brought to it from the preview or the keyboard. Redacting them or giving them a
 * pseudonym adds them to what this export's check looks for (so it finds them everywhere) and decides them;
 * adding them to the names list keeps them for every export, and checks again.
 */
export function useMissedWords({ draft, setDraft, check, checkedAt }: Options) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  // Once the check has read the words, decide what it found (where nothing is decided yet) and say so.
  useEffect(() => {
    if (!pending || !check || checkedAt <= pending.since) return;
    setPending(null);
    const found = findingsFor(check, pending.words);
    const quoted = `“${pending.words}”`;
    if (pending.action === 'names') {
      setStatus({
        problem: false,
        text: found.length
          ? `${quoted} is on your names list now, in Settings. The check found it in ${places(found.length)} here; please decide what to do with it.`
          : `${quoted} is on your names list now, in Settings. It does not appear in what you chose here.`,
      });
      return;
    }
    if (!found.length) {
      // Nothing to look for: it stays off the list of words added.
      setDraft((d) => ({ ...d, lookFor: d.lookFor.filter((w) => termKey(w) !== termKey(pending.words)) }));
      setStatus({
        problem: true,
        text: `Holding could not find ${quoted} in what you chose. The words it writes itself (headings, pseudonyms and [redacted]) are not checked, so there is nothing to change there.`,
      });
      return;
    }
    const action = pending.action;
    setDraft((d) => {
      const byValue = { ...d.decisions.byValue };
      for (const f of found) {
        const key = keyOf(f, d.decisions);
        if (!settled(byValue[key])) byValue[key] = { action };
      }
      return { ...d, decisions: { ...d.decisions, byValue } };
    });
    // Said from the decisions as they will be: what was decided before stays.
    const first = found[0]!;
    const key = keyOf(first, draft.decisions);
    const decided = settled(draft.decisions.byValue[key]);
    const outcome = outcomeOf(
      first,
      decided ? draft.decisions : { ...draft.decisions, byValue: { ...draft.decisions.byValue, [key]: { action } } },
      check.pseudonyms,
    );
    const now =
      outcome?.action === 'pseudonym'
        ? `it becomes “${outcome.text}”`
        : outcome?.action === 'keep'
          ? 'it stays as written, as you decided before'
          : 'it is redacted';
    setStatus({ problem: false, text: `Found ${quoted} in ${places(found.length)}: ${now}.` });
    // Only the pending words and the check's answer say when to act; the draft is read as it is then.
  }, [pending, check, checkedAt]);

  /** Returns whether the words were taken (so the field can be cleared). */
  const add = async (text: string, action: MissedAction): Promise<boolean> => {
    const words = tidyWords(text);
    if (!words) {
      setStatus({ problem: true, text: 'Select the words in the preview, or type them, first.' });
      return false;
    }
    if (words.length > MAX_TERM_LENGTH) {
      setStatus({
        problem: true,
        text: `That is longer than ${MAX_TERM_LENGTH} characters. Could you choose just the words that identify someone?`,
      });
      return false;
    }
    const since = Date.now();
    if (action === 'names') {
      setStatus({ problem: false, text: `Adding “${words}” to your names list…` });
      try {
        const { settings } = await addToNamesList(words);
        queryClient.setQueryData(settingsKey, settings);
      } catch (error) {
        setStatus({ problem: true, text: describeError(error) });
        return false;
      }
      setPending({ words, action, since });
      void queryClient.invalidateQueries({ queryKey: exportKeys.checks });
      return true;
    }
    const already = draft.lookFor.some((w) => termKey(w) === termKey(words));
    if (!already && draft.lookFor.length >= MAX_LOOK_FOR) {
      setStatus({
        problem: true,
        text: `This export already looks for ${MAX_LOOK_FOR} words of yours, as many as it can. Your names list in Settings can hold more.`,
      });
      return false;
    }
    setStatus({ problem: false, text: `Looking for “${words}” everywhere in this export…` });
    // Already looked for, the check has its answer: act on it as it is.
    setPending({ words, action, since: already ? 0 : since });
    if (!already) setDraft((d) => ({ ...d, lookFor: [...d.lookFor, words] }));
    return true;
  };

  const remove = (words: string) => {
    setDraft((d) => ({ ...d, lookFor: d.lookFor.filter((w) => w !== words) }));
    setStatus({ problem: false, text: `Holding no longer looks for “${words}” in this export.` });
  };

  return { add, remove, status, busy: pending !== null };
}

interface Props {
  text: string;
  onText: (text: string) => void;
  /** The words came from a selection in the preview. */
  fromPreview: boolean;
  lookFor: string[];
  missed: ReturnType<typeof useMissedWords>;
}

/** "Did the check miss something?": words selected in the preview, or typed, and what to do with them. */
export function MissedWords({ text, onText, fromPreview, lookFor, missed }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const act = async (action: MissedAction) => {
    if (missed.busy) return;
    if (await missed.add(text, action)) onText('');
  };
  return (
    <section className={styles.missed} aria-labelledby={`${id}-h`} data-selected={fromPreview || undefined}>
      <h3 id={`${id}-h`} className={styles.missedHeading}>
        Did the check miss something?
      </h3>
      <form
        className={styles.missedForm}
        onSubmit={(e) => {
          e.preventDefault();
          void act('redact');
        }}
      >
        <label htmlFor={`${id}-words`} className={styles.smallLabel}>
          Words it missed
        </label>
        <span id={`${id}-hint`} className={styles.hint}>
          {fromPreview
            ? 'Selected in the preview. The check will look for them everywhere in this export.'
            : 'Select them in the preview, or type them here. The check will look for them everywhere in this export.'}
        </span>
        <input
          id={`${id}-words`}
          ref={input}
          className={styles.input}
          value={text}
          maxLength={MAX_TERM_LENGTH + 20}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onText(e.target.value)}
        />
        <div className={styles.missedActions}>
          <Button type="submit" variant="secondary">
            Redact this
          </Button>
          <Button variant="secondary" onClick={() => void act('pseudonym')}>
            Give it a stand-in
          </Button>
          <Button variant="quiet" onClick={() => void act('names')}>
            Add to my names list
          </Button>
        </div>
      </form>
      <div
        role="status"
        className={missed.status?.problem ? styles.gentleSmall : styles.hint}
        data-testid="missed-status"
      >
        {missed.status?.text ?? ''}
      </div>
      {lookFor.length ? (
        <div className={styles.lookFor}>
          <span className={styles.hint} id={`${id}-also`}>
            Also looked for in this export:
          </span>
          <ul className={styles.lookForList} aria-labelledby={`${id}-also`}>
            {lookFor.map((w) => (
              <li key={w} className={styles.lookForItem}>
                <span>{w}</span>
                <button
                  type="button"
                  className={styles.lookForRemove}
                  aria-label={`Stop looking for “${w}”`}
                  onClick={() => missed.remove(w)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
