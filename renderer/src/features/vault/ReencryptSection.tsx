import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Actions, Button, Notice, PassphraseField } from '../../ui/controls';
import { NewPassphraseFields, useNewPassphrase } from '../../ui/NewPassphraseFields';
import { TaskProgress } from '../../ui/TaskProgress';
import settings from '../settings/settings.module.css';
import { KeepRecoveryKey } from './KeepRecoveryKey';

/**
 * Settings: "Re-encrypt my journal" (issue 19). The journal is rewritten under a new key, with a new
 * passphrase (it may be the same) and a new recovery key, so that no older copy of the key file, and no
 * recovery key from before, opens it any more (nor the old passphrase, if it was changed). The order keeps a recovery key the person saw
 * working at every moment: the new key is made and shown first, with nothing changed; only once it has
 * been checked back is the journal rewritten and swapped in (docs/security-model.md).
 */
export function ReencryptSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const passphrase = useNewPassphrase();
  const [tried, setTried] = useState(false);
  const [shown, setShown] = useState<{ recoveryKey: string; token: string } | null>(null);
  /** Whether the passphrase from now on differs from the one before (what the outcome can promise). */
  const [changed, setChanged] = useState(true);
  const title = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const prepare = useMutation({
    mutationFn: () => unwrap(holding().vault.prepareReencrypt({ current, next: passphrase.next })),
    onSuccess: (made) => {
      setChanged(current !== passphrase.next);
      setCurrent('');
      passphrase.clear();
      setTried(false);
      setShown(made);
    },
  });
  const reencrypt = useMutation({
    mutationFn: (token: string) => unwrap(holding().vault.reencrypt({ token })),
    onSettled: (status) => {
      setShown(null);
      if (status) queryClient.setQueryData(['vault-status'], status);
      requestAnimationFrame(() => outcome.current?.focus());
    },
  });
  const stopped = reencrypt.error instanceof HoldingError && reencrypt.error.code === 'CANCELLED';

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    prepare.reset();
    reencrypt.reset();
    if (current && passphrase.ready) prepare.mutate();
  }

  return (
    <section className={settings.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={title} tabIndex={-1}>
        Re-encrypt your journal
      </h2>
      {/* Always here, and filled when the work starts, so that screen readers announce it. */}
      <p className={settings.muted} role="status">
        {reencrypt.isPending
          ? 'Re-encrypting your journal under its new key. This can take a minute with a large journal; please keep Holding open.'
          : ''}
      </p>
      {reencrypt.isPending ? (
        <TaskProgress
          channel="vault:reencrypt"
          label="How far re-encrypting has got"
          stopLabel="Stop"
          stoppableUntil={REENCRYPT_DECIDED}
        />
      ) : shown ? (
        <ShowKeyFirst
          recoveryKey={shown.recoveryKey}
          onKept={() => reencrypt.mutate(shown.token)}
          onCancel={() => {
            setShown(null);
            // The keys made for it are forgotten now, not at the next lock.
            void holding().vault.dropPending();
            requestAnimationFrame(() => title.current?.focus());
          }}
        />
      ) : (
        <>
          <p className={settings.muted}>
            Changing your passphrase or recovery key leaves your journal under the same key, so an older copy of the key
            file still opens it with the old passphrase or recovery key. Re-encrypting gives your journal a new key and
            a new recovery key: after it, no older copy of the key file, and no recovery key from before, opens your
            journal. You can choose a new passphrase or keep the one you have. If you keep it, anyone who knows it can
            still open your journal; what stops working is older key files and your old recovery key. Backups made
            before still open with the passphrase or recovery key they were made under.
          </p>
          <div ref={outcome} tabIndex={-1}>
            {reencrypt.isSuccess ? (
              <Notice tone="info">
                {changed
                  ? 'Your journal has been re-encrypted. From now on your new passphrase and new recovery key open it; the old ones, and any older copy of the key file, no longer do.'
                  : 'Your journal has been re-encrypted. From now on your passphrase, which is the same as before, and your new recovery key open it; your old recovery key, and any older copy of the key file, no longer do. Anyone who knows your passphrase can still open it.'}
              </Notice>
            ) : null}
            {reencrypt.isError ? (
              stopped ? (
                <Notice tone="info">
                  Stopped. Nothing has been changed: your passphrase and recovery key are as they were.
                </Notice>
              ) : (
                <Notice>{describeError(reencrypt.error)}</Notice>
              )
            ) : null}
          </div>
          <form onSubmit={submit} noValidate aria-label="Re-encrypt your journal">
            <PassphraseField
              label="Current passphrase"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
              error={tried && !current ? 'Please type your current passphrase.' : null}
            />
            <NewPassphraseFields
              label="Passphrase from now on"
              hint="It can be the same as now. If someone else may know your passphrase, choose a new one."
              confirmLabel="Type it once more"
              {...passphrase.fields}
              tried={tried}
            />
            {prepare.isError ? <Notice>{describeError(prepare.error)}</Notice> : null}
            <Actions>
              <Button type="submit" variant="secondary" disabled={prepare.isPending}>
                {prepare.isPending ? 'Getting ready…' : 'Re-encrypt my journal'}
              </Button>
            </Actions>
          </form>
        </>
      )}
    </section>
  );
}

/** Progress (out of 1,000) from which the swap is decided and Stop no longer can: main/vault/reencrypt.ts. */
const REENCRYPT_DECIDED = 950;

/** The new recovery key, before anything changes: kept and checked back, then the journal is re-encrypted. */
function ShowKeyFirst({
  recoveryKey,
  onKept,
  onCancel,
}: {
  recoveryKey: string;
  onKept: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <p ref={heading} tabIndex={-1} className={settings.muted}>
        This will be your new recovery key. We will show it just once. Nothing has changed yet: once you have checked it
        with us, your journal is re-encrypted, and from then on this key and your passphrase from now on open it.
      </p>
      <KeepRecoveryKey
        recoveryKey={recoveryKey}
        label="New recovery key"
        keptLabel="I have kept my new recovery key somewhere safe."
        submitLabel="Re-encrypt my journal now"
        onKept={onKept}
      />
      <Actions>
        <Button variant="quiet" onClick={onCancel}>
          Not now: leave everything as it is
        </Button>
      </Actions>
    </>
  );
}
