import { type Editor as TipTapEditor, useEditorState } from '@tiptap/react';
import { RovingToolbar, ToolButton } from './toolbar';

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
    <ToolButton
      aria-label="Insert table"
      title="Insert table (3 × 3, with a header row). In a table, Tab and Shift+Tab move between cells."
      disabled={!canInsert}
      onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
    >
      ▦ Table
    </ToolButton>
  );
}

/** A table command that takes no arguments: the same name runs it and asks whether it can run here. */
type TableCommand = 'addRowAfter' | 'addColumnAfter' | 'deleteRow' | 'deleteColumn' | 'deleteTable';

const ACTIONS: { label: string; command: TableCommand }[] = [
  { label: 'Add row', command: 'addRowAfter' },
  { label: 'Add column', command: 'addColumnAfter' },
  { label: 'Delete row', command: 'deleteRow' },
  { label: 'Delete column', command: 'deleteColumn' },
  { label: 'Delete table', command: 'deleteTable' },
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
      can: ACTIONS.map((a) => e.can()[a.command]()),
    }),
  });
  if (!state.shown) return null;
  return (
    <RovingToolbar label="Table">
      {ACTIONS.map((action, i) => (
        <ToolButton
          key={action.label}
          disabled={!state.can[i]}
          onClick={() => editor.chain().focus()[action.command]().run()}
        >
          {action.label}
        </ToolButton>
      ))}
    </RovingToolbar>
  );
}
