import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../audit/audit-store.js';
import { newKey } from '../audit/test-helpers.js';
import { bootstrapDataDir } from '../audit/data-dir.js';
import { applyPendingCopy, checkDataDir, dataFolderPort, readBootstrap, startupDataDir } from './data-folder.js';

describe('data folder (bootstrap file outside it)', () => {
  let root: string;
  let current: string;
  let bootstrapFile: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sigilo-datadir-'));
    current = path.join(root, 'atual');
    mkdirSync(current);
    bootstrapFile = path.join(root, 'userData', 'bootstrap.json');
  });
  afterEach(() => {
    chmodSync(root, 0o700);
    rmSync(root, { recursive: true, force: true });
  });

  it('accepts an empty folder or one to be created, and says what will happen', async () => {
    mkdirSync(path.join(root, 'vazia'));
    expect(await checkDataDir(path.join(root, 'vazia'), current)).toMatchObject({ ok: true, hasHistory: false, message: 'Pasta disponível.' });
    expect(await checkDataDir(path.join(root, 'nova'), current)).toMatchObject({ ok: true, message: /será criada/ });
    expect(existsSync(path.join(root, 'nova'))).toBe(false);
  });

  it('refuses a file, a folder inside the current one, a parent of it, and a folder it cannot write', async () => {
    writeFileSync(path.join(root, 'arquivo.txt'), 'x');
    expect(await checkDataDir(path.join(root, 'arquivo.txt'), current)).toMatchObject({ ok: false, message: /é um arquivo/ });
    expect(await checkDataDir(path.join(current, 'sub'), current)).toMatchObject({ ok: false, message: /dentro da pasta de dados atual/ });
    expect(await checkDataDir(root, current)).toMatchObject({ ok: false, message: /não pode conter a pasta de dados atual/ });
    if (process.getuid?.() !== 0) {
      const locked = path.join(root, 'trancada');
      mkdirSync(locked, { mode: 0o500 });
      expect(await checkDataDir(locked, current)).toMatchObject({ ok: false, message: /Sem permissão de escrita/ });
    }
  });

  it('recognises a folder that already holds a Sigilo history', async () => {
    const other = path.join(root, 'outra');
    mkdirSync(other);
    AuditStore.open({ dataDir: other, key: newKey() }).close();
    expect(await checkDataDir(other, current)).toMatchObject({ ok: true, hasHistory: true, message: /já tem um histórico/ });
  });

  it('saves the choice for the next start, which opens it; choosing the current folder again undoes it', async () => {
    const port = dataFolderPort({ bootstrapFile, current, defaultDir: current });
    expect(await port.pending()).toBeUndefined();
    const target = path.join(root, 'nova');
    expect(await port.set(target, false)).toEqual({ pendingDataDir: target });
    expect(await port.pending()).toBe(target);
    expect(readBootstrap(bootstrapFile)).toEqual({ dataDir: target });
    expect(startupDataDir({ bootstrapFile, defaultDir: current })).toBe(target);
    // SIGILO_DATA_DIR (or --data-dir) still wins
    expect(startupDataDir({ explicit: '/srv/sigilo', bootstrapFile, defaultDir: current })).toBe('/srv/sigilo');
    expect(await port.set(current, false)).toEqual({});
    expect(await port.pending()).toBeUndefined();
    await expect(port.set(path.join(current, 'x'), false)).rejects.toThrow(/dentro da pasta de dados atual/);
    await expect(dataFolderPort({ bootstrapFile, current, defaultDir: current, locked: true }).set(target, false)).rejects.toThrow(/SIGILO_DATA_DIR/);
  });

  it('a damaged bootstrap file means the default folder', () => {
    mkdirSync(path.dirname(bootstrapFile), { recursive: true });
    writeFileSync(bootstrapFile, '{ nope');
    expect(startupDataDir({ bootstrapFile, defaultDir: current })).toBe(current);
    writeFileSync(bootstrapFile, JSON.stringify({ dataDir: 'relativa' }));
    expect(startupDataDir({ bootstrapFile, defaultDir: current })).toBe(current);
  });

  it('copies the current history into the new folder at the next start when asked, once, without overwriting', async () => {
    const store = AuditStore.open({ dataDir: current, key: newKey() });
    store.append('settings_change', { changed: ['ocr'] });
    store.close();
    writeFileSync(path.join(current, 'settings.json'), '{"ocr":false}');
    mkdirSync(path.join(current, 'tmp'));
    writeFileSync(path.join(current, 'tmp', 'upload.bin'), 'x');
    const target = path.join(root, 'nova');
    await dataFolderPort({ bootstrapFile, current, defaultDir: current }).set(target, true);
    expect(readBootstrap(bootstrapFile)).toEqual({ dataDir: target, copyFrom: current });

    expect(await applyPendingCopy(bootstrapFile, target)).toBe('copied');
    expect(readFileSync(path.join(target, 'settings.json'), 'utf8')).toBe('{"ocr":false}');
    expect(existsSync(path.join(target, 'tmp'))).toBe(false);
    expect(readBootstrap(bootstrapFile)).toEqual({ dataDir: target });
    expect(await applyPendingCopy(bootstrapFile, target)).toBe('none');
  });

  it('the command line follows the folder chosen in the app (the old one until the app has copied it)', async () => {
    const appData = path.dirname(bootstrapFile);
    expect(bootstrapDataDir(appData)).toBeUndefined();
    const target = path.join(root, 'nova');
    const port = dataFolderPort({ bootstrapFile, current, defaultDir: appData });
    await port.set(target, true);
    expect(bootstrapDataDir(appData)).toBe(current);
    await applyPendingCopy(bootstrapFile, target);
    expect(bootstrapDataDir(appData)).toBe(target);
  });
});
