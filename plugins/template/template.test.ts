// Tests of __ID__: builds the plugin (like `npm run build` does) and runs it the way Sigilo does.
// Run: npx vitest run __DIR__
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPluginFolder, loadPluginFolder, type LoadedPlugin } from '__TESTING__';

const here = path.dirname(fileURLToPath(import.meta.url));
let plugin: LoadedPlugin;

beforeAll(async () => {
  plugin = await loadPluginFolder(buildPluginFolder(here));
});
afterAll(async () => {
  await plugin?.close();
});

const found = async (text: string) => (await plugin.analyze(text)).findings.map((f) => ({ type: f.type, text: text.slice(f.start, f.end) }));

describe('__ID__', () => {
  it('finds a record number after the keyword, with UTF-16 offsets', async () => {
    expect(await found('Paciente João — Prontuário: 0048213-7, leito 12')).toEqual([{ type: 'medical_record', text: '0048213-7' }]);
    expect(await found('REGISTRO HOSPITALAR nº 123.456')).toEqual([{ type: 'medical_record', text: '123.456' }]);
  });

  it('ignores numbers without the keyword and too-short numbers', async () => {
    expect(await found('Leito 0048213, prontuário: 12')).toEqual([]);
    expect(await found('')).toEqual([]);
  });

  it('logs through the host when granted the "log" capability', async () => {
    await plugin.analyze('Prontuário 987654');
    expect(plugin.logs.at(-1)?.message).toContain('1 achado(s)');
  });
});
