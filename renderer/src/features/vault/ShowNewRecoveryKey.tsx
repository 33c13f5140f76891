import { type ReactNode, useEffect, useRef } from 'react';
import { holding } from '../../api';
import { Actions, Button } from '../../ui/controls';
import settings from '../settings/settings.module.css';
import { KeepRecoveryKey } from './KeepRecoveryKey';

/**
 * A new recovery key made in Settings (a new key in place of the old, or re-encrypting), before anything
 * changes: shown once, copied or written down, then checked back as at the start (onKept). Or let go: the keys
 * made for it are forgotten at once, not at the next lock, and onLetGo is told.
 */
export function ShowNewRecoveryKey({
  recoveryKey,
  intro,
  submitLabel,
  letGoLabel,
  busy = false,
  onKept,
  onLetGo,
}: {
  recoveryKey: string;
  /** The words above the key: what happens once it is checked. */
  intro: ReactNode;
  submitLabel: string;
  letGoLabel: string;
  /** While the key is being put in place: it can no longer be let go. */
  busy?: boolean;
  onKept: () => void;
  onLetGo: () => void;
}) {
  const heading = useRef<HTMLParagraphElement>(null);
  // The form that asked for it has gone: focus moves to the words above the new key.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <p ref={heading} tabIndex={-1} className={settings.muted}>
        {intro}
      </p>
      <KeepRecoveryKey
        recoveryKey={recoveryKey}
        label="New recovery key"
        keptLabel="I have kept my new recovery key somewhere safe."
        submitLabel={submitLabel}
        onKept={onKept}
      />
      <Actions>
        <Button
          variant="quiet"
          disabled={busy}
          onClick={() => {
            void holding().vault.dropPending();
            onLetGo();
          }}
        >
          {letGoLabel}
        </Button>
      </Actions>
    </>
  );
}
