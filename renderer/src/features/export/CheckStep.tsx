import { itemsPhrase } from '../../../../common/export/items';
import {
  type Dispatch,
  type ReactNode,
  type Ref,
  type SetStateAction,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TaskProgress } from '../../ui/TaskProgress';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportPreview,
  type ExportSelection,
  FORMAT_NAMES,
  type Resolutions,
} from '../../../../common/export/types';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useFocusAfter } from '../../ui/useFocusAfter';
import { useSettledQuery } from '../../ui/useSettled';
import {
  clashesOf,
  type Decisions,
  type Draft,
  keepStandIns,
  markdownToWords,
  refusedNow,
  refuser,
  resolutionsOf,
  selectionOf,
  type StandInChecks,
  undecidedCount,
  valuesOf,
} from './draft';
import { Findings } from './Findings';
import { MissedWords, type MissedText, useMissedWords } from './MissedWords';
import { SaveOutcome, SaveRow } from './SaveControls';
import { ShowInFolder } from '../../ui/ShowInFolder';
import { exportKeys, useCheck, usePreview } from './queries';
import { ShareWithSupervisor } from './ShareWithSupervisor';
import { RadioChips } from '../../ui/RadioChips';
import styles from './export.module.css';

interface Props {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  onBack: () => void;
  onStartAgain: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Step two: the check's findings beside the preview, and saving or sharing once everything has a decision. */
export function CheckStep({ draft, setDraft, onBack, onStartAgain, headingRef }: Props) {
  const id = useId();
  const { title, entries, agendas, sessions, hours, checkins, signs, lookFor, replies } = draft;
  // Only what is chosen: decisions and the format leave the selection (and so the check) as it is.
  const selection = useMemo(
    () => selectionOf({ title, entries, agendas, sessions, hours, checkins, signs, lookFor, replies }),
    [title, entries, agendas, sessions, hours, checkins, signs, lookFor, replies],
  );
  const check = useCheck(selection, true);
  const data = check.data;
  // An earlier answer stays on screen while words added to the check are looked for; it names another selection.
  const current = check.isPlaceholderData ? undefined : data;
  const findings = useMemo(() => data?.findings ?? [], [data]);
  const suggested = useMemo(() => data?.pseudonyms ?? {}, [data]);
  const refuse = useMemo(() => refuser(valuesOf(findings)), [findings]);
  const resolutions = useMemo(() => resolutionsOf(findings, draft.decisions), [findings, draft.decisions]);
  const missed = useMissedWords({
    draft,
    setDraft,
    check: current,
    checkedAt: check.dataUpdatedAt,
    failedAt: check.isError ? check.errorUpdatedAt : 0,
  });
  const [missedText, setMissedText] = useState<MissedText>({ text: '', fromPreview: false, offered: null });
  // Words selected in the preview fill the box, unless the person has typed words of their own there: then
  // they are offered, to use instead if the person likes.
  const onSelect = useCallback((selected: string) => {
    const text = selected.replace(/\s+/g, ' ').trim();
    // The same selection again (selectionchange fires often while dragging) changes nothing, and renders nothing.
    setMissedText((m) => {
      if (m.text.trim() && !m.fromPreview) return m.offered === text ? m : { ...m, offered: text };
      return m.fromPreview && m.text === text && m.offered === null ? m : { text, fromPreview: true, offered: null };
    });
  }, []);
  // The preview follows the decisions once clicking and typing pause.
  const currentJson = JSON.stringify(resolutions);
  const settledJson = useSettledQuery(currentJson, 300);
  const previewResolutions = useMemo(() => JSON.parse(settledJson) as Resolutions, [settledJson]);
  // Only once the decisions have settled: on opening, that keeps a preview without them from flashing up.
  const preview = usePreview(
    selection,
    previewResolutions,
    current?.fingerprint,
    check.isSuccess && !check.isPlaceholderData && settledJson === currentJson,
  );
  // Pseudonyms that cannot be used yet: typed the same as another group's (until the person says whether they
  // are one), or refused by main (a stand-in that reads like a name or detail itself).
  const mainRefused = preview.data?.refused;
  const checks = useMemo<StandInChecks>(
    () => ({
      clashes: clashesOf(findings, draft.decisions, suggested),
      refused: refusedNow(mainRefused ?? [], draft.decisions, suggested),
    }),
    [findings, draft.decisions, suggested, mainRefused],
  );
  const remaining = data ? undecidedCount(findings, draft.decisions, suggested, refuse, checks) : 0;

  // The preview found the content changed since the check (an entry edited meanwhile): check again.
  const previewChanged = preview.error instanceof HoldingError && preview.error.code === 'CHANGED';
  const { refetch } = check;
  useEffect(() => {
    if (previewChanged) void refetch();
  }, [previewChanged, refetch]);

  // Read again, the check letters its suggestions afresh: the pseudonyms already chosen stay as they were seen.
  useEffect(() => {
    if (!current) return;
    setDraft((d) => {
      const decisions = keepStandIns(d.decisions, d.seen, current);
      return decisions === d.decisions && d.seen === current.pseudonyms
        ? d
        : { ...d, decisions, seen: current.pseudonyms };
    });
  }, [current, setDraft]);

  // A decision made for one finding belongs to those words in that place; if the text has moved, it goes.
  useEffect(() => {
    if (!data) return;
    const byId = new Map(data.findings.map((f) => [f.id, f]));
    setDraft((d) => {
      const stale = Object.entries(d.decisions.byFinding).filter(([fid, own]) => {
        const f = byId.get(fid);
        return !f || f.text !== own.text || f.valueKey !== own.valueKey;
      });
      if (!stale.length) return d;
      const byFinding = { ...d.decisions.byFinding };
      for (const [fid] of stale) delete byFinding[fid];
      return { ...d, decisions: { ...d.decisions, byFinding } };
    });
  }, [data, setDraft]);

  const onDecisions = (change: (d: Decisions) => Decisions) =>
    setDraft((d) => ({ ...d, decisions: change(d.decisions) }));

  // Saving and sharing wait for the same things: sharing goes through the same check on main.
  const waitingTo = (verb: 'save' | 'share') =>
    check.isPending
      ? 'The check is still reading what you chose.'
      : check.isFetching
        ? 'The check is reading what you chose again.'
        : check.isError
          ? `The check could not finish, so there is nothing to ${verb} yet.`
          : remaining
            ? `${verb === 'save' ? 'Saving' : 'Sharing'} opens once everything the check found has a decision: ${plural(remaining, 'thing', 'things')} still to go.`
            : null;
  const updating = preview.isFetching || settledJson !== currentJson;
  // What saving and sharing both leave with, and what they do once it has gone.
  const leaving = {
    selection,
    resolutions,
    fingerprint: current?.fingerprint ?? '',
    updating,
    onChanged: () => void check.refetch(),
    onStartAgain,
  };

  return (
    <>
      <div className={styles.checkBar}>
        <Button variant="secondary" onClick={onBack}>
          Back to choosing
        </Button>
        {data ? (
          <p className={styles.muted}>
            {itemsPhrase(data.items)}, {plural(data.words, 'word', 'words')}, titled “
            {draft.title.trim() || 'Reflections for supervision'}”.
          </p>
        ) : null}
      </div>
      {data?.clientMaterial.length ? (
        <Notice>
          {data.clientMaterial.length === 1
            ? `“${data.clientMaterial[0]!.title}” is marked as containing client material.`
            : `${data.clientMaterial.length} entries are marked as containing client material: ${data.clientMaterial.map((c) => `“${c.title}”`).join(', ')}.`}{' '}
          Please give {data.clientMaterial.length === 1 ? 'it' : 'them'} a careful read in the preview, as well as the
          check.
        </Notice>
      ) : null}
      <div className={`${styles.columns} ${styles.even}`}>
        <section className={`${styles.card} ${styles.column}`} aria-labelledby={`${id}-h`} aria-busy={check.isFetching}>
          <h2 id={`${id}-h`} tabIndex={-1} ref={headingRef}>
            Check for identifying details
          </h2>
          <div role="status" className={styles.quietStatus}>
            {check.isPending ? 'Checking what you chose… Long entries can take a moment.' : ''}
          </div>
          {check.isFetching ? (
            <TaskProgress channel="export:check" label="How far the check has read" stopLabel="Stop checking" />
          ) : null}
          {check.isError ? (
            <>
              <Notice>{describeError(check.error)}</Notice>
              <Button variant="secondary" onClick={() => void check.refetch()}>
                Try the check again
              </Button>
            </>
          ) : null}
          {data ? (
            <Findings
              check={data}
              decisions={draft.decisions}
              remaining={remaining}
              refuse={refuse}
              checks={checks}
              onDecisions={onDecisions}
            />
          ) : null}
        </section>
        <div className={styles.column}>
          <div className={styles.sticky}>
            <PreviewAndSave
              format={draft.format}
              onFormat={(format) => setDraft((d) => ({ ...d, format }))}
              preview={preview.data}
              previewError={preview.isError ? preview.error : null}
              {...leaving}
              waitingFor={waitingTo('save')}
              onSelect={onSelect}
              missed={
                <MissedWords
                  text={missedText}
                  onText={setMissedText}
                  lookFor={draft.lookFor}
                  missed={missed}
                  checking={check.isFetching}
                />
              }
            />
            <ShareWithSupervisor {...leaving} waitingFor={waitingTo('share')} />
          </div>
        </div>
      </div>
    </>
  );
}

interface PreviewProps {
  format: ExportFormat;
  onFormat: (format: ExportFormat) => void;
  preview: ExportPreview | undefined;
  previewError: unknown;
  updating: boolean;
  /** The check's name for what it read: the save must match it. */
  fingerprint: string;
  /** Something changed since the check: read it again. */
  onChanged: () => void;
  selection: ExportSelection;
  resolutions: Resolutions;
  /** Why saving cannot happen yet; null when it can. */
  waitingFor: string | null;
  onStartAgain: () => void;
  /** Words selected in the preview. */
  onSelect: (text: string) => void;
  /** "Did the check miss something?", under the preview. */
  missed: ReactNode;
}

const FORMAT_NOTES: Record<ExportFormat, string> = {
  pdf: 'The PDF is printed from exactly this page, on A4, with page numbers.',
  docx: 'A Word file holds the same words, headings and tables as this page; Word lays them out in its own way.',
  html: 'The web page is exactly this: one file, with no scripts and nothing fetched from elsewhere.',
  markdown: 'This is the Markdown file exactly as it will be saved.',
};

function PreviewAndSave({
  format,
  onFormat,
  preview,
  previewError,
  updating,
  fingerprint,
  onChanged,
  selection,
  resolutions,
  waitingFor,
  onStartAgain,
  onSelect,
  missed,
}: PreviewProps) {
  const id = useId();
  const markdownRef = useRef<HTMLPreElement>(null);
  // Words selected in the Markdown, which is part of this page.
  useEffect(() => {
    if (format !== 'markdown') return;
    const onChange = () => {
      const selection = document.getSelection();
      const pre = markdownRef.current;
      if (!selection || !pre || !selection.anchorNode || !pre.contains(selection.anchorNode)) return;
      const text = markdownToWords(selection.toString());
      if (text.trim()) onSelect(text);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [format, onSelect]);
  // Words selected in the page's own document: it runs no scripts, but shares this page's origin so it can be read.
  const watchFrame = (frame: HTMLIFrameElement) => {
    const doc = frame.contentDocument;
    doc?.addEventListener('selectionchange', () => {
      const text = frame.contentWindow?.getSelection()?.toString() ?? '';
      if (text.trim()) onSelect(text);
    });
  };
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  // The export just saved, for "Show in folder".
  const [savedRecord, setSavedRecord] = useState<string | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const setFocusAfter = useFocusAfter({ button: saveButton, status: statusRef, problem: problemRef });
  const save = useMutation({
    mutationFn: (f: ExportFormat) => unwrap(holding().export.save({ selection, resolutions, fingerprint, format: f })),
    onMutate: () => {
      setNote('');
      setSavedRecord(null);
    },
    onError: (error) => {
      setFocusAfter('problem');
      if (error instanceof HoldingError && error.code === 'CHANGED') onChanged();
    },
    onSuccess: ({ path, record }) => {
      setSaved(path !== null);
      setSavedRecord(record?.id ?? null);
      setNote(path ? `Saved to ${path}` : 'Nothing was saved.');
      // The button was disabled while saving, so focus fell to the page: to what happened, or back to it.
      setFocusAfter(path ? 'status' : 'button');
      void queryClient.invalidateQueries({ queryKey: exportKeys.records });
    },
  });

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Preview and save</h2>
      <fieldset className={styles.decision}>
        <legend className={styles.smallLabel}>Format</legend>
        <RadioChips
          name={`${id}-format`}
          options={EXPORT_FORMATS}
          label={(f) => FORMAT_NAMES[f]}
          value={format}
          onChange={onFormat}
        />
      </fieldset>
      <p className={styles.hint}>{FORMAT_NOTES[format]}</p>
      <div role="status" className={styles.previewStatus}>
        {preview && updating ? 'Updating the preview…' : ''}
      </div>
      {previewError ? <Notice>{describeError(previewError)}</Notice> : null}
      {!preview ? (
        <div className={styles.previewEmpty}>
          <p className={styles.muted}>{previewError ? 'There is no preview to show.' : 'Preparing the preview…'}</p>
        </div>
      ) : format === 'markdown' ? (
        <pre
          ref={markdownRef}
          className={styles.markdown}
          tabIndex={0}
          aria-label="The Markdown file, exactly as it will be saved"
        >
          {preview.markdown}
        </pre>
      ) : (
        <div className={styles.paper}>
          {/*
            The export's own HTML, shown exactly as it will leave. The sandbox must never gain allow-scripts:
            with allow-same-origin (kept so that words selected in it can be read from here), a script in it
            could reach this page and everything the vault holds. Nothing in the export runs scripts; the
            sandbox makes sure of it (test/e2e/deid-check.spec.ts holds it to that).
          */}
          <iframe
            className={styles.frame}
            sandbox="allow-same-origin"
            srcDoc={preview.html}
            title="Preview of the export"
            onLoad={(e) => watchFrame(e.currentTarget)}
          />
        </div>
      )}
      {preview?.unresolved ? (
        <p className={styles.hint}>
          {waitingFor === null && !updating
            ? 'A pseudonym you typed reads like a name or a detail itself, so Holding cannot use it yet. Please look over the pseudonyms you chose.'
            : 'Anything still to decide shows as written, for now.'}
        </p>
      ) : null}
      {missed}
      {selection.replies ? (
        <p className={styles.hint} data-testid="save-not-with-replies">
          Your replies to comments go only in a share to the supervisor they answer, so this cannot be saved as a file
          while they are ticked. To save a file, go back and untick them.
        </p>
      ) : null}
      <SaveRow
        id={id}
        label={`Save as ${FORMAT_NAMES[format]}…`}
        busyLabel="Saving…"
        busy={save.isPending}
        waitingFor={waitingFor}
        disabled={updating || !!selection.replies}
        done={saved}
        onPress={() => save.mutate(format)}
        onStartAgain={onStartAgain}
        buttonRef={saveButton}
      />
      <SaveOutcome statusRef={statusRef} problemRef={problemRef} testId="save-status" error={save.error}>
        {note}
      </SaveOutcome>
      {savedRecord ? <ShowInFolder show={() => holding().export.showInFolder({ record: savedRecord })} /> : null}
    </section>
  );
}
