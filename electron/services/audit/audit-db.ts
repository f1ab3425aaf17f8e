/**
 * Opening the encrypted SQLite file: SQLCipher-compatible whole-file encryption (SQLite3MultipleCiphers,
 * raw 256-bit key), WAL, synchronous=FULL (a committed write survives a crash or power loss), secrets kept
 * out of temp files, and write transactions that wait for the other process (busy_timeout + retries).
 */
import { closeSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
// The package's "exports" map hides its types from moduleResolution Bundler, so the types come by path.
import type BetterSqlite3 from '../../../node_modules/better-sqlite3-multiple-ciphers/index.js';
import { AuditError } from './audit-errors.js';

const Database = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;
export type Db = BetterSqlite3.Database;

export const BUSY_TIMEOUT_MS = 5000;
const MAX_BUSY_RETRIES = 6;

export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isBusy(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn`, retrying when another process holds the lock beyond busy_timeout; then AUDIT_BUSY. */
export function withBusyRetry<T>(fn: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (attempt >= MAX_BUSY_RETRIES) throw new AuditError('AUDIT_BUSY', String((err as Error).message), { cause: err });
      sleepSync(20 + Math.floor(Math.random() * 100) * (attempt + 1));
    }
  }
}

/** A write transaction that takes the write lock up front (BEGIN IMMEDIATE), one writer at a time. */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return withBusyRetry(() => db.transaction(fn).immediate());
}

export function keyPragmaValue(key: Buffer): string {
  if (key.length !== 32) throw new AuditError('AUDIT_INVALID_INPUT', 'the database key must be 32 bytes');
  return `"x'${key.toString('hex')}'"`;
}

export function fileHasContent(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * Opens (or creates) the encrypted database. A wrong key throws AUDIT_WRONG_KEY before anything is written,
 * so an existing history is never replaced by a new empty one.
 */
export function openEncryptedDb(file: string, key: Buffer): Db {
  const existed = fileHasContent(file);
  let db: Db;
  try {
    // owner-only from the start; SQLite gives -wal and -shm the same permissions
    if (!existed) closeSync(openSync(file, 'a', 0o600));
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw new AuditError('AUDIT_WRITE_FAILED', `cannot open ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma(`key=${keyPragmaValue(key)}`);
    try {
      withBusyRetry(() => db.prepare('SELECT count(*) FROM sqlite_master').get());
    } catch (err) {
      if (sqliteCode(err) === 'SQLITE_NOTADB') {
        throw new AuditError(existed ? 'AUDIT_WRONG_KEY' : 'AUDIT_CORRUPT', `cannot decrypt ${file}`, { cause: err });
      }
      throw err;
    }
    db.pragma(`busy_timeout=${BUSY_TIMEOUT_MS}`);
    db.pragma('temp_store=MEMORY');
    db.pragma('secure_delete=ON');
    db.pragma('foreign_keys=ON');
    const mode = withBusyRetry(() => db.pragma('journal_mode=WAL', { simple: true }));
    if (String(mode).toLowerCase() !== 'wal') throw new AuditError('AUDIT_WRITE_FAILED', `journal_mode is ${String(mode)}, not wal`);
    db.pragma('synchronous=FULL');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const statementCache = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/** A prepared statement, prepared once per connection (preparing per call leaks native memory until GC). */
export function stmt(db: Db, sql: string): BetterSqlite3.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Maps errors of a later statement: a key changed by another process shows up as SQLITE_NOTADB. */
export function mapDbError(err: unknown, action: string): unknown {
  if (err instanceof AuditError) return err;
  if (sqliteCode(err) === 'SQLITE_NOTADB') return new AuditError('AUDIT_KEY_CHANGED', `${action}: ${(err as Error).message}`, { cause: err });
  if (sqliteCode(err) === 'SQLITE_CORRUPT') return new AuditError('AUDIT_CORRUPT', `${action}: ${(err as Error).message}`, { cause: err });
  return err;
}
