/**
 * The standing hostile-plugin suite: every plugin here tries something a partner plugin must not get away
 * with. Each one is refused before it runs (trust, manifest, imports) or contained while running (schema,
 * offsets, size, time, memory) with a Portuguese message, and the host keeps serving a good plugin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCatalog, runnableSpecs, type Catalog, type CatalogEntry } from './plugin-catalog.js';
import { PluginHostClient, type PluginRunResult } from './plugin-host-client.js';
import { generateSigningKey } from './signing.js';
import {
  GOOD_WAT, HTTP_WAT, OUTSIDE_OFFSETS_OUTPUT, SCHEMA_BREAK_OUTPUT, WASI_WAT, buildPluginHost, constantOutputWat, dataDirTrusting,
  logLoopWat, manyFindingsWat, slowGrowWat, tempRoot, writePlugin, writeSignedPlugin,
} from './test-plugins.js';

const TEXT = 'Paciente: João, CPF 529.982.247-25';
const TIMEOUT_MS = 300;
const limits = { memoryPages: 8, timeoutMs: TIMEOUT_MS, maxOutputBytes: 64 * 1024 };

let root: string;
let dataDir: string;
let catalog: Catalog;
let host: PluginHostClient;
const logs: string[] = [];
const entry = (id: string): CatalogEntry => {
  const e = catalog.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no catalog entry ${id}`);
  return e;
};

beforeAll(async () => {
  const hostEntry = await buildPluginHost();
  root = await tempRoot('sigilo-hostile-');
  const trusted = generateSigningKey();
  const stranger = generateSigningKey();
  dataDir = await dataDirTrusting(trusted.publicKeyPem);
  const key = trusted.privateKeyPem;

  // refused before running
  await writeSignedPlugin(root, 'good', GOOD_WAT, key, { limits: { ...limits, timeoutMs: 2000 } });
  const tampered = await writeSignedPlugin(root, 'tampered', GOOD_WAT, key, { limits });
  const wasm = await readFile(path.join(tampered, 'plugin.wasm'));
  wasm[wasm.length - 1] = (wasm[wasm.length - 1] as number) ^ 1;
  await writeFile(path.join(tampered, 'plugin.wasm'), wasm);
  const edited = await writeSignedPlugin(root, 'edited-manifest', GOOD_WAT, key, { limits });
  const manifest = JSON.parse(await readFile(path.join(edited, 'plugin.json'), 'utf8')) as { limits: { timeoutMs: number } };
  manifest.limits.timeoutMs = 600_000; // after signing: the signature no longer matches
  await writeFile(path.join(edited, 'plugin.json'), JSON.stringify(manifest));
  await writePlugin(root, 'unsigned', GOOD_WAT, { limits });
  await writeSignedPlugin(root, 'stranger', GOOD_WAT, stranger.privateKeyPem, { limits });
  const garbled = await writeSignedPlugin(root, 'garbled-sig', GOOD_WAT, key, { limits });
  await writeFile(path.join(garbled, 'plugin.sig'), '{"keyId": 12}');
  await writeSignedPlugin(root, 'unknown-cap', GOOD_WAT, key, { limits, capabilities: ['network'] });
  await writeSignedPlugin(root, 'wasi', WASI_WAT, key, { limits });
  await writeSignedPlugin(root, 'http', HTTP_WAT, key, { limits });
  // contained while running
  await writeSignedPlugin(root, 'schema-break', constantOutputWat(SCHEMA_BREAK_OUTPUT), key, { limits });
  await writeSignedPlugin(root, 'outside-offsets', constantOutputWat(OUTSIDE_OFFSETS_OUTPUT), key, { limits });
  await writeSignedPlugin(root, 'many-findings', manyFindingsWat(100_001), key, { limits: { memoryPages: 128, timeoutMs: 5000, maxOutputBytes: 16 * 1024 * 1024 } });
  await writeSignedPlugin(root, 'huge-output', manyFindingsWat(5000), key, { limits: { memoryPages: 16, timeoutMs: 5000, maxOutputBytes: 64 * 1024 } });
  await writeSignedPlugin(root, 'log-flood', logLoopWat(), key, { limits, capabilities: ['log'] });
  await writeSignedPlugin(root, 'slow-grow', slowGrowWat(20_000), key, { limits: { ...limits, timeoutMs: 5000 } });

  catalog = await buildCatalog({ dataDir, extraPluginDirs: [root], bundledDir: path.join(root, 'none'), trustDir: path.join(root, 'none') });
  host = await PluginHostClient.start({ hostEntry, poolSize: 2, plugins: runnableSpecs(catalog), onLog: (p, _l, m) => logs.push(`${p} ${m}`) });
}, 120_000);

afterAll(async () => {
  await host?.close();
  for (const dir of [root, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile plugins refused before they run', () => {
  it('refuses a tampered wasm (hash mismatch with the signed manifest)', () => {
    expect(entry('tampered').trust.status).toBe('invalid');
    expect(entry('tampered').refused).toMatch(/recusado.*alterado/);
  });

  it('refuses a manifest edited after signing, a garbled signature, a missing one and an unknown key', () => {
    expect(entry('edited-manifest').trust.status).toBe('invalid');
    expect(entry('edited-manifest').refused).toContain('assinatura não confere');
    expect(entry('garbled-sig').trust.status).toBe('invalid');
    expect(entry('unsigned').trust.status).toBe('unsigned');
    expect(entry('unsigned').refused).toMatch(/não está assinado.*dev-mode on/);
    expect(entry('stranger').trust.status).toBe('untrusted');
    expect(entry('stranger').refused).toContain('sigilo plugin trust add');
    expect(entry('good').refused).toBeUndefined();
    expect(entry('good').trust).toMatchObject({ status: 'trusted', signer: 'Test key' });
  });

  it('refuses an unknown capability and WASI/HTTP imports even when signed by a trusted key', () => {
    const status = new Map(host.plugins().map((p) => [p.manifest?.id, p]));
    expect(status.get('unknown-cap')?.error).toMatchObject({ code: 'CAPABILITY_UNKNOWN', message: expect.stringContaining('Capacidade desconhecida') });
    // import checks run before a host is started (so the plugin list can say why), and again in the host
    expect(entry('wasi').refused).toContain('wasi_snapshot_preview1.fd_write (WASI não é permitido)');
    expect(entry('http').refused).toContain('extism:host/env.http_request (plugins não têm acesso à rede)');
    expect(status.has('wasi') || status.has('http')).toBe(false);
  });
});

describe('hostile plugins contained while running', () => {
  let results: Map<string, PluginRunResult>;
  beforeAll(async () => {
    results = new Map((await host.analyze(TEXT)).map((r) => [r.plugin.split('@')[0] as string, r]));
  }, 60_000);

  it('rejects output that breaks the schema', () => {
    expect(results.get('schema-break')?.error).toMatchObject({ code: 'BAD_OUTPUT', message: expect.stringContaining('fora do formato') });
  });

  it('rejects findings with offsets outside the text', () => {
    expect(results.get('outside-offsets')?.error).toMatchObject({ code: 'BAD_OUTPUT', message: expect.stringContaining('posições inválidas') });
  });

  it('rejects huge numbers of findings (schema cap) and outputs over the size limit', () => {
    expect(results.get('many-findings')?.error).toMatchObject({ code: 'BAD_OUTPUT', message: expect.stringContaining('findings') });
    expect(results.get('many-findings')?.findings).toEqual([]);
    expect(results.get('huge-output')?.error).toMatchObject({ code: 'OUTPUT_TOO_LARGE', message: expect.stringContaining('excede o limite') });
  });

  it('stops a plugin looping in a host function (sigilo_log) at its time limit, dropping the flood', () => {
    const r = results.get('log-flood');
    expect(r?.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining(`${TIMEOUT_MS} ms`) });
    expect(r?.durationMs).toBeLessThan(TIMEOUT_MS + 200);
    expect(logs.filter((l) => l.includes('ainda aqui')).length).toBeLessThanOrEqual(200);
  });

  it('stops a plugin that grows memory slowly at its memory limit', () => {
    expect(results.get('slow-grow')?.error).toMatchObject({ code: 'MEMORY', message: expect.stringContaining('limite de memória') });
    const stats = host.stats().find((s) => s.plugin.startsWith('slow-grow@'));
    expect(stats?.memoryHighWaterPages).toBe(8);
  });

  it('keeps serving the good plugin during and after all of that', async () => {
    expect(results.get('good')?.findings).toHaveLength(1);
    const again = await host.analyze(TEXT, { plugins: ['good'] });
    expect(again[0]?.findings).toHaveLength(1);
  });
});

describe('developer mode', () => {
  it('lets unsigned and untrusted plugins run, but still refuses a wasm that does not match its manifest', async () => {
    const registry = JSON.stringify({ schema: 1, devMode: true, installed: {}, bundled: {} });
    await writeFile(path.join(dataDir, 'plugins', 'registry.json'), registry);
    const dev = await buildCatalog({ dataDir, extraPluginDirs: [root], bundledDir: path.join(root, 'none'), trustDir: path.join(root, 'none') });
    const by = new Map(dev.entries.map((e) => [e.id, e]));
    expect(by.get('unsigned')?.refused).toBeUndefined();
    expect(by.get('stranger')?.refused).toBeUndefined();
    const devHost = await PluginHostClient.start({ hostEntry: await buildPluginHost(), poolSize: 1, plugins: runnableSpecs(dev).filter((s) => /unsigned|stranger|tampered/.test(s.dir)) });
    try {
      const status = new Map(devHost.plugins().map((p) => [p.manifest?.id, p]));
      expect(status.get('unsigned')?.status).toBe('loaded');
      expect(status.get('tampered')?.error?.code).toBe('SHA256_MISMATCH');
    } finally {
      await devHost.close();
    }
  });
});
