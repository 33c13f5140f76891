import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ENTRY_SORTS } from '../../../../common/ipc/contract';
import type { EntrySort } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { EntryList, EntrySearch, type ListFilters } from './EntryList';
import { EntryPane } from './EntryPane';
import { invalidateLists, journalKeys } from './queries';
import { TemplatesView } from './TemplatesView';
import { TrashPreview } from './TrashPreview';
import { useEntryPane } from './useEntryPane';
import styles from './journal.module.css';
import { useSettledQuery } from '../../ui/useSettled';
import { TrashedNotice } from './EntryParts';
import { BackupNote } from '../backup/BackupNote';
import { ImportPointer } from '../import/ImportPointer';
import { OlderCopyNote } from '../vault/OlderCopyNote';
import { useLayout } from '../frame/layout';
import { Icon } from '../../ui/icons';
import tip from '../../ui/tip.module.css';

type View = 'journal' | 'trash' | 'templates';

const SORT_LABELS: Record<EntrySort, string> = {
  updated: 'Recently changed',
  created: 'Recently written',
  event: 'Day it was about',
  title: 'Title',
  relevance: 'Best match',
};

interface FilterState {
  from: string;
  to: string;
  tag: string;
  templateId: string;
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
  sort: EntrySort | '';
}

const NO_FILTERS: FilterState = {
  from: '',
  to: '',
  tag: '',
  templateId: '',
  bringToSupervision: false,
  containsClientMaterial: false,
  pinned: false,
  sort: '',
};

/** The days an entry is about, from and to: the first two of the filters. */
const DATE_FILTERS = [
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
] as const;

