import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Holding';

/**
 * Where the journal lives: `--data-dir DIR` (or `--data-dir=DIR`), then HOLDING_DATA_DIR,
 * then the OS user-data folder (the same place Electron's userData points to).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback = defaultDataDir()): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  if (env['HOLDING_DATA_DIR']) return path.resolve(env['HOLDING_DATA_DIR']);
  return fallback;
}

export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_NAME);
}
