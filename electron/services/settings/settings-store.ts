/**
 * The user's settings, kept as `settings.json` in the data folder. A missing or damaged file gives the
 * defaults (a damaged one is kept aside as settings.json.bad so nothing is silently lost); writes are atomic.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applySettingsPatch, defaultSettings, parseSettings, type Settings, type SettingsPatch } from '../../shared/settings.js';

export const SETTINGS_FILE_NAME = 'settings.json';

export class SettingsStore {
  private readonly file: string;
  private cached: Settings | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, private readonly log: (msg: string) => void = () => {}) {
    this.file = path.join(dataDir, SETTINGS_FILE_NAME);
  }

  async get(): Promise<Settings> {
    if (this.cached) return structuredClone(this.cached);
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch {
      this.cached = defaultSettings();
      return structuredClone(this.cached);
    }
    try {
      this.cached = parseSettings(JSON.parse(raw));
    } catch (err) {
      this.log(`settings: ${this.file} is damaged (${err instanceof Error ? err.message : String(err)}); using defaults`);
      await rename(this.file, `${this.file}.bad`).catch(() => {});
      this.cached = defaultSettings();
    }
    return structuredClone(this.cached);
  }

  /** Applies a (validated) partial update and saves it. Serialised: concurrent calls never lose a change. */
  set(patch: SettingsPatch): Promise<Settings> {
    const next = this.queue.then(async () => {
      const current = await this.get();
      const merged = applySettingsPatch(current, patch);
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, this.file);
      this.cached = merged;
      return structuredClone(merged);
    });
    this.queue = next.catch(() => {});
    return next;
  }
}
