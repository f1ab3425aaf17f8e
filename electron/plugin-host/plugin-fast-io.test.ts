// The SDK's fast I/O (host writes the input into linear memory, reads the output from it) must give exactly
// what the standard Extism path gives, including for output too large for the fast path and after a trap-free
// sequence of calls of different sizes.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltPlugin, repoRoot, type LoadedPlugin } from '../../plugins/testing/run-plugin';
import { loadPluginFolder } from '../services/plugins/plugin-loader';
import { encodeAnalyzeInput, PluginInstance } from './plugin-instance';

const LABELS = '/work/shared/corpus/dev/labels.json';
const corpus: string[] = existsSync(LABELS) ? (JSON.parse(readFileSync(LABELS, 'utf8')) as { documents: Array<{ text: string }> }).documents.map((d) => d.text) : [];

let stock: LoadedPlugin;
let fast: PluginInstance;
beforeAll(async () => {
  stock = await loadBuiltPlugin('br-identifiers');
  const p = await loadPluginFolder(path.join(repoRoot, 'dist', 'plugins', 'br-identifiers'));
  fast = await PluginInstance.create({ key: p.key, module: p.module, entry: 'analyze', limits: p.manifest.limits, capabilities: p.capabilities }, { log() {}, audit() {} });
});
afterAll(async () => {
  await stock?.close();
  await fast?.close();
});

async function viaHost(text: string) {
  const o = await fast.analyze(encodeAnalyzeInput(text, 'pt-BR', {}), text.length);
  if (!o.ok) throw new Error(o.message);
  return o.findings;
}

describe('plugin fast I/O', () => {
  it('finds the same as the standard Extism path, call after call', async () => {
    const texts = [
      'CPF 529.982.247-25, tel (11) 98765-4321, e-mail maria@exemplo.com.br',
      '',
      'sem identificadores',
      ...corpus.slice(0, 40),
      'CPF 529.982.247-25',
    ];
    for (const t of texts) expect(await viaHost(t)).toEqual((await stock.analyze(t)).findings);
  });

  it('falls back to Extism blocks for output larger than the fast buffer, with the same findings', async () => {
    // ~3,000 findings: well over the 256 KiB the SDK leaves in linear memory
    const text = Array.from({ length: 3000 }, () => 'CPF 529.982.247-25;').join('\n');
    const got = await viaHost(text);
    expect(got.length).toBe(3000);
    expect(got).toEqual((await stock.analyze(text)).findings);
    // and the next small call takes the fast path again
    expect(await viaHost('CPF 529.982.247-25')).toEqual((await stock.analyze('CPF 529.982.247-25')).findings);
  });
});
