import { supervisionNoteFor } from '../../common/checkins/notes';
import { AppError } from '../../common/errors';
import { docFromParagraphs } from '../../common/journal/doc';
import { agendaItemFromEntry, RESTORATIVE_TAG } from '../../common/supervision/from-entry';
import type { Entry } from '../../common/journal/types';
import type { JournalService } from '../journal/journal';
import type { SupervisionService } from '../supervision/supervision';
import type { Vault } from '../vault/vault';
import type { CheckinService } from './checkins';

/**
 * "Bring to supervision" from a check-in suggestion: a journal entry in the person's words, flagged for
 * supervision, and, with a supervision under way, a restorative item on its next agenda. One
 * transaction: no half-made entry if any step fails.
 */
export function bringToSupervision(
  services: { vault: Vault; journal: JournalService; supervision: SupervisionService; checkins: CheckinService },
  key: string,
  supervisorId: string | null | undefined,
): { entry: Entry; supervisorName: string | null } {
  const { vault, journal, supervision, checkins } = services;
  return vault.db().transaction(() => {
    const suggestion = checkins.suggestions().find((s) => s.key === key);
    if (!suggestion) throw new AppError('NOT_FOUND', 'That suggestion has already been set aside.');
    const note = supervisionNoteFor(suggestion);
    const tags = [RESTORATIVE_TAG];
    const entry = journal.create({ title: note.title });
    journal.save({
      ...entry,
      body: docFromParagraphs(note.paragraphs),
      tags,
      bringToSupervision: true,
    });
    const under = supervision.supervisors().filter((s) => !s.endedAt);
    const current = supervisorId ? under.find((s) => s.id === supervisorId) : under[0];
    if (supervisorId && !current) {
      throw new AppError('NOT_FOUND', 'That supervision has ended or been deleted. Please choose another.');
    }
    if (current) {
      // The same item the entry would become if added later from the flagged entries, with what was noticed.
      supervision.addAgendaItem(
        current.id,
        { ...agendaItemFromEntry({ title: note.title, tags }), notes: note.paragraphs[0] ?? '' },
        { kind: 'entry', entryId: entry.id, excerpt: null },
      );
    }
    checkins.dismiss(key);
    return { entry: journal.get(entry.id), supervisorName: current?.name ?? null };
  })();
}
