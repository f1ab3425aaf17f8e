import createPlugin from '@extism/extism';
import { readFileSync } from 'node:fs';
const id = process.argv[2]; const texts = process.argv.slice(3);
const wasm = readFileSync(`/work/main/dist/plugins/${id}/plugin.wasm`);
const p = await createPlugin({ wasm: [{ data: wasm }], memory: { maxPages: 2000 } }, { useWasi: false, runInWorker: false });
for (const t of texts) {
  const out = JSON.parse((await p.call('analyze', JSON.stringify({ api: 1, text: t, language: 'pt-BR', options: {} }))).text());
  console.log(JSON.stringify(t.slice(0,70)), '=>', out.findings.map(f => `${f.type}:[${t.slice(f.start,f.end)}] ${f.reason ?? ''}`).join(' ; '));
}
await p.close();
