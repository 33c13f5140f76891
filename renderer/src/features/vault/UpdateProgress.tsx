import type { Channel, UpdateProgress as Update } from '../../../../common/ipc/contract';
import { ProgressBar, useProgress } from '../../ui/TaskProgress';
import styles from './vault.module.css';

/** What the person is told while their journal is brought up to date: one sentence for the whole update. */
export function updateSentence({ searchIndexEntries: entries }: Update): string {
  if (entries === null || entries === 0) {
    return 'Getting your journal ready after the update. This happens once and takes only a moment.';
  }
  const count = entries === 1 ? 'one entry' : `${entries.toLocaleString('en-GB')} entries`;
  return `Getting your journal ready after the update: building the search index for ${count}. This happens once and can take a minute.`;
}

/**
 * While an unlock (on `channel`, `active` while it runs) brings the journal up to date after an update of
 * Holding, what it is doing and how far it has got. The sentence is the same in every report of an update, so
 * the polite status says it once, however many steps follow; the bar beside it changes quietly. Nothing here
 * takes the focus: it stays where the person left it, in the form. Nothing at all while no unlock runs.
 */
export function UpdateProgress({ channel, active }: { channel: Channel; active: boolean }) {
  const progress = useProgress(channel, active);
  const update = progress?.update;
  if (!active) return null;
  return (
    <div className={styles.update}>
      {/*
        There, empty, from the moment the unlock starts (its key takes a second to derive before any report can
        come): a status that appears with its text already in it may go unsaid.
      */}
      <p role="status">{update ? updateSentence(update) : ''}</p>
      {progress && update ? <ProgressBar progress={progress} label="Getting your journal ready" /> : null}
    </div>
  );
}
