import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../../common/ipc/contract';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { Icon } from '../../ui/icons';
import styles from './export.module.css';

/**
 * "Show in folder": the computer's file manager opens where Holding saved the file, with it selected. The
 * file is named by its export record or by the id "Export everything" was given, never by a path.
 */
export function ShowInFolder({
  which,
  label = 'Show in folder',
  className,
}: {
  which: InputOf<'export:showInFolder'>;
  /** A longer name where several sit together (a row of "Exported before"). */
  label?: string;
  className?: string | undefined;
}) {
  const show = useMutation({ mutationFn: () => unwrap(holding().export.showInFolder(which)) });
  return (
    <span className={[styles.showInFolder, className].filter(Boolean).join(' ')}>
      <Button variant="secondary" className={styles.smallButton} aria-label={label} onClick={() => show.mutate()}>
        <Icon name="folder" size={18} />
        Show in folder
      </Button>
      {show.isError ? <Notice>{describeError(show.error)}</Notice> : null}
    </span>
  );
}
