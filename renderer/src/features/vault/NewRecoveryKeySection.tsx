import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { describeError, holding, unwrap } from '../../api';
import { Notice, PassphraseField } from '../../ui/controls';
import settings from '../settings/settings.module.css';
import { FormEnd } from '../../ui/FormEnd';
import { ShowNewRecoveryKey } from './ShowNewRecoveryKey';

/**
 * Settings: a new recovery key in place of the old (issue 19), after the passphrase. The new one is shown
 * once and confirmed as at the start, and only then replaces the old: someone who closes the window half-way
 * still has the recovery key they had.
 */
export function NewRecoveryKeySection() {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const [shown, setShown] = useState<{ recoveryKey: string; token: string } | null>(null);
  const [done, setDone] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const keepError = useRef<HTMLDivElement>(null);
  const make = useMutation({
    mutationFn: () => unwrap(holding().vault.newRecoveryKey({ passphrase })),
    onSuccess: (made) => {
      setPassphrase('');
      setTried(false);
      setDone(false);
      setShown(made);
    },
  });
  const keep = useMutation({
    mutationFn: (token: string) => unwrap(holding().vault.keepRecoveryKey({ token })),
    onSettled: (_kept, error) => {
      setShown(null);
      // The key and its form go: focus stays in the section, on what went wrong if it did (so it is read out),
      // otherwise on its heading.
      requestAnimationFrame(() => (error ? keepError.current : title.current)?.focus());
    },
    onSuccess: () => setDone(true),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    make.reset();
    keep.reset();
    if (passphrase) make.mutate();
  }
  return (
    <section className={settings.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={title} tabIndex={-1}>
        Your recovery key
      </h2>
      {shown ? (
        <ShowNewRecoveryKey
          recoveryKey={shown.recoveryKey}
          intro="This is your new recovery key. We will show it just once. Your old key keeps working until you have checked this one with us; then it stops."
          submitLabel={keep.isPending ? 'Putting it in place…' : 'Use this key from now on'}
          letGoLabel="Keep my old recovery key instead"
          busy={keep.isPending}
          onKept={() => keep.mutate(shown.token)}
          onLetGo={() => {
            setShown(null);
            requestAnimationFrame(() => title.current?.focus());
          }}
        />
      ) : (
        <>
          <p className={settings.muted}>
            If your recovery key may have been seen by someone else, or you have lost it, make a new one. Once you have
            checked the new key with us, the old one stops opening your journal. A copy of your journal made before
            (such as a backup) still opens with the old key.
          </p>
          {done ? (
            <Notice tone="info">Your new recovery key is in place. The old one no longer opens your journal.</Notice>
          ) : null}
          <div ref={keepError} tabIndex={-1}>
            {keep.isError ? <Notice>{describeError(keep.error)}</Notice> : null}
          </div>
          <form onSubmit={submit} noValidate aria-label="Make a new recovery key">
            <PassphraseField
              label="Your passphrase"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="current-password"
              error={tried && !passphrase ? 'Please type your passphrase.' : null}
            />
            <FormEnd
              sending={make}
              variant="secondary"
              submitLabel="Make a new recovery key"
              busyLabel="Making a new key…"
            />
          </form>
        </>
      )}
    </section>
  );
}
