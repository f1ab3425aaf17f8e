import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb } from '../../services/audit/audit-db.js';
import { AUDIT_DB_FILE } from '../../services/audit/audit-store.js';
import { openAuditForCli } from '../../services/audit/open-audit.js';
import { sampleReport, tempDir } from '../../services/audit/test-helpers.js';
import type { CliIo } from '../cli-io.js';
import { parseDate, run } from './audit.js';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function setup() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function sigilo(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, env, cwd };
  expect(args[0]).toBe('audit');
  const code = await run(args.slice(1), io);
  return { code, stdout, stderr };
}

async function seed(dir: string) {
  const { store } = await openAuditForCli({ dataDir: dir, env: {} });
  try {
    const a = store.recordAnalysis(sampleReport({ file: 'exames/laudo.pdf' }));
    store.append('plugin_install', { plugin: 'extra', version: '2.0.0' });
    store.setFindingDecision(a.id, 1, 'rejected');
    return a;
  } finally {
    store.close();
  }
}

describe('sigilo audit', () => {
  it('list: human output in Portuguese, newest first; --json; --type filter', async () => {
    const dir = setup();
    const a = await seed(dir);
    const human = await sigilo(['audit', 'list', '--data-dir', dir]);
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^#1 .*Análise {2}laudo\.pdf — risco alto \(87\), 3 achados/);
    expect(lines[0]).toContain('Revisão de achado');
    expect(lines[0]).toContain('rejeitado');
    const json = await sigilo(['audit', 'list', '--json', '--type', 'analysis'], { SIGILO_DATA_DIR: dir });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { entries: { id: string; payload: { file: string } }[]; total: number };
    expect(parsed.total).toBe(1);
    expect(parsed.entries[0]).toMatchObject({ id: a.id, payload: { file: 'exames/laudo.pdf' } });
    expect((await sigilo(['audit', 'list', '--data-dir', dir, '--since', '2999-01-01'])).stdout).toContain('Nenhum registro');
  });

  it('verify: 0 when intact (and records it); 2 naming the entry when tampered', async () => {
    const dir = setup();
    const a = await seed(dir);
    const ok = await sigilo(['audit', 'verify', '--data-dir', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Histórico íntegro: 3 registros/);
    const key = Buffer.from(readFileSync(path.join(dir, 'audit.key'), 'utf8').trim(), 'hex');
    const db = openEncryptedDb(path.join(dir, AUDIT_DB_FILE), key);
    db.prepare("UPDATE entries SET payload = replace(payload, 'laudo', 'outro') WHERE seq = 1").run();
    db.close();
    const bad = await sigilo(['audit', 'verify', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(`HISTÓRICO ADULTERADO: o registro #1 [${a.id}] foi alterado`);
    const json = await sigilo(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBad: { seq: 1, id: a.id, problem: 'changed' } });
  });

  it('export: csv and json files', async () => {
    const dir = setup();
    await seed(dir);
    const out = path.join(dir, 'exp', 'audit.csv');
    const res = await sigilo(['audit', 'export', '--format', 'csv', '--out', out, '--data-dir', dir]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Exportados 3 registros');
    expect(readFileSync(out, 'utf8')).toContain('laudo.pdf');
    const outJson = path.join(dir, 'audit.json');
    expect((await sigilo(['audit', 'export', '--out', outJson, '--data-dir', dir])).code).toBe(0); // format from the extension
    expect(JSON.parse(readFileSync(outJson, 'utf8')).entries).toHaveLength(4); // includes the first export's record
  });

  it('purge --before DATE keeps the chain verifiable', async () => {
    const dir = setup();
    await seed(dir);
    const res = await sigilo(['audit', 'purge', '--before', '2999-12-31', '--data-dir', dir]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Expurgados 3 registros/);
    const verify = await sigilo(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 1, anchorSeq: 3 });
  });

  it('rotate-key re-encrypts and the next commands still work', async () => {
    const dir = setup();
    await seed(dir);
    const before = readFileSync(path.join(dir, 'audit.key'), 'utf8');
    expect((await sigilo(['audit', 'rotate-key', '--data-dir', dir])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'audit.key'), 'utf8')).not.toBe(before);
    const verify = await sigilo(['audit', 'verify', '--data-dir', dir]);
    expect(verify.code).toBe(0);
    expect((await sigilo(['audit', 'list', '--type', 'key_rotation', '--data-dir', dir])).stdout).toContain('Troca de chave');
  });

  it('usage errors exit 1; a wrong key or a missing history exits 2 with a Portuguese message', async () => {
    const dir = setup();
    await seed(dir);
    expect((await sigilo(['audit'])).code).toBe(1);
    expect((await sigilo(['audit', 'frobnicate', '--data-dir', dir])).code).toBe(1);
    expect((await sigilo(['audit', 'list', '--type', 'nope', '--data-dir', dir])).code).toBe(1);
    expect((await sigilo(['audit', 'list', '--since', '31/02/2026', '--data-dir', dir])).code).toBe(1);
    expect((await sigilo(['audit', 'export', '--format', 'xml', '--out', 'x', '--data-dir', dir])).code).toBe(1);
    expect((await sigilo(['audit', 'purge', '--data-dir', dir])).code).toBe(1);
    const wrong = await sigilo(['audit', 'list', '--data-dir', dir], { SIGILO_KEY: 'ef'.repeat(32) });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('chave');
    const empty = setup();
    const none = await sigilo(['audit', 'verify', '--data-dir', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('não há histórico');
  });

  it('parses Brazilian and ISO dates as local days', () => {
    expect(parseDate('05/03/2026', '--since')).toEqual(new Date(2026, 2, 5));
    expect(parseDate('2026-03-05', '--until', true)).toEqual(new Date(2026, 2, 6));
    expect(parseDate('2026-03-05T10:00:00Z', '--since').toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(() => parseDate('ontem', '--since')).toThrow();
  });
});
