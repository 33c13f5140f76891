import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../ui/controls';
import { useGoToSettings } from '../frame/navigation';
import { requestLookOut, useSettings } from '../settings/queries';
import { useRecords } from './queries';
import styles from './export.module.css';

/** "Not now", remembered until the vault locks (when the cache goes). */
const DISMISSED_KEY = ['export-look-out-note-dismissed'] as const;

/**
 * Before the first export, while the person's names and places lists are both empty: a gentle word that the check finds people and
 * places more surely when it knows their names, and the way to Settings to list them.
 */
export function LookOutNote({ onDismissed }: { onDismissed: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const goToSettings = useGoToSettings();
  const settings = useSettings();
  const records = useRecords();
  const [dismissed, setDismissed] = useState(() => queryClient.getQueryData<boolean>(DISMISSED_KEY) === true);
  // Once something has been exported, the person has met the check and its lists: no need to suggest it again.
  const firstExport = records.data?.length === 0;
  if (dismissed || !firstExport || !settings.data || settings.data.deidNames.length || settings.data.deidPlaces.length)
    return null;
  return (
    <aside className={styles.lookOutNote} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className={styles.lookOutHeading}>
        A suggestion before you check
      </h2>
      <p>
        The check finds people and places most surely when it knows their names. If you list the clients, colleagues,
        wards and teams you write about under <strong>Names and places to look out for</strong> in Settings, it will
        point out each one, however it is written. The list stays here, encrypted, and never leaves with an export.
      </p>
      <div className={styles.lookOutActions}>
        <Button variant="secondary" onClick={() => goToSettings(requestLookOut)}>
          Go to names and places in Settings
        </Button>
        <Button
          variant="quiet"
          onClick={() => {
            queryClient.setQueryDefaults(DISMISSED_KEY, { gcTime: Infinity });
            queryClient.setQueryData(DISMISSED_KEY, true);
            setDismissed(true);
            onDismissed();
          }}
        >
          Not now
        </Button>
      </div>
    </aside>
  );
}
