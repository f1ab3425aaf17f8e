import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';

const hasClang = spawnSync('clang', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('wasm-ld', ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasClang)('c-example (plugin written in C)', () => {
  let plugin: LoadedPlugin;
  beforeAll(async () => {
    plugin = await loadBuiltPlugin('c-example');
  });
  afterAll(async () => {
    await plugin?.close();
  });

  const spans = async (text: string) => (await plugin.analyze(text)).findings.map((f) => text.slice(f.start, f.end));

  it('finds a sample id with UTF-16 offsets after accents and emoji', async () => {
    const text = 'Coleta 😀 às 7h — amostra nº AMOSTRA-2026-000123, laudo em anexo.';
    const out = await plugin.analyze(text);
    expect(out.findings).toHaveLength(1);
    const [f] = out.findings;
    expect(text.slice(f!.start, f!.end)).toBe('AMOSTRA-2026-000123');
    expect(f).toMatchObject({ type: 'lab_sample_id', confidence: 0.95, validated: true });
    expect(f!.reason).toContain('laboratório');
  });

  it('accepts lower case and other separators, several per text', async () => {
    expect(await spans('amostra 2031 004567; Amostra2026000001 e AMOSTRA–2099–999999')).toEqual(['amostra 2031 004567', 'Amostra2026000001', 'AMOSTRA–2099–999999']);
  });

  it('rejects look-alikes', async () => {
    expect(await spans('AMOSTRA-1999-000123 AMOSTRA-2026-00012 AMOSTRA-2026-0001234 XAMOSTRA-2026-000123 AMOSTRAS-2026-000123')).toEqual([]);
    expect(await spans('')).toEqual([]);
  });

  it('handles JSON escapes in the input and a large text', async () => {
    expect(await spans('linha 1\n"citação" \\ AMOSTRA-2026-000124\t\u0001')).toEqual(['AMOSTRA-2026-000124']);
    const big = 'Evolução sem intercorrências. '.repeat(40_000) + 'AMOSTRA-2026-777777';
    expect(await spans(big)).toEqual(['AMOSTRA-2026-777777']);
  });

  it('reports malformed input as an error instead of garbage', async () => {
    await expect(plugin.callRaw('{"api":1}')).rejects.toThrow(/text/);
    await expect(plugin.callRaw('not json')).rejects.toThrow();
  });
});
