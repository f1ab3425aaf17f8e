/**
 * The schema, versioned with PRAGMA user_version. Each migration runs inside the opening write transaction;
 * a database from a newer Sigilo is refused (never downgraded).
 */
import { AuditError } from './audit-errors.js';
import type { Db } from './audit-db.js';

const MIGRATIONS: ReadonlyArray<(db: Db) => void> = [
  // 1: entries chained by HMAC, reports (gzip JSON) linked to their analysis entry, wrapped chain keys, meta.
  (db) => db.exec(`
    CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE chain_keys (fingerprint TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE entries (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      ts TEXT NOT NULL,
      type TEXT NOT NULL,
      ref TEXT,
      payload TEXT NOT NULL,
      report TEXT,
      prev TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX entries_ts ON entries(ts);
    CREATE INDEX entries_type_ts ON entries(type, ts);
    CREATE INDEX entries_ref ON entries(ref) WHERE ref IS NOT NULL;
    CREATE TABLE reports (entry_seq INTEGER PRIMARY KEY, encoding TEXT NOT NULL, body BLOB NOT NULL);
  `),
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Brings the schema up to date; call inside a write transaction. Returns the version found before. */
export function migrate(db: Db): number {
  const found = schemaVersion(db);
  if (found > SCHEMA_VERSION) throw new AuditError('AUDIT_NEWER_SCHEMA', `schema ${found} > ${SCHEMA_VERSION}`);
  if (found === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as { n: number };
    if (tables.n > 0) throw new AuditError('AUDIT_CORRUPT', 'tables exist but user_version is 0');
  }
  for (let v = found; v < SCHEMA_VERSION; v++) {
    MIGRATIONS[v]!(db);
    db.pragma(`user_version=${v + 1}`);
  }
  return found;
}
