import { memo, type FormEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Editor as TipTapEditor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type ChainedCommands, Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { CharacterCount, Placeholder } from '@tiptap/extensions';
import Highlight from '@tiptap/extension-highlight';
import { countWords, type DocNode, isSafeHref } from '../../../common/journal/doc';
import type { TemplateSection } from '../../../common/journal/templates';
import { holding } from '../api';
import { sanitisePastedHtml } from './paste';
import { tableExtensions } from './tables';
import { InsertTableButton, TableToolbar } from './TableTools';
import { RovingToolbar, ToolButton } from './toolbar';
import styles from './editor.module.css';

/**
 * Highlight on Ctrl+Shift+E (⌘⇧E), not TipTap's Ctrl+Shift+H: that is the quick hide everywhere in
 * Holding (ui/Curtain.tsx), which must never also change the text being written.
 */
const HighlightOnItsOwnKey = Highlight.extend({
  addKeyboardShortcuts() {
    return { 'Mod-Shift-e': () => this.editor.commands.toggleHighlight() };
  },
});

export interface EditorChange {
  body: DocNode;
  words: number;
}

interface Props {
  initial: DocNode;
  /** The template's prompts, shown under their headings until you write there. */
  sections: TemplateSection[];
  onChange: (change: EditorChange) => void;
  onBlur: () => void;
  /** Escape leaves the editor (back to the list). */
  onEscape?: () => void;
  labelledBy: string;
  editorRef?: (editor: TipTapEditor | null) => void;
}

/** Opens a link outside the app; resolves to a sentence to show if it could not. */
async function openLink(href: string): Promise<string | null> {
  const result = await holding().app.openExternal({ url: href });
  return result.ok ? null : result.error.message;
}

/**
 * The document Placeholder is drawing prompts for. It asks while a transaction is being applied, when
 * `editor.state` is still the state before it, so a position in the new document (a paragraph after
 * a table just inserted at the end, say) could be out of range in the old one. This plugin's state
 * updates first (a higher priority puts its plugin earlier) and remembers the new document.
 */
const docBeingDrawn = new WeakMap<TipTapEditor, PMNode>();
const DocBeingDrawn = Extension.create({
  name: 'docBeingDrawn',
  priority: 1000,
  addProseMirrorPlugins() {
    const editor = this.editor;
    const remember = (doc: PMNode) => void docBeingDrawn.set(editor, doc);
    return [
      new Plugin({
        state: { init: (_, state) => remember(state.doc), apply: (_tr, _v, _old, state) => remember(state.doc) },
      }),
    ];
  },
});

const FREE_PROMPT = 'Write whatever is on your mind. Nobody else will read this unless you choose to share it.';

/**
 * The rich-text editor, isolated from list re-renders: it is created once per entry, never re-renders
 * on a transaction, and reports changes upwards for autosave.
 */
export const Editor = memo(function Editor({
  initial,
  sections,
  onChange,
  onBlur,
  onEscape,
  labelledBy,
  editorRef,
}: Props) {
  // The editor is made once, so its prompts are those of the template it was opened with.
  const [prompts] = useState(() => new Map(sections.map((s) => [s.heading, s.prompt])));
  // The editor calls back long after the render that made it: always to the latest callbacks.
  const onChangeRef = useRef(onChange);
  const onEscapeRef = useRef(onEscape);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    onEscapeRef.current = onEscape;
  });
  const [linkOpen, setLinkOpen] = useState(false);

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    // The editor's own <style> element would be inline style, which the CSP forbids; ours is in CSS.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: ['https', 'mailto'],
          isAllowedUri: (url) => isSafeHref(url),
          shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
          HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
        },
      }),
      TaskList,
      TaskItem.configure({ nested: true }),
      HighlightOnItsOwnKey,
      ...tableExtensions,
      CharacterCount,
      DocBeingDrawn,
      Placeholder.configure({
        showOnlyCurrent: false,
        includeChildren: false,
        placeholder: ({ editor: ed, node, pos }) => {
          if (node.type.name === 'heading') return 'Heading';
          if (node.type.name !== 'paragraph') return '';
          const doc = docBeingDrawn.get(ed) ?? ed.state.doc;
          const $pos = doc.resolve(pos);
          if ($pos.depth !== 0) return '';
          const index = $pos.index();
          const before = index > 0 ? $pos.parent.child(index - 1) : null;
          if (before?.type.name === 'heading') return prompts.get(before.textContent) ?? '';
          return doc.childCount === 1 ? FREE_PROMPT : '';
        },
      }),
    ],
    content: initial,
    editorProps: {
      attributes: { 'aria-labelledby': labelledBy, 'aria-multiline': 'true', role: 'textbox', spellcheck: 'true' },
      transformPastedHTML: sanitisePastedHtml,
      // Ctrl/⌘+click opens a link outside Holding; main asks first, and only https: and mailto: go.
      handleClick: (_view, _pos, event) => {
        const anchor = (event.target as HTMLElement | null)?.closest('a');
        if (!anchor || !(event.ctrlKey || event.metaKey)) return false;
        event.preventDefault();
        void openLink(anchor.getAttribute('href') ?? '');
        return true;
      },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Escape' && onEscapeRef.current) {
          onEscapeRef.current();
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          // A frame later: a selection made by the keys just before (Shift+Home) reaches the editor
          // through an event that has not run yet; moving focus to the link field now would lose it.
          requestAnimationFrame(() => setLinkOpen(true));
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: ed }) => {
      onChangeRef.current({ body: ed.getJSON() as DocNode, words: countWords(ed.getText({ blockSeparator: '\n' })) });
    },
    onBlur: () => onBlur(),
  });

  useEffect(() => {
    editorRef?.(editor);
    return () => editorRef?.(null);
  }, [editor, editorRef]);

  if (!editor) return null;
  return (
    <div className={styles.wrap}>
      <Toolbar editor={editor} onLink={() => setLinkOpen((open) => !open)} />
      <TableToolbar editor={editor} />
      {linkOpen ? <LinkForm editor={editor} onDone={() => setLinkOpen(false)} /> : null}
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
});

