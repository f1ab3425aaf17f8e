import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { packPlugin, PluginArchiveError, readPluginArchive, unpackPluginArchive } from './plugin-archive.js';
import { generateSigningKey, signPluginFolder } from './signing.js';
import { GOOD_WAT, tempRoot, writePlugin } from './test-plugins.js';

let root: string;
beforeAll(async () => {
  root = await tempRoot('sigilo-archive-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('.sigilo-plugin archives', () => {
  it('round-trips a signed plugin folder byte for byte', async () => {
    const dir = await writePlugin(root, 'p', GOOD_WAT);
    await signPluginFolder(dir, generateSigningKey().privateKeyPem);
    const file = path.join(root, 'p.sigilo-plugin');
    await writeFile(file, await packPlugin(dir));
    const out = await unpackPluginArchive(file);
    try {
      for (const name of ['plugin.json', 'plugin.wasm', 'plugin.sig']) {
        expect(Buffer.compare(await readFile(path.join(out, name)), await readFile(path.join(dir, name)))).toBe(0);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses path tricks, extra members, missing members, bombs and non-zips', () => {
    const small = new Uint8Array([1, 2, 3]);
    expect(() => readPluginArchive(zipSync({ 'plugin.json': small, 'plugin.wasm': small, '../evil': small }))).toThrow(/não permitidos: \.\.\/evil/);
    expect(() => readPluginArchive(zipSync({ 'sub/plugin.json': small, 'plugin.wasm': small }))).toThrow(PluginArchiveError);
    expect(() => readPluginArchive(zipSync({ 'plugin.wasm': small }))).toThrow(/não contém plugin.json/);
    const bomb = zipSync({ 'plugin.json': new Uint8Array(10 * 1024 * 1024), 'plugin.wasm': small });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(() => readPluginArchive(bomb)).toThrow(/grande demais/);
    expect(() => readPluginArchive(new TextEncoder().encode('not a zip at all'))).toThrow(/não é um pacote .sigilo-plugin válido/);
  });
});
