/**
 * The audit history: an encrypted SQLite file (`<dataDir>/audit.db`) holding an HMAC-chained list of entries
 * and, for each analysis, the full report (gzip JSON). Every write is one BEGIN IMMEDIATE transaction that is
 * durable when the call returns; a failure throws (never swallowed).
 *
 *   const store = AuditStore.open({ dataDir, key });
 *   const entry = store.recordAnalysis(report);      // entry.id is the report's auditId
 *   store.verify();                                   // { ok, entries, firstBad?, durationMs }
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FileReportSchema, RISK_LEVELS, type FileReport, type RiskLevel } from '../../shared/report.js';
import { analysisPayload } from './analysis-entry.js';
import {
  deriveChainKey, entryMac, genesisHash, keyFingerprint, makeMark, markIsAuthentic, safeEqualHex, sha256Hex,
  unwrapChainKey, wrapChainKey, type ChainMark,
} from './audit-chain.js';
import {
  fileHasContent, keyPragmaValue, mapDbError, openEncryptedDb, sleepSync, sqliteCode, stmt, withBusyRetry, writeTransaction, type Db,
} from './audit-db.js';
import { AuditError } from './audit-errors.js';
import { writeAuditExport, type ExportFormat } from './audit-export.js';
import { migrate, schemaVersion, SCHEMA_VERSION } from './audit-schema.js';
import {
  isAuditEntryType, type AuditEntry, type AuditEntryType, type AuditStats, type JsonObject, type ListFilter,
  type PurgeResult, type StatsBucket, type VerifyResult,
} from './audit-types.js';
import { verifyChain, type ChainBounds } from './audit-verify.js';
import { toCanonicalPayload } from './canonical-json.js';
import { ulid } from './ulid.js';

export const AUDIT_DB_FILE = 'audit.db';
const MAX_PAYLOAD_CHARS = 1_000_000;
const MAX_LIST = 1_000_000;

export interface AuditStoreOptions {
  dataDir: string;
  /** The 32-byte database key (see electron/services/keys). */
  key: Buffer;
  /** Clock (tests). */
  now?: () => Date;
}

interface EntryRow { seq: number; id: string; ts: string; type: string; ref: string | null; payload: string; report: string | null; prev: string; hash: string }

const ENTRY_COLUMNS = 'seq, id, ts, type, ref, payload, report, prev, hash';

export class AuditStore {
  private closed = false;

  private constructor(
    private readonly db: Db,
    private key: Buffer,
    private readonly dbId: string,
    private readonly chainKey: Buffer,
    readonly file: string,
    private readonly now: () => Date,
  ) {}

  /** Opens or creates the history. A wrong key throws AuditError AUDIT_WRONG_KEY and changes nothing. */
  static open(options: AuditStoreOptions): AuditStore {
    if (!Buffer.isBuffer(options.key) || options.key.length !== 32) throw new AuditError('AUDIT_INVALID_INPUT', 'key must be a 32-byte Buffer');
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(options.dataDir, AUDIT_DB_FILE);
    for (let attempt = 0; ; attempt++) {
      const wasEmpty = !fileHasContent(file);
      try {
        return AuditStore.openOnce(options, file);
      } catch (err) {
        // Two processes creating the database at once: the one that loses read the other's first page with
        // the codec state of an empty file. Once the winner has committed, opening again works.
        if (wasEmpty && attempt < 20 && isUnreadable(err)) {
          sleepSync(20 + Math.floor(Math.random() * 60));
          continue;
        }
        throw err;
      }
    }
  }

  private static openOnce(options: AuditStoreOptions, file: string): AuditStore {
    const db = openEncryptedDb(file, options.key);
    try {
      const now = options.now ?? (() => new Date());
      const found = schemaVersion(db);
      if (found > SCHEMA_VERSION) throw new AuditError('AUDIT_NEWER_SCHEMA', `schema ${found} > ${SCHEMA_VERSION}`);
      const needsSetup = () => schemaVersion(db) < SCHEMA_VERSION || !readMeta(db, 'db_id');
      if (needsSetup()) writeTransaction(db, () => { if (needsSetup()) initialise(db, options.key, now()); });
      const dbId = readMeta(db, 'db_id');
      if (!dbId) throw new AuditError('AUDIT_CORRUPT', 'db_id missing');
      const wrapped = db.prepare('SELECT wrapped FROM chain_keys WHERE fingerprint = ?').get(keyFingerprint(options.key, dbId)) as { wrapped: Buffer } | undefined;
      const chainKey = wrapped ? unwrapChainKey(wrapped.wrapped, options.key, dbId) : null;
      if (!chainKey) throw new AuditError('AUDIT_TAMPERED', 'the chain key for this database key is missing or altered');
      return new AuditStore(db, options.key, dbId, chainKey, file, now);
    } catch (err) {
      db.close();
      throw mapDbError(err, 'open');
    }
  }

