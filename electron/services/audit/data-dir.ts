/**
 * Sigilo's data folder (audit database, keys, settings): `--data-dir`, else SIGILO_DATA_DIR, else the folder
 * the app was told to use (bootstrap.json in the platform's app-data folder, written by the settings screen),
 * else that app-data folder itself — the same one Electron's app.getPath('userData') gives for product "Sigilo".
 */
import { readFileSync } from 'node:fs';
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

/**
 * The data folder chosen in the app (see electron/services/settings/data-folder.ts). While the app has not yet
 * copied the old folder into the new one (copyFrom pending), the old one is still the one in use.
 */
export function bootstrapDataDir(appDataDir: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(appDataDir, 'bootstrap.json'), 'utf8'));
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { dataDir, copyFrom } = parsed as { dataDir?: unknown; copyFrom?: unknown };
    if (typeof copyFrom === 'string' && path.isAbsolute(copyFrom)) return copyFrom;
    return typeof dataDir === 'string' && path.isAbsolute(dataDir) ? dataDir : undefined;
  } catch {
    return undefined;
  }
}

export function resolveDataDir(options: { dataDir?: string; env?: Readonly<Record<string, string | undefined>>; cwd?: string }): string {
  const env = options.env ?? process.env;
  const chosen = options.dataDir || env.SIGILO_DATA_DIR;
  if (chosen) return path.resolve(options.cwd ?? process.cwd(), chosen);
  const appData = defaultDataDir(env);
  return bootstrapDataDir(appData) ?? appData;
}