export function JournalPage({
  openRequest = null,
  onOpened,
}: {
  openRequest?: { id: string; n: number } | null;
  /** Called once an entry asked for from elsewhere is showing, so a later visit starts afresh. */
  onOpened?: () => void;
}) {
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>('journal');
  const pane = useEntryPane();
  const { selectedId, select: setSelectedId, trashed, listRef } = pane;
  const [query, setQuery] = useState('');
  const settledQuery = useSettledQuery(query);
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const [startFrom, setStartFrom] = useState('builtin:free');
  const filterId = useId();
  const listPaneId = useId();
  const layout = useLayout();
  const showListRef = useRef<HTMLButtonElement>(null);
  // The list folds away only while an entry is open to write in; with nothing open it is the way in. An entry
  // reached by browsing the list with the arrow keys is not open to write in: folding then would hide the
  // list, and the focus in it, at the first key.
  const folded = layout.entryList === 'folded' && view === 'journal' && pane.opened;
  // After the toggle is pressed, focus stays with it in its new place (the rail, or the list's header).
  const foldPressed = useRef(false);
  const fold = (to: 'shown' | 'folded') => {
    foldPressed.current = true;
    if (to === 'folded' && selectedId) pane.open(selectedId);
    layout.choose({ entryList: to });
  };
  useEffect(() => {
    if (!foldPressed.current) return;
    foldPressed.current = false;
    (folded ? showListRef.current : document.getElementById(`${listPaneId}-fold`))?.focus();
  }, [folded, listPaneId]);
  // Folding away with the focus in the list (an entry clicked) would leave it on nothing: it goes to the way
  // back to the list instead. A title that took the focus as its entry opened keeps it.
  const listPaneRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!folded) return;
    const active = document.activeElement;
    if (active === null || active === document.body || listPaneRef.current?.contains(active)) {
      showListRef.current?.focus();
    }
  }, [folded]);

  const templates = useQuery({ queryKey: journalKeys.templates, queryFn: () => unwrap(holding().templates.list()) });
  const tags = useQuery({ queryKey: journalKeys.tags, queryFn: () => unwrap(holding().journal.tags()) });

  const listFilters: ListFilters = {
    query: settledQuery,
    trash: view === 'trash',
    from: filters.from || null,
    to: filters.to || null,
    tags: filters.tag ? [filters.tag] : [],
    templateId: filters.templateId || null,
    bringToSupervision: filters.bringToSupervision || null,
    containsClientMaterial: filters.containsClientMaterial || null,
    pinned: filters.pinned || null,
    ...(filters.sort ? { sort: filters.sort } : {}),
  };
  const activeFilters =
    Object.entries(filters).filter(([k, v]) => k !== 'sort' && v !== '' && v !== false).length + (filters.sort ? 1 : 0);

  const create = useMutation({
    mutationFn: () => unwrap(holding().journal.create({ templateId: startFrom })),
    onSuccess: (entry) => {
      queryClient.setQueryData(journalKeys.entry(entry.id), entry);
      invalidateLists(queryClient);
      setView('journal');
      // Straight into writing: the title first.
      pane.openToWrite(entry.id);
    },
  });

  // Asked from elsewhere to open an entry: show it, once for each request (a new object each time).
  const [requestSeen, setRequestSeen] = useState<typeof openRequest>(null);
  // The entry's title takes the focus, so a keyboard user sees where they are (with the list folded away,
  // the page's only heading is one kept for screen readers).
  if (openRequest && openRequest !== requestSeen) {
    setRequestSeen(openRequest);
    setView('journal');
    pane.openToWrite(openRequest.id);
  }
  useEffect(() => {
    if (openRequest) onOpened?.();
  }, [openRequest, onOpened]);

  const set = <K extends keyof FilterState>(key: K, value: FilterState[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <div className={`${styles.page} ${folded ? styles.pageFolded : ''}`}>
      {folded ? (
        <div className={styles.foldedRail}>
          <h1 className="visually-hidden" tabIndex={-1}>
            Journal
          </h1>
          <span className={tip.wrap}>
            <button
              ref={showListRef}
              type="button"
              className={`${styles.foldToggle} ${styles.railButton} ${tip.anchor}`}
              aria-expanded={false}
              aria-controls={listPaneId}
              onClick={() => fold('shown')}
            >
              <Icon name="panel-open" />
              <span>
                List<span className="visually-hidden"> of entries</span>
              </span>
            </button>
            <span className={tip.tip} aria-hidden="true">
              Show the list of entries
            </span>
          </span>
        </div>
      ) : null}
      <section ref={listPaneRef} className={styles.listPane} aria-label="Entries" id={listPaneId} hidden={folded}>
        <div className={styles.listHeader}>
          <div className={styles.row}>
            {folded ? null : (
              <h1 className={styles.grow} tabIndex={-1}>
                {view === 'trash' ? 'Trash' : view === 'templates' ? 'Templates' : 'Journal'}
              </h1>
            )}
            {view === 'journal' && selectedId && !folded ? (
              <span className={`${tip.wrap} ${tip.below}`}>
                <button
                  id={`${listPaneId}-fold`}
                  type="button"
                  className={`${styles.foldToggle} ${tip.anchor}`}
                  aria-label="List of entries"
                  aria-expanded={true}
                  aria-controls={listPaneId}
                  onClick={() => fold('folded')}
                >
                  <Icon name="panel-close" />
                </button>
                <span className={tip.tip} aria-hidden="true">
                  Fold the list away while you write
                </span>
              </span>
            ) : null}
          </div>
          <div className={styles.row} role="group" aria-label="Show">
            {(['journal', 'trash', 'templates'] as const).map((v) => (
              <Button
                key={v}
                variant={view === v ? 'primary' : 'quiet'}
                aria-pressed={view === v}
                onClick={() => {
                  setView(v);
                  setSelectedId(null);
                }}
              >
                {v === 'journal' ? 'Entries' : v === 'trash' ? 'Trash' : 'Templates'}
              </Button>
            ))}
          </div>
          {view === 'journal' ? (
            <div className={styles.row}>
              <label htmlFor={`${filterId}-start`} className="visually-hidden">
                Start from
              </label>
              <select
                id={`${filterId}-start`}
                className={`${styles.select} ${styles.grow}`}
                value={startFrom}
                onChange={(e) => setStartFrom(e.target.value)}
              >
                {templates.data?.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <Button onClick={() => create.mutate()} disabled={create.isPending}>
                New entry
              </Button>
            </div>
          ) : null}
          {view !== 'templates' ? (
            <>
              <EntrySearch
                label={view === 'trash' ? 'Search the trash' : 'Search your journal'}
                query={query}
                onQuery={setQuery}
                listRef={listRef}
              />
              <div className={styles.row}>
                <Button
                  variant="quiet"
                  aria-expanded={showFilters}
                  aria-controls={`${filterId}-filters`}
                  onClick={() => setShowFilters((s) => !s)}
                >
                  {showFilters ? 'Hide filters' : 'Filters and sorting'}
                  {activeFilters ? ` (${activeFilters})` : ''}
                </Button>
                {activeFilters ? (
                  <Button variant="quiet" onClick={() => setFilters(NO_FILTERS)}>
                    Clear
                  </Button>
                ) : null}
              </div>
              {showFilters ? (
                <div className={styles.filters} id={`${filterId}-filters`}>
                  {DATE_FILTERS.map(({ key, label }) => (
                    <label key={key}>
                      {label}
                      <input
                        type="date"
                        className={styles.input}
                        value={filters[key]}
                        onChange={(e) => set(key, e.target.value)}
                      />
                    </label>
                  ))}
                  <label>
                    Tag
                    <select className={styles.select} value={filters.tag} onChange={(e) => set('tag', e.target.value)}>
                      <option value="">Any tag</option>
                      {tags.data?.map((t) => (
                        <option key={t.tag} value={t.tag}>
                          {t.tag} ({t.count})
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Template
                    <select
                      className={styles.select}
                      value={filters.templateId}
                      onChange={(e) => set('templateId', e.target.value)}
                    >
                      <option value="">Any template</option>
                      {templates.data?.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Sort by
                    <select
                      className={styles.select}
                      value={filters.sort}
                      onChange={(e) => set('sort', e.target.value as EntrySort | '')}
                    >
                      <option value="">{query.trim() ? 'Best match' : 'Recently changed'}</option>
                      {ENTRY_SORTS.filter((s) => s !== 'relevance' || query.trim()).map((s) => (
                        <option key={s} value={s}>
                          {SORT_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <span />
                  {(
                    [
                      ['bringToSupervision', 'To bring to supervision'],
                      ['containsClientMaterial', 'With client material'],
                      ['pinned', 'Pinned'],
                    ] as const
                  ).map(([key, label]) => (
                    <label key={key} className={styles.check}>
                      <input type="checkbox" checked={filters[key]} onChange={(e) => set(key, e.target.checked)} />
                      {label}
                    </label>
                  ))}
                </div>
              ) : null}
            </>
          ) : null}
          {create.isError ? <Notice>{describeError(create.error)}</Notice> : null}
          {view === 'journal' ? <OlderCopyNote /> : null}
          {view === 'journal' ? <BackupNote /> : null}
          {trashed ? <TrashedNotice key={trashed.id} entry={trashed} onRestored={pane.restored} /> : null}
        </div>
        {view !== 'templates' ? (
          <EntryList
            ref={listRef}
            filters={listFilters}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onPick={pane.open}
            onOpen={pane.openToWrite}
            label={view === 'trash' ? 'Entries in the trash' : 'Journal entries'}
          />
        ) : null}
      </section>
      {view === 'templates' ? (
        <TemplatesView />
      ) : selectedId && view === 'trash' ? (
        <TrashPreview key={selectedId} id={selectedId} onGone={() => setSelectedId(null)} />
      ) : selectedId ? (
        <EntryPane
          key={selectedId}
          {...pane.paneProps(selectedId)}
          // Escape goes back to the list; folded away, to the button that brings it back.
          {...(folded ? { onBackToList: () => showListRef.current?.focus() } : {})}
        />
      ) : (
        <div className={styles.editorPane}>
          <div className={styles.empty}>
            {view === 'trash' ? (
              <p>
                Entries you move to the trash wait here for 30 days, in case you want them back. Then they are deleted
                for good.
              </p>
            ) : (
              <>
                <p>
                  <strong>Choose an entry, or start a new one.</strong>
                </p>
                <p>
                  Everything here is private and encrypted on this computer. Write freely, or pick a reflective model
                  under “Start from” for some gentle structure.
                </p>
                <ImportPointer />
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
