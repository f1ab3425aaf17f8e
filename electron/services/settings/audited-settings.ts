/** Settings whose every change is an entry of the audit history (what changed and the new values). */
import type { SettingsPatch, Settings } from '../../shared/settings.js';

export interface SettingsLike {
  get(): Promise<Settings>;
  set(patch: SettingsPatch): Promise<Settings>;
}

export interface SettingsAudit {
  append(type: 'settings_change', payload: Record<string, unknown>): unknown;
}

export function auditedSettings(store: SettingsLike, audit: SettingsAudit): SettingsLike {
  return {
    get: () => store.get(),
    async set(patch) {
      const saved = await store.set(patch);
      audit.append('settings_change', { changed: Object.keys(patch).sort(), values: patch });
      return saved;
    },
  };
}
