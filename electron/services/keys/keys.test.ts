import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../audit/test-helpers.js';
import { SafeStorageKeyProvider, type SafeStorageLike } from './electron-key-provider.js';
import { EnvKeyProvider, KDF_FILE_NAME } from './env-key-provider.js';
import { KeyError } from './key-errors.js';
import { KEY_FILE_NAME, KeyFileProvider } from './key-file-provider.js';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
function dir(): string {
  const t = tempDir('sigilo-keys-');
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'data'); // not created yet: providers create it
}
const FAST_KDF = { N: 1024, r: 8, p: 1 };

describe('KeyFileProvider', () => {
  it('creates a 32-byte key on first run, owner-only (0600), and returns the same key afterwards', async () => {
    const d = dir();
    const provider = new KeyFileProvider(d);
    expect(await provider.loadKey({ create: false })).toBeNull();
    const key = await provider.loadKey({ create: true });
    expect(key?.length).toBe(32);
    const file = path.join(d, KEY_FILE_NAME);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(d).mode & 0o077).toBe(0);
    }
    expect(readFileSync(file, 'utf8').trim()).toBe(key!.toString('hex'));
    expect((await new KeyFileProvider(d).loadKey({ create: true }))!.equals(key!)).toBe(true);
  });

  it('two processes racing to create the key end up with the same key', async () => {
    const d = dir();
    const keys = await Promise.all([new KeyFileProvider(d).loadKey({ create: true }), new KeyFileProvider(d).loadKey({ create: true })]);
    expect(keys[0]!.equals(keys[1]!)).toBe(true);
  });

  it('a damaged key file is a clear error, not a new key', async () => {
    const d = dir();
    await new KeyFileProvider(d).loadKey({ create: true });
    writeFileSync(path.join(d, KEY_FILE_NAME), 'not a key');
    await expect(new KeyFileProvider(d).loadKey({ create: true })).rejects.toMatchObject({ code: 'AUDIT_KEY_INVALID' });
  });

  it('stages and commits a rotated key', async () => {
    const d = dir();
    const provider = new KeyFileProvider(d);
    await provider.loadKey({ create: true });
    const next = Buffer.alloc(32, 7);
    await provider.stageKey(next);
    expect((await provider.loadStagedKey())!.equals(next)).toBe(true);
    await provider.commitKey();
    expect((await provider.loadKey({ create: false }))!.equals(next)).toBe(true);
    expect(await provider.loadStagedKey()).toBeNull();
  });
});

describe('EnvKeyProvider (SIGILO_KEY)', () => {
  it('64 hex digits are the raw key', async () => {
    const hex = 'ab'.repeat(32);
    const provider = new EnvKeyProvider(hex, dir());
    expect((await provider.loadKey({ create: true }))!.toString('hex')).toBe(hex);
    expect(provider.kind).toBe('env-hex');
  });

  it('a passphrase is stretched with scrypt and a salt stored on first run', async () => {
    const d = dir();
    const a = await new EnvKeyProvider('correct horse battery', d, FAST_KDF).loadKey({ create: true });
    expect(existsSync(path.join(d, KDF_FILE_NAME))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path.join(d, KDF_FILE_NAME)).mode & 0o777).toBe(0o600);
    const b = await new EnvKeyProvider('correct horse battery', d, FAST_KDF).loadKey({ create: false });
    const wrong = await new EnvKeyProvider('correct horse battery!', d, FAST_KDF).loadKey({ create: false });
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(wrong!)).toBe(false);
    // another data folder (another salt) gives another key
    const other = await new EnvKeyProvider('correct horse battery', dir(), FAST_KDF).loadKey({ create: true });
    expect(a!.equals(other!)).toBe(false);
  });

  it('without the stored salt an existing history cannot be opened (no silent new key)', async () => {
    expect(await new EnvKeyProvider('correct horse battery', dir(), FAST_KDF).loadKey({ create: false })).toBeNull();
  });

  it('rejects a too short passphrase and refuses rotation', async () => {
    expect(() => new EnvKeyProvider('short', dir())).toThrow(KeyError);
    await expect(new EnvKeyProvider('ab'.repeat(32), dir()).stageKey()).rejects.toBeInstanceOf(KeyError);
  });
});

/** Stand-in for Electron's safeStorage (an OS service that cannot run here). */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`wrapped:${Buffer.from(s).toString('base64')}`),
    decryptString: (b) => {
      const text = b.toString();
      if (!text.startsWith('wrapped:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(8), 'base64').toString();
    },
  };
}

describe('SafeStorageKeyProvider', () => {
  it('keeps the key wrapped by safeStorage in the data folder, never in the clear', async () => {
    const d = dir();
    const provider = new SafeStorageKeyProvider(fakeSafeStorage(), d);
    const key = await provider.loadKey({ create: true });
    const stored = readFileSync(path.join(d, 'audit.key.safestorage'));
    expect(stored.includes(Buffer.from(key!.toString('hex')))).toBe(false);
    expect(existsSync(path.join(d, KEY_FILE_NAME))).toBe(false);
    expect((await new SafeStorageKeyProvider(fakeSafeStorage(), d).loadKey({ create: false }))!.equals(key!)).toBe(true);
  });

  it('adopts the key of a history first created by the command line', async () => {
    const d = dir();
    const cliKey = await new KeyFileProvider(d).loadKey({ create: true });
    const appKey = await new SafeStorageKeyProvider(fakeSafeStorage(), d).loadKey({ create: true });
    expect(appKey!.equals(cliKey!)).toBe(true);
  });

  it('fails clearly when the keychain is unavailable or the wrapped key cannot be unwrapped', async () => {
    const d = dir();
    await expect(new SafeStorageKeyProvider(fakeSafeStorage(false), d).loadKey({ create: true })).rejects.toMatchObject({ code: 'AUDIT_KEYCHAIN_UNAVAILABLE' });
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'audit.key.safestorage'), 'garbage');
    await expect(new SafeStorageKeyProvider(fakeSafeStorage(), d).loadKey({ create: true })).rejects.toMatchObject({ code: 'AUDIT_WRONG_KEY' });
  });
});
