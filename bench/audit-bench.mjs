// Audit history benchmark: durable write rate (one transaction + fsync per entry, as the app does) and the
// time to verify a chain of 100,000 entries.  usage: node bench/audit-bench.mjs [--entries 100000] [--durable 2000] [--json]
// Bundles electron/services/audit with esbuild (no build needed); temporary files go to the OS temp folder.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const TOTAL = arg('entries', 100_000);
const DURABLE = arg('durable', 2000);
const json = process.argv.includes('--json');

const outDir = path.join(root, 'node_modules', '.cache', 'sigilo-audit-bench');
mkdirSync(outDir, { recursive: true });
const entry = path.join(outDir, 'audit.mjs');
await build({
  stdin: { contents: "export { AuditStore } from './electron/services/audit/audit-store.ts';", resolveDir: root, loader: 'ts' },
  outfile: entry, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning',
});
const { AuditStore } = await import(pathToFileURL(entry).href);
const { randomBytes } = await import('node:crypto');

const dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-audit-bench-'));
const log = (s) => { if (!json) console.error(s); };
try {
  const key = randomBytes(32);
  const store = AuditStore.open({ dataDir: dir, key });
  const report = {
    file: 'exames/laudo.pdf', sha256: 'a'.repeat(64), mediaType: 'application/pdf', status: 'ok', pages: 2,
    extraction: { method: 'text', chars: 1834 }, risk: { score: 87, level: 'high', reasons: ['CPF válido junto a dado de saúde'] },
    findings: Array.from({ length: 12 }, (_, i) => ({ type: i % 2 ? 'cpf' : 'person_name', text: 'x'.repeat(14), start: i * 20, end: i * 20 + 14, page: 1, confidence: 0.9, validated: true, plugin: 'br-identifiers@1.0.0' })),
    durationMs: 41,
  };

  // 1. durable write rate: each call is its own BEGIN IMMEDIATE … COMMIT with synchronous=FULL
  let t = performance.now();
  for (let i = 0; i < DURABLE; i++) store.append('settings_change', { field: 'ocr', i });
  const appendRate = DURABLE / ((performance.now() - t) / 1000);
  t = performance.now();
  const nAnalyses = Math.max(1, Math.floor(DURABLE / 4));
  for (let i = 0; i < nAnalyses; i++) store.recordAnalysis({ ...report, file: `exames/laudo-${i}.pdf` });
  const analysisRate = nAnalyses / ((performance.now() - t) / 1000);
  log(`durable append: ${appendRate.toFixed(0)} entries/s; recordAnalysis (12 findings, report stored): ${analysisRate.toFixed(0)} entries/s`);

  // 2. fill up to TOTAL (a quarter of them analyses with stored reports), still one durable write each
  t = performance.now();
  for (let i = store.count(); i < TOTAL; i++) {
    if (i % 4 === 0) store.recordAnalysis({ ...report, file: `exames/laudo-${i}.pdf` });
    else store.append('settings_change', { field: 'ocr', i });
    if (i % 10_000 === 0) log(`  filled ${i}…`);
  }
  const fillRate = (TOTAL - DURABLE - nAnalyses) / ((performance.now() - t) / 1000);
  log(`fill: ${fillRate.toFixed(0)} entries/s`);

  // 3. verify the whole chain
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(store.verify());
  if (!runs.every((r) => r.ok && r.entries === TOTAL)) throw new Error(`verify failed: ${JSON.stringify(runs[0])}`);
  const verifyMs = Math.min(...runs.map((r) => r.durationMs));
  const listT = performance.now();
  store.list({ limit: 100 });
  const stats = store.stats();
  const listStatsMs = performance.now() - listT;
  store.close();
  const size = ['audit.db', 'audit.db-wal'].map((f) => { try { return statSync(path.join(dir, f)).size; } catch { return 0; } }).reduce((a, b) => a + b, 0);
  const result = {
    entries: TOTAL, durableAppendPerSec: Math.round(appendRate), durableRecordAnalysisPerSec: Math.round(analysisRate),
    fillPerSec: Math.round(fillRate), verifyMs, verifyEntriesPerSec: Math.round(TOTAL / (verifyMs / 1000)),
    listAndStatsMs: Math.round(listStatsMs), dbBytes: size, analyses: stats.byType.analysis ?? 0,
  };
  if (json) console.log(JSON.stringify(result, null, 2));
  else console.error(`verify ${TOTAL} entries: ${verifyMs} ms; list+stats: ${result.listAndStatsMs} ms; files: ${(size / 1e6).toFixed(1)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
