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
// Inside the package (the bundles find the package root and node_modules from where they are).
const bundleDir = path.join(root, 'dist', `.check-redaction-corpus-${process.pid}`);
const bundle = path.join(bundleDir, 'corpus-check.mjs');
const common = {
  bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'error',
  banner: { js: "import { createRequire as __sigiloCreateRequire } from 'node:module'; const require = __sigiloCreateRequire(import.meta.url);" },
};
await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/services/redaction/corpus-check.ts')], outfile: bundle }),
  // the copies are made in the isolated extraction process, as in the app and the CLI
  build({ ...common, entryPoints: [path.join(root, 'electron/services/extraction/extract-process.ts')], outfile: path.join(bundleDir, 'extract-process.js') }),
  build({ ...common, entryPoints: [path.join(root, 'electron/services/extraction/ocr-worker.ts')], outfile: path.join(bundleDir, 'ocr-worker.js') }),
]);
const { readLabels, checkCorpusFiles, ExtractionClient } = await import(pathToFileURL(bundle).href);
const redactor = ExtractionClient.start({ entry: path.join(bundleDir, 'extract-process.js') });
let documents = await readLabels(corpusDir);
if (only) documents = documents.filter((d) => d.file.includes(only));
const started = Date.now();
const results = await checkCorpusFiles({
  corpusDir, outDir, documents, mode, ocr, redactor,
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
await redactor.close();
await rm(bundleDir, { recursive: true, force: true });
if (!opt('out')) await rm(tmp, { recursive: true, force: true });
process.exit(bad === 0 ? 0 : 2);
