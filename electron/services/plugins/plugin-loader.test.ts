import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { discoverPlugins, listPluginFolders, loadPluginFolder, PluginLoadError, tryLoadPluginFolder } from './plugin-loader.js';
import {
  GOOD_WAT, NO_ENTRY_WAT, UNKNOWN_HOST_FN_WAT, WASI_WAT, hostFunctionsWat, tempRoot, writePlugin,
} from './test-plugins.js';
import { writeFile, mkdir } from 'node:fs/promises';

let root: string;
beforeAll(async () => {
  root = await tempRoot();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function loadError(dir: string, grants?: Array<'log' | 'audit'>): Promise<PluginLoadError> {
  const result = await tryLoadPluginFolder(dir, grants ? { grants } : {});
  if (result.ok) throw new Error('expected a load error');
  return result.error;
}

describe('loadPluginFolder', () => {
  it('loads a good plugin, caps its memory and compiles it once', async () => {
    const dir = await writePlugin(root, 'good', GOOD_WAT, { limits: { memoryPages: 4, timeoutMs: 100, maxOutputBytes: 4096 } });
    const plugin = await loadPluginFolder(dir);
    expect(plugin.key).toBe('good@1.0.0');
    expect(plugin.maxMemoryPages).toBe(4);
    expect(plugin.module).toBeInstanceOf(WebAssembly.Module);
  });

  it('refuses a tampered wasm (sha256 mismatch)', async () => {
    const dir = await writePlugin(root, 'tampered', GOOD_WAT, {}, true);
    const err = await loadError(dir);
    expect(err.code).toBe('SHA256_MISMATCH');
  });

  it('refuses a plugin without the analyze export', async () => {
    expect((await loadError(await writePlugin(root, 'no-entry', NO_ENTRY_WAT))).code).toBe('ENTRY_MISSING');
  });

  it('refuses WASI and unknown host imports, naming them', async () => {
    const wasi = await loadError(await writePlugin(root, 'wasi', WASI_WAT));
    expect(wasi.code).toBe('IMPORT_REFUSED');
    expect(wasi.message).toContain('wasi_snapshot_preview1.fd_write');
    const unknown = await loadError(await writePlugin(root, 'unknown-fn', UNKNOWN_HOST_FN_WAT));
    expect(unknown.message).toContain('extism:host/user.steal_files');
  });

  it('refuses HTTP even though Extism defines it', async () => {
    const wat = '(module (import "extism:host/env" "http_request" (func (param i64 i64) (result i64))) (func (export "analyze") (result i32) (i32.const 0)))';
    const err = await loadError(await writePlugin(root, 'http', wat));
    expect(err.message).toContain('extism:host/env.http_request');
  });

  it('links sigilo host functions only when declared and granted', async () => {
    const undeclared = await loadError(await writePlugin(root, 'undeclared', hostFunctionsWat()));
    expect(undeclared.message).toMatch(/sigilo_log.*não declarada/);
    const dir = await writePlugin(root, 'declared', hostFunctionsWat(), { capabilities: ['log', 'audit'] });
    expect((await loadError(dir, ['audit'])).message).toMatch(/sigilo_log.*não foi concedida/);
    expect((await loadPluginFolder(dir, { grants: ['log', 'audit'] })).capabilities).toEqual(['log', 'audit']);
  });

  it('refuses memory whose initial size exceeds the limit', async () => {
    const wat = '(module (memory 32) (func (export "analyze") (result i32) (i32.const 0)))';
    expect((await loadError(await writePlugin(root, 'big-mem', wat))).code).toBe('MEMORY_LIMIT');
  });

  it('reports an invalid manifest with the failing field', async () => {
    const dir = path.join(root, 'bad-manifest');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'plugin.json'), JSON.stringify({ id: 'Bad Id', version: 'x' }));
    const err = await loadError(dir);
    expect(err.code).toBe('MANIFEST_INVALID');
    expect(err.message).toContain('id');
  });
});

describe('discoverPlugins', () => {
  it('returns every plugin folder with its status, never throwing', async () => {
    const results = await discoverPlugins(root);
    const byDir = new Map(results.map((r) => [path.basename(r.dir), r]));
    expect(byDir.get('good')?.ok).toBe(true);
    expect(byDir.get('tampered')?.ok).toBe(false);
    expect(await discoverPlugins(path.join(root, 'nope'))).toEqual([]);
  });

  it('lists plugin folders without checking them', async () => {
    await mkdir(path.join(root, 'not-a-plugin'), { recursive: true });
    const dirs = (await listPluginFolders(root)).map((d) => path.basename(d));
    expect(dirs).toContain('tampered');
    expect(dirs).not.toContain('not-a-plugin');
  });
});
