// Runs the built br-identifiers plugin on the texts of a labelled corpus, writes a report in the contract's
// shape and prints throughput.
//   node plugins/br-identifiers/tools/eval-corpus.mjs LABELS.json OUT_REPORT.json [--formats txt,csv] [--bench MB]
import createPlugin from '@extism/extism';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const [labelsPath, outPath] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const formats = opt('--formats')?.split(',');
const benchMb = Number(opt('--bench') ?? 0);

const wasm = readFileSync(path.join(root, 'dist/plugins/br-identifiers/plugin.wasm'));
const plugin = await createPlugin({ wasm: [{ data: new Uint8Array(wasm) }] }, { useWasi: false, runInWorker: false });
const analyze = async (text) => JSON.parse((await plugin.call('analyze', JSON.stringify({ api: 1, text, language: 'pt-BR', options: {} }))).text());

const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
const docs = labels.documents.filter((d) => !formats || formats.includes(d.format));
const reports = [];
for (const d of docs) {
  const { findings } = await analyze(d.text);
  reports.push({ file: d.file, status: 'ok', findings: findings.map((f) => ({ ...f, text: d.text.slice(f.start, f.end), plugin: 'br-identifiers@1.0.0' })) });
}
writeFileSync(outPath, JSON.stringify({ tool: { name: 'sigilo', version: '0.1.0' }, reports }, null, 1));
console.error(`${reports.length} documents → ${outPath}`);

if (benchMb > 0) {
  const all = labels.documents.map((d) => d.text).join('\n\n');
  let big = '';
  while (big.length < benchMb * 1e6) big += all + '\n\n';
  const bytes = Buffer.byteLength(big);
  await analyze(big); // warm up
  const runs = 3;
  let best = Infinity;
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage(); // CPU time: the machine may be shared
    const out = await analyze(big);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
    count = out.findings.length;
  }
  console.error(`throughput: ${(bytes / 1e6).toFixed(1)} MB in ${best.toFixed(0)} ms CPU = ${(bytes / 1e6 / (best / 1000)).toFixed(0)} MB/s (end to end incl. JSON in/out), ${count} findings`);
}
await plugin.close();
