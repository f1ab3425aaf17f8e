import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeStorageKeyProvider } from '../keys/electron-key-provider.js';
import { KeyFileProvider } from '../keys/key-file-provider.js';
import { AUDIT_DB_FILE, AuditStore } from './audit-store.js';
import { defaultDataDir, resolveDataDir } from './data-dir.js';
import { openAuditForCli, openAuditStore, rotateAuditKey } from './open-audit.js';
import { sampleReport, tempDir } from './test-helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('data folder', () => {
  it('--data-dir, then SIGILO_DATA_DIR, then the platform folder', () => {
    expect(resolveDataDir({ dataDir: 'rel', env: { SIGILO_DATA_DIR: '/x' }, cwd: '/home/u' })).toBe(path.resolve('/home/u/rel'));
    expect(resolveDataDir({ env: { SIGILO_DATA_DIR: '/x' } })).toBe(path.resolve('/x'));
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Sigilo');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe('/cfg/Sigilo');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\Sigilo');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Sigilo');
  });
});

describe('openAuditForCli', () => {
  it('first run creates the key file (0600) and the database; later runs reuse them', async () => {
    const d = dir();
    const first = await openAuditForCli({ dataDir: d, env: {} });
    const e = first.store.append('export', { what: 'form' });
    first.store.close();
    expect(first.provider.kind).toBe('key-file');
    if (process.platform !== 'win32') expect(statSync(path.join(d, 'audit.key')).mode & 0o777).toBe(0o600);
    const second = await openAuditForCli({ dataDir: '.', env: {}, cwd: d });
    cleanups.push(() => second.store.close());
    expect(second.store.getEntry(e.id)?.seq).toBe(1);
  });

  it('takes SIGILO_DATA_DIR and SIGILO_KEY (hex)', async () => {
    const d = dir();
    const env = { SIGILO_DATA_DIR: d, SIGILO_KEY: 'cd'.repeat(32) };
    const a = await openAuditForCli({ env });
    a.store.append('export', { what: 'x' });
    a.store.close();
    expect(existsSync(path.join(d, 'audit.key'))).toBe(false);
    const direct = AuditStore.open({ dataDir: d, key: Buffer.from('cd'.repeat(32), 'hex') });
    cleanups.push(() => direct.close());
    expect(direct.count()).toBe(1);
  });

  it('a wrong passphrase is AUDIT_WRONG_KEY; a missing key file for an existing history is AUDIT_KEY_MISSING', async () => {
    const d = dir();
    const a = await openAuditForCli({ dataDir: d, env: { SIGILO_KEY: 'senha muito secreta' } });
    a.store.recordAnalysis(sampleReport());
    a.store.close();
    await expect(openAuditForCli({ dataDir: d, env: { SIGILO_KEY: 'senha errada!!' } })).rejects.toMatchObject({ code: 'AUDIT_WRONG_KEY' });
    await expect(openAuditForCli({ dataDir: d, env: {} })).rejects.toMatchObject({ code: 'AUDIT_KEY_MISSING' });
    expect(existsSync(path.join(d, 'audit.key'))).toBe(false); // no new key, no new empty history
    const ok = await openAuditForCli({ dataDir: d, env: { SIGILO_KEY: 'senha muito secreta' } });
    cleanups.push(() => ok.store.close());
    expect(ok.store.count()).toBe(1);
  });
});

describe('key rotation through a provider', () => {
  it('rotates, records it, and the next open uses the new key', async () => {
    const d = dir();
    const provider = new KeyFileProvider(d);
    const store = await openAuditStore({ dataDir: d, provider });
    store.recordAnalysis(sampleReport());
    const oldKey = await provider.loadKey({ create: false });
    const entry = await rotateAuditKey(store, provider);
    store.close();
    expect(entry.type).toBe('key_rotation');
    const newKey = await provider.loadKey({ create: false });
    expect(newKey!.equals(oldKey!)).toBe(false);
    const again = await openAuditStore({ dataDir: d, provider });
    cleanups.push(() => again.close());
    expect(again.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('a crash after re-encrypting but before the new key became current is recovered on open', async () => {
    const d = dir();
    const provider = new KeyFileProvider(d);
    const store = await openAuditStore({ dataDir: d, provider });
    store.append('export', { what: 'x' });
    const next = Buffer.alloc(32, 9);
    await provider.stageKey(next);
    store.rotateKey(next); // ...and "crash" before provider.commitKey()
    store.close();
    const reopened = await openAuditStore({ dataDir: d, provider: new KeyFileProvider(d) });
    cleanups.push(() => reopened.close());
    expect(reopened.verify().ok).toBe(true);
    expect((await provider.loadKey({ create: false }))!.equals(next)).toBe(true);
  });

  it('an empty leftover database file (crash at first run) is recreated', async () => {
    const d = dir();
    const { store } = await openAuditForCli({ dataDir: d, env: {} });
    store.close();
    rmSync(path.join(d, AUDIT_DB_FILE));
    const again = await openAuditForCli({ dataDir: d, env: {} });
    cleanups.push(() => again.store.close());
    expect(again.store.verify().ok).toBe(true);
  });
});

describe('the app (safeStorage) and the command line share one history', () => {
  /** Stand-in for Electron's safeStorage (an OS service that cannot run here). */
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(`w:${Buffer.from(s).toString('base64')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice(2), 'base64').toString(),
  };

  it('after shareWithCommandLine, both open it; a rotation on either side is picked up by the other', async () => {
    const d = dir();
    const app = new SafeStorageKeyProvider(safeStorage, d);
    const appStore = await openAuditStore({ dataDir: d, provider: app });
    appStore.recordAnalysis(sampleReport());
    await expect(openAuditForCli({ dataDir: d, env: {} })).rejects.toMatchObject({ code: 'AUDIT_KEY_MISSING' });
    await app.shareWithCommandLine();
    // both open at the same time
    const cli = await openAuditForCli({ dataDir: d, env: {} });
    cli.store.append('export', { what: 'cli' });
    appStore.append('export', { what: 'app' });
    expect(cli.store.verify()).toMatchObject({ ok: true, entries: 3 });
    appStore.close();
    // the command line rotates; the app adopts the new key on its next start
    await rotateAuditKey(cli.store, cli.provider);
    cli.store.close();
    const appAgain = await openAuditStore({ dataDir: d, provider: new SafeStorageKeyProvider(safeStorage, d) });
    expect(appAgain.verify()).toMatchObject({ ok: true, entries: 4 });
    // the app rotates; the shared key file follows
    await rotateAuditKey(appAgain, new SafeStorageKeyProvider(safeStorage, d));
    appAgain.close();
    const cliAgain = await openAuditForCli({ dataDir: d, env: {} });
    cleanups.push(() => cliAgain.store.close());
    expect(cliAgain.store.verify()).toMatchObject({ ok: true, entries: 5 });
    expect(cliAgain.store.list({ type: 'key_rotation' })).toHaveLength(2);
  });
});
