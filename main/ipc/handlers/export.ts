import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ChosenExportFile } from '../../../common/export/everything';
import { AppError } from '../../../common/errors';
import { syncedService } from '../../export/everything/synced';
import { FORMAT_EXTENSIONS } from '../../../common/export/types';
import { localDay } from '../../export/export';
import { safeFileName } from '../files';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

/** How many chosen export files main remembers at once (the window names them by id). */
const REMEMBERED = 4;

export function exportHandlers(ctx: HandlerContext): HandlersOf<'export'> {
  const { exports, everything, files } = ctx;
  // Where the person chose to save the whole journal, by the id the window was given: never a path from it.
  const chosen = new Map<string, string>();
  return {
    'export:check': (selection, task) => exports.check(selection, task),
    'export:preview': ({ selection, resolutions, fingerprint }) => exports.preview(selection, resolutions, fingerprint),
    'export:save': async ({ selection, resolutions, fingerprint, format }) => {
      // Settled and rendered before asking where: an undecided finding stops it before any dialog.
      const rendered = await exports.render(format, selection, resolutions, fingerprint, ctx.renderPdf);
      const name = safeFileName(rendered.record.title, 'Reflections for supervision');
      const day = localDay(new Date());
      const target = await files.save(`${name} - ${day}.${FORMAT_EXTENSIONS[format]}`, format, () => rendered.data);
      if (!target) return { path: null, record: null };
      return { path: target, record: exports.record(format, target, rendered.record) };
    },
    'export:records': () => exports.records(),
    'export:chooseEverythingFile': async (): Promise<ChosenExportFile | null> => {
      const target = await files.savePath(`Holding export ${localDay(new Date())}.zip`, 'zip');
      if (!target) return null;
      const id = randomUUID();
      chosen.set(id, target);
      while (chosen.size > REMEMBERED) chosen.delete(chosen.keys().next().value!);
      const folder = path.dirname(target);
      return { id, fileName: path.basename(target), folder, synced: syncedService(folder) };
    },
    'export:showInFolder': async (which) => {
      const file = 'record' in which ? exports.savedAt(which.record) : (chosen.get(which.everything) ?? null);
      if (!file) {
        throw new AppError('NOT_FOUND', 'Holding did not keep a note of the folder that export was saved in.');
      }
      await files.show(file);
      return null;
    },
    'export:everything': async ({ file, history }, task) => {
      const target = chosen.get(file);
      if (!target) throw new AppError('NOT_FOUND', 'Please choose where to save the export again.');
      const result = await everything.export(target, { history }, task);
      return { fileName: result.fileName, folder: path.dirname(target), bytes: result.bytes, entries: result.entries };
    },
  };
}