  // ------------------------------------------------------------------------------------------- writing

  /** Appends one entry; durable when it returns. */
  append(type: AuditEntryType, payload: object, opts: { ref?: string } = {}): AuditEntry {
    this.assertOpen();
    if (typeof type !== 'string' || !isAuditEntryType(type)) throw new AuditError('AUDIT_INVALID_INPUT', `unknown entry type ${String(type)}`);
    const payloadText = canonicalPayload(payload);
    return this.write('append', () => this.appendInTx(ulid(this.now().getTime()), type, payloadText, opts.ref ?? null, null));
  }

  /** Records an analysis and stores its full report (with `auditId` set) for offline review. */
  recordAnalysis(report: FileReport): AuditEntry {
    this.assertOpen();
    const parsed = FileReportSchema.safeParse(report);
    if (!parsed.success) throw new AuditError('AUDIT_INVALID_INPUT', `report: ${parsed.error.message}`);
    const payloadText = canonicalPayload(analysisPayload(parsed.data));
    const id = ulid(this.now().getTime());
    const body = gzipSync(Buffer.from(JSON.stringify({ ...parsed.data, auditId: id }), 'utf8'));
    return this.write('recordAnalysis', () => this.appendInTx(id, 'analysis', payloadText, null, body));
  }

  /** Records a reviewer's decision on one finding; getReport then shows it. */
  setFindingDecision(entryId: string, findingIndex: number, decision: 'accepted' | 'rejected'): AuditEntry {
    this.assertOpen();
    if (decision !== 'accepted' && decision !== 'rejected') throw new AuditError('AUDIT_INVALID_INPUT', 'decision must be accepted or rejected');
    if (!Number.isInteger(findingIndex) || findingIndex < 0) throw new AuditError('AUDIT_INVALID_INPUT', 'findingIndex must be a non-negative integer');
    return this.write('setFindingDecision', () => {
      const report = this.readReport(entryId);
      if (!report) throw new AuditError('AUDIT_NOT_FOUND', entryId);
      if (report.status !== 'ok' || findingIndex >= report.findings.length) throw new AuditError('AUDIT_INVALID_INPUT', `report ${entryId} has no finding ${findingIndex}`);
      const finding = report.findings[findingIndex]!;
      const payload = canonicalPayload({ entryId, findingIndex, decision, findingType: finding.type });
      return this.appendInTx(ulid(this.now().getTime()), 'finding_review', payload, entryId, null);
    });
  }

  /**
   * Removes the oldest entries (those before `before`, as a contiguous prefix) and their reports. The chain
   * stays verifiable: the last removed entry's hash becomes the authenticated anchor, and a purge entry
   * recording it is appended. Refused when the chain does not verify (a purge must not hide tampering).
   */
  purge(before: Date): PurgeResult {
    this.assertOpen();
    const cutoff = toIso(before, 'before');
    const result = this.write('purge', () => {
      const check = verifyChain(this.db, this.chainKey, this.bounds());
      if (!check.ok) throw new AuditError('AUDIT_TAMPERED', `purge refused: ${JSON.stringify(check.firstBad)}`);
      const anchor = this.readMark('anchor')!;
      const { firstKept } = stmt(this.db, 'SELECT min(seq) AS firstKept FROM entries WHERE ts >= ?').get(cutoff) as { firstKept: number | null };
      const { maxSeq } = stmt(this.db, 'SELECT max(seq) AS maxSeq FROM entries').get() as { maxSeq: number | null };
      const last = firstKept === null ? (maxSeq ?? anchor.seq) : firstKept - 1;
      let removed = 0;
      let newAnchor = anchor;
      if (last > anchor.seq) {
        const row = stmt(this.db, 'SELECT hash FROM entries WHERE seq = ?').get(last) as { hash: string };
        stmt(this.db, 'DELETE FROM reports WHERE entry_seq <= ?').run(last);
        removed = stmt(this.db, 'DELETE FROM entries WHERE seq <= ?').run(last).changes;
        newAnchor = makeMark(this.chainKey, 'anchor', last, row.hash);
        writeMeta(this.db, 'anchor', JSON.stringify(newAnchor));
      }
      const payload = canonicalPayload({ before: cutoff, removed, anchor: { seq: newAnchor.seq, hash: newAnchor.hash }, previousAnchorSeq: anchor.seq });
      const entry = this.appendInTx(ulid(this.now().getTime()), 'purge', payload, null, null);
      return { removed, anchorSeq: newAnchor.seq, entry };
    });
    this.checkpoint(); // drop the WAL copies of removed pages (secure_delete zeroes them in the main file)
    return result;
  }

