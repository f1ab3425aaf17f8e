// Scores built detector plugins on a labelled corpus (the `text` of each document in labels.json), without
// extraction: runs each plugin's wasm through @extism/extism, writes a report in the contract shape and runs
// the shared scorer on it.
//
//   node plugins/person-names/tools/eval-corpus.mjs [--labels FILE] [--scorer score.mjs] [--out REPORT.json] [--json] [ID...]
//   (default IDs: person-names birth-dates addresses; build them first with scripts/build-plugins.mjs)
import createPlugin from '@extism/extism';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const args = process.argv.slice(2);
const valueOf = (flag, dflt) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : dflt; };
const labelsPath = valueOf('--labels', '/work/shared/corpus/dev/labels.json');
const outPath = valueOf('--out', path.join(root, 'dist', 'eval-corpus-report.json'));
const ids = args.filter((a, i) => !a.startsWith('--') && !['--labels', '--out', '--scorer'].includes(args[i - 1]));
if (ids.length === 0) ids.push('person-names', 'birth-dates', 'addresses');

const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
const plugins = [];
for (const id of ids) {
  const dir = path.join(root, 'dist', 'plugins', id);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'plugin.json'), 'utf8'));
  const plugin = await createPlugin({ wasm: [{ data: new Uint8Array(readFileSync(path.join(dir, 'plugin.wasm'))) }] }, { useWasi: false, runInWorker: false });
  plugins.push({ id: `${id}@${manifest.version}`, plugin, types: manifest.findingTypes ?? [] });
}
const reports = [];
let ms = 0;
for (const doc of labels.documents) {
  const findings = [];
  for (const { id, plugin } of plugins) {
    const t0 = performance.now();
    const out = await plugin.call('analyze', JSON.stringify({ api: 1, text: doc.text, language: 'pt-BR', options: {} }));
    ms += performance.now() - t0;
    for (const f of JSON.parse(out.text()).findings) {
      findings.push({ type: f.type, text: doc.text.slice(f.start, f.end), start: f.start, end: f.end, page: 1, confidence: f.confidence, validated: f.validated ?? false, plugin: id, reason: f.reason });
    }
  }
  reports.push({ file: doc.file, status: 'ok', findings, risk: { score: 0, level: 'none', reasons: [] } });
}
for (const { plugin } of plugins) await plugin.close();
writeFileSync(outPath, JSON.stringify({ tool: { name: 'eval-corpus', version: '0.1.0' }, reports }, null, 1));
const scorer = valueOf('--scorer', '/work/shared/eval/score.mjs');
const r = spawnSync(process.execPath, [scorer, labelsPath, outPath, '--json'], { encoding: 'utf8' });
if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
const score = JSON.parse(r.stdout);
const types = new Set(plugins.flatMap((p) => p.types));
if (args.includes('--json')) {
  console.log(JSON.stringify({ types: Object.fromEntries([...types].map((t) => [t, score.types[t]])),
    falsePositives: score.falsePositives.filter((x) => [...types].some((t) => x.includes(` ${t}: `))),
    falseNegatives: score.falseNegatives.filter((x) => [...types].some((t) => x.includes(` ${t}: `))) }, null, 1));
} else {
  for (const t of types) {
    const s = score.types[t];
    if (s) console.log(`${t.padEnd(16)} P ${(s.p * 100).toFixed(1)}  R ${(s.r * 100).toFixed(1)}  F1 ${(s.f1 * 100).toFixed(1)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
  }
  console.log(`${labels.documents.length} documents, plugins ran ${ms.toFixed(0)} ms in total; report: ${path.relative(root, outPath)}`);
}
