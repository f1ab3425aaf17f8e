import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb } from './audit-db.js';
import { AuditError } from './audit-errors.js';
import { SCHEMA_VERSION } from './audit-schema.js';
import { AUDIT_DB_FILE, AuditStore } from './audit-store.js';
import { newKey, sampleReport, tempDir } from './test-helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function fresh(now?: () => Date) {
  const t = tempDir();
  const key = newKey();
  const store = AuditStore.open({ dataDir: t.dir, key, ...(now ? { now } : {}) });
  cleanups.push(() => { store.close(); t.cleanup(); });
  return { store, key, dir: t.dir };
}

describe('AuditStore', () => {
  it('appends chained entries with contiguous seq and lists them newest first', () => {
    const { store } = fresh();
    const a = store.append('settings_change', { field: 'ocr', from: true, to: false });
    const b = store.append('plugin_enable', { plugin: 'br-identifiers', version: '1.0.0' });
    expect(a.seq).toBe(1);
    expect(b.seq).toBe(2);
    expect(b.prev).toBe(a.hash);
    expect(a.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(store.list().map((e) => e.id)).toEqual([b.id, a.id]);
    expect(store.list({ type: 'plugin_enable' }).map((e) => e.id)).toEqual([b.id]);
    expect(store.count()).toBe(2);
    expect(store.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps the database files owner-only', () => {
    const { store, dir } = fresh();
    store.append('export', { what: 'x' });
    if (process.platform === 'win32') return;
    for (const f of [AUDIT_DB_FILE, `${AUDIT_DB_FILE}-wal`, `${AUDIT_DB_FILE}-shm`]) expect(statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);
  });

  it('records an analysis with its summary and the full report, retrievable by id', () => {
    const { store } = fresh();
    const report = sampleReport();
    const entry = store.recordAnalysis(report);
    expect(entry.type).toBe('analysis');
    expect(entry.payload).toMatchObject({
      file: 'exames/laudo.pdf', name: 'laudo.pdf', sha256: 'a'.repeat(64), mediaType: 'application/pdf', status: 'ok',
      risk: { level: 'high', score: 87 }, findings: 3, findingsByType: { cpf: 1, person_name: 1, health_condition: 1 },
      plugins: ['br-identifiers@1.0.0', 'health@1.2.0', 'names@1.0.0'], durationMs: 41,
    });
    const stored = store.getReport(entry.id);
    expect(stored).toEqual({ ...report, auditId: entry.id });
    expect(store.getReport('01NOTANID000000000000000000')).toBeUndefined();
  });

  it('records error reports too', () => {
    const { store } = fresh();
    const entry = store.recordAnalysis({ file: 'x.xyz', status: 'error', error: { code: 'UNSUPPORTED_FORMAT', message: 'Formato…' } });
    expect(entry.payload).toMatchObject({ status: 'error', error: { code: 'UNSUPPORTED_FORMAT' }, findings: 0 });
    expect(store.getReport(entry.id)).toMatchObject({ status: 'error', auditId: entry.id });
  });

  it('refuses an invalid report instead of recording garbage (error surfaces)', () => {
    const { store } = fresh();
    expect(() => store.recordAnalysis({ file: 'a' } as never)).toThrow(AuditError);
    expect(store.count()).toBe(0);
  });

  it('applies finding review decisions to the stored report, each recorded as an entry', () => {
    const { store } = fresh();
    const entry = store.recordAnalysis(sampleReport());
    const review = store.setFindingDecision(entry.id, 0, 'rejected');
    store.setFindingDecision(entry.id, 1, 'accepted');
    store.setFindingDecision(entry.id, 0, 'accepted');
    store.setFindingDecision(entry.id, 2, 'rejected');
    expect(review).toMatchObject({ type: 'finding_review', ref: entry.id, payload: { entryId: entry.id, findingIndex: 0, decision: 'rejected', findingType: 'person_name' } });
    const report = store.getReport(entry.id);
    expect(report?.status === 'ok' && report.findings.map((f) => f.decision)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(() => store.setFindingDecision(entry.id, 3, 'accepted')).toThrow(/no finding 3/);
    expect(() => store.setFindingDecision('nope', 0, 'accepted')).toThrow(AuditError);
    expect(store.verify().ok).toBe(true);
  });

  it('filters by date range and analysis fields, with limit/offset', () => {
    let clock = Date.parse('2026-01-01T12:00:00Z');
    const { store } = fresh(() => new Date(clock));
    for (let i = 0; i < 5; i++) {
      store.recordAnalysis(sampleReport({ file: `dia${i}/Laudo.pdf`, level: i % 2 ? 'low' : 'critical' }));
      clock += 86_400_000;
    }
    expect(store.list({ since: '2026-01-03', until: new Date('2026-01-05T00:00:00Z') }).map((e) => e.payload.file)).toEqual(['dia3/Laudo.pdf', 'dia2/Laudo.pdf']);
    expect(store.list({ level: 'low', order: 'asc' }).map((e) => e.payload.file)).toEqual(['dia1/Laudo.pdf', 'dia3/Laudo.pdf']);
    expect(store.list({ query: 'DIA4/laudo' })).toHaveLength(1);
    expect(store.list({ limit: 2, offset: 1, order: 'asc' }).map((e) => e.seq)).toEqual([2, 3]);
    expect(() => store.list({ since: 'ontem' })).toThrow(AuditError);
  });

  it('gives stats by type, risk level and day for the history chart', () => {
    let clock = Date.parse('2026-03-10T01:30:00Z');
    const { store } = fresh(() => new Date(clock));
    store.recordAnalysis(sampleReport({ level: 'high' }));
    store.recordAnalysis(sampleReport({ level: 'high' }));
    clock += 86_400_000;
    store.recordAnalysis(sampleReport({ level: 'low' }));
    store.recordAnalysis({ file: 'b.bin', status: 'error', error: { code: 'CORRUPT_FILE', message: 'x' } });
    store.append('export', { what: 'form' });
    const stats = store.stats();
    expect(stats.total).toBe(5);
    expect(stats.byType).toEqual({ analysis: 4, export: 1 });
    expect(stats.byLevel).toMatchObject({ high: 2, low: 1, none: 0 });
    expect(stats.errors).toBe(1);
    expect(stats.buckets.map((b) => [b.date, b.total, b.byLevel.high, b.byLevel.low, b.errors])).toEqual([
      ['2026-03-10', 2, 2, 0, 0], ['2026-03-11', 2, 0, 1, 1],
    ]);
    // Brasília (UTC−3): 01:30 UTC is still the previous day
    expect(store.stats({ tzOffsetMinutes: -180 }).buckets.map((b) => b.date)).toEqual(['2026-03-09', '2026-03-10']);
    expect(store.stats({ bucket: 'month' }).buckets).toEqual([expect.objectContaining({ date: '2026-03', total: 4 })]);
  });

  it('persists across reopen and keeps the chain', () => {
    const { store, key, dir } = fresh();
    const a = store.recordAnalysis(sampleReport());
    store.close();
    const again = AuditStore.open({ dataDir: dir, key });
    cleanups.push(() => again.close());
    const b = again.append('export', { what: 'form', form: 'ripd' });
    expect(b.seq).toBe(2);
    expect(b.prev).toBe(a.hash);
    expect(again.verify()).toMatchObject({ ok: true, entries: 2 });
    expect(() => store.list()).toThrow(/AUDIT_CLOSED/);
  });

  it('a wrong key is a clear error and leaves the history untouched', () => {
    const { store, dir } = fresh();
    store.recordAnalysis(sampleReport());
    store.close();
    const file = path.join(dir, AUDIT_DB_FILE);
    const before = readFileSync(file);
    let caught: unknown;
    try {
      AuditStore.open({ dataDir: dir, key: newKey() });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AuditError);
    expect((caught as AuditError).code).toBe('AUDIT_WRONG_KEY');
    expect((caught as AuditError).userMessage).toMatch(/chave/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('uses a versioned schema in WAL mode and refuses a history from a newer Sigilo', () => {
    const { store, dir, key } = fresh();
    store.append('export', { what: 'x' });
    store.close();
    const db = openEncryptedDb(path.join(dir, AUDIT_DB_FILE), key);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.pragma(`user_version=${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => AuditStore.open({ dataDir: dir, key })).toThrow(/AUDIT_NEWER_SCHEMA/);
  });

  it('rejects bad input: unknown type, non-object payload, bad key', () => {
    const { store, dir } = fresh();
    expect(() => store.append('bogus' as never, {})).toThrow(/unknown entry type/);
    expect(() => store.append('export', [] as never)).toThrow(/payload must be an object/);
    expect(() => AuditStore.open({ dataDir: dir, key: Buffer.alloc(16) })).toThrow(/32-byte/);
  });

  it('rotates the key: re-encrypts, records the rotation, old key no longer opens', () => {
    const { store, dir, key } = fresh();
    store.recordAnalysis(sampleReport());
    const next = newKey();
    const rotation = store.rotateKey(next);
    expect(rotation.type).toBe('key_rotation');
    expect(store.verify()).toMatchObject({ ok: true, entries: 2 });
    store.close();
    expect(() => AuditStore.open({ dataDir: dir, key })).toThrow(/AUDIT_WRONG_KEY/);
    const reopened = AuditStore.open({ dataDir: dir, key: next });
    cleanups.push(() => reopened.close());
    expect(reopened.verify()).toMatchObject({ ok: true, entries: 2 });
    expect(reopened.list({ type: 'analysis' })).toHaveLength(1);
  });

  it('purges old entries and the chain still verifies from the authenticated anchor', () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const { store } = fresh(() => new Date(clock));
    const old = store.recordAnalysis(sampleReport());
    store.append('export', { what: 'form' });
    clock = Date.parse('2026-06-01T00:00:00Z');
    const kept = store.recordAnalysis(sampleReport());
    const result = store.purge(new Date('2026-01-01T00:00:00Z'));
    expect(result.removed).toBe(2);
    expect(result.anchorSeq).toBe(2);
    expect(result.entry).toMatchObject({ type: 'purge', seq: 4, payload: { removed: 2, anchor: { seq: 2 } } });
    expect(store.getReport(old.id)).toBeUndefined();
    expect(store.getReport(kept.id)).toBeDefined();
    expect(store.verify()).toMatchObject({ ok: true, entries: 2, anchorSeq: 2 });
    // purging everything still leaves a verifiable chain holding the purge record
    clock = Date.parse('2026-07-01T00:00:00Z');
    store.purge(new Date('2030-01-01T00:00:00Z'));
    expect(store.list().map((e) => e.type)).toEqual(['purge']);
    expect(store.verify()).toMatchObject({ ok: true, entries: 1, anchorSeq: 4 });
    expect(store.append('export', { what: 'x' }).seq).toBe(6);
    expect(store.verify().ok).toBe(true);
  });

  it('records a verification entry when asked', () => {
    const { store } = fresh();
    store.append('export', { what: 'form' });
    const result = store.verify({ record: true });
    expect(result.ok).toBe(true);
    expect(store.list({ type: 'verification' })[0]?.payload).toMatchObject({ ok: true, entries: 1 });
  });

  it('exports CSV and JSON (0600) and records the export', () => {
    const { store, dir } = fresh();
    const e = store.recordAnalysis(sampleReport({ file: '=cmd|laudo;1.pdf' }));
    const csv = store.exportTo(path.join(dir, 'out', 'audit.csv'), 'csv');
    expect(csv.entries).toBe(1);
    const text = readFileSync(csv.file, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFseq,id,ts,type,tipo,arquivo,risco,achados,payload,hash');
    expect(text).toContain(`1,${e.id},`);
    expect(text).toContain('Análise');
    expect(text).toContain(`,"'=cmd|laudo;1.pdf",`); // quoted, and not a spreadsheet formula
    expect(statSync(csv.file).mode & 0o777).toBe(0o600);
    const json = store.exportTo(path.join(dir, 'audit.json'), 'json');
    const parsed = JSON.parse(readFileSync(json.file, 'utf8')) as { entries: { id: string }[]; verification: { ok: boolean } };
    expect(parsed.entries.map((x) => x.id)).toEqual([e.id, csv.entry.id]);
    expect(parsed.verification.ok).toBe(true);
    expect(store.list({ type: 'export' })).toHaveLength(2);
  });
});
