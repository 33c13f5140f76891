/**
 * Export for supervision: a selection read into a snapshot, checked for identifying details, settled by
 * the person, and only then rendered. Nothing is written unless every finding has a decision.
 */
import { AppError } from '../../common/errors';
import { applyResolutions, checkDocument, probeOf } from '../../common/export/deid';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { findIdentifiers } from '../../common/deid/detectors';
import { readerText } from '../../common/deid/normalise';
import {
  givesAway,
  inReaderForm,
  keyOf,
  onlyStandInWords,
  replacementFor,
  resolutionFor,
  settledResolution,
} from '../../common/export/resolve';
import { mapUnits, textOf, unitsOf, wordCountOf } from '../../common/export/document';
import { dayOf, localTimeZone } from '../../common/supervision/hours';
import { checkTextsInSlices } from '../../common/deid/check';
import { stopIfCancelled, type Task } from '../ipc/tasks';
import { pdfTemplates, renderHtml } from '../../common/export/html';
import { itemCount } from '../../common/export/items';
import { renderMarkdown } from '../../common/export/markdown';
import type {
  ExportCheck,
  ExportDocument,
  ExportFinding,
  ExportFormat,
  ExportPreview,
  ExportRecord,
  ExportSection,
  ExportSelection,
  RefusedStandIn,
  Resolutions,
} from '../../common/export/types';
import type { CheckinService } from '../checkins/checkins';
import type { JournalService } from '../journal/journal';
import type { SettingsService } from '../settings/settings';
import type { SupervisionService } from '../supervision/supervision';
import type { Vault } from '../vault/vault';
import { renderDocx } from './docx';
import { buildDocument, hoursSection, type SnapshotSources } from './snapshot';

export type PdfRenderer = (
  html: string,
  templates: { headerTemplate: string; footerTemplate: string },
) => Promise<Uint8Array>;

export interface Rendered {
  data: string | Uint8Array;
  record: Omit<ExportRecord, 'id' | 'createdAt' | 'fileName' | 'folder' | 'format'>;
}

/** An export record as the exports table holds it: the same fields, those of two words in snake case. */
interface RecordRow extends Omit<ExportRecord, 'createdAt' | 'fileName'> {
  created_at: string;
  file_name: string;
}

/** Today, here, as YYYY-MM-DD. */
export const localDay = (date: Date): string => dayOf(date.toISOString(), localTimeZone());

export class ExportService {
  private readonly sources: SnapshotSources;

  constructor(
    private readonly vault: Vault,
    private readonly deps: {
      journal: JournalService;
      supervision: SupervisionService;
      checkins: CheckinService;
      settings: SettingsService;
      /** The person's replies waiting to go to a supervisor, as sections (main/sharing/replies.ts). */
      replies?: (contactId: string) => ExportSection[];
    },
    private readonly now: () => Date = () => new Date(),
  ) {
    const { journal, supervision, checkins } = deps;
    this.sources = {
      entry: (id) => journal.get(id),
      supervisorName: (id) => supervision.supervisor(id).name,
      agenda: (id) => (supervision.supervisor(id), supervision.agenda(id)),
      session: (id) => supervision.session(id),
      hours: (id, range) => supervision.hours(id, range),
      checkins: ({ from, to }) => {
        if (from > to)
          throw new AppError('INVALID_INPUT', 'The check-ins’ first day comes after the last. Please swap them.');
        const end = new Date(`${to}T00:00:00`);
        end.setDate(end.getDate() + 1);
        return checkins.list({
          from: new Date(`${from}T00:00:00`).toISOString(),
          to: new Date(end.getTime() - 1).toISOString(),
        });
      },
      signs: () => checkins.signs(),
      ...(deps.replies ? { replies: deps.replies } : {}),
    };
  }

  private document(selection: ExportSelection): ExportDocument {
    const count =
      selection.entries.length +
      selection.agendas.length +
      selection.sessions.length +
      (selection.hours ? 1 : 0) +
      (selection.checkins ? 1 : 0) +
      (selection.signs ? 1 : 0);
    if (count === 0) throw new AppError('INVALID_INPUT', 'Choose at least one thing to include.');
    const ids = selection.entries.map((e) => e.id);
    if (new Set(ids).size !== ids.length) {
      throw new AppError('INVALID_INPUT', 'An entry is in the selection twice. Please include each entry once.');
    }
    // Text as a reader sees it (nothing invisible, every digit plain): what is checked is what leaves. A
    // combining mark that starts a run of its own formatting, after a digit or a space, hides nothing either.
    return mapUnits(buildDocument(selection, this.sources, localDay(this.now())), (inlines) => {
      let previous = '';
      return inlines.map((run) => {
        let text = readerText(run.text);
        if (previous && !/\p{L}$/u.test(previous)) text = text.replace(/^\p{M}+/u, '');
        previous = text || previous;
        return { ...run, text, ...(run.href === undefined ? {} : { href: readerText(run.href) }) };
      });
    });
  }

