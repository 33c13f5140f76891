import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportPreview, ImportRecord } from '../../../../common/import/types';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { TaskProgress } from '../../ui/TaskProgress';
import { fullDate, when } from '../backup/format';
import { invalidateLists } from '../journal/queries';
import settingsStyles from '../settings/settings.module.css';
import styles from './import.module.css';
import { useRequestedHeading } from '../../ui/pendingRequest';
import { takeImportRequest } from './request';

const importsKey = ['import', 'list'] as const;

const entriesWord = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'entry' : 'entries'}`;
const recordsWord = (n: number) => `${n.toLocaleString('en-GB')} other ${n === 1 ? 'record' : 'records'}`;
const dayInWords = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * Settings → Bring in a journal: choose another app's export (a file, or a folder of notes), see what it
 * holds and what will be left out, import it as one batch, and undo it later if it was not what you meant.
 */
export function ImportSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [note, setNote] = useState('');
  const previewRef = useRef<HTMLDivElement>(null);
  // Asked for from the empty journal's first screen: this section, once the page's heading has had its turn.
  const heading = useRequestedHeading(takeImportRequest);
  const statusRef = useRef<HTMLDivElement>(null);
  const imports = useQuery({ queryKey: importsKey, queryFn: () => unwrap(holding().import.list()), staleTime: 0 });

  const choose = useMutation({
    mutationFn: (what: 'file' | 'folder') =>
      unwrap(what === 'file' ? holding().import.chooseFile() : holding().import.chooseFolder()),
    onMutate: () => {
      setNote('');
      setPreview(null);
    },
    onSuccess: (next) => setPreview(next),
  });
  const run = useMutation({
    mutationFn: (previewId: string) => unwrap(holding().import.run({ id: previewId })),
    onSuccess: (record) => {
      setPreview(null);
      setNote(
        record.added === 0 && record.rowsAdded === 0
          ? 'Done. Everything in it was here already, so nothing new was added.'
          : record.added === 0
            ? `Done: ${recordsWord(record.rowsAdded)} brought in (check-ins, supervision and the rest).`
            : `Done: ${entriesWord(record.added)}${record.rowsAdded ? ` and ${recordsWord(record.rowsAdded)}` : ''} brought in. You will find them in your journal, on the days they were written.`,
      );
      invalidateLists(queryClient);
      void queryClient.invalidateQueries({ queryKey: importsKey });
    },
  });
  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (note) statusRef.current?.focus();
  }, [note]);

  const stopped = (error: unknown) => error instanceof HoldingError && error.code === 'CANCELLED';
  const choosing = choose.isPending ? choose.variables : null;
  return (
    <section className={settingsStyles.section} aria-labelledby={`${id}-h`} data-testid="import-section">
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Bring in a journal
      </h2>
      <p>
        Moving from another journal, or from Holding on another computer? Holding can bring in its own export (the zip
        from “Export everything”), Day One’s JSON export (a zip), a folder or zip of Markdown notes from Obsidian,
        Joplin, Logseq or Notesnook, and a decrypted Standard Notes backup. You will see what it holds before anything
        is added, and you can undo it afterwards.
      </p>
      <div className={styles.row}>
        <Button variant="secondary" disabled={choose.isPending || run.isPending} onClick={() => choose.mutate('file')}>
          {choosing === 'file' ? 'Reading…' : 'Choose a file…'}
        </Button>
        <Button
          variant="secondary"
          disabled={choose.isPending || run.isPending}
          onClick={() => choose.mutate('folder')}
        >
          {choosing === 'folder' ? 'Reading…' : 'Choose a folder…'}
        </Button>
      </div>
      {choose.isPending ? (
        <TaskProgress
          channel={`import:choose${choosing === 'folder' ? 'Folder' : 'File'}`}
          label="How far reading it has got"
          stopLabel="Stop reading"
        />
      ) : null}
      {choose.isError ? (
        stopped(choose.error) ? (
          <Notice tone="info">Stopped. Nothing was brought in.</Notice>
        ) : (
          <Notice>{describeError(choose.error)}</Notice>
        )
      ) : null}
      {preview ? (
        <Preview
          preview={preview}
          previewRef={previewRef}
          importing={run.isPending}
          onImport={() => run.mutate(preview.id)}
          onCancel={() => setPreview(null)}
        />
      ) : null}
      {run.isPending ? (
        <TaskProgress channel="import:run" label="How far the import has got" stopLabel="Stop importing" />
      ) : null}
      {run.isError ? (
        stopped(run.error) ? (
          <Notice tone="info">Stopped. Nothing was brought in, and your journal is just as it was.</Notice>
        ) : (
          <Notice>{describeError(run.error)}</Notice>
        )
      ) : null}
      <div ref={statusRef} tabIndex={-1} role="status" className={styles.status} data-testid="import-status">
        {note}
      </div>
      <PastImports records={imports.data ?? []} />
    </section>
  );
}

function Preview({
  preview,
  previewRef,
  importing,
  onImport,
  onCancel,
}: {
  preview: ImportPreview;
  previewRef: RefObject<HTMLDivElement | null>;
  importing: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const also = preview.also ?? [];
  const nothing = preview.entries === 0 && also.length === 0;
  const range =
    preview.firstDay && preview.lastDay
      ? preview.firstDay === preview.lastDay
        ? `, all from ${dayInWords(preview.firstDay)}`
        : `, from ${dayInWords(preview.firstDay)} to ${dayInWords(preview.lastDay)}`
      : '';
  return (
    <div
      ref={previewRef}
      tabIndex={-1}
      className={styles.preview}
      aria-labelledby={`${id}-h`}
      role="region"
      data-testid="import-preview"
    >
      <h3 id={`${id}-h`} className={styles.subheading}>
        {preview.name}: {preview.sourceName}
      </h3>
      <p data-testid="import-count">
        {preview.entries === 0
          ? also.length
            ? 'No new entries to bring in'
            : 'Nothing new to bring in'
          : `${entriesWord(preview.entries)} to bring in`}
        {range}.
      </p>
      {preview.alreadyImported > 0 ? (
        <p>
          {preview.source === 'holding'
            ? `${entriesWord(preview.alreadyImported)} ${preview.alreadyImported === 1 ? 'is' : 'are'} in this journal already and will be left as ${preview.alreadyImported === 1 ? 'it is' : 'they are'}.`
            : `${entriesWord(preview.alreadyImported)} came in with an earlier import and will not be added again.`}
        </p>
      ) : null}
      {preview.tags.length ? <p>Tags: {preview.tags.map((t) => `${t.tag} (${t.count})`).join(', ')}.</p> : null}
      {preview.links > 0 ? (
        <p>Links between notes: {preview.links.toLocaleString('en-GB')}, kept as linked entries.</p>
      ) : null}
      {preview.history ? (
        <p>
          With them,{' '}
          {preview.history === 1
            ? 'one earlier version'
            : `${preview.history.toLocaleString('en-GB')} earlier versions`}
          , so each entry keeps its history.
        </p>
      ) : null}
      {also.length ? (
        <>
          <p>Also:</p>
          <ul className={styles.skipped} data-testid="import-also">
            {also.map((a) => (
              <li key={a.what}>
                {a.count.toLocaleString('en-GB')} {a.what}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.skipped.length ? (
        <>
          <p>Left out:</p>
          <ul className={styles.skipped} data-testid="import-skipped">
            {preview.skipped.map((s) => (
              <li key={`${s.what}|${s.why}`}>
                {s.what} ({s.count.toLocaleString('en-GB')}): {s.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className={styles.row}>
        <Button onClick={onImport} disabled={importing || nothing}>
          {importing
            ? 'Bringing them in…'
            : nothing
              ? 'Nothing to bring in'
              : preview.entries === 0
                ? 'Bring it in'
                : also.length
                  ? 'Bring it all in'
                  : `Bring in ${entriesWord(preview.entries)}`}
        </Button>
        <Button variant="quiet" onClick={onCancel} disabled={importing}>
          Not now
        </Button>
      </div>
    </div>
  );
}

function PastImports({ records }: { records: ImportRecord[] }) {
  const id = useId();
  if (!records.length) return null;
  return (
    <>
      <h3 id={`${id}-h`} className={styles.subheading}>
        Past imports
      </h3>
      <ul className={styles.imports} aria-labelledby={`${id}-h`}>
        {records.map((r) => (
          <PastImport key={r.id} record={r} />
        ))}
      </ul>
    </>
  );
}

/** "; 2 entries and 3 other records you had made your own, or that belong with them, were kept" */
function keptWords(record: ImportRecord): string {
  const entries = record.keptOnUndo ?? 0;
  const rows = record.rowsKeptOnUndo ?? 0;
  if (!entries && !rows) return '';
  const what = [entries ? entriesWord(entries) : '', rows ? recordsWord(rows) : ''].filter(Boolean).join(' and ');
  const one = entries + rows === 1;
  return `; ${what} you had made your own${rows ? `, or that belong with ${one ? 'something' : 'things'} you had,` : ''} ${one ? 'was' : 'were'} kept`;
}

function PastImport({ record }: { record: ImportRecord }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const fromHolding = record.source === 'holding';
  const undo = useMutation({
    mutationFn: () => unwrap(holding().import.undo({ id: record.id })),
    onSuccess: () => {
      setAsking(false);
      invalidateLists(queryClient);
      void queryClient.invalidateQueries({ queryKey: importsKey });
    },
  });
  const label = `${record.sourceName}, “${record.name}”`;
  return (
    <li className={styles.import} data-testid="past-import">
      <p>
        <strong>{label}</strong>
      </p>
      <p className={styles.hint}>
        <span title={fullDate(record.startedAt)}>{when(record.startedAt)}</span>: {entriesWord(record.added)}
        {record.rowsAdded ? ` and ${recordsWord(record.rowsAdded)}` : ''} brought in
        {record.alreadyImported ? `, ${entriesWord(record.alreadyImported)} already here` : ''}.
        {record.status === 'undone' ? ` Undone ${when(record.undoneAt ?? record.startedAt)}${keptWords(record)}.` : ''}
      </p>
      {!record.here ? (
        <p className={styles.hint}>
          This came with a Holding export: it was made in the journal that export came from, and can only be undone
          there.
        </p>
      ) : null}
      {record.status === 'done' && record.here && (record.added > 0 || record.rowsAdded > 0) ? (
        asking ? (
          <div role="group" aria-label={`Undo ${label}?`}>
            <p>
              {fromHolding
                ? `This removes what it brought in (${[record.added ? entriesWord(record.added) : '', record.rowsAdded ? recordsWord(record.rowsAdded) : ''].filter(Boolean).join(' and ')}), for good. Anything you have changed since is kept, and so is whatever belongs with it.`
                : `This removes the ${entriesWord(record.added)} it brought in, for good. Any you have changed since are kept.`}
            </p>
            <div className={styles.row}>
              <Button onClick={() => undo.mutate()} disabled={undo.isPending} autoFocus>
                {undo.isPending ? 'Undoing…' : 'Yes, undo this import'}
              </Button>
              <Button variant="quiet" onClick={() => setAsking(false)} disabled={undo.isPending}>
                Keep them
              </Button>
            </div>
          </div>
        ) : (
          <div className={styles.row}>
            <Button variant="secondary" onClick={() => setAsking(true)} aria-label={`Undo this import: ${label}`}>
              Undo this import
            </Button>
          </div>
        )
      ) : null}
      {undo.isError ? <Notice>{describeError(undo.error)}</Notice> : null}
    </li>
  );
}
