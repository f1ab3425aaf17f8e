import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../audit/audit-store.js';
import { newKey, sampleReport } from '../audit/test-helpers.js';
import { SettingsStore } from '../settings/settings-store.js';
import { auditPort } from './audit-port.js';
import { createHandlers, type HandlerTable } from './handlers.js';
import { exportsPort } from './export-ports.js';
import { readFileSync } from 'node:fs';
import type { HandlerDeps } from './deps.js';

/** Ports that must not be reached: argument validation happens before any service is called. */
function unreachable(name: string): never {
  throw new Error(`${name} must not be called`);
}

describe('API handler table', () => {
  let dir: string;
  let store: AuditStore;
  let table: HandlerTable;
  let calls: string[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-api-'));
    store = AuditStore.open({ dataDir: dir, key: newKey() });
    calls = [];
    const deps: HandlerDeps = {
      version: '0.1.0',
      platform: 'linux',
      dataDir: dir,
      analysis: { analyse: async () => unreachable('analysis') },
      audit: auditPort(store),
      plugins: { list: async () => [], setEnabled: async () => unreachable('plugins.setEnabled') },
      exports: { renderForm: async () => unreachable('exports') },
      redaction: { redact: async () => unreachable('redaction') },
      settings: new SettingsStore(dir),
      dialogs: {
        native: false,
        openPaths: async () => { calls.push('openPaths'); return []; },
        savePath: async () => unreachable('savePath'),
        reveal: async () => unreachable('reveal'),
      },
    };
    table = createHandlers(deps, () => {});
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects an unknown method', async () => {
    expect(await table.invoke('deleteEverything', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Operação desconhecida.' } });
  });

  it.each([
    ['analysisStart', {}, /nenhum arquivo informado/],
    ['analysisStart', { paths: 'a.pdf' }, /paths/],
    ['analysisStart', { uploads: [{ name: '../x.pdf', bytes: new Uint8Array(1) }] }, /nome de arquivo inválido/],
    ['analysisStart', { uploads: [{ name: 'x.pdf', bytes: 'AAAA' }] }, /uploads\.0\.bytes/],
    ['analysisStart', { paths: ['/tmp/a.pdf'], extra: true }, /extra|Unrecognized|reconhecid/i],
    ['findingSetDecision', { reportId: 'r1', findingIndex: -1, decision: 'rejected' }, /findingIndex/],
    ['findingSetDecision', { reportId: 'r1', findingIndex: 0, decision: 'maybe' }, /decision/],
    ['reportGet', { reportId: '../../etc/passwd' }, /identificador inválido/],
    ['historyList', { from: '24/11/2026' }, /AAAA-MM-DD/],
    ['historyList', { limit: 100000 }, /limit/],
    ['settingsSet', { limits: { maxPages: 0 } }, /limits\.maxPages/],
    ['settingsSet', { language: 'fr' }, /language/],
    ['exportForm', { reportId: 'r1', type: 'everything' }, /type/],
    ['pluginSetEnabled', { id: 'Bad Id', enabled: true }, /id/],
    ['appInfo', { unexpected: 1 }, /argumentos|unexpected/],
  ])('%s rejects %j with a clear Portuguese error', async (method, args, pattern) => {
    const r = await table.invoke(method, args);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_ARGS');
    expect(r.error.message).toMatch(/^Parâmetros inválidos\./);
    expect(r.error.message).toMatch(pattern);
  });

  it('rejects relative paths for analysis', async () => {
    const r = await table.invoke('analysisStart', { paths: ['relativo/laudo.pdf'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  });

  it('applies defaults and calls the transport dialog', async () => {
    expect(await table.invoke('chooseFiles', {})).toEqual({ ok: true, value: { paths: [] } });
    expect(calls).toEqual(['openPaths']);
    expect(await table.invoke('appInfo', undefined)).toMatchObject({ ok: true, value: { version: '0.1.0', nativeDialogs: false } });
  });

  it('opens a report from the history and records a review decision there', async () => {
    const id = store.recordAnalysis(sampleReport()).id;
    const got = await table.invoke('reportGet', { reportId: id });
    expect(got).toMatchObject({ ok: true, value: { reportId: id, summary: { findings: 3, rejected: 0 } } });
    const set = await table.invoke('findingSetDecision', { reportId: id, findingIndex: 1, decision: 'rejected' });
    expect(set).toMatchObject({ ok: true, value: { finding: { type: 'cpf', decision: 'rejected' }, summary: { findings: 2, rejected: 1 } } });
    const stored = store.getReport(id);
    expect(stored?.status === 'ok' && stored.findings[1]?.decision).toBe('rejected');
    const missing = await table.invoke('findingSetDecision', { reportId: id, findingIndex: 99, decision: 'accepted' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FINDING_NOT_FOUND' } });
  });

  it('lists, filters and verifies the history', async () => {
    store.recordAnalysis(sampleReport({ file: 'a/laudo.pdf', level: 'high' }));
    store.recordAnalysis(sampleReport({ file: 'b/receita.txt', level: 'low' }));
    const all = await table.invoke('historyList', {});
    expect(all).toMatchObject({ ok: true, value: { total: 2 } });
    const high = await table.invoke('historyList', { level: 'high' });
    expect(high.ok && (high.value as { entries: Array<{ file: string }> }).entries.map((e) => e.file)).toEqual(['a/laudo.pdf']);
    expect(await table.invoke('historyVerify', undefined)).toMatchObject({ ok: true, value: { ok: true } });
    const stats = await table.invoke('historyStats', {});
    expect(stats).toMatchObject({ ok: true, value: { total: 2 } });
  });

  it('an unknown report id is a clear error, not a crash', async () => {
    expect(await table.invoke('reportGet', { reportId: 'nao-existe' })).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_FOUND' } });
    expect(await table.invoke('revealPath', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('exports the analysis report as a PDF (rejected findings decided first) and records the export', async () => {
    const id = store.recordAnalysis(sampleReport()).id;
    const out = path.join(dir, 'saida.pdf');
    const exporting = createHandlers({
      version: '0.1.0', platform: 'linux', dataDir: dir,
      analysis: { analyse: async () => unreachable('analysis') },
      audit: auditPort(store),
      plugins: { list: async () => [], setEnabled: async () => unreachable('plugins.setEnabled') },
      exports: exportsPort(),
      redaction: { redact: async () => unreachable('redaction') },
      settings: new SettingsStore(dir),
      dialogs: { native: false, openPaths: async () => [], savePath: async (name) => { expect(name).toBe('laudo-relatorio-analise.pdf'); return out; }, reveal: async () => true },
    }, () => {});
    await exporting.invoke('findingSetDecision', { reportId: id, findingIndex: 1, decision: 'rejected' });
    const r = await exporting.invoke('exportForm', { reportId: id, type: 'report' });
    expect(r).toMatchObject({ ok: true, value: { path: out } });
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const exportsRecorded = store.list({ type: 'export' });
    expect(exportsRecorded).toHaveLength(1);
    expect(exportsRecorded[0]?.ref).toBe(id);
    // only a file this session wrote may be shown in the file manager
    expect(await exporting.invoke('revealPath', { path: out })).toEqual({ ok: true, value: { ok: true } });
  });
});
