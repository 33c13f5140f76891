import { type Dispatch, type SetStateAction, useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_TERM_LENGTH, termKey, tidyTerm } from '../../../../common/deid/lists';
import { keyOf } from '../../../../common/export/resolve';
import type { ExportCheck } from '../../../../common/export/types';
import { describeError } from '../../api';
import { Button } from '../../ui/controls';
import { addToNamesList, settingsKey } from '../settings/queries';
import { decideFound, type Draft, foundFor, type MissedVia, pseudonymFor } from './draft';
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

const places = (n: number) => (n === 1 ? 'one place' : `${n} places`);
const quoted = (texts: readonly string[]) => {
  const q = texts.map((t) => `“${t}”`);
  return q.length < 2 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
};

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
  /** When the check last failed (0 if it has not): words waiting for it are not found that way. */
  failedAt: number;
}

/**
 * Words the check missed, brought to it from the preview or the keyboard. Redacting them or giving them a
 * pseudonym adds them to what this export's check looks for (so it finds them, as a whole, wherever they are
 * written) and decides them; adding them to the names list keeps them for every export, and checks again.
 */
export function useMissedWords({ draft, setDraft, check, checkedAt, failedAt }: Options) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  // Once the check has read the words, decide what it found and say what that was. If it could not finish,
  // nothing more will come of waiting: say so, and let the person try again. Only the pending words and the
  // check's answer say when to act, and it acts once: `pending` is cleared as it does, so a run for any other
  // reason (the draft changed) finds nothing to do, and the draft is read as it is then.
  useEffect(() => {
    if (!pending) return;
    if (failedAt > pending.since && failedAt >= checkedAt) {
      // The check's answer comes from main, through a query, not from an event here: this effect is where the
      // words waiting for it are settled, and its news is the page's state (the draft, the status line).
      // eslint-disable-next-line react-hooks/set-state-in-effect -- settles the check's answer from main, once (above)
      setPending(null);
      setStatus({
        problem: true,
        text: `The check could not finish, so Holding could not look for “${pending.words}”. Please try the check again.`,
      });
      return;
    }
    if (!check || checkedAt <= pending.since) return;
    setPending(null);
    const words = pending.words;
    const via: MissedVia = pending.action === 'names' ? 'names' : 'look-for';
    const found = foundFor(check, words, via);
    const n = found.findings.length;
    const whole = found.texts.length === 1 && termKey(found.texts[0]!) === termKey(words);
    if (pending.action === 'names') {
      const listed = `“${words}” is on your names list now, in Settings.`;
      setStatus({
        problem: false,
        text: n
          ? whole
            ? `${listed} The check found it in ${places(n)} here; please decide what to do with it.`
            : `${listed} The check found ${quoted(found.texts)} in ${places(n)} here; please decide what to do with ${found.texts.length === 1 ? 'it' : 'them'}.`
          : found.within.length
            ? `${listed} Here, it is part of ${quoted([...new Set(found.within.map((f) => f.text))])}, which the check found already.`
            : `${listed} It does not appear in what you chose here.`,
      });
      return;
    }
    if (!n) {
      if (found.within.length) {
        // Part of something longer the check found already: that decision covers it.
        setStatus({
          problem: false,
          text: `“${words}” is part of ${quoted([...new Set(found.within.map((f) => f.text))])}, which the check found already. Whatever you decide for that covers it.`,
        });
        return;
      }
      // Nothing to look for: it stays off the list of words added.
      setDraft((d) => ({ ...d, lookFor: d.lookFor.filter((w) => termKey(w) !== termKey(words)) }));
      setStatus({
        problem: true,
        text: `Holding could not find “${words}”, written just like that, in what you chose. Please check the spelling, or select the words in the preview. Words Holding writes itself (its headings, pseudonyms and [redacted]) are not checked.`,
      });
      return;
    }
    const action = pending.action;
    // Said of these words, so it is their decision now, whatever was decided before.
    const decisions = decideFound(draft.decisions, check.findings, found.findings, action);
    setDraft((d) => ({ ...d, decisions: decideFound(d.decisions, check.findings, found.findings, action) }));
    const first = found.findings[0]!;
    const key = keyOf(first, decisions);
    // Grouped with more than these words ("Kowalski" with "Maria Kowalski"): all of it goes the same way.
    const group = check.findings.find((f) => f.variantKey === key && keyOf(f, decisions) === key)?.text;
    const outcome =
      action === 'pseudonym' ? `becomes “${pseudonymFor(key, decisions, check.pseudonyms)}”` : 'is redacted';
    setStatus({
      problem: false,
      text:
        group && termKey(group) !== termKey(first.text)
          ? `Found “${words}” in ${places(n)}, with “${group}”: all of it ${outcome}.`
          : `Found “${words}” in ${places(n)}: it ${outcome}.`,
    });
  }, [pending, check, checkedAt, failedAt, draft.decisions, setDraft]);

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

  return { add, remove, status, pending: pending?.words ?? null };
}