  /**
   * Re-encrypts the whole database with `newKey` (PRAGMA rekey) and records it. Other processes that have the
   * database open with the old key get AUDIT_KEY_CHANGED and must reopen. Store the new key (KeyProvider)
   * before calling: see rotateAuditKey in open-audit.ts.
   */
  rotateKey(newKey: Buffer): AuditEntry {
    this.assertOpen();
    const newPragma = keyPragmaValue(newKey);
    const oldFp = keyFingerprint(this.key, this.dbId);
    const newFp = keyFingerprint(newKey, this.dbId);
    this.write('rotateKey', () => {
      const check = verifyChain(this.db, this.chainKey, this.bounds());
      if (!check.ok) throw new AuditError('AUDIT_TAMPERED', `key rotation refused: ${JSON.stringify(check.firstBad)}`);
      stmt(this.db, 'INSERT OR REPLACE INTO chain_keys (fingerprint, wrapped, created_at) VALUES (?, ?, ?)')
        .run(newFp, wrapChainKey(this.chainKey, newKey, this.dbId), this.now().toISOString());
    });
    try {
      withBusyRetry(() => this.db.pragma(`rekey=${newPragma}`));
    } catch (err) {
      throw new AuditError('AUDIT_WRITE_FAILED', `rekey failed: ${(err as Error).message}`, { cause: err });
    }
    this.key = newKey;
    return this.write('rotateKey', () => {
      stmt(this.db, 'DELETE FROM chain_keys WHERE fingerprint <> ?').run(newFp);
      const payload = canonicalPayload({ from: oldFp, to: newFp, cipher: 'sqlcipher', keyBits: 256 });
      return this.appendInTx(ulid(this.now().getTime()), 'key_rotation', payload, null, null);
    });
  }

  // ------------------------------------------------------------------------------------------- reading

  /** The stored report with review decisions applied, or undefined (unknown id, not an analysis, purged). */
  getReport(entryId: string): FileReport | undefined {
    this.assertOpen();
    return this.read('getReport', () => this.db.transaction(() => this.readReport(entryId))());
  }

