import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store.js';
import { auditedSettings } from './audited-settings.js';

describe('auditedSettings', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('records each saved change in the audit history, and nothing for reads', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-settings-'));
    const entries: Array<{ type: string; payload: Record<string, unknown> }> = [];
    const settings = auditedSettings(new SettingsStore(dir), { append: (type, payload) => entries.push({ type, payload }) });
    await settings.get();
    expect(entries).toEqual([]);
    const saved = await settings.set({ ocr: false });
    expect(saved.ocr).toBe(false);
    expect(entries).toEqual([{ type: 'settings_change', payload: { changed: ['ocr'], values: { ocr: false } } }]);
  });
});
