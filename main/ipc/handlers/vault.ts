import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function vaultHandlers({ vault }: HandlerContext): HandlersOf<'vault'> {
  return {
    'vault:status': () => vault.status(),
    'vault:create': ({ passphrase }) => vault.create(passphrase),
    'vault:unlock': ({ passphrase }, task) => vault.unlock(passphrase, task),
    'vault:unlockWithRecoveryKey': ({ recoveryKey }, task) => vault.unlockWithRecoveryKey(recoveryKey, task),
    'vault:lock': async () => {
      vault.lock('manual');
      return vault.status();
    },
    'vault:olderCopySeen': async () => {
      await vault.olderCopySeen();
      return vault.status();
    },
    'vault:changePassphrase': async ({ current, next }) => {
      await vault.keys.changePassphrase(current, next);
      return null;
    },
    'vault:newRecoveryKey': ({ passphrase }) => vault.keys.newRecoveryKey(passphrase),
    'vault:keepRecoveryKey': async ({ token }) => {
      await vault.keys.keepNewRecoveryKey(token);
      return null;
    },
    'vault:dropPending': async () => {
      await vault.keys.forgetPending();
      return null;
    },
    'vault:prepareReencrypt': ({ current, next }) => vault.keys.prepareReencrypt(current, next),
    'vault:reencrypt': ({ token }, task) => vault.keys.reencrypt(token, task),
    'vault:resetPassphrase': ({ recoveryKey, next }, task) => vault.resetPassphrase(recoveryKey, next, task),
  };
}
