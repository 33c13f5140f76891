import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BackupSecret, ChosenBackup } from '../../../common/backup/types';
import { AppError } from '../../../common/errors';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

/** How many chosen backup files main remembers at once (the window names them by id). */
const REMEMBERED = 8;

export function backupHandlers(ctx: HandlerContext): HandlersOf<'backup'> {
  const { backups, backupSchedule: schedule, settings, files, vault } = ctx;
  // The files the person chose to restore, by the id the window was given: a path never comes from the window.
  const chosen = new Map<string, string>();
  const fileFor = (id: string): string => {
    const file = chosen.get(id);
    if (!file) throw new AppError('NOT_FOUND', 'Please choose the backup file again.');
    return file;
  };
  const secretOf = (secret: { passphrase: string } | { recoveryKey: string }): BackupSecret =>
    'passphrase' in secret ? { passphrase: secret.passphrase } : { recoveryKey: secret.recoveryKey };

  return {
    'backup:status': () => schedule.status(),
    'backup:chooseFolder': async () => {
      const folder = await files.folder();
      if (!folder) return { chosen: false, status: await schedule.status() };
      const inside = path.relative(vault.dataDir, path.resolve(folder));
      const outside = inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
      if (!outside) {
        throw new AppError(
          'INVALID_INPUT',
          'That folder is inside the one that holds your journal, so a backup there could be lost along with it. Please choose a folder somewhere else, ideally on another drive.',
        );
      }
      settings.update({ backupFolder: path.resolve(folder) });
      return { chosen: true, status: await schedule.status() };
    },
    'backup:setPreferences': async ({ frequency, keep }) => {
      settings.update({ backupFrequency: frequency, backupKeep: keep });
      return schedule.status();
    },
    'backup:now': async (_input, task) => {
      const record = await schedule.backUpNow(task);
      return { record, status: await schedule.status() };
    },
    'backup:list': () => backups.records(),
    'backup:showInFolder': async ({ record }) => {
      await files.show(backups.savedAt(record));
      return null;
    },
    'backup:dismissNote': () => schedule.dismissNote(),
    'backup:forgetSetAside': ({ restoredAt }) => schedule.forgetSetAside(restoredAt),
    'backup:chooseFile': async (): Promise<ChosenBackup | null> => {
      const file = await files.openEvenLocked('backup');
      if (!file) return null;
      const header = await backups.readHeader(file);
      if (!header) {
        throw new AppError(
          'INVALID_INPUT',
          'That file does not look like a Holding backup. Holding’s backups end in “.holdingbackup”, with the day they were made in their name.',
        );
      }
      const id = randomUUID();
      chosen.set(id, file);
      while (chosen.size > REMEMBERED) chosen.delete(chosen.keys().next().value!);
      return { id, fileName: path.basename(file), madeAt: header.madeAt };
    },
    'backup:inspect': ({ file, secret }) => backups.inspect(fileFor(file), secretOf(secret)),
    'backup:restore': async ({ file, secret }, task) => {
      const { setAsideFolder } = await backups.restore(fileFor(file), secretOf(secret), task);
      return { setAsideFolder, status: await vault.status() };
    },
  };
}
