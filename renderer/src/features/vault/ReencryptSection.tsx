import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { Notice } from '../../ui/controls';
import { PassphraseChangeFields, usePassphraseChange } from '../../ui/NewPassphraseFields';
import { TaskProgress } from '../../ui/TaskProgress';
import settings from '../settings/settings.module.css';
import { FormEnd } from '../../ui/FormEnd';
import { ShowNewRecoveryKey } from './ShowNewRecoveryKey';

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
  const passphrase = usePassphraseChange();
  const [shown, setShown] = useState<{ recoveryKey: string; token: string } | null>(null);
  /** Whether the passphrase from now on differs from the one before (what the outcome can promise). */
  const [changed, setChanged] = useState(true);
  const title = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const prepare = useMutation({
    mutationFn: () => unwrap(holding().vault.prepareReencrypt({ current: passphrase.current, next: passphrase.next })),
    onSuccess: (made) => {
      setChanged(passphrase.current !== passphrase.next);
      passphrase.clear();
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
    const ready = passphrase.check();
    prepare.reset();
    reencrypt.reset();
    if (ready) prepare.mutate();
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
        <ShowNewRecoveryKey
          recoveryKey={shown.recoveryKey}
          intro="This will be your new recovery key. We will show it just once. Nothing has changed yet: once you have checked it with us, your journal is re-encrypted, and from then on this key and your passphrase from now on open it."
          submitLabel="Re-encrypt my journal now"
          letGoLabel="Not now: leave everything as it is"
          onKept={() => reencrypt.mutate(shown.token)}
          onLetGo={() => {
            setShown(null);
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
            <PassphraseChangeFields
              label="Passphrase from now on"
              hint="It can be the same as now. If someone else may know your passphrase, choose a new one."
              confirmLabel="Type it once more"
              {...passphrase.fields}
            />
            <FormEnd
              sending={prepare}
              variant="secondary"
              submitLabel="Re-encrypt my journal"
              busyLabel="Getting ready…"
            />
          </form>
        </>
      )}
    </section>
  );
}

/** Progress (out of 1,000) from which the swap is decided and Stop no longer can: main/vault/reencrypt.ts. */
const REENCRYPT_DECIDED = 950;
