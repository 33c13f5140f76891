import { useEffect, useState } from 'react';
import type { Channel, Progress } from '../../../common/ipc/contract';
import { holding } from '../api';
import { Button } from './controls';
import styles from './progress.module.css';

/**
 * The latest report of how far long work on `channel` has got (main sends app:progress while it works): null
 * before the first. While `active` is false the reports are forgotten, so each run starts afresh.
 */
export function useProgress(channel: Channel, active = true): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) return;
    const stop = holding().events.on('app:progress', (next) => {
      if (next.channel === channel) setProgress(next);
    });
    return () => {
      stop();
      setProgress(null);
    };
  }, [channel, active]);
  return progress;
}

/**
 * The bar for a report: `done` of `total` where the work can be measured; where the step under way cannot
 * (`unmeasured`), a bar that moves without a value, busy, rather than a share nobody knows.
 */
export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  if (progress.unmeasured) {
    return <progress className={styles.bar} aria-label={label} aria-busy="true" />;
  }
  const percent = Math.floor((progress.done / Math.max(1, progress.total)) * 100);
  return (
    <progress className={styles.bar} aria-label={label} value={progress.done} max={progress.total}>
      {percent}%
    </progress>
  );
}

/**
 * How far long work on a channel has gone, with a way to stop it (app:cancel; the call then answers
 * CANCELLED). Shown only once there is progress to show. Work that can no longer stop past a point
 * (`stoppableUntil`, in the same units as `done`) loses its Stop button there.
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
  const progress = useProgress(channel);
  const [stopping, setStopping] = useState(false);
  if (!progress || progress.done >= progress.total) return null;
  return (
    <div className={styles.task}>
      <ProgressBar progress={progress} label={label} />
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
