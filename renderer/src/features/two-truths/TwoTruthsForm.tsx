import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { THEMES } from '../../../../common/two-truths/prompts';
import {
  MAX_TRUTH_CHARS,
  normaliseTwoTruths,
  type TwoTruthsFields,
  twoTruthsLabel,
} from '../../../../common/two-truths/two-truths';
import { holding, unwrap } from '../../api';
import { FeedbackPointer } from '../sharing/FeedbackBeside';
import { EntryDetails, EntryEnd } from '../journal/EntryParts';
import { draftCommon, type DraftCommon, useEntryDraft } from '../journal/useEntryDraft';
import type { EntryFormProps } from '../journal/useEntryPane';
import journal from '../journal/journal.module.css';
import styles from './two-truths.module.css';

interface Draft extends DraftCommon {
  fields: TwoTruthsFields;
}

type TextKey = Exclude<keyof TwoTruthsFields, 'promptId'>;

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

export const twoTruthsKeys = { prompts: ['twoTruths', 'prompts'] as const };

/**
 * A two-truths entry: one truth and where it comes from, "and yet" another and where that comes
 * from, and, only if the person wants it, what honouring both could look like. Saved as they type.
 */
export function TwoTruthsForm(form: EntryFormProps) {
  const { entry, focusTitle, onTitleFocused, onBackToList } = form;
  const id = useId();
  const [fields, setFields] = useState<TwoTruthsFields>(
    entry.twoTruths ?? { truthA: '', contextA: '', truthB: '', contextB: '', honouring: '', promptId: null },
  );
  const prompts = useQuery({ queryKey: twoTruthsKeys.prompts, queryFn: () => unwrap(holding().twoTruths.prompts()) });
  const prompt = prompts.data?.find((p) => p.id === fields.promptId);
  const theme = THEMES.find((t) => t.id === prompt?.theme);

  // The cached entry as main now has it (flags, title and all), so reopening it shows the truth.
  const { draft, update, autosave } = useEntryDraft<Draft>({ ...draftCommon(entry), fields }, async (d) => {
    const saved = await unwrap(holding().twoTruths.save(d));
    const { fields, ...rest } = d;
    return { ...rest, ...saved, twoTruths: fields, title: twoTruthsLabel(normaliseTwoTruths(fields)) };
  });
  const setField = (key: TextKey, value: string) => {
    const next = { ...draft.current.fields, [key]: value };
    setFields(next);
    update({ fields: next });
  };

  const words = countWords(
    [fields.truthA, fields.contextA, fields.truthB, fields.contextB, fields.honouring].join(' '),
  );

  // A new entry, or Enter in the list, brings the first truth ready to write.
  const firstRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focusTitle) return;
    firstRef.current?.focus();
    onTitleFocused();
  }, [focusTitle, onTitleFocused]);

  const box = (key: TextKey, label: string, hint: string, options: { big?: boolean; autoFocus?: boolean } = {}) => (
    <div className={styles.box}>
      <label htmlFor={`${id}-${key}`} className={options.big ? styles.truthLabel : styles.label}>
        {label}
      </label>
      <span id={`${id}-${key}-hint`} className={styles.hint}>
        {hint}
      </span>
      <textarea
        id={`${id}-${key}`}
        dir="auto"
        aria-describedby={`${id}-${key}-hint`}
        className={options.big ? styles.truth : styles.context}
        value={fields[key]}
        maxLength={MAX_TRUTH_CHARS}
        ref={options.autoFocus ? firstRef : undefined}
        onChange={(e) => setField(key, e.target.value)}
        onBlur={() => void autosave.flush()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            void autosave.flush();
            onBackToList();
          }
        }}
      />
    </div>
  );

  return (
    <div className={journal.editorPane}>
      <h2 className={styles.formHeading}>Two truths</h2>
      <p className={styles.lead}>
        Both can be true at once. There is nothing here to settle or to win.
        {theme ? <span className={styles.theme}> Started from a prompt about {theme.label.toLowerCase()}.</span> : null}
      </p>
      <div className={styles.pair}>
        <div className={styles.card}>
          {box('truthA', 'One truth', 'Something that is true for you.', { big: true, autoFocus: true })}
          {box('contextA', 'Where this comes from', 'Optional: the situation, the feeling or the history behind it.')}
        </div>
        <div className={styles.andYet} aria-hidden="true">
          and yet
        </div>
        <div className={styles.card}>
          {box('truthB', 'And yet', 'Something else that is also true.', { big: true })}
          {box('contextB', 'Where the “and yet” comes from', 'Optional: what makes this one true as well.')}
        </div>
      </div>
      <section className={styles.honouring}>
        {box(
          'honouring',
          'What honouring both could look like',
          'Optional, and only if you want to. Leaving both truths standing side by side is enough.',
        )}
      </section>
      <EntryDetails entry={entry} onChange={update} flush={autosave.flush} />
      <FeedbackPointer sourceId={entry.id} />
      <EntryEnd form={form} autosave={autosave} words={words} />
    </div>
  );
}