  list(filter: ListFilter = {}): AuditEntry[] {
    this.assertOpen();
    const { where, params } = buildWhere(filter);
    const limit = clampInt(filter.limit ?? 100, 0, MAX_LIST);
    const offset = clampInt(filter.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    return this.read('list', () => (stmt(this.db, `SELECT ${ENTRY_COLUMNS} FROM entries ${where} ORDER BY seq ${order} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as EntryRow[]).map(toEntry));
  }

  count(filter: Omit<ListFilter, 'limit' | 'offset' | 'order'> = {}): number {
    this.assertOpen();
    const { where, params } = buildWhere(filter);
    return this.read('count', () => (stmt(this.db, `SELECT count(*) AS n FROM entries ${where}`).get(...params) as { n: number }).n);
  }

  getEntry(entryId: string): AuditEntry | undefined {
    this.assertOpen();
    const row = this.read('getEntry', () => stmt(this.db, `SELECT ${ENTRY_COLUMNS} FROM entries WHERE id = ?`).get(entryId) as EntryRow | undefined);
    return row ? toEntry(row) : undefined;
  }

  /** Checks the whole chain. With `record`, appends a verification entry with the result. */
  verify(options: { record?: boolean } = {}): VerifyResult {
    this.assertOpen();
    const started = performance.now();
    const result = this.read('verify', () => this.db.transaction(() => verifyChain(this.db, this.chainKey, this.bounds()))());
    const full: VerifyResult = { ...result, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    if (options.record) this.append('verification', { ok: full.ok, entries: full.entries, firstBad: full.firstBad ?? null, durationMs: full.durationMs });
    return full;
  }

  /** Counts for the history chart: by type, by risk level, analyses per day/week/month. */
  stats(options: { since?: Date | string; until?: Date | string; bucket?: 'day' | 'week' | 'month'; tzOffsetMinutes?: number } = {}): AuditStats {
    this.assertOpen();
    const { where, params } = buildWhere({ since: options.since, until: options.until });
    const tz = clampInt(options.tzOffsetMinutes ?? 0, -14 * 60, 14 * 60);
    const local = `datetime(ts, '${tz >= 0 ? '+' : ''}${tz} minutes')`;
    const bucket = options.bucket === 'month' ? `substr(${local}, 1, 7)`
      : options.bucket === 'week' ? `date(${local}, '-6 days', 'weekday 1')` : `substr(${local}, 1, 10)`;
    return this.read('stats', () => this.db.transaction(() => {
      const byType: AuditStats['byType'] = {};
      let total = 0;
      for (const r of stmt(this.db, `SELECT type, count(*) AS n FROM entries ${where} GROUP BY type`).all(...params) as { type: string; n: number }[]) {
        if (isAuditEntryType(r.type)) byType[r.type] = r.n;
        total += r.n;
      }
      const analysisWhere = where ? `${where} AND type = 'analysis'` : "WHERE type = 'analysis'";
      const rows = stmt(this.db, `SELECT ${bucket} AS d, json_extract(payload, '$.status') AS status,
        json_extract(payload, '$.risk.level') AS level, count(*) AS n FROM entries ${analysisWhere} GROUP BY d, status, level ORDER BY d`)
        .all(...params) as { d: string; status: string; level: string | null; n: number }[];
      const byLevel = emptyLevels();
      let errors = 0;
      const buckets = new Map<string, StatsBucket>();
      for (const r of rows) {
        const b = buckets.get(r.d) ?? { date: r.d, total: 0, byLevel: emptyLevels(), errors: 0 };
        buckets.set(r.d, b);
        b.total += r.n;
        if (r.status !== 'ok' || !r.level || !(RISK_LEVELS as readonly string[]).includes(r.level)) { b.errors += r.n; errors += r.n; continue; }
        b.byLevel[r.level as RiskLevel] += r.n;
        byLevel[r.level as RiskLevel] += r.n;
      }
      const span = stmt(this.db, `SELECT min(ts) AS first, max(ts) AS last FROM entries ${where}`).get(...params) as { first: string | null; last: string | null };
      return { total, byType, byLevel, errors, buckets: [...buckets.values()], ...(span.first ? { first: span.first } : {}), ...(span.last ? { last: span.last } : {}) };
    })());
  }

  /** Writes the entries (oldest first) to `file` (0600) as CSV or JSON, and records the export. */
  exportTo(file: string, format: ExportFormat, filter: Omit<ListFilter, 'limit' | 'offset' | 'order'> = {}): { file: string; entries: number; bytes: number; entry: AuditEntry } {
    this.assertOpen();
    if (format !== 'csv' && format !== 'json') throw new AuditError('AUDIT_INVALID_INPUT', `format ${String(format)}`);
    const entries = this.list({ ...filter, order: 'asc', limit: MAX_LIST });
    const verification = this.verify();
    const bytes = writeAuditExport(file, format, entries, { exportedAt: this.now().toISOString(), verification });
    const entry = this.append('export', { what: 'audit', format, entries: entries.length, file: path.basename(file), chainOk: verification.ok });
    return { file, entries: entries.length, bytes, entry };
  }

  /** Moves the WAL into the main file and truncates it (best effort when another process is reading). */
  checkpoint(): void {
    this.assertOpen();
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // busy: SQLite checkpoints automatically later
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  get isOpen(): boolean { return !this.closed; }

  // ------------------------------------------------------------------------------------------- internals

  private appendInTx(id: string, type: AuditEntryType, payload: string, ref: string | null, body: Buffer | null): AuditEntry {
    const head = this.readMark('head');
    const anchor = this.readMark('anchor');
    const headOk = head !== undefined && markIsAuthentic(this.chainKey, 'head', head);
    const { maxSeq } = stmt(this.db, 'SELECT max(seq) AS maxSeq FROM entries').get() as { maxSeq: number | null };
    const lastRow = headOk ? undefined : stmt(this.db, 'SELECT hash FROM entries ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
    const base = Math.max(headOk ? head.seq : 0, maxSeq ?? 0, anchor?.seq ?? 0);
    const prev = headOk ? head.hash : (lastRow?.hash ?? anchor?.hash ?? '');
    const fields = { id, ts: this.now().toISOString(), type, ref, payload, report: body ? sha256Hex(body) : null, prev };
    const hash = entryMac(this.chainKey, fields);
    const seq = base + 1;
    stmt(this.db, `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(seq, id, fields.ts, type, ref, payload, fields.report, prev, hash);
    if (body) stmt(this.db, 'INSERT OR REPLACE INTO reports (entry_seq, encoding, body) VALUES (?, ?, ?)').run(seq, 'gzip+json', body);
    writeMeta(this.db, 'head', JSON.stringify(makeMark(this.chainKey, 'head', seq, hash)));
    return toEntry({ seq, ...fields, hash });
  }

  private readReport(entryId: string): FileReport | undefined {
    const row = stmt(this.db, `SELECT e.seq, e.type, e.report, r.body FROM entries e LEFT JOIN reports r ON r.entry_seq = e.seq WHERE e.id = ?`)
      .get(entryId) as { seq: number; type: string; report: string | null; body: Buffer | null } | undefined;
    if (!row || row.type !== 'analysis' || row.report === null) return undefined;
    if (!row.body || !safeEqualHex(sha256Hex(row.body), row.report)) throw new AuditError('AUDIT_TAMPERED', `stored report of ${entryId} is missing or altered`);
    let report: FileReport;
    try {
      report = FileReportSchema.parse(JSON.parse(gunzipSync(row.body).toString('utf8')));
    } catch (err) {
      throw new AuditError('AUDIT_CORRUPT', `stored report of ${entryId}: ${(err as Error).message}`, { cause: err });
    }
    if (report.status !== 'ok') return report;
    const reviews = stmt(this.db, "SELECT payload FROM entries WHERE ref = ? AND type = 'finding_review' ORDER BY seq").all(entryId) as { payload: string }[];
    const findings = report.findings.map((f) => ({ ...f }));
    for (const { payload } of reviews) {
      const review = JSON.parse(payload) as { findingIndex?: unknown; decision?: unknown };
      const target = typeof review.findingIndex === 'number' ? findings[review.findingIndex] : undefined;
      if (target && (review.decision === 'accepted' || review.decision === 'rejected')) target.decision = review.decision;
    }
    return { ...report, findings };
  }

  private readMark(kind: 'anchor' | 'head'): ChainMark | undefined {
    const value = readMeta(this.db, kind);
    if (!value) return undefined;
    try {
      const mark = JSON.parse(value) as Partial<ChainMark>;
      if (typeof mark.seq === 'number' && typeof mark.hash === 'string' && typeof mark.mac === 'string') return { seq: mark.seq, hash: mark.hash, mac: mark.mac };
    } catch {
      // altered: reported by verify
    }
    return { seq: -1, hash: '', mac: '' };
  }

  private bounds(): ChainBounds {
    const anchor = this.readMark('anchor') ?? { seq: -1, hash: '', mac: '' };
    const head = this.readMark('head');
    return {
      anchor: { seq: anchor.seq, hash: anchor.hash, authentic: markIsAuthentic(this.chainKey, 'anchor', anchor) },
      head: head ? { seq: head.seq, hash: head.hash, authentic: markIsAuthentic(this.chainKey, 'head', head) } : null,
    };
  }

  private write<T>(action: string, fn: () => T): T {
    try {
      return writeTransaction(this.db, fn);
    } catch (err) {
      const mapped = mapDbError(err, action);
      if (mapped instanceof AuditError) throw mapped;
      throw new AuditError('AUDIT_WRITE_FAILED', `${action}: ${(err as Error).message}`, { cause: err });
    }
  }

  private read<T>(action: string, fn: () => T): T {
    try {
      return withBusyRetry(fn);
    } catch (err) {
      throw mapDbError(err, action);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AuditError('AUDIT_CLOSED');
  }
}

function initialise(db: Db, key: Buffer, now: Date): void {
  migrate(db);
  if (readMeta(db, 'db_id')) return;
  const dbId = randomBytes(16).toString('hex');
  const chainKey = deriveChainKey(key, dbId);
  const genesis = genesisHash(chainKey, dbId);
  writeMeta(db, 'db_id', dbId);
  writeMeta(db, 'created_at', now.toISOString());
  writeMeta(db, 'anchor', JSON.stringify(makeMark(chainKey, 'anchor', 0, genesis)));
  writeMeta(db, 'head', JSON.stringify(makeMark(chainKey, 'head', 0, genesis)));
  db.prepare('INSERT INTO chain_keys (fingerprint, wrapped, created_at) VALUES (?, ?, ?)')
    .run(keyFingerprint(key, dbId), wrapChainKey(chainKey, key, dbId), now.toISOString());
}

function isUnreadable(err: unknown): boolean {
  if (err instanceof AuditError) return err.code === 'AUDIT_CORRUPT' || err.code === 'AUDIT_KEY_CHANGED' || err.code === 'AUDIT_WRONG_KEY';
  return sqliteCode(err) === 'SQLITE_NOTADB';
}

function readMeta(db: Db, name: string): string | undefined {
  const hasTable = stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasTable) return undefined;
  return (stmt(db, 'SELECT value FROM meta WHERE name = ?').get(name) as { value: string } | undefined)?.value;
}

function writeMeta(db: Db, name: string, value: string): void {
  stmt(db, 'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(name, value);
}

function canonicalPayload(payload: object): string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new AuditError('AUDIT_INVALID_INPUT', 'payload must be an object');
  let text: string;
  try {
    text = toCanonicalPayload(payload);
  } catch (err) {
    throw new AuditError('AUDIT_INVALID_INPUT', `payload is not JSON data: ${(err as Error).message}`, { cause: err });
  }
  if (text.length > MAX_PAYLOAD_CHARS) throw new AuditError('AUDIT_INVALID_INPUT', 'payload too large');
  return text;
}

function toEntry(row: EntryRow): AuditEntry {
  return {
    id: row.id, seq: row.seq, ts: row.ts, type: row.type as AuditEntryType,
    ...(row.ref !== null ? { ref: row.ref } : {}),
    payload: JSON.parse(row.payload) as JsonObject, prev: row.prev, hash: row.hash,
  };
}

function toIso(value: Date | string, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new AuditError('AUDIT_INVALID_INPUT', `${what}: invalid date ${String(value)}`);
  return date.toISOString();
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}

function emptyLevels(): Record<RiskLevel, number> {
  return Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
}

function buildWhere(filter: Omit<ListFilter, 'limit' | 'offset' | 'order'>): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.since !== undefined) { clauses.push('ts >= ?'); params.push(toIso(filter.since, 'since')); }
  if (filter.until !== undefined) { clauses.push('ts < ?'); params.push(toIso(filter.until, 'until')); }
  if (filter.type !== undefined) {
    const types = Array.isArray(filter.type) ? filter.type : [filter.type];
    for (const t of types) if (!isAuditEntryType(t)) throw new AuditError('AUDIT_INVALID_INPUT', `unknown entry type ${String(t)}`);
    clauses.push(`type IN (${types.map(() => '?').join(',') || 'NULL'})`);
    params.push(...types);
  }
  if (filter.level !== undefined) { clauses.push("type = 'analysis' AND json_extract(payload, '$.risk.level') = ?"); params.push(filter.level); }
  if (filter.status !== undefined) { clauses.push("type = 'analysis' AND json_extract(payload, '$.status') = ?"); params.push(filter.status); }
  if (filter.query) { clauses.push("instr(lower(json_extract(payload, '$.file')), lower(?)) > 0"); params.push(filter.query); }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
