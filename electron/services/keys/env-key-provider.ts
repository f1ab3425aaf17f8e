/**
 * SIGILO_KEY: either 64 hex digits (the raw 32-byte key) or a passphrase, stretched with scrypt and a salt
 * stored in `<dataDir>/audit-kdf.json` (created on first run). The key lives outside our files, so it cannot
 * be rotated by us.
 */
import { randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { KeyError } from './key-errors.js';
import { isAlreadyExists, readIfExists, writePrivateFile } from './key-files.js';
import { KEY_BYTES, type KeyProvider } from './key-provider.js';

export const KDF_FILE_NAME = 'audit-kdf.json';
const MIN_PASSPHRASE = 8;

const KdfParamsSchema = z.object({
  v: z.literal(1),
  algorithm: z.literal('scrypt'),
  salt: z.string().regex(/^[0-9a-f]{32,128}$/),
  N: z.number().int().min(1024).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/** Defaults: N=2^16, r=8 (64 MiB, about 0.2 s on a laptop). */
export const DEFAULT_KDF = { N: 2 ** 16, r: 8, p: 1 } as const;

function scrypt(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function deriveKeyFromPassphrase(passphrase: string, params: KdfParams): Promise<Buffer> {
  return scrypt(passphrase, Buffer.from(params.salt, 'hex'), { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 });
}

export function isHexKey(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value.trim());
}

export class EnvKeyProvider implements KeyProvider {
  readonly canRotate = false;
  readonly kind: string;
  private readonly kdfFile: string;

  constructor(private readonly value: string, dataDir: string, private readonly kdf: { N: number; r: number; p: number } = DEFAULT_KDF) {
    this.kdfFile = path.join(dataDir, KDF_FILE_NAME);
    if (!isHexKey(value) && value.length < MIN_PASSPHRASE) throw new KeyError('AUDIT_KEY_INVALID', 'SIGILO_KEY is neither 64 hex digits nor a passphrase of 8+ characters');
    this.kind = isHexKey(value) ? 'env-hex' : 'env-passphrase';
  }

  async loadKey({ create }: { create: boolean }): Promise<Buffer | null> {
    if (isHexKey(this.value)) return Buffer.from(this.value.trim(), 'hex');
    const params = await this.loadParams(create);
    return params ? deriveKeyFromPassphrase(this.value, params) : null;
  }

  private async loadParams(create: boolean): Promise<KdfParams | null> {
    const existing = await readIfExists(this.kdfFile);
    if (existing) return parseParams(existing, this.kdfFile);
    if (!create) return null;
    const params: KdfParams = { v: 1, algorithm: 'scrypt', salt: randomBytes(16).toString('hex'), ...this.kdf };
    try {
      await writePrivateFile(this.kdfFile, `${JSON.stringify(params, null, 2)}\n`, { exclusive: true });
      return params;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const winner = await readIfExists(this.kdfFile);
      return winner ? parseParams(winner, this.kdfFile) : null;
    }
  }

  async loadFallbackKeys(): Promise<Buffer[]> { return []; }
  async adoptKey(): Promise<void> { /* the key is the environment's */ }
  async stageKey(): Promise<void> { throw new KeyError('AUDIT_KEY_INVALID', 'a key given in SIGILO_KEY cannot be rotated here; change SIGILO_KEY'); }
  async commitKey(): Promise<void> { /* nothing staged */ }
}

function parseParams(data: Buffer, file: string): KdfParams {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw new KeyError('AUDIT_KEY_INVALID', `${file} is not valid JSON`, { cause: err });
  }
  const parsed = KdfParamsSchema.safeParse(json);
  if (!parsed.success) throw new KeyError('AUDIT_KEY_INVALID', `${file}: ${parsed.error.message}`);
  return parsed.data;
}
