/**
 * The one importer interface. Each other journal's export is read by one module in sources/ (as Joplin
 * keeps one InteropService_Importer_* per format): it recognises the input, then reads it into neutral
 * imported entries. Everything after that (the preview, what is already here, writing one batch, undo)
 * is the pipeline's (service.ts), the same for every source. A new source is one file, added to
 * sources/index.ts.
 *
 * Holding's own export (main/import/holding/, read and apply) joins the same way, first in the list: its
 * `recognise` looks for holding-export.json; its entries come through `read` like any other's (the
 * export's entry ids as keys, so importing it twice adds nothing). What only Holding's export carries
 * (two-truths parts, check-ins, supervision, revisions) needs one more, optional member here, a step the
 * pipeline runs in the batch's write, rather than a second pipeline.
 */
import type { DocNode } from '../../common/journal/doc';
import type { ImportSourceId, SkippedItem } from '../../common/import/types';
import type { Task } from '../ipc/tasks';
import type { InputFiles } from './input-files';

/** One entry as another journal had it, before it is made a Holding entry. */
export interface ImportedEntry {
  /**
   * What this entry is called in its own export, stable from one export to the next (Day One's uuid, a
   * Markdown file's path): with the source's id it is how a second import of the same export knows the
   * entry is here already.
   */
  key: string;
  title: string;
  /** TipTap's document shape; the pipeline passes it through sanitiseDoc as it does typed text. */
  body: DocNode;
  /** Instants, as ISO 8601 in UTC (the entry's own time zone is in `day`). */
  createdAt: string;
  updatedAt: string;
  /** The day the entry is about (YYYY-MM-DD), as the writer saw it in their own time zone; null if unknown. */
  day: string | null;
  tags: string[];
  /** Starred or pinned in the other app. */
  pinned: boolean;
  /** Keys of other entries in the same import this one links to ([[wikilinks]]). */
  links: string[];
}

/** What a source read: the entries, and everything it left out, and why. */
export interface ImportedJournal {
  entries: ImportedEntry[];
  skipped: SkippedItem[];
}

/** What a source is given while reading: progress and cancel (the Task seam), and a place to note skips. */
export interface ReadContext {
  task?: Task | undefined;
  /** Counts something left out, with a few names as examples. */
  skip(what: string, why: string, example?: string): void;
  /** Lets the worker answer other calls now and then, and stops if cancelled. */
  breathe(): Promise<void>;
}

export interface ImportSource {
  /** Stable: stored with every batch and in every imported entry's key. */
  id: ImportSourceId;
  /** In words, for the preview and the list of past imports. */
  name: string;
  /**
   * Whether this looks like the source's export, from file names and at most a small peek: cheap, and
   * never wrong in a way that matters (the first source that says yes reads it, in sources/index.ts order).
   */
  recognise(input: InputFiles): Promise<boolean>;
  /** Reads it all; throws ImportRefusedError (nothing comes in) for what it will not read. */
  read(input: InputFiles, context: ReadContext): Promise<ImportedJournal>;
}
