import { useId, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackupNote as Note } from '../../../../common/backup/types';
import { holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { useGoToSettings } from '../frame/navigation';
import { requestBackups, setBackupStatus, useBackupStatus } from './queries';
import { when } from './format';
import noteStyles from '../../ui/page-note.module.css';

const WORDS: Record<Note, (last: string | null) => string> = {
  'folder-missing': () =>
    'Your backup folder isn’t there at the moment. Is the drive plugged in? Holding will carry on backing up once it is back.',
  never: () =>
    'There is no backup of your journal yet. A copy on another drive keeps it safe, whatever happens to this computer.',
  old: (last) => `Your last backup was ${last ?? 'a while ago'}. It might be a good moment to make another.`,
};

/** A gentle note on the Journal page when backups need a moment's thought; set aside for a few days at a click. */
export function BackupNote() {
  const id = useId();
  const status = useBackupStatus();
  const queryClient = useQueryClient();
  const goToSettings = useGoToSettings();
  const ref = useRef<HTMLElement>(null);
  const dismiss = useMutation({
    mutationFn: () => unwrap(holding().backup.dismissNote()),
    onSuccess: (next) => {
      // The note goes, and focus with it: to the page's heading instead, so the next Tab starts from there.
      const heading = ref.current?.closest('main')?.querySelector('h1');
      setBackupStatus(queryClient, next);
      heading?.focus();
    },
  });
  const note = status.data?.note;
  if (!note) return null;
  const last = status.data?.last ? when(status.data.last.madeAt) : null;
  return (
    <aside ref={ref} className={noteStyles.note} aria-labelledby={`${id}-h`} data-testid="backup-note">
      <h2 id={`${id}-h`} className={noteStyles.noteHeading}>
        {note === 'folder-missing' ? 'Your backup folder' : 'Backups'}
      </h2>
      <p className={noteStyles.noteText}>{WORDS[note](last)}</p>
      <div className={noteStyles.noteActions}>
        <Button variant="secondary" onClick={() => goToSettings(requestBackups)}>
          Go to Backups
        </Button>
        <Button variant="quiet" disabled={dismiss.isPending} onClick={() => dismiss.mutate()}>
          Not now
        </Button>
      </div>
    </aside>
  );
}
