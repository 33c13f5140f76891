import { useEffect, useState } from 'react';
import type { Channel, Progress } from '../../../common/ipc/contract';
import { holding } from '../api';
import { Button } from './controls';
import styles from './progress.module.css';

/**
 * How far long work on a channel has gone (main sends app:progress while it works), with a way to stop
 * it (app:cancel; the call then answers CANCELLED). Shown only once there is progress to show. Work that can
 * no longer stop past a point (`stoppableUntil`, in the same units as `done`) loses its Stop button there.
 */
export function TaskProgress({
  channel,
  label,
  stopLabel,
  stoppableUntil,
}: {
  channel: Channel;
  label: string;
  stopLabel: string;
  stoppableUntil?: number;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);
  useEffect(
    () =>
      holding().events.on('app:progress', (next) => {
        if (next.channel === channel) setProgress(next);
      }),
    [channel],
  );
  if (!progress || progress.done >= progress.total) return null;
  const percent = Math.floor((progress.done / Math.max(1, progress.total)) * 100);
  return (
    <div className={styles.task}>
      <progress className={styles.bar} aria-label={label} value={progress.done} max={progress.total}>
        {percent}%
      </progress>
      {stoppableUntil === undefined || progress.done < stoppableUntil ? (
        <Button
          variant="quiet"
          disabled={stopping}
          onClick={() => {
            setStopping(true);
            void holding().app.cancel({ channel });
          }}
        >
          {stopLabel}
        </Button>
      ) : null}
    </div>
  );
}
