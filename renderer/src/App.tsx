import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError, holding, unwrap } from './api';
import { RestoreFlow } from './features/backup/RestoreFlow';
import { AppFrame } from './features/frame/AppFrame';
import { CreateVault } from './features/vault/CreateVault';
import { flushAll } from './features/journal/flush';
import { Unlock } from './features/vault/Unlock';
import { Notice } from './ui/controls';
import { Curtain, isHideShortcut } from './ui/Curtain';
import { usePageHeadingFocus } from './ui/usePageHeadingFocus';
import styles from './features/vault/vault.module.css';

const STATUS = ['vault-status'] as const;

const useVaultStatus = () => useQuery({ queryKey: STATUS, queryFn: () => unwrap(holding().vault.status()) });

export function App() {
  const queryClient = useQueryClient();
  // While the recovery key is on screen the vault is already open, but the person must see the key first.
  const [creating, setCreating] = useState(false);
  // Restoring from a backup is a screen of its own, from the first screen or from Settings; it stays while the
  // journal behind it locks, sets aside and opens again.
  const [restoring, setRestoring] = useState<'start' | 'settings' | null>(null);
  // The quick hide (Ctrl/⌘ + Shift + H, or "Hide screen"): a plain screen over everything, not a lock.
  const [hidden, setHidden] = useState(false);
  const hide = useCallback(() => setHidden(true), []);
  const status = useVaultStatus();

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
      } else if (isHideShortcut(event)) {
        // First and only: heard before the editor (capture), so the text being written is never touched.
        event.preventDefault();
        event.stopPropagation();
        hide();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lock, hide]);

  // The first screens' headings take focus as each shows (the frame looks after its own pages): after
  // "Create my journal" the recovery key's, where the button pressed has gone.
  const screenRef = useRef<HTMLDivElement>(null);
  usePageHeadingFocus(screenRef, screenName(status, creating, restoring));

  const screen = (
    <Screen
      status={status}
      refresh={() => void queryClient.invalidateQueries({ queryKey: STATUS })}
      restoring={restoring}
      setRestoring={setRestoring}
      creating={creating}
      setCreating={setCreating}
      afterLock={afterLock}
      lock={lock}
      hide={hide}
    />
  );
  return (
    <>
      {/* Behind the curtain nothing can be reached, by keyboard or screen reader. */}
      <div className={styles.screen} inert={hidden || undefined} ref={screenRef}>
        {screen}
      </div>
      {hidden ? <Curtain onShow={() => setHidden(false)} /> : null}
    </>
  );
}

/** Which first screen shows, by name, or null for the app itself (or nothing yet). */
function screenName(
  status: ReturnType<typeof useVaultStatus>,
  creating: boolean,
  restoring: 'start' | 'settings' | null,
): string | null {
  if (status.isPending) return null;
  if (status.isError) return 'error';
  if (restoring) return 'restore';
  const state = status.data.state;
  if (creating) return 'recovery-key';
  if (state === 'none') return 'create';
  if (state === 'locked') return 'unlock';
  return null;
}

function Screen({
  status,
  refresh,
  restoring,
  setRestoring,
  creating,
  setCreating,
  afterLock,
  lock,
  hide,
}: {
  status: ReturnType<typeof useVaultStatus>;
  refresh: () => void;
  restoring: 'start' | 'settings' | null;
  setRestoring: (value: 'start' | 'settings' | null) => void;
  creating: boolean;
  setCreating: (value: boolean) => void;
  afterLock: () => void;
  lock: () => void;
  hide: () => void;
}) {
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
  return <AppFrame onLock={lock} onHide={hide} onRestore={startRestore} />;
}