  private async findingsOf(doc: ExportDocument, selection: ExportSelection, task?: Task) {
    const settings = this.deps.settings.get();
    const options = {
      names: settings.deidNames,
      places: settings.deidPlaces,
      lookFor: selection.lookFor ?? [],
      year: this.now().getFullYear(),
    };
    // In slices, so the window's other requests and a lock are never held up.
    const found = await checkTextsInSlices(
      unitsOf(doc)
        .filter((u) => !u.href)
        .map((u) => probeOf(u.text)),
      options,
      25,
      task
        ? { onProgress: (done, total) => task.progress(done, total), stopIfCancelled: () => stopIfCancelled(task) }
        : {},
    );
    // If the vault locked while the check ran, nothing more is worked out (and db() says it is locked).
    if (found === null) this.vault.db();
    const { findings, pseudonyms } = checkDocument(doc, options, found ?? undefined);
    // Names exactly what was checked, with which lists: the preview and the save must match it.
    const fingerprint = createHash('sha256').update(JSON.stringify({ doc, options })).digest('base64url');
    // A pseudonym must not hold another name or detail the check found, nor anything the detectors see.
    const values = [...new Set(findings.filter((f) => f.kind !== 'link-address').map((f) => f.text))];
    // Our own stand-in words ("Ward A", "Person B") are no detail, even where the person lists "Ward".
    const alsoRefuse = (pseudonym: string) =>
      values.some((v) => givesAway(pseudonym, v) !== null) ||
      findIdentifiers(probeOf(readerText(pseudonym)), options).some((f) => !onlyStandInWords(f.text));
    return { findings, pseudonyms, fingerprint, alsoRefuse, values };
  }

  /** The check, with progress and a way to stop it when a task is given (the window's call has one). */
  async check(selection: ExportSelection, task?: Task): Promise<ExportCheck> {
    const doc = this.document(selection);
    const { findings, pseudonyms, fingerprint } = await this.findingsOf(doc, selection, task);
    return {
      fingerprint,
      findings,
      pseudonyms,
      clientMaterial: doc.sections
        .filter((s) => s.clientMaterial)
        .map((s) => ({ id: s.sourceId, title: textOf(s.title) })),
      items: itemCount(doc.sections),
      words: wordCountOf(doc),
    };
  }

  /** The document as it would leave, and how many findings still need a decision. */
  private async settle(selection: ExportSelection, given: Resolutions, fingerprint: string) {
    // Stand-ins as a reader sees them, judged and written the same: "Ms Pat\u200Bel" is "Ms Patel".
    const resolutions = inReaderForm(given);
    const doc = this.document(selection);
    const { findings, pseudonyms, fingerprint: now, alsoRefuse, values } = await this.findingsOf(doc, selection);
    if (now !== fingerprint) {
      throw new AppError(
        'CHANGED',
        'Something you chose has changed since the check (an entry, or your names and places). Holding has checked it again: please look over what it found and the preview, then save or share again.',
      );
    }
    const counts = { redacted: 0, pseudonymised: 0, kept: 0, unresolved: 0 };
    /** The first finding still undecided, and the first pseudonym refused for giving something away. */
    let firstUndecided: ExportFinding | null = null;
    let givenAway: { pseudonym: string; word: string | null } | null = null;
    /** Every stand-in main refuses, by the key it stands in for, so the window can say which and why. */
    const refused = new Map<string, RefusedStandIn>();
    for (const finding of findings) {
      const resolution = settledResolution(finding, resolutions, pseudonyms, alsoRefuse);
      const chosen = resolutionFor(finding, resolutions);
      if (!resolution && chosen?.action === 'pseudonym') {
        const pseudonym = replacementFor(finding, chosen, resolutions, pseudonyms);
        const word =
          givesAway(pseudonym, finding.text) ?? values.map((v) => givesAway(pseudonym, v)).find((w) => w) ?? null;
        givenAway ??= { pseudonym, word };
        const key = keyOf(finding, resolutions);
        if (!refused.has(key)) refused.set(key, { key, pseudonym, word });
      }
      if (!resolution) firstUndecided ??= finding;
      if (!resolution) counts.unresolved += 1;
      else if (resolution.action === 'redact') counts.redacted += 1;
      else if (resolution.action === 'pseudonym') counts.pseudonymised += 1;
      else counts.kept += 1;
    }
    return {
      doc: applyResolutions(doc, findings, resolutions, pseudonyms, alsoRefuse),
      findings,
      counts,
      firstUndecided,
      givenAway,
      refused: [...refused.values()],
    };
  }

  async preview(selection: ExportSelection, resolutions: Resolutions, fingerprint: string): Promise<ExportPreview> {
    const { doc, counts, refused } = await this.settle(selection, resolutions, fingerprint);
    return { html: renderHtml(doc), markdown: renderMarkdown(doc), unresolved: counts.unresolved, refused };
  }

