import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Entry, EntryFlags } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { InSupervision } from './InSupervision';
import { LinkedEntries } from './LinkedEntries';
import { invalidateLists, journalKeys } from './queries';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './useAutosave';
import type { EntryFormProps } from './useEntryPane';
import styles from './journal.module.css';

/** What every entry has besides its text: the day it is about, tags and the flags. */
export interface EntryDetailsValue extends EntryFlags {
  eventDate: string | null;
  tags: string[];
}

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

const FLAGS = [
  ['bringToSupervision', 'Bring to supervision'],
  ['containsClientMaterial', 'Contains client material'],
  ['pinned', 'Pinned'],
] as const;

/**
 * The day, tags and flags of an entry of either kind. `onChange` gets each change; a flag is a
 * deliberate act, so it is saved at once (`flush`).
 */
export function EntryDetails({
  entry,
  onChange,
  flush,
}: {
  entry: Entry;
  onChange: (changes: Partial<EntryDetailsValue>) => void;
  flush: () => Promise<void>;
}) {
  const [eventDate, setEventDate] = useState(entry.eventDate ?? '');
  const [tagsText, setTagsText] = useState(entry.tags.join(', '));
  const [flags, setFlags] = useState<EntryFlags>({
    bringToSupervision: entry.bringToSupervision,
    containsClientMaterial: entry.containsClientMaterial,
    pinned: entry.pinned,
  });
  return (
    <div className={styles.meta}>
      <label>
        <span>About the day of</span>
        <input
          type="date"
          className={styles.input}
          value={eventDate}
          onChange={(e) => {
            setEventDate(e.target.value);
            onChange({ eventDate: e.target.value || null });
          }}
        />
      </label>
      <label>
        <span>Tags</span>
        <input
          className={styles.input}
          value={tagsText}
          placeholder="separated by commas"
          onChange={(e) => {
            setTagsText(e.target.value);
            onChange({ tags: splitTags(e.target.value) });
          }}
        />
      </label>
      {FLAGS.map(([key, label]) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={flags[key]}
            onChange={(e) => {
              setFlags((f) => ({ ...f, [key]: e.target.checked }));
              onChange({ [key]: e.target.checked });
              void flush();
            }}
          />
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * What closes every entry's form, of either kind: the footer, the entries linked to it and its place
 * in supervision.
 */
export function EntryEnd({
  form,
  autosave,
  words,
}: {
  /** What the entry's form was given. */
  form: EntryFormProps;
  autosave: { state: SaveState; flush: () => Promise<void> };
  words: number;
}) {
  const { entry, onHistory, onTrashed, onOpenEntry } = form;
  return (
    <>
      <EntryFooter
        entry={entry}
        state={autosave.state}
        words={words}
        flush={autosave.flush}
        onHistory={onHistory}
        onTrashed={onTrashed}
      />
      <LinkedEntries entryId={entry.id} onOpen={onOpenEntry} />
      <InSupervision entryId={entry.id} />
    </>
  );
}

/** The line under an entry: whether it is saved, its words, History and Move to trash (confirmed). */
export function EntryFooter({
  entry,
  state,
  words,
  flush,
  onHistory,
  onTrashed,
}: {
  entry: Entry;
  state: SaveState;
  words: number;
  flush: () => Promise<void>;
  onHistory: () => void;
  onTrashed: (entry: Entry) => void;
}) {
  const queryClient = useQueryClient();
  const trashing = useConfirm();
  const trash = useMutation({
    mutationFn: async () => {
      await flush();
      await unwrap(holding().journal.trash({ id: entry.id }));
    },
    onSuccess: () => {
      invalidateLists(queryClient);
      // Opened again (from a link, say), it must show as trashed, not as the editable copy in the cache.
      queryClient.removeQueries({ queryKey: journalKeys.entry(entry.id) });
      onTrashed(entry);
    },
  });
  return (
    <>
      <div className={styles.footer}>
        <SaveStatus state={state} words={words} />
        <div className={styles.row}>
          <Button variant="secondary" onClick={() => void flush().then(onHistory)}>
            History
          </Button>
          <Button variant="secondary" onClick={() => trashing.ask()}>
            Move to trash
          </Button>
        </div>
      </div>
      {trash.isError ? <Notice>{describeError(trash.error)}</Notice> : null}
      <ConfirmAction
        confirm={trashing}
        title="Move this entry to the trash?"
        confirmLabel="Move to trash"
        onConfirm={() => trash.mutate()}
      >
        <p>You can restore it from the trash for 30 days. After that it is deleted for good.</p>
      </ConfirmAction>
    </>
  );
}

/** "Moved … to the trash. Undo": shown in the list's header after an entry is trashed. */
export function TrashedNotice({ entry, onRestored }: { entry: Entry; onRestored: (id: string) => void }) {
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () => unwrap(holding().journal.restore({ id: entry.id })),
    onSuccess: () => {
      invalidateLists(queryClient);
      queryClient.removeQueries({ queryKey: journalKeys.entry(entry.id) });
      onRestored(entry.id);
    },
  });
  return (
    <div role="status" className={styles.row}>
      <span className={styles.grow}>Moved “{entry.title || 'Untitled'}” to the trash.</span>
      <Button variant="quiet" onClick={() => undo.mutate()} disabled={undo.isPending}>
        Undo
      </Button>
      {undo.isError ? <Notice>{describeError(undo.error)}</Notice> : null}
    </div>
  );
}
