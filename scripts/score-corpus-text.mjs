// Scores the detectors on a labelled corpus's text (no extraction): runs every built plugin of
// dist/plugins on each document's `text` in-process through Extism, merges the findings, rates the risk,
// writes a report in the contract shape and runs the scorer on it.
//
//   node scripts/score-corpus-text.mjs [--labels LABELS.json] [--plugins DIR] [--out REPORT.json] [--only ID,ID] [--build] [--json]
//
// Defaults: /work/shared/corpus/dev/labels.json (or $SIGILO_LABELS), dist/plugins, dist/corpus-text-report.json.
import createPlugin from '@extism/extism';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const valueOf = (flag, def) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : def; };
const labelsPath = path.resolve(valueOf('--labels', process.env.SIGILO_LABELS ?? '/work/shared/corpus/dev/labels.json'));
const pluginsDir = path.resolve(root, valueOf('--plugins', 'dist/plugins'));
const outPath = path.resolve(root, valueOf('--out', 'dist/corpus-text-report.json'));
const only = valueOf('--only', '')?.split(',').filter(Boolean) ?? [];
const scorer = process.env.SIGILO_SCORER ?? '/work/shared/eval/score.mjs';

if (args.includes('--build')) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-plugins.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The TypeScript merge/risk code, bundled on the fly (no build step needed).
const bundle = await build({
  stdin: {
    contents: "export * from './electron/services/detection/index.ts'; export { PluginOutputSchema } from './electron/shared/plugin-abi.ts';",
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error',
});
const tmp = path.join(os.tmpdir(), `sigilo-detection-${process.pid}.mjs`);
writeFileSync(tmp, bundle.outputFiles[0].text);
const { mergeFindings, rateRisk, PluginOutputSchema } = await import(pathToFileURL(tmp).href);

const MEDIA = { pdf: 'application/pdf', scanpdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain', latin1: 'text/plain', csv: 'text/csv', scan: 'image/png', odt: 'application/vnd.oasis.opendocument.text', html: 'text/html', md: 'text/markdown' };

const plugins = [];
for (const dir of readdirSync(pluginsDir).sort()) {
  const manifestPath = path.join(pluginsDir, dir, 'plugin.json');
  if (!existsSync(manifestPath) || (only.length && !only.includes(dir))) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const wasm = readFileSync(path.join(pluginsDir, dir, 'plugin.wasm'));
  const plugin = await createPlugin({ wasm: [{ data: wasm }], memory: { maxPages: manifest.limits.memoryPages } },
    { useWasi: false, runInWorker: false, timeoutMs: manifest.limits.timeoutMs });
  plugins.push({ id: `${manifest.id}@${manifest.version}`, plugin });
}
if (plugins.length === 0) { console.error(`no built plugins in ${pluginsDir} (run node scripts/build-plugins.mjs)`); process.exit(1); }
console.error(`plugins: ${plugins.map((p) => p.id).join(', ')}`);

const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
const reports = [];
for (const doc of labels.documents) {
  const t0 = performance.now();
  const runs = [];
  for (const { id, plugin } of plugins) {
    const s = performance.now();
    try {
      const out = await plugin.call('analyze', JSON.stringify({ api: 1, text: doc.text, language: 'pt-BR', options: {} }));
      const parsed = PluginOutputSchema.parse(JSON.parse(out?.text() ?? '{"findings":[]}'));
      runs.push({ plugin: id, findings: parsed.findings, durationMs: performance.now() - s });
    } catch (err) {
      runs.push({ plugin: id, findings: [], durationMs: performance.now() - s, error: { code: 'PLUGIN_FAILURE', message: String(err?.message ?? err) } });
      console.error(`${doc.file}: ${id} failed: ${err?.message ?? err}`);
    }
  }
  const findings = mergeFindings(doc.text, [0], runs);
  const mediaType = MEDIA[doc.format] ?? 'text/plain';
  const rows = mediaType === 'text/csv' ? Math.max(0, doc.text.trim().split(/\r?\n/).length - 1) : undefined;
  const risk = rateRisk(findings, { text: doc.text, mediaType, ...(rows !== undefined ? { rows } : {}) });
  reports.push({
    file: doc.file, sha256: createHash('sha256').update(doc.text).digest('hex'), mediaType, status: 'ok', pages: 1,
    extraction: { method: 'text', chars: doc.text.length }, risk, findings, durationMs: Math.round(performance.now() - t0),
    plugins: runs.map((r) => ({ plugin: r.plugin, durationMs: Math.round(r.durationMs), findings: r.findings.length, ...(r.error ? { error: r.error } : {}) })),
  });
}
for (const { plugin } of plugins) await plugin.close();
mkdirSync(path.dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify({ tool: { name: 'sigilo', version: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version }, reports }, null, 1));
console.error(`report: ${path.relative(root, outPath)}`);
const r = spawnSync(process.execPath, [scorer, labelsPath, outPath, ...(args.includes('--json') ? ['--json'] : [])], { stdio: 'inherit' });
process.exit(r.status ?? 0);
