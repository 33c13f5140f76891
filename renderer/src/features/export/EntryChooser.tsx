import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntrySummary } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { entryTitle, KIND_LABELS } from '../../ui/EntryPicker';
import { useSettledQuery } from '../../ui/useSettled';
import { day } from '../supervision/format';
import styles from './export.module.css';

const PAGE = 25;

const FILTERS = {
  all: 'All entries',
  journal: 'Journal entries',
  'two-truths': 'Two truths',
  flagged: 'Flagged to bring to supervision',
  client: 'Marked as client material',
} as const;
type Filter = keyof typeof FILTERS;

function listInput(query: string, filter: Filter, limit: number) {
  return {
    query,
    limit,
    ...(filter === 'journal' || filter === 'two-truths' ? { kind: filter } : {}),
    ...(filter === 'flagged' ? { bringToSupervision: true } : {}),
    ...(filter === 'client' ? { containsClientMaterial: true } : {}),
  };
}

interface Props {
  chosenIds: readonly string[];
  onToggle: (entry: EntrySummary, on: boolean) => void;
}

/** Journal and two-truths entries to tick: search, narrow by kind or flag, and tick as many as you like. */
export function EntryChooser({ chosenIds, onToggle }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const settled = useSettledQuery(query);
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const results = useQuery({
    queryKey: ['journal', 'page', 'export', settled, filter, limit],
    queryFn: () => unwrap(holding().journal.list(listInput(settled, filter, limit))),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const items = results.data?.items ?? [];
  const total = results.data?.total ?? 0;
  const searching = settled.trim() !== '';

  return (
    <section className={styles.block} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className={styles.blockHeading}>
        Journal and two-truths entries
      </h3>
      <div className={styles.filters}>
        <div className={styles.field}>
          <label htmlFor={`${id}-q`} className={styles.smallLabel}>
            Search your entries
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className={styles.input}
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE);
            }}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-f`} className={styles.smallLabel}>
            Show
          </label>
          <select
            id={`${id}-f`}
            className={styles.input}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as Filter);
              setLimit(PAGE);
            }}
          >
            {(Object.keys(FILTERS) as Filter[]).map((f) => (
              <option key={f} value={f}>
                {FILTERS[f]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className={styles.hint} aria-live="polite" id={`${id}-count`}>
        {results.isPending
          ? 'Looking…'
          : !total
            ? searching
              ? 'Nothing found for that search.'
              : filter === 'all'
                ? 'No entries yet. Anything you write in the journal or two truths can be chosen here.'
                : 'No entries like that yet.'
            : searching
              ? `${total} found`
              : `${total} ${total === 1 ? 'entry' : 'entries'}, most recent first`}
      </p>
      {results.isError ? <Notice>{describeError(results.error)}</Notice> : null}
      {items.length ? (
        <ul className={styles.entryList} aria-label="Entries to choose from">
          {items.map((entry) => {
            const checked = chosenIds.includes(entry.id);
            const box = `${id}-e-${entry.id}`;
            return (
              <li key={entry.id} className={styles.entryRow} data-checked={checked || undefined}>
                <input
                  id={box}
                  type="checkbox"
                  className={styles.checkbox}
                  checked={checked}
                  aria-describedby={`${box}-meta`}
                  onChange={(e) => onToggle(entry, e.target.checked)}
                />
                <div className={styles.entryText}>
                  <label htmlFor={box} className={styles.entryTitle}>
                    {entryTitle(entry)}
                  </label>
                  <span id={`${box}-meta`} className={styles.entryMeta}>
                    {KIND_LABELS[entry.kind]} · {day(entry.eventDate ?? entry.updatedAt)}
                    {entry.bringToSupervision ? ' · flagged for supervision' : ''}
                    {entry.containsClientMaterial ? (
                      <span className={styles.clientTag}> · contains client material</span>
                    ) : null}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {items.length < total ? (
        <Button
          variant="quiet"
          onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}
          aria-describedby={`${id}-count`}
        >
          Show more entries
        </Button>
      ) : null}
    </section>
  );
}
