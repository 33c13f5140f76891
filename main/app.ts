import type { AppInfo, LockReason } from '../common/ipc/contract';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { SettingsService } from './settings/settings';
import { AutoLock } from './vault/auto-lock';
import { Vault } from './vault/vault';

export interface ServicesOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  appOrigin: string;
  nativeBinding?: string | undefined;
  /** Seconds since the person last did anything; the host knows how to measure it. */
  idleSeconds: () => number;
  logError?: (error: unknown, channel: string) => void;
}

export interface Services {
  vault: Vault;
  settings: SettingsService;
  autoLock: AutoLock;
  router: Router;
  onLock(listener: (reason: LockReason) => void): () => void;
  dispose(): void;
}

/** The composition root: the same services for Electron, the browser shell and tests. */
export function createServices(options: ServicesOptions): Services {
  const vault = new Vault({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const settings = new SettingsService(vault);
  const autoLock = new AutoLock({
    vault,
    idleSeconds: options.idleSeconds,
    minutes: () => settings.get().autoLockMinutes,
  });

  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, dataDir: vault.dataDir, host: options.host }),
    'vault:status': () => vault.status(),
    'vault:create': ({ passphrase }) => vault.create(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:unlockWithRecoveryKey': ({ recoveryKey }) => vault.unlockWithRecoveryKey(recoveryKey),
    'vault:lock': async () => {
      vault.lock('manual');
      return vault.status();
    },
    'vault:changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault:resetPassphrase': ({ recoveryKey, next }) => vault.resetPassphrase(recoveryKey, next),
    'settings:get': () => settings.get(),
    'settings:update': (changes) => settings.update(changes),
  };

  const router = createRouter(handlers, {
    appOrigin: options.appOrigin,
    ...(options.logError ? { logError: options.logError } : {}),
  });
  autoLock.start();

  return {
    vault,
    settings,
    autoLock,
    router,
    onLock: (listener) => vault.onLock(listener),
    dispose() {
      autoLock.stop();
      vault.lock('manual');
    },
  };
}
