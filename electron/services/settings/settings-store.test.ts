import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store.js';

describe('SettingsStore', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-settings-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('gives Portuguese and OCR on by default', async () => {
    const s = await new SettingsStore(dir).get();
    expect(s.language).toBe('pt-BR');
    expect(s.ocr).toBe(true);
    expect(s.limits.maxFileSizeMb).toBeGreaterThan(0);
  });

  it('keeps fields a partial update does not touch, and persists', async () => {
    const store = new SettingsStore(dir);
    await store.set({ limits: { maxPages: 42 }, compliance: { controller: { name: 'Clínica Exemplo' } } });
    await store.set({ ocr: false });
    const again = await new SettingsStore(dir).get();
    expect(again.ocr).toBe(false);
    expect(again.limits.maxPages).toBe(42);
    expect(again.limits.maxFileSizeMb).toBe(100);
    expect(again.compliance.controller.name).toBe('Clínica Exemplo');
    expect(again.compliance.purposes.length).toBeGreaterThan(0);
    // who the clinic is starts empty (no placeholder stored as a value)
    expect(again.compliance.dpo.name).toBe('');
  });

  it('refuses to empty a field the forms require, and keeps the stored value', async () => {
    const store = new SettingsStore(dir);
    await expect(store.set({ compliance: { purposes: ['  '] } })).rejects.toThrow();
    expect((await store.get()).compliance.purposes.length).toBeGreaterThan(0);
  });

  it('falls back to defaults on a damaged file and keeps it aside', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{ not json');
    const s = await new SettingsStore(dir).get();
    expect(s.language).toBe('pt-BR');
    expect(await readFile(path.join(dir, 'settings.json.bad'), 'utf8')).toBe('{ not json');
  });
});
