// Extraction benchmark: speed targets (20-page text PDF ≤ 1 s, one scanned A4 page ≤ 4 s, 50-page DOCX ≤ 1 s)
// and OCR quality on the labelled corpus (character similarity of OCR output to the ground-truth text).
// Runs through the real extraction process (ExtractionClient), warmed up first.
// usage: node bench/extraction-bench.mjs [--corpus DIR] [--json]
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : path.resolve(root, '../shared/corpus/dev');
const asJson = args.includes('--json');
const log = (...a) => console.error(...a);

const outDir = path.join(root, 'node_modules', '.cache', 'sigilo-extraction-bench');
mkdirSync(outDir, { recursive: true });
const common = {
  absWorkingDir: root, bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'warning',
  banner: { js: "import { createRequire as __sigiloCreateRequire } from 'node:module'; const require = __sigiloCreateRequire(import.meta.url);" },
};
await Promise.all([
  build({ ...common, entryPoints: ['electron/services/extraction/extract-process.ts'], outfile: path.join(outDir, 'extract-process.js') }),
  build({ ...common, entryPoints: ['electron/services/extraction/ocr-worker.ts'], outfile: path.join(outDir, 'ocr-worker.js') }),
  build({
    ...common,
    stdin: {
      contents: "export { ExtractionClient } from './electron/services/extraction/extraction-client'; export * from './electron/services/extraction/test-support';",
      resolveDir: root, loader: 'ts',
    },
    outfile: path.join(outDir, 'bench-lib.js'),
  }),
]);
const lib = await import(pathToFileURL(path.join(outDir, 'bench-lib.js')).href);

/** Levenshtein similarity 1 − d / max(len), on whitespace-normalised text. */
function similarity(a, b) {
  const x = a.replace(/\s+/g, ' ').trim();
  const y = b.replace(/\s+/g, ' ').trim();
  if (!x.length && !y.length) return 1;
  let prev = new Uint32Array(y.length + 1).map((_, j) => j);
  let cur = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x.charCodeAt(i - 1) === y.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sigilo-bench-'));
const client = lib.ExtractionClient.start({ entry: path.join(outDir, 'extract-process.js') });
const results = { speed: {}, ocrSimilarity: {}, corpus: { ok: 0, errors: [] } };
try {
  const write = (name, bytes) => { const p = path.join(tmp, name); writeFileSync(p, bytes); return p; };
  const para = (i) => `Parágrafo ${i}: paciente Maria da Silva, CPF 529.982.247-25, internada com pneumonia; evolução estável.`;
  const pdf20 = write('20p.pdf', await lib.textPdf(Array.from({ length: 20 }, (_, p) => Array.from({ length: 40 }, (_, l) => para(p * 40 + l)))));
  const docx50 = write('50p.docx', await lib.docxFile(Array.from({ length: 50 * 25 }, (_, i) => para(i)), Array.from({ length: 40 }, (_, r) => [`linha ${r}`, 'Glicemia', '98 mg/dL'])));
  // A4 pages at 300 dpi (2480×3508) as JPEG scans: a typical one (30 lines of 11-pt text, ~2 000 chars)
  // and a dense one (55 lines of 9-pt text, ~4 200 chars); the typical one also as an image-only PDF.
  const { createCanvas } = await import('@napi-rs/canvas');
  const { PDFDocument } = await import('pdf-lib');
  const a4Scan = async (count, fontPx, width) => {
    const { canvas } = lib.drawTextRgba(Array.from({ length: count }, (_, i) => para(i).slice(0, width)), { width: 2480, fontPx });
    const a4 = createCanvas(2480, 3508);
    const ctx = a4.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 2480, 3508); ctx.drawImage(canvas, 0, 100);
    return a4.encode('jpeg', 85);
  };
  const typicalJpg = await a4Scan(30, 46, 70);
  const scanJpg = write('a4-typical.jpg', typicalJpg);
  const denseJpg = write('a4-dense.jpg', await a4Scan(55, 36, 80));
  const scanPdfDoc = await PDFDocument.create();
  const embedded = await scanPdfDoc.embedJpg(typicalJpg);
  scanPdfDoc.addPage([595.28, 841.89]).drawImage(embedded, { x: 0, y: 0, width: 595.28, height: 841.89 });
  const scanPdf = write('a4-typical-scan.pdf', await scanPdfDoc.save());

  // Warm-up: process start, pdf.js, mammoth and the OCR workers.
  await client.extract(pdf20, { ocr: false });
  await client.extract(docx50, { ocr: false });
  await client.extract(scanJpg, { ocr: true });

  const time = async (label, file, ocr, runs = 3) => {
    const times = [];
    let doc;
    for (let i = 0; i < runs; i++) { const t = performance.now(); doc = await client.extract(file, { ocr }); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    results.speed[label] = { runsMs: times.map(Math.round), medianMs: Math.round(times[Math.floor(times.length / 2)]), pages: doc.pages, chars: doc.text.length };
    log(`${label}: median ${results.speed[label].medianMs} ms (${doc.pages} pages, ${doc.text.length} chars)`);
  };
  await time('pdf-text-20-pages', pdf20, false);
  await time('docx-50-pages', docx50, false);
  await time('scan-a4-300dpi-jpg-typical', scanJpg, true);
  await time('scan-a4-300dpi-pdf-typical', scanPdf, true);
  await time('scan-a4-300dpi-jpg-dense', denseJpg, true);

  if (existsSync(path.join(corpus, 'labels.json'))) {
    const labels = JSON.parse(readFileSync(path.join(corpus, 'labels.json'), 'utf8')).documents;
    const byFormat = {};
    for (const doc of labels) {
      const started = performance.now();
      try {
        const out = await client.extract(path.join(corpus, doc.file), { ocr: true });
        results.corpus.ok++;
        const sim = similarity(out.text, doc.text);
        (byFormat[doc.format] ??= []).push({ sim, ms: performance.now() - started });
      } catch (error) {
        results.corpus.errors.push(`${doc.file}: ${error.code ?? error.message}`);
      }
    }
    for (const [format, rows] of Object.entries(byFormat)) {
      const mean = rows.reduce((s, r) => s + r.sim, 0) / rows.length;
      results.ocrSimilarity[format] = { files: rows.length, meanSimilarity: Number(mean.toFixed(4)), minSimilarity: Number(Math.min(...rows.map((r) => r.sim)).toFixed(4)), meanMs: Math.round(rows.reduce((s, r) => s + r.ms, 0) / rows.length) };
    }
    log(`corpus: ${results.corpus.ok}/${labels.length} analysed; errors: ${results.corpus.errors.join(', ') || 'none'}`);
    for (const [format, r] of Object.entries(results.ocrSimilarity)) log(`  ${format.padEnd(8)} similarity mean ${r.meanSimilarity} min ${r.minSimilarity} (${r.files} files, ${r.meanMs} ms/file)`);
  }
} finally {
  await client.close();
  rmSync(tmp, { recursive: true, force: true });
}
results.loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)));
results.cores = os.availableParallelism();
log(`load average ${results.loadAverage.join(' ')} on ${results.cores} cores`);
if (asJson) console.log(JSON.stringify(results, null, 2));
