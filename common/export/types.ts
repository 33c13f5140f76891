/**
 * The export pipeline's plain data (see docs/architecture in ../shared/design/architecture.md):
 *
 *   selection -> ExportDocument (a snapshot) -> findings -> resolutions -> de-identified ExportDocument
 *             -> HTML with print CSS (and PDF from it) / Markdown / DOCX
 *
 * Every string a person wrote lives in a text unit of the document, so the check sees all of it and a
 * resolution can reach all of it. Labels we write ourselves ("Question", "Outcome") are not checked.
 */
import type { FindingKind } from '../deid/detectors';

export type { FindingKind };

export const EXPORT_FORMATS = ['pdf', 'markdown', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  pdf: 'PDF',
  markdown: 'Markdown',
  docx: 'Word (DOCX)',
  html: 'Web page (HTML)',
};

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = {
  pdf: 'pdf',
  markdown: 'md',
  docx: 'docx',
  html: 'html',
};

/** What the person chose to send. Check-ins and warning signs leave only when ticked. */
export interface ExportSelection {
  title: string;
  /** Journal and two-truths entries, in this order; an excerpt replaces the entry's text with just that passage. */
  entries: { id: string; excerpt: string | null }[];
  /** Supervisor ids: the agenda as it stands now. */
  agendas: string[];
  /** Session ids. */
  sessions: string[];
  hours: { supervisorId: string; from: string; to: string } | null;
  /** Check-ins between two days (inclusive), only when ticked. */
  checkins: { from: string; to: string } | null;
  /** The warning signs and what helps, only when ticked. */
  signs: boolean;
  /** Words the person asked the check to find in this export as well ("it missed these"). */
  lookFor?: string[] | undefined;
  /**
   * A contact id: the person's replies to that supervisor's comments, not yet sent, go with this share
   * (issue 18). Checked and previewed with the rest.
   */
  replies?: string | undefined;
}

export const EMPTY_SELECTION: ExportSelection = {
  title: 'Reflections for supervision',
  entries: [],
  agendas: [],
  sessions: [],
  hours: null,
  checkins: null,
  signs: false,
};

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  highlight?: boolean;
  href?: string;
}

/** A hard line break inside a paragraph is a text of '\n'. */
export type Inlines = Inline[];

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; content: Inlines }
  | { type: 'paragraph'; content: Inlines }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; content: Inlines }
  | { type: 'rule' }
  | { type: 'table'; rows: TableRow[] }
  /** Label and value pairs (an agenda item's details, a session's outcome); labels are ours. */
  | { type: 'fields'; rows: { label: string; value: Inlines }[] };

export interface ListItem {
  /** For task lists: ticked or not; null for ordinary lists. */
  checked: boolean | null;
  blocks: Block[];
}

export interface TableRow {
  header: boolean;
  cells: Inlines[];
  /** Merged cells, one entry per cell where any cell spans more than one column or row. */
  spans?: { colspan: number; rowspan: number }[];
}

/** 'replies': one of the person's replies to a supervisor's comment, checked and previewed as the rest. */
export type SectionKind = 'entry' | 'two-truths' | 'agenda' | 'session' | 'hours' | 'checkins' | 'signs' | 'replies';

export const SECTION_KIND_NAMES: Record<SectionKind, string> = {
  entry: 'Journal entry',
  'two-truths': 'Two truths',
  agenda: 'Agenda',
  session: 'Supervision session',
  hours: 'Hours log',
  checkins: 'Check-ins',
  signs: 'Warning signs and what helps',
  replies: 'Your reply to a comment',
};

export interface ExportSection {
  kind: SectionKind;
  /** Which thing it came from (entry, supervisor or session id); never written into the output. */
  sourceId: string;
  title: Inlines;
  /** A line under the title, such as the date: ours, not checked. */
  meta: string | null;
  blocks: Block[];
  clientMaterial: boolean;
  /**
   * Things inside the section that someone may comment on one by one (an agenda's items): which blocks
   * belong to which source. Never written into the output; a share gives each part its own item.
   */
  parts?: { sourceId: string; from: number; to: number }[];
}

