import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../audit/audit-store.js';
import { newKey, sampleReport } from '../audit/test-helpers.js';
import { redactBytes } from '../redaction/redact-bytes.js';
import type { Redactor } from '../redaction/redact-file.js';
import { SettingsStore } from '../settings/settings-store.js';
import type { ExportProgress } from '../../shared/api.js';
import { auditPort } from './audit-port.js';
import { exportsPort, redactionPort } from './export-ports.js';
import { createHandlers, type HandlerTable } from './handlers.js';
import type { FileReport } from '../../shared/report.js';

/** The real redaction, run in this process (the app runs the same code in the isolated extraction process). */
const inProcess: Redactor = {
  async redact(source, findings, options) {
    if (source.kind !== 'bytes') throw new Error('test redactor takes bytes');
    return redactBytes(source.bytes, source.name, findings, { ...options, ocr: () => { throw new Error('no OCR in this test'); } });
  },
};

describe('batch export (one folder, one pseudonym table, every file recorded)', () => {
  let dir: string;
  let store: AuditStore;
  let table: HandlerTable;
  let folder: string;
  let progress: ExportProgress[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-batch-'));
    folder = path.join(dir, 'saida');
    store = AuditStore.open({ dataDir: dir, key: newKey() });
    progress = [];
    const files = new Map<string, FileReport>();
    table = createHandlers({
      version: '0.1.0', platform: 'linux', dataDir: dir,
      analysis: {
        // records each report as the real pipeline does; the "analysis" is the fixture report of each upload
        analyse: async (inputs) => inputs.map((input) => {
          const name = input.kind === 'bytes' ? input.name : path.basename(input.path);
          const report = files.get(name)!;
          return { ...report, auditId: store.recordAnalysis(report).id };
        }),
      },
      audit: auditPort(store),
      plugins: { list: async () => [], setEnabled: async () => {} },
      exports: exportsPort(),
      redaction: redactionPort(inProcess),
      settings: new SettingsStore(dir),
      dialogs: { native: false, openPaths: async () => [], savePath: async () => null, reveal: async () => true, chooseFolder: async () => folder, choosePluginFile: async () => null },
    }, () => {});
    table.events.on('exportProgress', (p) => progress.push(p));
    const a = sampleReport({ file: 'laudo.txt' });
    const b = sampleReport({ file: 'receita.txt' });
    files.set('laudo.txt', a).set('receita.txt', b)
      .set('vazio.txt', { file: 'vazio.txt', status: 'error', error: { code: 'EMPTY_FILE', message: 'O arquivo está vazio.' } });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const analyse = async (): Promise<string[]> => {
    const sample = sampleReport();
    const text = sample.status === 'ok' ? sample.text ?? '' : '';
    const uploads = ['laudo.txt', 'receita.txt', 'vazio.txt'].map((name) => ({ name, bytes: new TextEncoder().encode(name === 'vazio.txt' ? '' : text) }));
    const started = await table.invoke('analysisStart', { uploads });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    for (let i = 0; i < 200; i++) {
      const s = await table.invoke('analysisStatus', { jobId });
      if (s.ok && (s.value as { state: string }).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const list = await table.invoke('resultsList', {});
    if (!list.ok) throw new Error(list.error.message);
    return (list.value as Array<{ reportId: string }>).map((r) => r.reportId);
  };

  it('writes pseudonymised copies with the same token for the same value across documents, and the forms', async () => {
    const ids = await analyse();
    expect(ids).toHaveLength(3);
    const r = await table.invoke('exportBatch', { reportIds: ids, redaction: 'pseudonym', forms: ['consent', 'ripd', 'record'] });
    if (!r.ok) throw new Error(r.error.message);
    const result = r.value as { folder: string; copies: number; forms: number; skipped: number; failed: number; items: Array<{ name: string; status: string; output?: string; error?: string }> };
    expect(result).toMatchObject({ folder, copies: 2, forms: 3, skipped: 1, failed: 0 });
    expect(result.items.find((i) => i.name === 'vazio.txt')).toMatchObject({ status: 'skipped', error: expect.stringMatching(/não há cópia redigida/) });

    const written = readdirSync(folder).sort();
    expect(written.filter((f) => f.endsWith('.txt'))).toEqual(['laudo.redigido.txt', 'receita.redigido.txt']);
    expect(written.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    const laudo = readFileSync(path.join(folder, 'laudo.redigido.txt'), 'utf8');
    const receita = readFileSync(path.join(folder, 'receita.redigido.txt'), 'utf8');
    expect(laudo).not.toContain('529.982.247-25');
    expect(laudo).not.toContain('Maria Aparecida');
    // one table for the batch: same person, same CPF → same tokens in both copies
    expect(laudo).toMatch(/NOME_1/);
    expect(laudo).toMatch(/CPF_1/);
    expect(receita).toBe(laudo);

    // every file written is in the audit history (2 copies + 3 forms)
    const recorded = store.list({ type: 'export' });
    expect(recorded).toHaveLength(5);
    expect(new Set(recorded.map((e) => e.payload.batchId)).size).toBe(1);
    expect(recorded.filter((e) => e.payload.kind === 'form:ripd')[0]?.payload).toMatchObject({ reports: 2 });

    // progress went from 0 to the total and finished
    expect(progress[0]).toMatchObject({ done: 0, total: 6, finished: false });
    expect(progress.at(-1)).toMatchObject({ done: 6, total: 6, finished: true });
    // the folder and the files written may be shown in the file manager
    expect(await table.invoke('revealPath', { path: folder })).toEqual({ ok: true, value: { ok: true } });
  });

  it('never overwrites: a second export to the same folder gets new names', async () => {
    const ids = await analyse();
    await table.invoke('exportBatch', { reportIds: ids, redaction: 'label' });
    const again = await table.invoke('exportBatch', { reportIds: ids, redaction: 'block' });
    expect(again).toMatchObject({ ok: true, value: { copies: 2 } });
    expect(readdirSync(folder).sort()).toEqual(['laudo.redigido-2.txt', 'laudo.redigido.txt', 'receita.redigido-2.txt', 'receita.redigido.txt']);
  });

  it('can be stopped: files not yet written are listed as not made, nothing else is written', async () => {
    const ids = await analyse();
    let asked = false;
    table.events.on('exportProgress', (p) => {
      if (p.done === 1 && !asked) { asked = true; void table.invoke('exportCancel', { batchId: p.batchId }); }
    });
    const r = await table.invoke('exportBatch', { reportIds: ids, redaction: 'label', forms: ['consent'] });
    if (!r.ok) throw new Error(r.error.message);
    const result = r.value as { stopped: boolean; copies: number; forms: number; items: Array<{ status: string; error?: string }> };
    expect(result.stopped).toBe(true);
    expect(result.copies).toBe(1);
    expect(result.forms).toBe(0);
    expect(result.items.filter((i) => i.error === 'A exportação foi interrompida antes deste arquivo.')).toHaveLength(3);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(await table.invoke('exportCancel', { batchId: 'lote-que-acabou' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('an unknown report id is refused before anything is written', async () => {
    const r = await table.invoke('exportBatch', { reportIds: ['nao-existe'], forms: ['consent'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_FOUND' } });
  });
});
