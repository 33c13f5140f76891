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
 * passphrase or recovery key from before, opens it any more. The order keeps a recovery key the person saw
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
  const title = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const prepare = useMutation({
    mutationFn: () => unwrap(holding().vault.prepareReencrypt({ current, next: passphrase.next })),
    onSuccess: (made) => {
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
      {reencrypt.isPending ? (
        <>
          <p className={settings.muted} role="status">
            Re-encrypting your journal under its new key. This can take a minute with a large journal; please keep
            Holding open.
          </p>
          <TaskProgress channel="vault:reencrypt" label="How far re-encrypting has got" stopLabel="Stop" />
        </>
      ) : shown ? (
        <ShowKeyFirst
          recoveryKey={shown.recoveryKey}
          onKept={() => reencrypt.mutate(shown.token)}
          onCancel={() => {
            setShown(null);
            requestAnimationFrame(() => title.current?.focus());
          }}
        />
      ) : (
        <>
          <p className={settings.muted}>
            Changing your passphrase or recovery key leaves your journal under the same key, so an older copy of the key
            file still opens it with the old passphrase or recovery key. Re-encrypting gives your journal a new key,
            with a new passphrase (it can be the same as now) and a new recovery key: after it, nothing from before
            opens your journal. Backups made before still open with the passphrase or recovery key they were made under.
          </p>
          <div ref={outcome} tabIndex={-1}>
            {reencrypt.isSuccess ? (
              <Notice tone="info">
                Your journal has been re-encrypted. From now on your new passphrase and new recovery key open it; the
                old ones, and any older copy of the key file, no longer do.
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
              hint="It can be the same as now."
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
        with us, your journal is re-encrypted, and from then on this key and your new passphrase open it.
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