interface ToolSpec {
  label: string;
  text: string;
  shortcut: string;
  /** The mark or block the button turns on and off, and is pressed while the selection has. */
  mark: string;
  attrs?: { level: number } | undefined;
  toggle: (chain: ChainedCommands) => ChainedCommands;
}

/** A formatting button: its name, what it shows, its shortcut, the mark or block it toggles, and how. */
const tool = (
  label: string,
  text: string,
  shortcut: string,
  mark: string,
  toggle: ToolSpec['toggle'],
  attrs?: ToolSpec['attrs'],
): ToolSpec => ({ label, text, shortcut, mark, attrs, toggle });

const TOOLS: (ToolSpec | 'sep')[] = [
  tool('Bold', 'B', 'Ctrl+B', 'bold', (c) => c.toggleBold()),
  tool('Italic', 'I', 'Ctrl+I', 'italic', (c) => c.toggleItalic()),
  tool('Underline', 'U', 'Ctrl+U', 'underline', (c) => c.toggleUnderline()),
  tool('Strikethrough', 'S', 'Ctrl+Shift+S', 'strike', (c) => c.toggleStrike()),
  tool('Highlight', 'Highlight', 'Ctrl+Shift+E', 'highlight', (c) => c.toggleHighlight()),
  'sep',
  tool('H2 heading', 'H2', 'Ctrl+Alt+2', 'heading', (c) => c.toggleHeading({ level: 2 }), { level: 2 }),
  tool('H3 subheading', 'H3', 'Ctrl+Alt+3', 'heading', (c) => c.toggleHeading({ level: 3 }), { level: 3 }),
  tool('Bulleted list', '• List', 'Ctrl+Shift+8', 'bulletList', (c) => c.toggleBulletList()),
  tool('Numbered list', 'Numbered', 'Ctrl+Shift+7', 'orderedList', (c) => c.toggleOrderedList()),
  tool('Tasks list', '☐ Tasks', 'Ctrl+Shift+9', 'taskList', (c) => c.toggleTaskList()),
  tool('Quote', '“ ”', 'Ctrl+Shift+B', 'blockquote', (c) => c.toggleBlockquote()),
];

