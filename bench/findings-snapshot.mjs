// Findings of every built plugin on a fixed set of texts, to prove that a performance change finds exactly
// the same things (types, offsets, confidences, reasons) as before.
//
//   node bench/findings-snapshot.mjs save BEFORE.json [--plugins DIR]   (DIR: a copy of dist/plugins; default dist/plugins)
//   ... change and rebuild (node scripts/build-plugins.mjs --force) ...
//   node bench/findings-snapshot.mjs save AFTER.json
//   node bench/findings-snapshot.mjs compare BEFORE.json AFTER.json     (exit 1 when any document differs)
//
// Texts: every document of the dev corpus (labels.json), resources/eval/heldout/*.txt, and ~3 MB of generated
// clinical text (bench/lib/fixtures.mjs, fixed seed) cut into 50,000-character chunks, the host's chunk size.
// Plugins run through the plugin host's own PluginInstance (the fast I/O path the app uses).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadLib } from './lib/bundle.mjs';
import { clinicalText } from './lib/fixtures.mjs';
import { corpusDir, distPlugins, root } from './lib/paths.mjs';

const [cmd, a, b, ...rest] = process.argv.slice(2);

function texts() {
  const out = [];
  const labels = JSON.parse(readFileSync(path.join(corpusDir, 'labels.json'), 'utf8'));
  labels.documents.forEach((d, i) => out.push([`dev:${d.id ?? i}`, d.text]));
  const heldout = path.join(root, 'resources/eval/heldout');
  if (existsSync(heldout)) for (const f of readdirSync(heldout).sort()) if (f.endsWith('.txt')) out.push([`heldout:${f}`, readFileSync(path.join(heldout, f), 'utf8')]);
  const big = clinicalText(3e6, 777);
  for (let i = 0; i < big.length; i += 50000) out.push([`generated:${i}`, big.slice(i, i + 50000)]);
  return out;
}

async function save(file, dir) {
  const lib = await loadLib();
  const all = texts();
  const result = {};
  for (const id of readdirSync(dir).sort()) {
    if (!existsSync(path.join(dir, id, 'plugin.wasm'))) continue;
    const plugin = await lib.loadPluginFolder(path.join(dir, id));
    const inst = await lib.PluginInstance.create({ key: plugin.key, module: plugin.module, entry: 'analyze', limits: plugin.manifest.limits, capabilities: plugin.capabilities }, { log() {}, audit() {} });
    const r = {};
    let n = 0;
    for (const [k, t] of all) {
      const o = await inst.analyze(lib.encodeAnalyzeInput(t, 'pt-BR', { today: '2026-11-24' }), t.length);
      r[k] = o.ok ? o.findings : { error: o.code };
      n += o.ok ? o.findings.length : 0;
    }
    await inst.close();
    result[id] = r;
    console.log(`${id}: ${n} findings on ${all.length} texts`);
  }
  writeFileSync(file, JSON.stringify(result));
}

function compare(fileA, fileB) {
  const [x, y] = [fileA, fileB].map((f) => JSON.parse(readFileSync(f, 'utf8')));
  let bad = 0;
  for (const id of Object.keys(x)) {
    if (!y[id]) { console.log(`${id}: missing in ${fileB}`); bad++; continue; }
    const diff = Object.keys(x[id]).filter((k) => JSON.stringify(x[id][k]) !== JSON.stringify(y[id][k]));
    for (const k of diff.slice(0, 3)) console.log(`  ${id} ${k}:\n    ${JSON.stringify(x[id][k]).slice(0, 400)}\n    ${JSON.stringify(y[id][k]).slice(0, 400)}`);
    console.log(`${id}: ${diff.length ? `DIFFERENT on ${diff.length} texts` : 'identical'}`);
    bad += diff.length;
  }
  process.exitCode = bad ? 1 : 0;
}

if (cmd === 'save' && a) {
  const i = rest.indexOf('--plugins');
  const dir = b === '--plugins' ? rest[0] : i >= 0 ? rest[i + 1] : distPlugins;
  await save(a, path.resolve(dir ?? distPlugins));
} else if (cmd === 'compare' && a && b) compare(a, b);
else {
  console.error('usage: node bench/findings-snapshot.mjs save FILE [--plugins DIR] | compare A.json B.json');
  process.exitCode = 2;
}
