import { useMutation } from '@tanstack/react-query';
import type { Result } from '../../../common/result';
import { describeError, unwrap } from '../api';
import { Button, Notice } from './controls';
import { Icon } from './icons';
import styles from './show-in-folder.module.css';

/**
 * "Show in folder": the computer's file manager opens where Holding saved a file (an export, a backup), with it
 * selected. `show` asks main for it by the file's record or id, never by a path.
 */
export function ShowInFolder({
  show,
  label = 'Show in folder',
  className,
}: {
  show: () => Promise<Result<null>>;
  /** A longer name where several sit together (a row of "Exported before"). */
  label?: string;
  className?: string | undefined;
}) {
  const shown = useMutation({ mutationFn: () => unwrap(show()) });
  return (
    <span className={[styles.showInFolder, className].filter(Boolean).join(' ')}>
      <Button
        variant="secondary"
        size="small"
        className={styles.button}
        aria-label={label}
        onClick={() => shown.mutate()}
      >
        <Icon name="folder" size={18} />
        Show in folder
      </Button>
      {shown.isError ? <Notice>{describeError(shown.error)}</Notice> : null}
    </span>
  );
}
