import { type Editor as TipTapEditor, useEditorState } from '@tiptap/react';
import { useRef } from 'react';
import { useRovingToolbar } from '../ui/useRovingToolbar';
import styles from './editor.module.css';

/** True if the document holds a table anywhere (only blocks are visited, never their text). */
function hasTable(editor: TipTapEditor): boolean {
  let found = false;
  editor.state.doc.descendants((node) => {
    if (found) return false;
    if (node.type.name === 'table') found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

/** The button in the formatting toolbar: a 3 × 3 table with a header row, the caret in its first cell. */
export function InsertTableButton({ editor }: { editor: TipTapEditor }) {
  const canInsert = useEditorState({ editor, selector: ({ editor: e }) => e.can().insertTable() });
  return (
    <button
      type="button"
      className={styles.tool}
      aria-label="Insert table"
      title="Insert table (3 × 3, with a header row). In a table, Tab and Shift+Tab move between cells."
      disabled={!canInsert}
      onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
    >
      ▦ Table
    </button>
  );
}

interface TableAction {
  label: string;
  run: (e: TipTapEditor) => boolean;
  can: (e: TipTapEditor) => boolean;
}

const ACTIONS: TableAction[] = [
  {
    label: 'Add row',
    run: (e) => e.chain().focus().addRowAfter().run(),
    can: (e) => e.can().addRowAfter(),
  },
  {
    label: 'Add column',
    run: (e) => e.chain().focus().addColumnAfter().run(),
    can: (e) => e.can().addColumnAfter(),
  },
  {
    label: 'Delete row',
    run: (e) => e.chain().focus().deleteRow().run(),
    can: (e) => e.can().deleteRow(),
  },
  {
    label: 'Delete column',
    run: (e) => e.chain().focus().deleteColumn().run(),
    can: (e) => e.can().deleteColumn(),
  },
  {
    label: 'Delete table',
    run: (e) => e.chain().focus().deleteTable().run(),
    can: (e) => e.can().deleteTable(),
  },
];

/**
 * The table's own toolbar, under the formatting one. It is there while the entry holds a table
 * (not only while the caret is in one), so clicking into a cell never shifts the text under the
 * pointer; its buttons work on the table the caret is in, and are unavailable elsewhere.
 */
export function TableToolbar({ editor }: { editor: TipTapEditor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      shown: hasTable(e),
      can: ACTIONS.map((a) => a.can(e)),
    }),
  });
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingToolbar(ref);
  if (!state.shown) return null;
  return (
    <div
      ref={ref}
      className={styles.toolbar}
      role="toolbar"
      aria-label="Table"
      aria-orientation="horizontal"
      {...roving}
    >
      {ACTIONS.map((action, i) => (
        <button
          key={action.label}
          type="button"
          className={styles.tool}
          disabled={!state.can[i]}
          onClick={() => action.run(editor)}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
