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
import { dataFolderPort } from '../settings/data-folder.js';

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
      exports: { renderForm: async () => unreachable('exports'), renderBatchForm: async () => unreachable('exports') },
      redaction: { redact: async () => unreachable('redaction') },
      settings: new SettingsStore(dir),
      dialogs: {
        native: false,
        openPaths: async () => { calls.push('openPaths'); return []; },
        savePath: async () => unreachable('savePath'),
        reveal: async () => unreachable('reveal'),
        chooseFolder: async () => unreachable('chooseFolder'),
        choosePluginFile: async () => unreachable('choosePluginFile'),
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
    ['historyList', { type: 'everything' }, /type/],
    ['exportBatch', { reportIds: [] }, /nenhum documento escolhido/],
    ['exportBatch', { reportIds: ['r1'], redaction: null, forms: [] }, /escolha ao menos uma exportação/],
    ['exportBatch', { reportIds: ['r1'], forms: ['everything'] }, /forms/],
    ['dataDirSet', { path: 'relativo' }, /path|caminho/],
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

  it('lists every kind of audit entry with what it is about, and filters by type', async () => {
    const analysis = store.recordAnalysis(sampleReport({ file: 'a/laudo.pdf' })).id;
    store.setFindingDecision(analysis, 1, 'rejected');
    store.append('plugin_install', { event: 'plugin_install', plugin: 'cep-extra', version: '1.2.0', trust: 'trusted', granted: ['log'] });
    store.append('permission_revoke', { event: 'plugin_revoke', plugin: 'cep-extra', capability: 'audit' });
    store.append('settings_change', { changed: ['ocr'], values: { ocr: false } });
    store.append('export', { kind: 'redaction:pseudonym', auditId: analysis, file: 'a/laudo.pdf', output: '/tmp/x/laudo.redigido.pdf' }, { ref: analysis });
    const all = await table.invoke('historyList', {});
    if (!all.ok) throw new Error(all.error.message);
    const entries = (all.value as { entries: Array<{ type: string; detail?: Record<string, unknown>; ref?: string }> }).entries;
    // verification entries are written by historyVerify; here: 6 written by hand and the review
    expect(entries.map((e) => e.type)).toEqual(['export', 'settings_change', 'permission_revoke', 'plugin_install', 'finding_review', 'analysis']);
    expect(entries[0]).toMatchObject({ ref: analysis, detail: { kind: 'redaction', mode: 'pseudonym', output: 'laudo.redigido.pdf' } });
    expect(entries[2]).toMatchObject({ detail: { plugin: 'cep-extra', capability: 'audit', event: 'plugin_revoke' } });
    expect(entries[3]).toMatchObject({ detail: { plugin: 'cep-extra', version: '1.2.0' } });
    expect(entries[4]).toMatchObject({ ref: analysis, detail: { decision: 'rejected', findingType: 'cpf' } });
    const onlyPlugins = await table.invoke('historyList', { type: 'plugin_install' });
    expect(onlyPlugins).toMatchObject({ ok: true, value: { total: 1, entries: [{ type: 'plugin_install' }] } });
    // risk level filters apply to analyses only
    const high = await table.invoke('historyList', { level: 'high' });
    expect(high).toMatchObject({ ok: true, value: { total: 1, entries: [{ type: 'analysis' }] } });
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
      dialogs: { native: false, openPaths: async () => [], savePath: async (name) => { expect(name).toBe('laudo-relatorio-analise.pdf'); return out; }, reveal: async () => true, chooseFolder: async () => null, choosePluginFile: async () => null },
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

  it('changes the data folder only to one the user picked, for the next start', async () => {
    const picked = path.join(dir, '..', `${path.basename(dir)}-nova`);
    const moving = createHandlers({
      version: '0.1.0', platform: 'linux', dataDir: dir,
      analysis: { analyse: async () => unreachable('analysis') },
      audit: auditPort(store),
      plugins: { list: async () => [], setEnabled: async () => unreachable('plugins.setEnabled') },
      exports: exportsPort(),
      redaction: { redact: async () => unreachable('redaction') },
      settings: new SettingsStore(dir),
      dialogs: { native: false, openPaths: async () => [], savePath: async () => null, reveal: async () => true, chooseFolder: async (purpose) => { expect(purpose).toBe('dataDir'); return picked; }, choosePluginFile: async () => null },
      dataFolder: dataFolderPort({ bootstrapFile: path.join(dir, 'userData', 'bootstrap.json'), current: dir, defaultDir: dir }),
    }, () => {});
    // a path the renderer made up is refused
    expect(await moving.invoke('dataDirSet', { path: picked })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await moving.invoke('dataDirChoose', undefined)).toMatchObject({ ok: true, value: { path: path.resolve(picked), ok: true } });
    expect(await moving.invoke('dataDirSet', { path: picked, copyCurrent: true })).toMatchObject({ ok: true, value: { dataDir: dir, pendingDataDir: path.resolve(picked), restartRequired: true } });
    expect(await moving.invoke('appInfo', undefined)).toMatchObject({ ok: true, value: { dataDir: dir, pendingDataDir: path.resolve(picked) } });
    // back to the folder in use: nothing pending
    expect(await moving.invoke('dataDirSet', { path: dir })).toMatchObject({ ok: true, value: { restartRequired: false } });
    const info = await moving.invoke('appInfo', undefined);
    expect(info.ok && 'pendingDataDir' in (info.value as object)).toBe(false);
  });
});
