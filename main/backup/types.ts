/**
 * The backup capability's types. They are spelled out once, in common/backup/types.ts, because the IPC
 * contract and the window need them too and common/ depends on nothing of ours; the service uses them
 * from here. A backup is one file: see docs/backup-format.md.
 */
export type { BackupCounts, BackupPreview, BackupRecord, BackupSecret } from '../../common/backup/types';
