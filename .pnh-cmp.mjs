import createPlugin from '@extism/extism';
import { readFileSync } from 'node:fs';
import { clinicalText } from '/work/main/bench/lib/fixtures.mjs';
const load = async (f) => createPlugin({ wasm: [{ data: readFileSync(f) }], memory: { maxPages: 2000 } }, { useWasi: false, runInWorker: false });
const A = await load('/tmp/pnh/head-out/person-names/plugin.wasm');
const B = await load('/work/main/dist/plugins/person-names/plugin.wasm');
const texts = [];
const big = clinicalText(1e6, 777);
for (let i = 0; i < big.length; i += 50000) texts.push(big.slice(i, i + 50000));
const run = async (p, t) => JSON.parse((await p.call('analyze', JSON.stringify({ api: 1, text: t, language: 'pt-BR', options: {} }))).text()).findings.map(f => `${t.slice(f.start, f.end)}`);
const added = new Map(), removed = new Map();
for (const t of texts) {
  const a = await run(A, t), b = await run(B, t);
  const ca = new Map(); for (const x of a) ca.set(x, (ca.get(x) ?? 0) + 1);
  for (const x of b) { if (ca.get(x)) ca.set(x, ca.get(x) - 1); else added.set(x, (added.get(x) ?? 0) + 1); }
  for (const [x, n] of ca) if (n > 0) removed.set(x, (removed.get(x) ?? 0) + n);
}
console.log('added', [...added].sort((x, y) => y[1] - x[1]).slice(0, 60));
console.log('removed', [...removed].sort((x, y) => y[1] - x[1]).slice(0, 40));
