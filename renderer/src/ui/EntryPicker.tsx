import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EntryKind, EntrySummary } from '../../../common/journal/types';
import { holding, unwrap } from '../api';
import styles from './picker.module.css';
import { useSettledQuery } from './useSettled';

export const KIND_LABELS: Record<EntryKind, string> = { journal: 'Journal', 'two-truths': 'Two truths' };

export const entryTitle = (e: { title: string }) => e.title || 'Untitled';

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

interface PickerProps {
  /** Names the group, e.g. "Link an entry". */
  label: string;
  /** Entries not to offer (the entry itself, ones already linked). */
  excludeIds?: readonly string[];
  onPick: (entry: EntrySummary) => void;
  onCancel?: () => void;
}

/** Find an entry by searching, or pick from the most recent: for links between entries and check-ins. */
export function EntryPicker({ label, excludeIds = [], onPick, onCancel }: PickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const settled = useSettledQuery(query);
  const results = useQuery({
    queryKey: ['journal', 'page', 'picker', settled],
    queryFn: () => unwrap(holding().journal.list({ query: settled, limit: 12 })),
  });
  const items = (results.data?.items ?? []).filter((e) => !excludeIds.includes(e.id)).slice(0, 8);

  return (
    <div className={styles.picker} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className={styles.label}>
        {label}
      </span>
      <input
        type="search"
        className={styles.input}
        aria-label={`${label}: search your entries`}
        placeholder="Search your entries"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <p className={styles.hint} aria-live="polite">
        {results.isPending
          ? 'Looking…'
          : items.length
            ? settled.trim()
              ? `${items.length} found`
              : 'Your most recent entries'
            : settled.trim()
              ? 'Nothing found for that search.'
              : 'No entries yet.'}
      </p>
      <ul className={styles.results}>
        {items.map((entry) => (
          <li key={entry.id}>
            <button type="button" className={styles.result} onClick={() => onPick(entry)}>
              <span className={styles.title}>{entryTitle(entry)}</span>
              <span className={styles.meta}>
                {KIND_LABELS[entry.kind]} · {day(entry.updatedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {onCancel ? (
        <button type="button" className={styles.cancel} onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