const HISTORY = [
  { label: 'Undo', text: '↶', shortcut: 'Ctrl+Z', command: 'undo' },
  { label: 'Redo', text: '↷', shortcut: 'Ctrl+Shift+Z', command: 'redo' },
] as const;

function Toolbar({ editor, onLink }: { editor: TipTapEditor; onLink: () => void }) {
  // Re-render the toolbar, not the editor, when the selection's formatting changes.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: TOOLS.map((t) => (t === 'sep' ? false : e.isActive(t.mark, t.attrs))),
      link: e.isActive('link'),
      can: HISTORY.map((step) => e.can()[step.command]()),
    }),
  });
  // One Tab stop; the arrow keys move along it (the ARIA toolbar pattern), and Tab goes on to the text.
  return (
    <RovingToolbar label="Formatting">
      {TOOLS.map((tool, i) =>
        tool === 'sep' ? (
          <span key={i} className={styles.sep} aria-hidden="true" />
        ) : (
          <ToolButton
            key={tool.label}
            aria-label={tool.label}
            aria-pressed={state.active[i]}
            title={`${tool.label} (${tool.shortcut})`}
            onClick={() => tool.toggle(editor.chain().focus()).run()}
          >
            {tool.text}
          </ToolButton>
        ),
      )}
      <ToolButton
        aria-label="Link"
        aria-pressed={state.link}
        title="Link (Ctrl+K). Ctrl+click a link to open it."
        onClick={onLink}
      >
        Link
      </ToolButton>
      <InsertTableButton editor={editor} />
      <span className={styles.sep} aria-hidden="true" />
      {HISTORY.map((step, i) => (
        <ToolButton
          key={step.label}
          aria-label={step.label}
          title={`${step.label} (${step.shortcut})`}
          disabled={!state.can[i]}
          onClick={() => editor.chain().focus()[step.command]().run()}
        >
          {step.text}
        </ToolButton>
      ))}
    </RovingToolbar>
  );
}

function LinkForm({ editor, onDone }: { editor: TipTapEditor; onDone: () => void }) {
  const existing = (editor.getAttributes('link')['href'] as string | undefined) ?? '';
  const [href, setHref] = useState(existing);
  const [error, setError] = useState<string | null>(null);
  function apply(event: FormEvent) {
    event.preventDefault();
    const value = href.trim();
    const url = /^[a-z]+:/i.test(value) ? value : value.includes('@') ? `mailto:${value}` : `https://${value}`;
    if (!isSafeHref(url)) {
      setError('Links can go to https:// web addresses or e-mail addresses only.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing chosen to link: put the address itself in, as a link, rather than do nothing visible.
      chain.insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    } else {
      chain.setLink({ href: url }).run();
    }
    onDone();
  }
  return (
    <form className={styles.linkForm} onSubmit={apply} aria-label="Link">
      <label htmlFor="link-href">Link to</label>
      <input
        id="link-href"
        value={href}
        autoFocus
        placeholder="https://… or name@example.org"
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
            editor.commands.focus();
          }
        }}
        aria-describedby={error ? 'link-error' : undefined}
        aria-invalid={error ? true : undefined}
      />
      <ToolButton type="submit">Apply</ToolButton>
      {existing ? (
        <ToolButton onClick={() => void openLink(existing).then((problem) => (problem ? setError(problem) : onDone()))}>
          Open link
        </ToolButton>
      ) : null}
      {existing ? (
        <ToolButton
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onDone();
          }}
        >
          Remove link
        </ToolButton>
      ) : null}
      <ToolButton onClick={onDone}>Cancel</ToolButton>
      {error ? (
        <span id="link-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
