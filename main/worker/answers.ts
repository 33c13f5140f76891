/** What main answers the worker: what it asked of main, and, when main cannot do it, why, in the person's words. */
import { AppError } from '../../common/errors';
import { fail } from '../../common/result';
import type { ErrorData, HostMethod, ToWorker } from './protocol';

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

/** Does what the worker asked of main with `host` (a dialog, a PDF, a link), and makes the reply to send back. */
export async function hostReply(
  host: Partial<Record<HostMethod, unknown>>,
  id: number,
  method: HostMethod,
  args: unknown[],
): Promise<ToWorker> {
  try {
    const fn = host[method] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (!fn) throw new AppError('INVALID_INPUT', UNAVAILABLE[method]);
    return { type: 'hostReply', id, ok: true, value: await fn(...args) };
  } catch (error) {
    const data: ErrorData =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { name: error instanceof Error ? error.name : undefined, message: String(error) };
    return { type: 'hostReply', id, ok: false, error: data };
  }
}
