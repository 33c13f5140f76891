import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError, holding, unwrap } from './api';
import { RestoreFlow } from './features/backup/RestoreFlow';
import { AppFrame } from './features/frame/AppFrame';
import { CreateVault } from './features/vault/CreateVault';
import { flushAll } from './features/journal/flush';
import { Unlock } from './features/vault/Unlock';
import { Notice } from './ui/controls';
import styles from './features/vault/vault.module.css';

const STATUS = ['vault-status'] as const;

export function App() {
  const queryClient = useQueryClient();
  // While the recovery key is on screen the vault is already open, but the person must see the key first.
  const [creating, setCreating] = useState(false);
  // Restoring from a backup is a screen of its own, from the first screen or from Settings; it stays while the
  // journal behind it locks, sets aside and opens again.
  const [restoring, setRestoring] = useState<'start' | 'settings' | null>(null);
  const status = useQuery({ queryKey: STATUS, queryFn: () => unwrap(holding().vault.status()) });

  /** After any lock, forget every piece of data the renderer holds, then show the unlock screen. */
  const afterLock = useCallback(() => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS[0] });
    void queryClient.invalidateQueries({ queryKey: STATUS });
  }, [queryClient]);

  const lock = useCallback(() => {
    // Save whatever is still being typed before the database closes.
    void flushAll()
      .then(() => holding().vault.lock())
      .finally(afterLock);
  }, [afterLock]);

  useEffect(() => holding().events.on('vault:locked', afterLock), [afterLock]);
  // Main is about to lock or close the window: save what is being typed, then say so.
  useEffect(
    () =>
      holding().events.on('app:flushRequested', () => {
        void flushAll().then(() => holding().app.flushed());
      }),
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: STATUS });
  const startRestore = () => setRestoring(status.data?.state === 'unlocked' ? 'settings' : 'start');

  if (status.isPending) return <div aria-busy="true" />;
  if (status.isError) {
    return (
      <main className={styles.page}>
        <div className={styles.card}>
          <Notice>{describeError(status.error)}</Notice>
        </div>
      </main>
    );
  }
  const state = status.data.state;
  if (restoring) {
    return (
      <RestoreFlow
        hasJournal={state !== 'none'}
        from={restoring}
        onCancel={() => {
          setRestoring(null);
          refresh();
        }}
        onDone={() => {
          setRestoring(null);
          // What was shown came from the journal before: start afresh from the one restored.
          afterLock();
        }}
      />
    );
  }
  if (state === 'none' || creating) {
    return (
      <CreateVault
        onCreated={() => setCreating(true)}
        onDone={() => {
          setCreating(false);
          refresh();
        }}
        onRestore={startRestore}
      />
    );
  }
  if (state === 'locked') {
    return <Unlock lastLockReason={status.data.lastLockReason} onUnlocked={refresh} onRestore={startRestore} />;
  }
  return <AppFrame onLock={lock} onRestore={startRestore} />;
}
