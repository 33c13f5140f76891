import { useCallback, useId, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { THEMES } from '../../../../common/dialectics/prompts';
import { MAX_TRUTH_CHARS, type TwoTruthsFields } from '../../../../common/dialectics/two-truths';
import type { Entry } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LinkedEntries } from '../journal/LinkedEntries';
import { invalidateLists, journalKeys } from '../journal/queries';
import { SaveStatus } from '../journal/SaveStatus';
import { useAutosave } from '../journal/useAutosave';
import journal from '../journal/journal.module.css';
import styles from './truths.module.css';

interface Draft {
  id: string;
  fields: TwoTruthsFields;
  eventDate: string | null;
  tags: string[];
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
}

type TextKey = Exclude<keyof TwoTruthsFields, 'promptId'>;

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

export const truthsKeys = { prompts: ['truths', 'prompts'] as const };

interface Props {
  entry: Entry;
  focusRequest: number;
  onHistory: () => void;
  onTrashed: (entry: Entry) => void;
  onOpenEntry?: ((id: string) => void) | undefined;
}

/**
 * A two-truths entry: one truth and where it comes from, "and yet" another and where that comes
 * from, and, only if the person wants it, what honouring both could look like. Saved as they type.
 */
export function TwoTruthsForm({ entry, focusRequest, onHistory, onTrashed, onOpenEntry }: Props) {
  const queryClient = useQueryClient();
  const id = useId();
  const [fields, setFields] = useState<TwoTruthsFields>(
    entry.twoTruths ?? { truthA: '', contextA: '', truthB: '', contextB: '', honouring: '', promptId: null },
  );
  const [tagsText, setTagsText] = useState(entry.tags.join(', '));
  const [flags, setFlags] = useState({
    bringToSupervision: entry.bringToSupervision,
    containsClientMaterial: entry.containsClientMaterial,
    pinned: entry.pinned,
  });
  const [eventDate, setEventDate] = useState(entry.eventDate ?? '');
  const [confirmTrash, setConfirmTrash] = useState(false);
  const draft = useRef<Draft>({
    id: entry.id,
    fields,
    eventDate: entry.eventDate,
    tags: entry.tags,
    ...flags,
  });
  const prompts = useQuery({ queryKey: truthsKeys.prompts, queryFn: () => unwrap(holding().truths.prompts()) });
  const prompt = prompts.data?.find((p) => p.id === fields.promptId);
  const theme = THEMES.find((t) => t.id === prompt?.theme);

  const save = useCallback(
    async (d: Draft) => {
      const saved = await unwrap(holding().truths.save(d));
      queryClient.setQueryData(journalKeys.entry(d.id), (old: Entry | undefined) =>
        old ? { ...old, ...saved, twoTruths: d.fields, tags: d.tags, eventDate: d.eventDate } : old,
      );
      invalidateLists(queryClient);
    },
    [queryClient],
  );
  const autosave = useAutosave<Draft>(save);
  const update = (changes: Partial<Draft>) => {
    draft.current = { ...draft.current, ...changes };
    autosave.change(draft.current);
  };
  const setField = (key: TextKey, value: string) => {
    const next = { ...draft.current.fields, [key]: value };
    setFields(next);
    update({ fields: next });
  };

  const trash = useMutation({
    mutationFn: async () => {
      await autosave.flush();
      await unwrap(holding().journal.trash({ id: entry.id }));
    },
    onSuccess: () => {
      invalidateLists(queryClient);
      onTrashed(entry);
    },
  });

  const words = countWords(
    [fields.truthA, fields.contextA, fields.truthB, fields.contextB, fields.honouring].join(' '),
  );

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
        // A new entry opens ready to write (focusRequest rises each time one is started).
        autoFocus={options.autoFocus && focusRequest > 0}
        onChange={(e) => setField(key, e.target.value)}
        onBlur={() => void autosave.flush()}
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
          {box('contextB', 'Where this comes from', 'Optional: what makes this one true as well.')}
        </div>
      </div>
      <section className={styles.honouring}>
        {box(
          'honouring',
          'What honouring both could look like',
          'Optional, and only if you want to. Leaving both truths standing side by side is enough.',
        )}
      </section>
      <div className={journal.meta}>
        <label>
          <span>About the day of</span>
          <input
            type="date"
            className={journal.input}
            value={eventDate}
            onChange={(e) => {
              setEventDate(e.target.value);
              update({ eventDate: e.target.value || null });
            }}
          />
        </label>
        <label>
          <span>Tags</span>
          <input
            className={journal.input}
            value={tagsText}
            placeholder="separated by commas"
            onChange={(e) => {
              setTagsText(e.target.value);
              update({ tags: splitTags(e.target.value) });
            }}
          />
        </label>
        {(
          [
            ['bringToSupervision', 'Bring to supervision'],
            ['containsClientMaterial', 'Contains client material'],
            ['pinned', 'Pinned'],
          ] as const
        ).map(([key, label]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={flags[key]}
              onChange={(e) => {
                setFlags((f) => ({ ...f, [key]: e.target.checked }));
                update({ [key]: e.target.checked });
                void autosave.flush();
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <div className={journal.footer}>
        <SaveStatus state={autosave.state} words={words} />
        <div className={journal.row}>
          <Button variant="secondary" onClick={() => void autosave.flush().then(onHistory)}>
            History
          </Button>
          <Button variant="secondary" onClick={() => setConfirmTrash(true)}>
            Move to trash
          </Button>
        </div>
      </div>
      {trash.isError ? <Notice>{describeError(trash.error)}</Notice> : null}
      <LinkedEntries entryId={entry.id} onOpen={onOpenEntry} />
      <ConfirmDialog
        open={confirmTrash}
        title="Move this entry to the trash?"
        confirmLabel="Move to trash"
        onCancel={() => setConfirmTrash(false)}
        onConfirm={() => {
          setConfirmTrash(false);
          trash.mutate();
        }}
      >
        <p>You can restore it from the trash for 30 days. After that it is deleted for good.</p>
      </ConfirmDialog>
    </div>
  );
}
