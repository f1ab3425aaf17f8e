// Measures the detector core (AssemblyScript detect() on an in-memory string, no Extism I/O) on ~10 MB of
// corpus text.   node plugins/br-identifiers/tools/bench-core.mjs [LABELS.json] [MB]
import { main as asc } from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const labelsPath = process.argv[2] ?? '/work/shared/corpus/dev/labels.json';
const mb = Number(process.argv[3] ?? 10);
const out = path.join(root, 'dist/tmp/bench-core.wasm');
const { error } = await asc(['plugins/br-identifiers/tools/bench-core.ts', '--outFile', out, '--bindings', 'raw',
  '--runtime', 'minimal', '--use', 'abort=plugins/sdk/assembly/index/sdkAbort', '-O3', '--baseDir', root]);
if (error) throw error;
const { instantiate } = await import(pathToFileURL(out.replace(/\.wasm$/, '.js')).href);
const stub = () => { throw new Error('host function called in benchmark'); };
const env = new Proxy({}, { get: () => stub });
const mod = await instantiate(await WebAssembly.compile(readFileSync(out)), { 'extism:host/env': env });
const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
const all = labels.documents.map((d) => d.text).join('\n\n');
let big = '';
while (big.length < mb * 1e6) big += all + '\n\n';
const bytes = Buffer.byteLength(big);
// CPU time, not wall time: the machine may be shared
let best = Infinity, count = 0;
mod.setText(big);
for (let r = 0; r < 5; r++) {
  const c0 = process.cpuUsage();
  count = mod.detectStored();
  const c = process.cpuUsage(c0);
  best = Math.min(best, (c.user + c.system) / 1000);
  mod.collect();
}
console.log(`detector core: ${(bytes / 1e6).toFixed(1)} MB (UTF-8) in ${best.toFixed(0)} ms CPU = ${(bytes / 1e6 / (best / 1000)).toFixed(0)} MB/s, ${count} findings`);
