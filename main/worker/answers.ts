/** What main answers for the worker when it cannot do what was asked, in the person's words. */
import { fail } from '../../common/result';
import type { HostMethod } from './protocol';

export const UNAVAILABLE: Record<HostMethod, string> = {
  chooseSavePath: 'Saving files is not available here.',
  chooseOpenPath: 'Opening files is not available here.',
  chooseFolder: 'Choosing a folder is not available here.',
  renderPdf: 'Making PDFs is not available here.',
  openExternal: 'Opening links is not available here.',
  showInFolder: 'Showing a file in its folder is not available here.',
};

export const INTERRUPTED = () =>
  fail(
    'INTERRUPTED',
    'Holding had to restart the part of itself that keeps your journal, so this may not have finished. Please unlock and check, then try again.',
  );
