#!/usr/bin/env node
/**
 * Redacts every document of a labelled corpus (labelled values as findings) and proves that no labelled
 * value survives: extracted text, raw bytes, and OCR of PDF/image outputs. Prints a summary.
 *   node scripts/check-redaction-corpus.mjs [--corpus DIR] [--out DIR] [--mode label|block|pseudonym] [--no-ocr] [--only PATTERN]
 * Exit status: 0 no leak and no failure, 2 otherwise.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const corpusDir = path.resolve(opt('corpus', path.join(root, '..', 'shared', 'corpus', 'dev')));
const mode = opt('mode', 'label');
const only = opt('only');
const ocr = !args.includes('--no-ocr');

const tmp = await mkdtemp(path.join(os.tmpdir(), 'sigilo-redaction-check-'));
const outDir = path.resolve(opt('out', path.join(tmp, 'out')));
const bundle = path.join(root, 'dist', '.check-redaction-corpus.mjs');
await build({
  entryPoints: [path.join(root, 'electron/services/redaction/corpus-check.ts')],
  bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'error',
});
const { readLabels, checkCorpusFiles } = await import(pathToFileURL(bundle).href);
let documents = await readLabels(corpusDir);
if (only) documents = documents.filter((d) => d.file.includes(only));
const started = Date.now();
const results = await checkCorpusFiles({
  corpusDir, outDir, documents, mode, ocr,
  onFile: (r) => {
    const status = r.error ? `ERROR ${r.error}` : r.leaks.length ? `LEAK ${r.leaks.map((l) => `${l.via}:${JSON.stringify(l.value)}`).join(' ')}` : 'ok';
    console.log(`${r.file.padEnd(28)} ${r.format.padEnd(8)} ${String(Math.round(r.ms)).padStart(6)} ms  ${status}${r.result?.warnings.length ? `  (${r.result.warnings.join(' ')})` : ''}`);
  },
});
const byFormat = new Map();
for (const r of results) {
  const s = byFormat.get(r.format) ?? { files: 0, ok: 0, leaks: 0, errors: 0 };
  s.files++; if (r.ok) s.ok++; if (r.leaks.length) s.leaks++; if (r.error) s.errors++;
  byFormat.set(r.format, s);
}
console.log(`\nmode=${mode} ocr=${ocr} files=${results.length} time=${((Date.now() - started) / 1000).toFixed(1)}s out=${outDir}`);
for (const [format, s] of byFormat) console.log(`  ${format.padEnd(8)} files ${s.files}  clean ${s.ok}  leaking ${s.leaks}  failed ${s.errors}`);
const bad = results.filter((r) => !r.ok).length;
console.log(bad === 0 ? 'no labelled value survived' : `${bad} file(s) leaked or failed`);
await rm(bundle, { force: true });
if (!opt('out')) await rm(tmp, { recursive: true, force: true });
process.exit(bad === 0 ? 0 : 2);
