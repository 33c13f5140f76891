import path from 'node:path';
import { FORMAT_EXTENSIONS } from '../../../common/export/types';
import { localDay } from '../../export/export';
import { safeFileName } from '../files';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function exportHandlers(ctx: HandlerContext): HandlersOf<'export'> {
  const { exports, files } = ctx;
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
      return { path: target, record: exports.record(format, path.basename(target), rendered.record) };
    },
    'export:records': () => exports.records(),
  };
}