export interface ExportDocument {
  title: Inlines;
  /** The day it was prepared (YYYY-MM-DD), shown in the header. */
  preparedOn: string;
  sections: ExportSection[];
}

// --- De-identification ------------------------------------------------------------------------------------------

export const KIND_NAMES: Record<FindingKind, string> = {
  'nhs-number': 'NHS number',
  'chi-number': 'CHI number',
  'ni-number': 'National Insurance number',
  ssn: 'Social Security number',
  'medicare-number': 'Medicare number',
  ppsn: 'PPS number',
  'hospital-number': 'Hospital number',
  'id-number': 'Reference number',
  'date-of-birth': 'Date of birth',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'E-mail address',
  'web-address': 'Web address',
  handle: 'Social media name',
  address: 'Street address',
  'listed-name': 'Name from your list',
  'listed-place': 'Place from your list',
  place: 'Place',
  added: 'Added by you',
  'person-name': 'Name',
  'possible-name': 'May be a name',
  'link-address': 'Link address',
};

export interface ExportFinding {
  /** Where it is: `${unit}:${start}:${end}`; stable while the selection and its content stay the same. */
  id: string;
  kind: FindingKind;
  text: string;
  /**
   * Findings of the same person, place or value share a key: "all like this" and pseudonyms go by it.
   * "Maria", "Maria Kowalski" and "Ms Kowalski" are one person, so one key.
   */
  valueKey: string;
  /** The value of these words alone ("name:maria"): the key a finding takes when its group is split. */
  variantKey: string;
  sectionIndex: number;
  sectionTitle: string;
  before: string;
  after: string;
}

export type Resolution = { action: 'redact' } | { action: 'pseudonym' } | { action: 'keep'; reason: string };

export interface Resolutions {
  /** Decisions for every finding with this value ("all like this"). */
  byValue: Record<string, Resolution>;
  /** Decisions for one finding; these win over byValue. */
  byFinding: Record<string, Resolution>;
  /** The person's own pseudonym for a value, where they changed the suggested one. */
  pseudonyms: Record<string, string>;
  /** Variant keys the person took out of their group ("not the same person"): they are decided on their own. */
  split?: string[] | undefined;
  /** Keys the person said are the same as another ("the same person"): decided, and stood in for, as that one. */
  same?: Record<string, string> | undefined;
}

export const EMPTY_RESOLUTIONS: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };

export const REDACTED = '[redacted]';

export interface ExportCheck {
  /** Names exactly what was checked; the preview and the save must bring it back unchanged. */
  fingerprint: string;
  findings: ExportFinding[];
  /** The suggested pseudonym for each value key (consistent across the whole export). */
  pseudonyms: Record<string, string>;
  /** Entries marked as containing client material. */
  clientMaterial: { id: string; title: string }[];
  /** How many items, as Holding counts them everywhere (common/export/items.ts). */
  items: number;
  words: number;
}

export interface ExportPreview {
  /** The HTML exactly as it would be saved (and printed to PDF). */
  html: string;
  /** The Markdown exactly as it would be saved. */
  markdown: string;
  unresolved: number;
  /** Stand-ins main will not accept, by the key they stand in for: the word that gives something away, or
   * null where the stand-in looks like a name or detail itself ("Sam", when "Sam Rivers" is on the list). */
  refused: RefusedStandIn[];
}

export interface RefusedStandIn {
  key: string;
  pseudonym: string;
  word: string | null;
}

export interface ExportRecord {
  id: string;
  createdAt: string;
  format: ExportFormat | 'hours-pdf';
  fileName: string;
  title: string;
  items: number;
  /** How the findings were settled: counts by action. */
  redacted: number;
  pseudonymised: number;
  kept: number;
  /** The folder it was saved in, the person's own note; null for exports from before Holding kept it. */
  folder: string | null;
}
