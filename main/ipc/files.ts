import { access } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_EXTENSION } from '../../common/backup/types';
import { AppError, LockedError } from '../../common/errors';
import { type ExportFormat, FORMAT_EXTENSIONS, FORMAT_NAMES } from '../../common/export/types';
import { CARD_EXTENSION, SHARE_EXTENSION } from '../../common/sharing/types';
import { removeStaleTemps, writeFileAtomic } from '../fs/atomic';
import { readCapped } from '../fs/read-capped';
import type { Vault } from '../vault/vault';

export type FileKind = ExportFormat | 'csv' | 'card' | 'bundle' | 'backup' | 'import' | 'zip';

/** What a folder is chosen for: the dialog's words differ. */
export type FolderPurpose = 'backup' | 'import';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const FILE_FILTERS: Record<FileKind, FileFilter> = {
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  card: { name: 'Holding identity card', extensions: [CARD_EXTENSION, 'txt'] },
  bundle: { name: 'Holding share or feedback', extensions: [SHARE_EXTENSION] },
  backup: { name: 'Holding backup', extensions: [BACKUP_EXTENSION] },
  import: { name: 'Another journal’s export', extensions: ['zip', 'json', 'txt', 'md', 'markdown'] },
  zip: { name: 'Zip archive', extensions: ['zip'] },
  pdf: { name: FORMAT_NAMES.pdf, extensions: [FORMAT_EXTENSIONS.pdf] },
  markdown: { name: FORMAT_NAMES.markdown, extensions: [FORMAT_EXTENSIONS.markdown] },
  docx: { name: FORMAT_NAMES.docx, extensions: [FORMAT_EXTENSIONS.docx] },
  html: { name: FORMAT_NAMES.html, extensions: [FORMAT_EXTENSIONS.html] },
};

/** The system's dialogs, asked by main: the services give the suggestion and do the writing. */
export interface Dialogs {
  /** Where to save a file; the chosen path, or null if the person cancelled. */
  chooseSavePath?: (suggestedName: string, filter: FileFilter) => Promise<string | null>;
  /** Which file to open; null if the person cancelled. */
  chooseOpenPath?: (filter: FileFilter) => Promise<string | null>;
  /** Which folder to use (for backups, or to import); null if the person cancelled. */
  chooseFolder?: (purpose?: FolderPurpose) => Promise<string | null>;
  /** Opens the system's file manager on a file, selected (Electron's shell.showItemInFolder). */
  showInFolder?: (file: string) => Promise<void>;
}

/** Why a save failed, in words: the common causes, else something general. */
export function whyNotSaved(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'that folder no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'Holding is not allowed to write in that folder';
    case 'EROFS':
      return 'that place can only be read, not written to';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EEXIST':
    case 'EISDIR':
      return 'something with that name is in the way';
    case 'ENAMETOOLONG':
      return 'the file name is too long for that place';
    default:
      return 'the computer would not let it be written';
  }
}

/** A name fit for a file: letters, digits, spaces, hyphens and underscores, at most 80 characters. */
export function safeFileName(name: string, fallback: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .trim() || fallback
  );
}

/** Reads a small text file (an identity card), never more than `limit` bytes of it. */
export async function readSmallText(filePath: string, limit: number): Promise<string> {
  const bytes = await readCapped(
    filePath,
    limit,
    () =>
      new AppError(
        'INVALID_INPUT',
        'That file is too large to be a Holding identity card. Please ask for the card again.',
      ),
  );
  return new TextDecoder().decode(bytes);
}

/**
 * Prepare → choose → commit: the data is made first (an undecided finding stops it before any dialog),
 * then main asks where, then the file is written whole or not at all.
 */
export class Files {
  constructor(
    private readonly vault: Vault,
    private readonly dialogs: Dialogs,
  ) {}

  /** Asks which file to open; null if the person cancelled. */
  async open(kind: FileKind): Promise<string | null> {
    const chosen = await this.openEvenLocked(kind);
    if (chosen && !this.vault.isUnlocked()) throw new LockedError();
    return chosen;
  }

  /** Asks which file to open, for what works without the journal open (a backup to restore). */
  async openEvenLocked(kind: FileKind): Promise<string | null> {
    if (!this.dialogs.chooseOpenPath) throw new AppError('INVALID_INPUT', 'Opening files is not available here.');
    return this.dialogs.chooseOpenPath(FILE_FILTERS[kind]);
  }

  /**
   * "Show in folder": the file manager opens on a file Holding saved. One moved or deleted since is said
   * plainly, rather than a file manager opening on nothing.
   */
  async show(file: string): Promise<void> {
    if (!this.dialogs.showInFolder) {
      throw new AppError('INVALID_INPUT', 'Showing a file in its folder is not available here.');
    }
    // Asked without blocking: this runs in the worker that holds the journal, and the folder may be slow
    // (a network drive, a disk waking up).
    const there = await access(file).then(
      () => true,
      () => false,
    );
    if (!there) {
      throw new AppError(
        'NOT_FOUND',
        'That file is no longer where Holding saved it. It may have been moved, renamed or deleted.',
      );
    }
    await this.dialogs.showInFolder(file);
  }

  /** Asks which folder to use; null if the person cancelled. Nothing is written. */
  async folder(purpose: FolderPurpose = 'backup'): Promise<string | null> {
    if (!this.dialogs.chooseFolder) throw new AppError('INVALID_INPUT', 'Choosing a folder is not available here.');
    const chosen = await this.dialogs.chooseFolder(purpose);
    if (chosen && !this.vault.isUnlocked()) {
      throw new AppError('LOCKED', 'Holding locked while you were choosing a folder, so nothing was changed.');
    }
    return chosen;
  }

  /** Asks where to save (the save dialog) and nothing more: for work that writes the file itself. */
  async savePath(suggestedName: string, kind: FileKind): Promise<string | null> {
    if (!this.dialogs.chooseSavePath) throw new AppError('INVALID_INPUT', 'Saving files is not available here.');
    const target = await this.dialogs.chooseSavePath(suggestedName, FILE_FILTERS[kind]);
    if (target && !this.vault.isUnlocked()) {
      throw new AppError('LOCKED', 'Holding locked while you were choosing where to save, so nothing was written.');
    }
    return target;
  }

  /** Asks where (the save dialog), then writes the file whole or not at all. Null: the person cancelled. */
  async save(
    suggestedName: string,
    kind: FileKind,
    data: () => string | Uint8Array | Promise<string | Uint8Array>,
    /** Records what is about to be written, once the place is known; returns how to take it back. */
    beforeWrite?: (target: string) => () => void,
  ): Promise<string | null> {
    if (!this.dialogs.chooseSavePath) throw new AppError('INVALID_INPUT', 'Saving files is not available here.');
    const bytes = await data();
    const target = await this.dialogs.chooseSavePath(suggestedName, FILE_FILTERS[kind]);
    if (!target) return null;
    // The vault may have locked while the dialog was open (idle, sleep): then nothing is written.
    if (!this.vault.isUnlocked()) {
      throw new AppError('LOCKED', 'Holding locked while you were choosing where to save, so nothing was written.');
    }
    // What a crash during an earlier save here left behind goes first (removeStaleTemps says which).
    await removeStaleTemps(path.dirname(target));
    const undo = beforeWrite?.(target);
    try {
      await writeFileAtomic(target, bytes, 0o600);
    } catch (error) {
      undo?.();
      throw new AppError(
        'INVALID_INPUT',
        `Holding could not save the file there: ${whyNotSaved((error as NodeJS.ErrnoException).code)}. Nothing was written; please choose another folder.`,
      );
    }
    return target;
  }
}
