import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPluginFolder, loadPluginFolder, repoRoot, type LoadedPlugin } from '../testing/run-plugin';

const fixtures = path.join(repoRoot, 'plugins/sdk/fixtures');
let echo: LoadedPlugin;
let echoDir: string;

beforeAll(async () => {
  echoDir = buildPluginFolder(path.join(fixtures, 'echo'));
  echo = await loadPluginFolder(echoDir);
});
afterAll(async () => { await echo?.close(); });

interface RawFinding { type: string; start: number; end: number; confidence: number; reason?: string | undefined }
function byType(out: { findings: RawFinding[] }, type: string): RawFinding {
  const f = out.findings.find((x) => x.type === type);
  if (!f) throw new Error(`no ${type}`);
  return f;
}

describe('AssemblyScript SDK: input reader and output writer', () => {
  it('round-trips accented text, escapes, control characters and surrogate pairs', async () => {
    const text = 'Paciente João da Conceição\n\t"citação" \\ barra / 😀 fim\u0001 \u00a0 ﬁ € 中文 \ud83d\udc4d';
    const out = await echo.analyze(text, { mode: 'echo', n: [1, { a: 'x"}' }] });
    expect(byType(out, 'text').reason).toBe(text);
    expect(byType(out, 'text').end).toBe(text.length);
    expect(byType(out, 'language').reason).toBe('pt-BR');
    expect(JSON.parse(byType(out, 'options').reason ?? '')).toEqual({ mode: 'echo', n: [1, { a: 'x"}' }] });
    expect(byType(out, 'options').confidence).toBe(0.1235);
    expect(byType(out, 'api').end).toBe(1);
  });

  it('decodes \\uXXXX escapes (including escaped surrogate pairs) written by other JSON encoders', async () => {
    const raw = '{"options":{},"language":"pt-BR","api":1,"text":"a\\u00e7\\u00E3o \\ud83d\\ude00 \\/ \\b\\f"}';
    const out = JSON.parse(await echo.callRaw(raw));
    expect(out.findings[0].reason).toBe('ação 😀 / \b\f');
  });

  it('reads a large text (8 MB) exactly', async () => {
    const chunk = 'Evolução clínica: paciente estável, PA 120x80 mmHg. ';
    const text = chunk.repeat(Math.ceil(8_000_000 / chunk.length));
    // raw call: a reason this long is outside the ABI schema, which is fine for this fixture
    const out = JSON.parse(await echo.callRaw(JSON.stringify({ api: 1, text, language: 'pt-BR', options: {} })));
    expect(byType(out, 'text').end).toBe(text.length);
    expect(byType(out, 'text').reason === text).toBe(true);
  });

  it('reuses its input buffers: a short text after a long one is read exactly', async () => {
    const long = 'á'.repeat(300_000);
    expect(byType(await echo.analyze(long.slice(0, 400)), 'text').reason).toBe(long.slice(0, 400));
    await echo.callRaw(JSON.stringify({ api: 1, text: long, language: 'pt-BR', options: {} }));
    const out = await echo.analyze('curto ç');
    expect(byType(out, 'text').reason).toBe('curto ç');
    expect(byType(out, 'text').end).toBe(7);
  });

  it('reports errors set by the plugin and turns aborts into failures', async () => {
    await expect(echo.analyze('x', { mode: 'error' })).rejects.toThrow(/erro pedido pelo teste: ção/);
    await expect(echo.analyze('x', { mode: 'abort' })).rejects.toThrow();
    // the instance keeps working after a failed call
    const out = await echo.analyze('ok');
    expect(byType(out, 'text').reason).toBe('ok');
  });

  it('rejects malformed input JSON with an error instead of garbage', async () => {
    await expect(echo.callRaw('{"text": "abc')).rejects.toThrow();
    await expect(echo.callRaw('[1,2]')).rejects.toThrow();
  });

  it('does not import sigilo_log unless the plugin calls log()', async () => {
    const mod = new WebAssembly.Module(readFileSync(path.join(echoDir, 'plugin.wasm')));
    const imports = WebAssembly.Module.imports(mod);
    expect(imports.every((i) => i.module === 'extism:host/env')).toBe(true);
    const memory = WebAssembly.Module.exports(mod).find((e) => e.name === 'memory');
    expect(memory?.kind).toBe('memory');
  });

  it('log() reaches the host function when the capability is declared', async () => {
    const dir = buildPluginFolder(path.join(fixtures, 'logger'));
    const mod = new WebAssembly.Module(readFileSync(path.join(dir, 'plugin.wasm')));
    expect(WebAssembly.Module.imports(mod).some((i) => i.module === 'extism:host/user' && i.name === 'sigilo_log')).toBe(true);
    const logger = await loadPluginFolder(dir);
    try {
      const out = await logger.analyze('Olá');
      expect(out.findings).toEqual([]);
      expect(logger.logs).toEqual([{ level: 2, message: 'recebido: Olá' }]);
      // its manifest limits memory to 64 pages (4 MiB): a bigger text fails the call instead of growing
      await expect(logger.analyze('x'.repeat(3_000_000))).rejects.toThrow();
    } finally {
      await logger.close();
    }
  });
});

describe('AssemblyScript SDK: text helpers', () => {
  it('matches whole words case- and accent-insensitively', async () => {
    const text = 'PRONTUÁRIO 1; prontuariox 2; Prontuario 3; cpf CPF';
    const out = await echo.analyze(text, { mode: 'words' });
    expect(out.findings.filter((f) => f.type === 'word').map((f) => f.start)).toEqual([0, text.indexOf('Prontuario')]);
    expect(out.findings.filter((f) => f.type === 'prefix').map((f) => f.start)).toEqual([text.indexOf('cpf'), text.indexOf('CPF')]);
    const letters = out.findings.filter((f) => f.type === 'letter').map((f) => text[f.start]).join('');
    expect(letters).toBe('PRONTUÁRIOprontuarioxProntuariocpfCPF');
  });

  it('finds the nearest context keyword before and after a number', async () => {
    const text = 'Prontuário nº 123 | registro   hospitalar: 456 | identidadeX 789 | 555 (CPF)';
    const out = await echo.analyze(text, { mode: 'keywords' });
    const before = out.findings.filter((f) => f.type === 'before').map((f) => [text.slice(f.start, f.end), f.reason]);
    expect(before).toEqual([
      ['Prontuário', 'prontu*'],
      ['registro   hospitalar', 'registro hospitalar'],
    ]);
    const after = out.findings.filter((f) => f.type === 'after').map((f) => text.slice(f.start, f.end));
    expect(after).toContain('CPF');
  });
});
