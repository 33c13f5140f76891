import { Extension, Node } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { type Command, type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  isInTable,
  selectedRect,
  tableEditing,
} from '@tiptap/pm/tables';

/**
 * Tables for journal entries: a pros-and-cons grid, a formulation. The node names are the ones
 * TipTap's own table extension uses (table > tableRow > tableHeader | tableCell), because main's
 * allow-list (common/journal/doc.ts) and the export (main/export/snapshot.ts) expect exactly those.
 *
 * prosemirror-tables does the real work: `tableEditing` gives cell selection, arrow keys across
 * cells and repairs of ragged tables, and its commands add and remove rows and columns. It finds
 * the table nodes by a `tableRole` in their schema spec, which TipTap does not pass through from
 * `Node.create`, so the Table extension adds it to all four through `extendNodeSchema`.
 *
 * There is no column resizing: it draws widths as inline styles, which our CSP forbids. Cells keep
 * a `colwidth` attribute all the same, so widths that come in with a document are not lost.
 */

const TABLE_ROLES: Record<string, string> = {
  table: 'table',
  tableRow: 'row',
  tableHeader: 'header_cell',
  tableCell: 'cell',
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    table: {
      /** A table with a header row, the caret in its first cell. */
      insertTable: (options?: { rows?: number; cols?: number; withHeaderRow?: boolean }) => ReturnType;
      addRowAfter: () => ReturnType;
      addColumnAfter: () => ReturnType;
      /** Fails (rather than leave an empty table) when every row is selected. */
      deleteRow: () => ReturnType;
      /** Fails (rather than leave an empty table) when every column is selected. */
      deleteColumn: () => ReturnType;
      deleteTable: () => ReturnType;
      goToNextCell: () => ReturnType;
      goToPreviousCell: () => ReturnType;
    };
  }
}

/** What a cell or header cell holds, and the attributes prosemirror-tables reads and writes. */
const cellConfig = {
  content: 'paragraph+',
  // Backspace at the start of a cell does not pull it into its neighbour.
  isolating: true,
  addAttributes() {
    return {
      colspan: {
        default: 1,
        parseHTML: (el: HTMLElement) => spanOf(el.getAttribute('colspan')),
        renderHTML: (attrs: Record<string, unknown>) => (attrs['colspan'] === 1 ? {} : { colspan: attrs['colspan'] }),
      },
      rowspan: {
        default: 1,
        parseHTML: (el: HTMLElement) => spanOf(el.getAttribute('rowspan')),
        renderHTML: (attrs: Record<string, unknown>) => (attrs['rowspan'] === 1 ? {} : { rowspan: attrs['rowspan'] }),
      },
      // Kept, never drawn: see above.
      colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
    };
  },
};

/** A span from pasted HTML: a whole number from 1 to 100, or 1. */
function spanOf(value: string | null): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 1;
}

export const TableCell = Node.create({
  name: 'tableCell',
  ...cellConfig,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});

export const TableHeader = Node.create({
  name: 'tableHeader',
  ...cellConfig,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)+',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0],
});

function createTable(schema: Schema, rows: number, cols: number, withHeaderRow: boolean): PMNode {
  const { table, tableRow, tableHeader, tableCell } = schema.nodes;
  const row = (type: typeof tableCell) =>
    tableRow!.create(
      null,
      Array.from({ length: cols }, () => type!.createAndFill()!),
    );
  return table!.create(
    null,
    Array.from({ length: rows }, (_, i) => row(withHeaderRow && i === 0 ? tableHeader : tableCell)),
  );
}

/** True when the selection covers every row (or, with `columns`, every column) of its table. */
function selectsAll(state: Parameters<typeof isInTable>[0], columns: boolean): boolean {
  const rect = selectedRect(state);
  return columns ? rect.left === 0 && rect.right === rect.map.width : rect.top === 0 && rect.bottom === rect.map.height;
}

/** A prosemirror-tables command as a TipTap command that takes no arguments. */
const fromProseMirror =
  (command: Command) =>
  () =>
  ({ state, dispatch }: { state: EditorState; dispatch: ((tr: Transaction) => void) | undefined }) =>
    command(state, dispatch);

export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  // The caret and the Backspace key stay inside the table's cells.
  isolating: true,

  parseHTML: () => [{ tag: 'table' }],
  // The wrapper scrolls a table wider than the page sideways, rather than squeezing its words; the
  // caret reaches every cell (Tab, arrows) and the browser scrolls to it. (Not marked contenteditable
  // for the sake of axe's scrollable-region rule: any contenteditable attribute on it stops Chromium
  // repainting cell selections.)
  renderHTML: ({ HTMLAttributes }) => ['div', { class: 'tableWrapper' }, ['table', HTMLAttributes, ['tbody', 0]]],

  extendNodeSchema(extension) {
    const role = TABLE_ROLES[extension.name];
    return role ? { tableRole: role } : {};
  },

  addCommands() {
    return {
      insertTable:
        ({ rows = 3, cols = 3, withHeaderRow = true } = {}) =>
        ({ tr, state, dispatch }) => {
          if (isInTable(state)) return false; // cells hold paragraphs, not tables
          if (dispatch) {
            const node = createTable(state.schema, rows, cols, withHeaderRow);
            const { $from, empty } = tr.selection;
            const blank =
              empty && $from.depth > 0 && $from.parent.type.name === 'paragraph' && !$from.parent.childCount;
            // An empty paragraph is replaced, not left above the table; otherwise the table goes in
            // at the caret (splitting a paragraph) or after the block the caret is in.
            const at = blank ? $from.before() : tr.selection.from;
            if (blank) tr.replaceWith($from.before(), $from.after(), node);
            else tr.replaceSelectionWith(node);
            tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1))).scrollIntoView();
          }
          return true;
        },
      addRowAfter: fromProseMirror(addRowAfter),
      addColumnAfter: fromProseMirror(addColumnAfter),
      deleteRow: fromProseMirror(
        (state, dispatch) => isInTable(state) && !selectsAll(state, false) && deleteRow(state, dispatch),
      ),
      deleteColumn: fromProseMirror(
        (state, dispatch) => isInTable(state) && !selectsAll(state, true) && deleteColumn(state, dispatch),
      ),
      deleteTable: fromProseMirror(deleteTable),
      goToNextCell: fromProseMirror(goToNextCell(1)),
      goToPreviousCell: fromProseMirror(goToNextCell(-1)),
    };
  },

  addProseMirrorPlugins() {
    return [tableEditing()];
  },
});

/**
 * Tab and Shift+Tab move between cells; Tab in the last cell adds a row, as in a word processor.
 * A separate extension with a high priority, so a table inside a list item moves between cells
 * rather than indenting the list (the list's own Tab would otherwise run first). Outside a table
 * these keys do nothing here. Shift+Tab in the first cell and Escape anywhere still leave the editor.
 */
export const TableKeys = Extension.create({
  name: 'tableKeys',
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      Tab: () => {
        if (!isInTable(this.editor.state)) return false;
        if (this.editor.commands.goToNextCell()) return true;
        return this.editor.chain().addRowAfter().goToNextCell().run();
      },
      'Shift-Tab': () => isInTable(this.editor.state) && this.editor.commands.goToPreviousCell(),
    };
  },
});

/** Everything the editor needs for tables, in one list. */
export const tableExtensions = [Table, TableRow, TableHeader, TableCell, TableKeys];
