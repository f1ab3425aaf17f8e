/**
 * Opening the history with a KeyProvider (first run creates the key; an unfinished key rotation is finished),
 * rotating the key through a provider, and the command line's way of finding the data folder and the key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { EnvKeyProvider } from '../keys/env-key-provider.js';
import { KeyError } from '../keys/key-errors.js';
import { KeyFileProvider } from '../keys/key-file-provider.js';
import { KEY_BYTES, type KeyProvider } from '../keys/key-provider.js';
import { AuditError } from './audit-errors.js';
import { AUDIT_DB_FILE, AuditStore } from './audit-store.js';
import type { AuditEntry } from './audit-types.js';
import { resolveDataDir } from './data-dir.js';

function databaseExists(dataDir: string): boolean {
  try {
    return statSync(path.join(dataDir, AUDIT_DB_FILE)).size > 0;
  } catch {
    return false;
  }
}

/** Opens (creating on first run) the history at `dataDir` with the provider's key. */
export async function openAuditStore(options: { dataDir: string; provider: KeyProvider; now?: () => Date }): Promise<AuditStore> {
  const { dataDir, provider } = options;
  const exists = databaseExists(dataDir);
  const key = await provider.loadKey({ create: !exists });
  if (!key) throw new KeyError('AUDIT_KEY_MISSING', `no ${provider.kind} key for ${dataDir}`);
  try {
    return AuditStore.open({ dataDir, key, ...(options.now ? { now: options.now } : {}) });
  } catch (err) {
    if (!(err instanceof AuditError) || err.code !== 'AUDIT_WRONG_KEY') throw err;
    // A rotation may have re-encrypted the database and stopped before making the new key current, or the
    // other side (app / command line) rotated it: try the provider's fallbacks and adopt the one that fits.
    for (const candidate of await provider.loadFallbackKeys()) {
      if (candidate.equals(key)) continue;
      let store: AuditStore;
      try {
        store = AuditStore.open({ dataDir, key: candidate, ...(options.now ? { now: options.now } : {}) });
      } catch (next) {
        if (next instanceof AuditError && next.code === 'AUDIT_WRONG_KEY') continue;
        throw next;
      }
      await provider.adoptKey(candidate);
      return store;
    }
    throw err;
  }
}

/** Replaces the key: stages the new key, re-encrypts the database, then makes the new key current. */
export async function rotateAuditKey(store: AuditStore, provider: KeyProvider, newKey: Buffer = randomBytes(KEY_BYTES)): Promise<AuditEntry> {
  if (!provider.canRotate) throw new KeyError('AUDIT_KEY_INVALID', `a ${provider.kind} key cannot be rotated by Sigilo`);
  await provider.stageKey(newKey);
  const entry = store.rotateKey(newKey);
  await provider.commitKey();
  return entry;
}

export interface CliAuditHandle {
  store: AuditStore;
  dataDir: string;
  provider: KeyProvider;
}

/**
 * For the command line: data folder from `--data-dir`, SIGILO_DATA_DIR or the platform default; key from
 * SIGILO_KEY (64 hex digits or a passphrase) or else the key file `audit.key` (created on first run, 0600).
 */
export async function openAuditForCli(options: { dataDir?: string; env: Readonly<Record<string, string | undefined>>; cwd?: string; now?: () => Date }): Promise<CliAuditHandle> {
  const dataDir = resolveDataDir({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), env: options.env, ...(options.cwd ? { cwd: options.cwd } : {}) });
  const provider = cliKeyProvider(dataDir, options.env);
  const store = await openAuditStore({ dataDir, provider, ...(options.now ? { now: options.now } : {}) });
  return { store, dataDir, provider };
}

export function cliKeyProvider(dataDir: string, env: Readonly<Record<string, string | undefined>>): KeyProvider {
  const fromEnv = env.SIGILO_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return new EnvKeyProvider(fromEnv, dataDir);
  return new KeyFileProvider(dataDir);
}

/** True when the data folder already holds a history (for messages such as "nothing recorded yet"). */
export function hasAuditHistory(dataDir: string): boolean {
  return existsSync(path.join(dataDir, AUDIT_DB_FILE)) && databaseExists(dataDir);
}
