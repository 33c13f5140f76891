import { forwardRef, type RefObject, useEffect, useImperativeHandle, useRef } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { splitHighlights } from '../../../../common/journal/search-query';
import type { EntrySummary } from '../../../../common/journal/types';
import type { InputOf, JournalPreviews } from '../../../../common/ipc/contract';
import { describeError, holding, unwrap } from '../../api';
import { Notice } from '../../ui/controls';
import { useSettings } from '../settings/queries';
import { journalKeys } from './queries';
import styles from './journal.module.css';

export type ListFilters = Omit<NonNullable<InputOf<'journal:list'>>, 'offset' | 'limit'>;

const PAGE = 100;
const ROW_HEIGHT = 92;

export interface EntryListHandle {
  focus(): void;
}

/** The search above a list of entries: its syntax as the placeholder, and the down arrow into the list. */
export function EntrySearch({
  label,
  query,
  onQuery,
  listRef,
}: {
  label: string;
  query: string;
  onQuery: (query: string) => void;
  listRef: RefObject<EntryListHandle | null>;
}) {
  return (
    <input
      type="search"
      className={`${styles.input} ${styles.search}`}
      placeholder='Search: words, "a phrase", begin*, -without'
      aria-label={label}
      value={query}
      onChange={(e) => onQuery(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          listRef.current?.focus();
        }
      }}
    />
  );
}

interface Props {
  filters: ListFilters;
  selectedId: string | null;
  /** An entry reached with the arrow keys, Home, End, Page Up or Page Down. */
  onSelect: (id: string) => void;
  /** A click on an entry (onSelect if not given). */
  onPick?: (id: string) => void;
  /** Enter on an entry: move into the editor. */
  onOpen: (id: string) => void;
  label: string;
}

/**
 * A virtualised list that fetches only the pages it shows (random access, so jumping to the end of
 * 100,000 entries loads one page, not a thousand). Arrow keys, Home, End, Page Up and Page Down move;
 * Enter opens the entry in the editor.
 */
export const EntryList = forwardRef<EntryListHandle, Props>(function EntryList(
  { filters, selectedId, onSelect, onPick = onSelect, onOpen, label },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const previews = useSettings().data?.journalPreviews;
  const filterKey = JSON.stringify(filters);
  const pageKey = (page: number) => [...journalKeys.pages, filterKey, page] as const;
  const fetchPage = (page: number) => unwrap(holding().journal.list({ ...filters, offset: page * PAGE, limit: PAGE }));

  const first = useQuery({ queryKey: pageKey(0), queryFn: () => fetchPage(0), placeholderData: (prev) => prev });
  const total = first.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const pagesShown = [...new Set(virtualItems.map((v) => Math.floor(v.index / PAGE)))].filter((p) => p > 0);
  const others = useQueries({
    queries: pagesShown.map((p) => ({ queryKey: pageKey(p), queryFn: () => fetchPage(p) })),
  });
  const itemAt = (index: number): EntrySummary | undefined => {
    const page = Math.floor(index / PAGE);
    const data = page === 0 ? first.data : others[pagesShown.indexOf(page)]?.data;
    return data?.items[index - page * PAGE];
  };

  const selectedIndex = useRef(-1);
  // A move to a row whose page has not arrived yet (End on 100,000 entries) completes when it does.
  const pending = useRef<number | null>(null);
  useEffect(() => {
    selectedIndex.current = -1;
    pending.current = null;
  }, [filterKey]);
  useEffect(() => {
    if (pending.current === null) return;
    const item = itemAt(pending.current);
    if (item) {
      pending.current = null;
      onSelect(item.id);
    }
  });

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(total - 1, index));
    selectedIndex.current = clamped;
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    const item = itemAt(clamped);
    if (item) {
      pending.current = null;
      onSelect(item.id);
    } else {
      pending.current = clamped;
    }
  };

  const currentIndex = () => {
    if (selectedIndex.current >= 0 && itemAt(selectedIndex.current)?.id === selectedId) return selectedIndex.current;
    for (const v of virtualItems) if (itemAt(v.index)?.id === selectedId) return v.index;
    return -1;
  };

  if (first.isError) return <Notice>{describeError(first.error)}</Notice>;
  const activeIndex = currentIndex();

  return (
    <div
      ref={scrollRef}
      className={styles.list}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? `entry-option-${activeIndex}` : undefined}
      onKeyDown={(e) => {
        const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
        const at = currentIndex();
        const keys: Record<string, () => void> = {
          ArrowDown: () => move(at + 1),
          ArrowUp: () => move(at <= 0 ? 0 : at - 1),
          Home: () => move(0),
          End: () => move(total - 1),
          PageDown: () => move(at + page),
          PageUp: () => move(at - page),
          Enter: () => selectedId && onOpen(selectedId),
        };
        const action = keys[e.key];
        if (action && total > 0) {
          e.preventDefault();
          action();
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((v) => {
          const item = itemAt(v.index);
          return (
            <div
              key={v.key}
              id={`entry-option-${v.index}`}
              role="option"
              aria-selected={item ? item.id === selectedId : false}
              aria-setsize={total}
              aria-posinset={v.index + 1}
              className={`${styles.item} ${v.index === activeIndex ? styles.itemActive : ''}`}
              style={{ transform: `translateY(${v.start}px)` }}
              onClick={() => {
                if (!item) return;
                selectedIndex.current = v.index;
                onPick(item.id);
              }}
              onDoubleClick={() => item && onOpen(item.id)}
            >
              {item ? <Row item={item} previews={previews} /> : <span className={styles.itemMeta}>Loading…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
});

const day = (iso: string) =>
  new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });

function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, i) =>
        part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

/** Whether the list shows the start of this entry, by the person's choice in Settings (none while it loads). */
function showsPreview(item: EntrySummary, previews: JournalPreviews | undefined): boolean {
  if (previews === 'all') return true;
  if (previews === 'not-client') return !item.containsClientMaterial;
  return false;
}

function Row({ item, previews }: { item: EntrySummary; previews: JournalPreviews | undefined }) {
  return (
    <>
      <div className={styles.itemTitle}>
        {item.pinned ? <span aria-label="Pinned">📌 </span> : null}
        {item.title ? <Highlighted text={item.titleHighlighted} /> : <em>Untitled</em>}
      </div>
      <div className={styles.itemMeta}>
        <span>{day(item.deletedAt ?? item.eventDate ?? item.updatedAt)}</span>
        {item.kind === 'two-truths' ? <span className={styles.badge}>Two truths</span> : null}
        {item.bringToSupervision ? <span className={styles.badge}>Supervision</span> : null}
        {item.containsClientMaterial ? <span className={styles.badge}>Client material</span> : null}
        {item.tags.slice(0, 3).map((t) => (
          <span key={t}>#{t}</span>
        ))}
      </div>
      {showsPreview(item, previews) ? (
        <div className={styles.itemExcerpt}>
          <Highlighted text={item.excerpt} />
        </div>
      ) : null}
    </>
  );
}