/** The words in the box, and where they came from. */
export interface MissedText {
  text: string;
  /** The words came from a selection in the preview. */
  fromPreview: boolean;
  /** Words selected in the preview while the box held words the person typed: offered, not put in their place. */
  offered: string | null;
}

interface Props {
  text: MissedText;
  onText: (text: MissedText) => void;
  lookFor: string[];
  missed: ReturnType<typeof useMissedWords>;
  /** The check is reading what was chosen (again): words cannot be looked for until it has finished. */
  checking: boolean;
}

/** "Did the check miss something?": words selected in the preview, or typed, and what to do with them. */
export function MissedWords({ text, onText, lookFor, missed, checking }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Pressed while the check is busy, a button would do nothing: it says why instead, and keeps its focus.
  const wait = missed.pending
    ? `Holding is still looking for “${missed.pending}”. These work again once it has finished.`
    : checking
      ? 'The check is reading what you chose. These work again once it has finished.'
      : null;
  const act = async (action: MissedAction) => {
    if (wait) return;
    if (await missed.add(text.text, action)) onText({ text: '', fromPreview: false, offered: null });
  };
  const busy = wait ? { 'aria-disabled': true, 'aria-describedby': `${id}-wait` } : {};
  const removeWord = (w: string, index: number) => {
    // The button goes with the word: focus goes to the next word's, else the one before, else the box.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1] ?? input.current;
    next?.focus();
    missed.remove(w);
  };
  return (
    <section className={styles.missed} aria-labelledby={`${id}-h`} data-selected={text.fromPreview || undefined}>
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
          {text.fromPreview
            ? 'Selected in the preview. The check will look for them everywhere in this export.'
            : 'Select them in the preview, or type them here. The check will look for them everywhere in this export.'}
        </span>
        <input
          id={`${id}-words`}
          ref={input}
          className={styles.input}
          value={text.text}
          maxLength={MAX_TERM_LENGTH + 20}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onText({ text: e.target.value, fromPreview: false, offered: text.offered })}
        />
        {text.offered ? (
          <p className={styles.offered}>
            <span id={`${id}-offered`}>You selected “{text.offered}” in the preview.</span>{' '}
            <Button
              variant="quiet"
              className={styles.inlineLink}
              aria-describedby={`${id}-offered`}
              onClick={() => {
                onText({ text: text.offered!, fromPreview: true, offered: null });
                input.current?.focus();
              }}
            >
              Use it instead
            </Button>
          </p>
        ) : null}
        <div className={styles.missedActions}>
          <Button type="submit" variant="secondary" className={styles.waiting} {...busy}>
            Redact this
          </Button>
          <Button variant="secondary" className={styles.waiting} onClick={() => void act('pseudonym')} {...busy}>
            Give it a pseudonym
          </Button>
          <Button variant="quiet" className={styles.waiting} onClick={() => void act('names')} {...busy}>
            Add to my names list
          </Button>
        </div>
        {wait ? (
          <span id={`${id}-wait`} className={styles.hint}>
            {wait}
          </span>
        ) : null}
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
          <ul className={styles.lookForList} aria-labelledby={`${id}-also`} ref={list}>
            {lookFor.map((w, index) => (
              <li key={w} className={styles.lookForItem}>
                <span>{w}</span>
                <button
                  type="button"
                  className={styles.lookForRemove}
                  aria-label={`Stop looking for “${w}”`}
                  onClick={() => removeWord(w, index)}
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