  /**
   * The de-identified document, ready to leave: refuses while any finding is undecided or a pseudonym gives
   * something away. Saving a file and sharing with a supervisor both go through here.
   */
  async settled(
    selection: ExportSelection,
    resolutions: Resolutions,
    fingerprint: string,
  ): Promise<{ doc: ExportDocument; record: Rendered['record'] }> {
    const { doc, counts, firstUndecided, givenAway } = await this.settle(selection, resolutions, fingerprint);
    if (givenAway !== null) {
      throw new AppError(
        'INVALID_INPUT',
        givenAway.word
          ? `The stand-in “${givenAway.pseudonym}” still holds “${givenAway.word}”, which is part of what the check found. Please choose another. Nothing was saved.`
          : `The stand-in “${givenAway.pseudonym}” looks like a name or detail itself. Please choose another. Nothing was saved.`,
      );
    }
    if (firstUndecided) throw unresolvedError(counts.unresolved, firstUndecided);
    return {
      doc,
      record: {
        title: textOf(doc.title),
        items: itemCount(doc.sections),
        redacted: counts.redacted,
        pseudonymised: counts.pseudonymised,
        kept: counts.kept,
      },
    };
  }

  /** Renders the settled export; refuses while any finding is undecided. */
  async render(
    format: ExportFormat,
    selection: ExportSelection,
    resolutions: Resolutions,
    fingerprint: string,
    renderPdf: PdfRenderer | undefined,
  ): Promise<Rendered> {
    // Replies go back only in a share to the supervisor they answer, which marks them sent: never in a file.
    if (selection.replies) {
      throw new AppError(
        'INVALID_INPUT',
        'Your replies to comments can only go in a share to the supervisor they answer, not in a saved file. To save a file, untick the replies first. Nothing was saved.',
      );
    }
    const { doc, record } = await this.settled(selection, resolutions, fingerprint);
    return { data: await this.renderDocument(format, doc, renderPdf), record };
  }

  async renderDocument(format: ExportFormat, doc: ExportDocument, renderPdf: PdfRenderer | undefined) {
    switch (format) {
      case 'html':
        return renderHtml(doc);
      case 'markdown':
        return renderMarkdown(doc);
      case 'docx':
        return renderDocx(doc);
      case 'pdf':
        if (!renderPdf) throw new AppError('INVALID_INPUT', 'Making PDFs is not available here.');
        return renderPdf(renderHtml(doc), pdfTemplates(doc));
    }
  }

  /** The hours log on its own, for the person's records: their supervisor's name and the months. */
  hoursDocument(supervisorId: string, range: { from: string; to: string }): ExportDocument {
    const supervisor = this.deps.supervision.supervisor(supervisorId);
    const months = this.deps.supervision.hours(supervisorId, range);
    const preparedOn = localDay(this.now());
    return {
      title: [{ text: 'Supervision hours' }],
      preparedOn,
      sections: [hoursSection(supervisor.name, supervisorId, months, preparedOn.slice(0, 7))],
    };
  }

  /** Notes an export saved as `file` (its whole path: the name and the folder are kept apart). */
  record(format: ExportRecord['format'], file: string, details: Rendered['record']): ExportRecord {
    const record: ExportRecord = {
      id: randomUUID(),
      createdAt: this.now().toISOString(),
      format,
      ...details,
      fileName: path.basename(file),
      folder: path.dirname(file),
    };
    this.vault
      .db()
      .prepare(
        `INSERT INTO exports (id, created_at, format, file_name, folder, title, items, redacted, pseudonymised, kept)
         VALUES (@id, @createdAt, @format, @fileName, @folder, @title, @items, @redacted, @pseudonymised, @kept)`,
      )
      .run(record);
    return record;
  }

  /** Where the export `id` was saved, whole; null for one recorded before Holding kept the folder. */
  savedAt(id: string): string | null {
    const row = this.vault.db().prepare('SELECT file_name, folder FROM exports WHERE id = ?').get(id) as
      { file_name: string; folder: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Holding has no note of that export.');
    return row.folder === null ? null : path.join(row.folder, row.file_name);
  }

  records(): ExportRecord[] {
    const rows = this.vault
      .db()
      .prepare('SELECT * FROM exports ORDER BY created_at DESC, rowid DESC LIMIT 500')
      .all() as RecordRow[];
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      format: r.format,
      fileName: r.file_name,
      title: r.title,
      items: r.items,
      redacted: r.redacted,
      pseudonymised: r.pseudonymised,
      kept: r.kept,
      folder: r.folder,
    }));
  }
}

function unresolvedError(count: number, first: ExportFinding): AppError {
  return new AppError(
    'INVALID_INPUT',
    count === 1
      ? `One thing the check found still needs a decision (“${first.text}”). Nothing was saved.`
      : `${count} things the check found still need a decision. Nothing was saved.`,
  );
}
