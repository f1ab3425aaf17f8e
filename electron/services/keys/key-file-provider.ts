/**
 * The command line's default key: 32 random bytes, hex, in `<dataDir>/audit.key`, created on first run with
 * owner-only permissions (0600). A rotation stages the new key in `audit.key.next`.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { KeyError } from './key-errors.js';
import { isAlreadyExists, readIfExists, writePrivateFile } from './key-files.js';
import { KEY_BYTES, type KeyProvider } from './key-provider.js';

export const KEY_FILE_NAME = 'audit.key';

export function parseKeyFile(data: Buffer, file: string): Buffer {
  const hex = data.toString('utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new KeyError('AUDIT_KEY_INVALID', `${file} does not hold 64 hex digits`);
  return Buffer.from(hex, 'hex');
}

export class KeyFileProvider implements KeyProvider {
  readonly kind = 'key-file';
  readonly canRotate = true;
  readonly file: string;
  private readonly staged: string;

  constructor(dataDir: string, fileName = KEY_FILE_NAME) {
    this.file = path.join(dataDir, fileName);
    this.staged = `${this.file}.next`;
  }

  async loadKey({ create }: { create: boolean }): Promise<Buffer | null> {
    const existing = await readIfExists(this.file);
    if (existing) return parseKeyFile(existing, this.file);
    if (!create) return null;
    const key = randomBytes(KEY_BYTES);
    try {
      await writePrivateFile(this.file, `${key.toString('hex')}\n`, { exclusive: true });
      return key;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const winner = await readIfExists(this.file); // another process created it first
      return winner ? parseKeyFile(winner, this.file) : null;
    }
  }

  async loadStagedKey(): Promise<Buffer | null> {
    const staged = await readIfExists(this.staged);
    return staged ? parseKeyFile(staged, this.staged) : null;
  }

  async loadFallbackKeys(): Promise<Buffer[]> {
    const staged = await this.loadStagedKey();
    return staged ? [staged] : [];
  }

  async adoptKey(key: Buffer): Promise<void> {
    await writePrivateFile(this.file, `${key.toString('hex')}\n`);
    await rm(this.staged, { force: true });
  }

  async stageKey(key: Buffer): Promise<void> {
    await writePrivateFile(this.staged, `${key.toString('hex')}\n`);
  }

  async commitKey(): Promise<void> {
    const staged = await readIfExists(this.staged);
    if (!staged) return;
    await rename(this.staged, this.file);
  }
}
