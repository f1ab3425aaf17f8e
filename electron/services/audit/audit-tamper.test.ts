/** Tampering with the history by raw SQL (with the key): verify names exactly the entry and the kind of change. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type Db } from './audit-db.js';
import { AUDIT_DB_FILE, AuditStore } from './audit-store.js';
import type { AuditEntry } from './audit-types.js';
import { newKey, sampleReport, tempDir } from './test-helpers.js';

let dir: string;
let cleanup: () => void;
let key: Buffer;
let entries: AuditEntry[];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  key = newKey();
  const store = AuditStore.open({ dataDir: dir, key });
  entries = [
    store.append('settings_change', { field: 'ocr', to: false }),
    store.recordAnalysis(sampleReport({ file: 'a.pdf' })),
    store.recordAnalysis(sampleReport({ file: 'b.pdf' })),
    store.append('plugin_install', { plugin: 'extra', version: '2.0.0' }),
    store.recordAnalysis(sampleReport({ file: 'c.pdf' })),
  ];
  store.close();
});
afterEach(() => cleanup());

function raw(fn: (db: Db) => void): void {
  const db = openEncryptedDb(path.join(dir, AUDIT_DB_FILE), key);
  try { fn(db); } finally { db.close(); }
}

function verify() {
  const store = AuditStore.open({ dataDir: dir, key });
  try { return store.verify(); } finally { store.close(); }
}

const row = (db: Db, seq: number) => db.prepare('SELECT * FROM entries WHERE seq = ?').get(seq) as Record<string, unknown>;
const insert = (db: Db, r: Record<string, unknown>) => db.prepare('INSERT INTO entries (seq, id, ts, type, ref, payload, report, prev, hash) VALUES (@seq, @id, @ts, @type, @ref, @payload, @report, @prev, @hash)').run(r);

describe('verify detects tampering', () => {
  it('an untouched history verifies', () => {
    expect(verify()).toMatchObject({ ok: true, entries: 5 });
  });

  it('changed payload → changed, that entry', () => {
    raw((db) => db.prepare("UPDATE entries SET payload = replace(payload, 'b.pdf', 'x.pdf') WHERE seq = 3").run());
    expect(verify()).toMatchObject({ ok: false, entries: 2, firstBad: { seq: 3, id: entries[2]!.id, problem: 'changed' } });
  });

  it('changed timestamp or type → changed', () => {
    raw((db) => db.prepare("UPDATE entries SET ts = '2020-01-01T00:00:00.000Z' WHERE seq = 4").run());
    expect(verify().firstBad).toMatchObject({ seq: 4, id: entries[3]!.id, problem: 'changed' });
  });

  it('changed stored report → changed, that analysis entry', () => {
    raw((db) => db.prepare('UPDATE reports SET body = zeroblob(10) WHERE entry_seq = 2').run());
    expect(verify().firstBad).toMatchObject({ seq: 2, id: entries[1]!.id, problem: 'changed' });
  });

  it('changed hash column (a forged MAC) → changed', () => {
    raw((db) => db.prepare("UPDATE entries SET hash = 'f' || substr(hash, 2) WHERE seq = 2").run());
    expect(verify().firstBad).toMatchObject({ seq: 2, problem: 'changed' });
  });

  it('deleted entry in the middle → deleted, at its seq', () => {
    raw((db) => db.prepare('DELETE FROM entries WHERE seq = 3').run());
    expect(verify()).toMatchObject({ ok: false, entries: 2, firstBad: { seq: 3, id: null, problem: 'deleted' } });
  });

  it('deleted and renumbered (no gap left) → deleted', () => {
    raw((db) => {
      db.prepare('DELETE FROM entries WHERE seq = 2').run();
      db.prepare('UPDATE entries SET seq = seq + 100 WHERE seq > 2').run();
      db.prepare('UPDATE entries SET seq = seq - 101 WHERE seq > 100').run();
    });
    expect(verify().firstBad).toMatchObject({ seq: 2, problem: 'deleted' });
  });

  it('deleted first entry → deleted', () => {
    raw((db) => db.prepare('DELETE FROM entries WHERE seq = 1').run());
    expect(verify().firstBad).toMatchObject({ seq: 1, problem: 'deleted' });
  });

  it('deleted last entry → deleted (the head remembers it)', () => {
    raw((db) => db.prepare('DELETE FROM entries WHERE seq = 5').run());
    expect(verify()).toMatchObject({ ok: false, entries: 4, firstBad: { seq: 5, problem: 'deleted' } });
  });

  it('inserted at the end → inserted', () => {
    raw((db) => insert(db, { ...row(db, 4), seq: 6, id: '01FAKEFAKEFAKEFAKEFAKEFAKE', prev: row(db, 5).hash, hash: 'ab'.repeat(32) }));
    expect(verify()).toMatchObject({ ok: false, entries: 5, firstBad: { seq: 6, id: '01FAKEFAKEFAKEFAKEFAKEFAKE', problem: 'inserted' } });
  });

  it('inserted in the middle (later entries renumbered) → inserted, not changed', () => {
    raw((db) => {
      const fake = { ...row(db, 4), id: '01FAKEFAKEFAKEFAKEFAKEFAKE', prev: row(db, 2).hash, hash: 'cd'.repeat(32) };
      db.prepare('UPDATE entries SET seq = seq + 100 WHERE seq >= 3').run();
      db.prepare('UPDATE entries SET seq = seq - 99 WHERE seq >= 100').run();
      insert(db, { ...fake, seq: 3 });
    });
    expect(verify()).toMatchObject({ ok: false, entries: 2, firstBad: { seq: 3, id: '01FAKEFAKEFAKEFAKEFAKEFAKE', problem: 'inserted' } });
  });

  it('a replayed copy of an authentic entry → inserted', () => {
    raw((db) => insert(db, { ...row(db, 2), seq: 6, id: '01COPYCOPYCOPYCOPYCOPYCOPY' }));
    expect(verify().firstBad).toMatchObject({ seq: 6, problem: 'inserted' });
  });

  it('a changed purge anchor → changed', () => {
    raw((db) => db.prepare("UPDATE meta SET value = replace(value, '\"seq\":0', '\"seq\":1') WHERE name = 'anchor'").run());
    expect(verify().firstBad).toMatchObject({ problem: 'changed' });
  });

  it('the app keeps working after tampering, verify still points at the first bad entry, and purge/rotation refuse', () => {
    raw((db) => db.prepare("UPDATE entries SET payload = replace(payload, 'a.pdf', 'z.pdf') WHERE seq = 2").run());
    const store = AuditStore.open({ dataDir: dir, key });
    try {
      const later = store.append('export', { what: 'form' });
      expect(later.seq).toBe(6);
      expect(store.verify().firstBad).toMatchObject({ seq: 2, problem: 'changed' });
      expect(() => store.purge(new Date('2100-01-01'))).toThrow(/AUDIT_TAMPERED/);
      expect(() => store.rotateKey(newKey())).toThrow(/AUDIT_TAMPERED/);
      expect(store.count()).toBe(6);
    } finally {
      store.close();
    }
  });

  it('after an inserted row at the end, new appends keep the fake detectable', () => {
    raw((db) => insert(db, { ...row(db, 4), seq: 6, id: '01FAKEFAKEFAKEFAKEFAKEFAKE', prev: row(db, 5).hash, hash: 'ab'.repeat(32) }));
    const store = AuditStore.open({ dataDir: dir, key });
    try {
      store.append('export', { what: 'form' });
      expect(store.verify().firstBad).toMatchObject({ seq: 6, problem: 'inserted' });
    } finally {
      store.close();
    }
  });
});
