import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Editor as TipTapEditor } from '@tiptap/react';
import type { DocNode } from '../../../../common/journal/doc';
import type { Entry } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Editor, type EditorChange } from '../../editor/Editor';
import { Notice } from '../../ui/controls';
import { TwoTruthsForm } from '../two-truths/TwoTruthsForm';
import { HistoryView } from './HistoryView';
import { TrashPreview } from './TrashPreview';
import { FeedbackPointer } from '../sharing/FeedbackBeside';
import { EntryDetails, EntryEnd } from './EntryParts';
import { draftCommon, type DraftCommon, useEntryDraft } from './useEntryDraft';
import { invalidateLists, journalKeys } from './queries';
import type { EntryFormProps, TitleFocus } from './useEntryPane';
import styles from './journal.module.css';

interface Draft extends DraftCommon {
  title: string;
  body: DocNode;
}

interface PaneProps extends TitleFocus {
  id: string;
  onTrashed: (entry: Entry) => void;
  onBackToList: () => void;
  /** Open another entry (a linked one). */
  onOpenEntry?: ((id: string) => void) | undefined;
}

export function EntryPane({ id, focusTitle, onTitleFocused, onTrashed, onBackToList, onOpenEntry }: PaneProps) {
  const entry = useQuery({ queryKey: journalKeys.entry(id), queryFn: () => unwrap(holding().journal.get({ id })) });
  const [view, setView] = useState<'edit' | 'history'>('edit');
  const [generation, setGeneration] = useState(0);
  const queryClient = useQueryClient();

  if (entry.isPending) return <div className={styles.editorPane} aria-busy="true" />;
  if (entry.isError) {
    return (
      <div className={styles.editorPane}>
        <Notice>{describeError(entry.error)}</Notice>
      </div>
    );
  }
  if (view === 'history') {
    return (
      <div className={styles.editorPane}>
        <HistoryView
          entry={entry.data}
          onClose={() => setView('edit')}
          onRestored={(restored) => {
            queryClient.setQueryData(journalKeys.entry(id), restored);
            invalidateLists(queryClient);
            setGeneration((g) => g + 1);
            setView('edit');
          }}
        />
      </div>
    );
  }
  // In the trash (opened from a link, say): read-only, with the ways out of the trash.
  if (entry.data.deletedAt) {
    return <TrashPreview id={id} onGone={() => void entry.refetch()} />;
  }
  // Keyed: a restored version starts a new editor, with the restored text.
  const key = `${id}:${generation}`;
  const form: EntryFormProps = {
    entry: entry.data,
    focusTitle,
    onTitleFocused,
    onHistory: () => setView('history'),
    onTrashed,
    onBackToList,
    onOpenEntry,
  };
  return entry.data.kind === 'two-truths' ? <TwoTruthsForm key={key} {...form} /> : <EntryForm key={key} {...form} />;
}

function EntryForm(form: EntryFormProps) {
  const { entry, focusTitle, onTitleFocused, onBackToList } = form;
  const titleId = useId();
  const bodyLabelId = useId();
  const templates = useQuery({ queryKey: journalKeys.templates, queryFn: () => unwrap(holding().templates.list()) });
  const template = templates.data?.find((t) => t.id === entry.templateId);
  const [title, setTitle] = useState(entry.title);
  const [words, setWords] = useState(entry.wordCount);
  const { update, autosave } = useEntryDraft<Draft>(
    { ...draftCommon(entry), title: entry.title, body: entry.body },
    async (d) => ({ ...d, ...(await unwrap(holding().journal.save(d))) }),
  );
  const editorRef = useRef<TipTapEditor | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  // The editor starts from the body as it was when the entry opened. Later saves refresh the cached
  // entry, and must never reach the editor: that would rebuild it and drop newer edits and undo history.
  const [initialBody] = useState(entry.body);
  useEffect(() => {
    if (!focusTitle) return;
    titleRef.current?.focus();
    onTitleFocused();
  }, [focusTitle, onTitleFocused]);

  const onEditorChange = useCallback(
    (change: EditorChange) => {
      setWords(change.words + (title.match(/[\p{L}\p{N}]+/gu)?.length ?? 0));
      update({ body: change.body });
    },
    [title, update],
  );
  const { flush } = autosave;
  const onEditorBlur = useCallback(() => void flush(), [flush]);
  const setEditor = useCallback((e: TipTapEditor | null) => {
    editorRef.current = e;
  }, []);

  const sections = useMemo(() => template?.sections ?? [], [template]);

  return (
    <div className={styles.editorPane}>
      <label htmlFor={titleId} className="visually-hidden">
        Title
      </label>
      <input
        ref={titleRef}
        id={titleId}
        dir="auto"
        className={styles.titleInput}
        value={title}
        placeholder="Untitled"
        maxLength={300}
        onChange={(e) => {
          setTitle(e.target.value);
          update({ title: e.target.value });
        }}
        onBlur={() => void autosave.flush()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || (e.key === 'ArrowDown' && !e.shiftKey)) {
            e.preventDefault();
            const ed = editorRef.current;
            if (!ed) return;
            // Focus now, not on the next frame (TipTap's focus command waits a frame, and the
            // keys typed meanwhile would land in the title). The caret goes to the first
            // paragraph: under a template, the first place to write.
            let target: number | null = null;
            ed.state.doc.descendants((node, pos) => {
              if (target === null && node.type.name === 'paragraph') target = pos + 1;
              return target === null;
            });
            ed.view.focus();
            ed.commands.setTextSelection(target ?? ed.state.doc.content.size);
          }
          if (e.key === 'Escape') onBackToList();
        }}
      />
      <EntryDetails entry={entry} onChange={update} flush={autosave.flush} />
      <FeedbackPointer sourceId={entry.id} />
      {template && template.sections.length ? (
        <p className={styles.status}>Following {template.name}. The prompts disappear as you write.</p>
      ) : null}
      <span id={bodyLabelId} className="visually-hidden">
        Entry text
      </span>
      <Editor
        initial={initialBody}
        sections={sections}
        onChange={onEditorChange}
        onBlur={onEditorBlur}
        onEscape={onBackToList}
        labelledBy={bodyLabelId}
        editorRef={setEditor}
      />
      <EntryEnd form={form} autosave={autosave} words={words} />
    </div>
  );
}
