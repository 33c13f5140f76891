import { useId, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { when } from '../backup/format';
import noteStyles from '../../ui/page-note.module.css';

const STATUS = ['vault-status'] as const;

/**
 * On the Journal page after an unlock that opened an older copy of the journal than this computer last
 * opened (main/vault/opened-record.ts): a notice only, never a lock-out. It goes once the person has read it.
 */
export function OlderCopyNote() {
  const id = useId();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLElement>(null);
  const status = useQuery({ queryKey: STATUS, queryFn: () => unwrap(holding().vault.status()) });
  const seen = useMutation({
    mutationFn: () => unwrap(holding().vault.olderCopySeen()),
    onSuccess: (next) => {
      const heading = ref.current?.closest('main')?.querySelector('h1');
      queryClient.setQueryData(STATUS, next);
      heading?.focus();
    },
  });
  const older = status.data?.olderCopy;
  if (!older) return null;
  const copy = older.thisCopyLastOpened ? ` The one open now was last opened ${when(older.thisCopyLastOpened)}.` : '';
  return (
    <aside ref={ref} className={noteStyles.note} aria-labelledby={`${id}-h`} data-testid="older-copy-note">
      <h2 id={`${id}-h`} className={noteStyles.noteHeading}>
        This is an older copy of your journal
      </h2>
      <p className={noteStyles.noteText}>
        This computer last opened a newer copy of your journal {when(older.lastOpenedHere)}.{copy} Anything written
        after this copy was made is not in it. It may have been put back from a backup or another folder; if you did not
        expect that, the journal file may have been replaced, so look for the newer copy before you write much here.
      </p>
      <div className={noteStyles.noteActions}>
        <Button variant="secondary" disabled={seen.isPending} onClick={() => seen.mutate()}>
          I understand
        </Button>
      </div>
    </aside>
  );
}
