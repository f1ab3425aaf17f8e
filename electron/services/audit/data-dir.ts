/**
 * Sigilo's data folder (audit database, keys, settings): `--data-dir`, else SIGILO_DATA_DIR, else the
 * platform's app-data folder, the same one Electron's app.getPath('userData') gives for product "Sigilo".
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Sigilo';

export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER_NAME);
}

export function resolveDataDir(options: { dataDir?: string; env?: Readonly<Record<string, string | undefined>>; cwd?: string }): string {
  const env = options.env ?? process.env;
  const chosen = options.dataDir || env.SIGILO_DATA_DIR;
  if (chosen) return path.resolve(options.cwd ?? process.cwd(), chosen);
  return defaultDataDir(env);
}
