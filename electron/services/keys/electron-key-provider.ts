/**
 * The app's key: 32 random bytes wrapped by Electron's safeStorage (OS keychain / DPAPI / libsecret) and kept
 * in `<dataDir>/audit.key.safestorage`. safeStorage is passed in so this file does not import electron.
 *
 * Sharing with the command line: when the command line created the history first (plain `audit.key`), the app
 * adopts that key and keeps the file in step on rotation; `shareWithCommandLine()` writes it on request (a
 * setting), so `sigilo audit …` can open the app's history. Without it the command line needs SIGILO_KEY.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { KeyError } from './key-errors.js';
import { readIfExists, writePrivateFile } from './key-files.js';
import { KEY_FILE_NAME, KeyFileProvider, parseKeyFile } from './key-file-provider.js';
import { KEY_BYTES, type KeyProvider } from './key-provider.js';

/** The part of Electron's `safeStorage` we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const WRAPPED_KEY_FILE_NAME = 'audit.key.safestorage';

export class SafeStorageKeyProvider implements KeyProvider {
  readonly kind = 'safeStorage';
  readonly canRotate = true;
  private readonly file: string;
  private readonly staged: string;
  private readonly plain: KeyFileProvider;

  constructor(private readonly safeStorage: SafeStorageLike, dataDir: string) {
    this.file = path.join(dataDir, WRAPPED_KEY_FILE_NAME);
    this.staged = `${this.file}.next`;
    this.plain = new KeyFileProvider(dataDir, KEY_FILE_NAME);
  }

  async loadKey({ create }: { create: boolean }): Promise<Buffer | null> {
    const wrapped = await readIfExists(this.file);
    if (wrapped) return this.unwrap(wrapped);
    const shared = await this.plain.loadKey({ create: false });
    if (!shared && !create) return null;
    const key = shared ?? randomBytes(KEY_BYTES);
    await writePrivateFile(this.file, this.wrap(key));
    return key;
  }

  async loadFallbackKeys(): Promise<Buffer[]> {
    const keys: Buffer[] = [];
    const staged = await readIfExists(this.staged);
    if (staged) keys.push(this.unwrap(staged));
    const shared = await this.plain.loadKey({ create: false });
    if (shared) keys.push(shared);
    keys.push(...await this.plain.loadFallbackKeys());
    return keys;
  }

  async adoptKey(key: Buffer): Promise<void> {
    await writePrivateFile(this.file, this.wrap(key));
    await rm(this.staged, { force: true });
  }

  async stageKey(key: Buffer): Promise<void> {
    await writePrivateFile(this.staged, this.wrap(key));
    if (await this.isShared()) await this.plain.stageKey(key);
  }

  async commitKey(): Promise<void> {
    if (await readIfExists(this.staged)) await rename(this.staged, this.file);
    await this.plain.commitKey();
  }

  /** Writes the key, in the clear but owner-only (0600), to `audit.key` for the command line. Returns its path. */
  async shareWithCommandLine(): Promise<string> {
    const key = await this.loadKey({ create: false });
    if (!key) throw new KeyError('AUDIT_KEY_MISSING');
    await this.plain.adoptKey(key);
    return this.plain.file;
  }

  private async isShared(): Promise<boolean> {
    return (await readIfExists(this.plain.file)) !== null;
  }

  private wrap(key: Buffer): Buffer {
    if (!this.safeStorage.isEncryptionAvailable()) throw new KeyError('AUDIT_KEYCHAIN_UNAVAILABLE');
    return this.safeStorage.encryptString(key.toString('hex'));
  }

  private unwrap(wrapped: Buffer): Buffer {
    if (!this.safeStorage.isEncryptionAvailable()) throw new KeyError('AUDIT_KEYCHAIN_UNAVAILABLE');
    let hex: string;
    try {
      hex = this.safeStorage.decryptString(wrapped);
    } catch (err) {
      throw new KeyError('AUDIT_WRONG_KEY', 'safeStorage could not unwrap the audit key', { cause: err });
    }
    return parseKeyFile(Buffer.from(hex, 'utf8'), WRAPPED_KEY_FILE_NAME);
  }
}
