/** The database file and its -wal/-shm never hold personal data in the clear. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_DB_FILE, AuditStore } from './audit-store.js';
import { newKey, sampleReport, tempDir } from './test-helpers.js';

const NAME = 'Zefirina Quaresma Bittencourt';
const CPF = '862.417.395-08';
const FILE = 'prontuarios/Zefirina-Quaresma-HIV.pdf';
const SETTING = 'ClinicaSaoJudasTadeuXYZ';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function rawFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const suffix of ['', '-wal', '-shm']) {
    const file = path.join(dir, AUDIT_DB_FILE + suffix);
    if (existsSync(file)) files.set(suffix || 'db', readFileSync(file));
  }
  return files;
}

function needles(reportBody: Buffer): Buffer[] {
  const texts = [NAME, CPF, CPF.replace(/\D/g, ''), FILE, 'Zefirina', SETTING, 'diabetes mellitus', 'settings_change', 'analysis', 'SQLite format 3'];
  return [
    ...texts.map((t) => Buffer.from(t, 'utf8')),
    ...texts.map((t) => Buffer.from(t, 'utf16le')),
    reportBody.subarray(20, 52), // a slice of the stored (compressed) report: compression alone is not secrecy
  ];
}

function expectNoPlaintext(dir: string, reportBody: Buffer): void {
  const files = rawFiles(dir);
  expect(files.has('db')).toBe(true);
  for (const [name, bytes] of files) {
    for (const needle of needles(reportBody)) {
      expect(bytes.includes(needle), `${name} holds ${needle.toString('utf8')}`).toBe(false);
    }
  }
}

describe('encryption at rest', () => {
  it('no plaintext in db, -wal or -shm, before and after checkpoints, and after close', () => {
    const { dir, cleanup } = tempDir();
    const store = AuditStore.open({ dataDir: dir, key: newKey() });
    cleanups.push(() => { store.close(); cleanup(); });
    const report = sampleReport({ file: FILE, name: NAME, cpf: CPF });
    const entry = store.recordAnalysis(report);
    store.append('settings_change', { field: 'controllerName', to: SETTING });
    store.setFindingDecision(entry.id, 0, 'rejected');
    const body = gzipSync(Buffer.from(JSON.stringify({ ...report, auditId: entry.id }), 'utf8'));

    // un-checkpointed: the data is in the WAL
    expect(rawFiles(dir).get('-wal')?.length ?? 0).toBeGreaterThan(0);
    expectNoPlaintext(dir, body);
    store.checkpoint();
    expectNoPlaintext(dir, body);
    for (let i = 0; i < 50; i++) store.append('settings_change', { field: 'controllerName', to: `${SETTING}-${i}` });
    expectNoPlaintext(dir, body);
    store.close();
    expectNoPlaintext(dir, body);
    // nothing else (no temp files) was written next to the database
    expect(readdirSync(dir).filter((f) => !f.startsWith(AUDIT_DB_FILE))).toEqual([]);
  });

  it('the control: the byte search does find the values in an unencrypted SQLite file', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const Database = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as new (file: string) => { exec(sql: string): void; pragma(s: string): unknown; close(): void };
    const db = new Database(path.join(dir, AUDIT_DB_FILE));
    db.pragma('journal_mode=WAL');
    db.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('${NAME} ${CPF} ${FILE} ${SETTING}')`);
    const wal = rawFiles(dir).get('-wal')!;
    expect(wal.includes(Buffer.from(NAME))).toBe(true);
    expect(wal.includes(Buffer.from(SETTING))).toBe(true);
    db.close();
  });

  it('the same values are readable through the store', () => {
    const { dir, cleanup } = tempDir();
    const key = newKey();
    const store = AuditStore.open({ dataDir: dir, key });
    cleanups.push(() => { store.close(); cleanup(); });
    const entry = store.recordAnalysis(sampleReport({ file: FILE, name: NAME, cpf: CPF }));
    const report = store.getReport(entry.id);
    expect(report?.status === 'ok' && report.findings.map((f) => f.text)).toContain(NAME);
    expect(entry.payload.file).toBe(FILE);
  });
});
