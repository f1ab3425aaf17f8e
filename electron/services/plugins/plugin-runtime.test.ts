import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openAuditForCli } from '../audit/open-audit.js';
import { auditSink } from './plugin-audit.js';
import { PluginRegistry } from './plugin-registry.js';
import { PluginRuntime } from './plugin-runtime.js';
import { STATS_FILE } from './plugin-stats-store.js';
import { generateSigningKey } from './signing.js';
import { GOOD_WAT, TRAP_WAT, buildPluginHost, constantOutputWat, hostFunctionsWat, tempRoot, writePlugin, writeSignedPlugin } from './test-plugins.js';

const TEXT = 'Paciente: João, CPF 529.982.247-25';
const env = {};
let root: string;
let hostEntry: string;
let key: ReturnType<typeof generateSigningKey>;
let bundledDir: string;
let trustDir: string;

beforeAll(async () => {
  hostEntry = await buildPluginHost();
  root = await tempRoot('sigilo-runtime-');
  key = generateSigningKey();
  bundledDir = path.join(root, 'bundled');
  trustDir = path.join(root, 'trust');
  await mkdir(trustDir, { recursive: true });
  await writeFile(path.join(trustDir, 'sigilo-test.pub'), key.publicKeyPem);
  await writeSignedPlugin(bundledDir, 'alpha', GOOD_WAT, key.privateKeyPem);
  await writeSignedPlugin(path.join(root, 'extra'), 'beta', constantOutputWat('{"findings":[{"type":"email","start":0,"end":2,"confidence":0.5}]}'), key.privateKeyPem);
  await writeSignedPlugin(path.join(root, 'src'), 'gamma', hostFunctionsWat(), key.privateKeyPem, { capabilities: ['log', 'audit'] });
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function withAudit<T>(dataDir: string, fn: (sink: ReturnType<typeof auditSink>) => Promise<T>): Promise<T> {
  const { store } = await openAuditForCli({ dataDir, env });
  try {
    return await fn(auditSink(store));
  } finally {
    store.close();
  }
}

describe('PluginRuntime', () => {
  it('runs bundled, installed and --plugins plugins; refuses an import whose capability was not granted; persists stats', async () => {
    const dataDir = path.join(root, 'data1');
    await withAudit(dataDir, (audit) => PluginRegistry.open({ dataDir, audit, bundledDir, trustDir }).install(path.join(root, 'src', 'gamma'), { grants: ['log'] }));
    const runtime = await withAudit(dataDir, async (audit) => PluginRuntime.open({ dataDir, audit, extraPluginDirs: [path.join(root, 'extra')], bundledDir, trustDir, hostEntry, poolSize: 1, log: () => undefined }));
    try {
      const results = await runtime.analyze(TEXT);
      expect(results.map((r) => r.plugin).sort()).toEqual(['alpha@1.0.0', 'beta@1.0.0']);
      const list = new Map((await runtime.list()).map((p) => [p.id, p]));
      expect(list.get('alpha')).toMatchObject({ source: 'bundled', bundled: true, trust: 'trusted', enabled: true });
      expect(list.get('beta')).toMatchObject({ source: 'extra', trust: 'trusted' });
      // decision: a declared-but-ungranted capability whose host function the plugin imports is refused, with the fix
      expect(list.get('gamma')).toMatchObject({ source: 'installed', grants: ['log'], capabilities: ['log', 'audit'] });
      expect(list.get('gamma')?.loadError).toContain('sigilo plugin grant gamma audit');
      expect(list.get('alpha')?.stats.calls).toBe(1);
    } finally {
      await runtime.close();
    }
    const stats = JSON.parse(await readFile(path.join(dataDir, 'plugins', STATS_FILE), 'utf8')) as { plugins: Record<string, { calls: number }> };
    expect(stats.plugins['alpha@1.0.0']?.calls).toBe(1);
    // a second session adds to the persisted counters
    const again = await withAudit(dataDir, async (audit) => PluginRuntime.open({ dataDir, audit, bundledDir, trustDir, hostEntry, poolSize: 1, log: () => undefined }));
    try {
      await again.analyze(TEXT);
      expect((await again.list()).find((p) => p.id === 'alpha')?.stats.calls).toBe(2);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('disables and re-enables a plugin (audited) without restarting the app', async () => {
    const dataDir = path.join(root, 'data2');
    const { store } = await openAuditForCli({ dataDir, env });
    const runtime = await PluginRuntime.open({ dataDir, audit: auditSink(store), bundledDir, trustDir, hostEntry, poolSize: 1, log: () => undefined });
    try {
      await runtime.setEnabled('alpha', false);
      expect(await runtime.analyze(TEXT)).toEqual([]);
      expect((await runtime.list()).find((p) => p.id === 'alpha')?.enabled).toBe(false);
      await runtime.setEnabled('alpha', true);
      expect((await runtime.analyze(TEXT)).map((r) => r.plugin)).toEqual(['alpha@1.0.0']);
      expect(store.list({ order: 'asc' }).map((e) => e.type)).toEqual(['plugin_disable', 'plugin_enable']);
    } finally {
      await runtime.close();
      store.close();
    }
  }, 60_000);

  it('still starts with the bundled plugins when registry.json or trust.json is corrupt, and never overwrites them', async () => {
    const dataDir = path.join(root, 'data4');
    await mkdir(path.join(dataDir, 'plugins'), { recursive: true });
    await writeFile(path.join(dataDir, 'plugins', 'registry.json'), '{ this is not json');
    await writeFile(path.join(dataDir, 'plugins', 'trust.json'), '[]');
    const logs: string[] = [];
    const runtime = await withAudit(dataDir, async (audit) => PluginRuntime.open({ dataDir, audit, bundledDir, trustDir, hostEntry, poolSize: 1, log: (m) => logs.push(m) }));
    try {
      expect((await runtime.analyze(TEXT)).map((r) => r.plugin)).toEqual(['alpha@1.0.0']);
      expect(logs.join('\n')).toMatch(/registro de plugins .* corrompido/);
      expect(logs.join('\n')).toMatch(/chaves confiáveis .* corrompido/);
      await expect(withAudit(dataDir, (audit) => PluginRegistry.open({ dataDir, audit, bundledDir, trustDir }).setDevMode(true))).rejects.toThrow(/corrompido/);
      expect(await readFile(path.join(dataDir, 'plugins', 'registry.json'), 'utf8')).toBe('{ this is not json');
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('in developer mode with watch, hot-reloads a changed --plugins folder and rejects a broken version', async () => {
    const dataDir = path.join(root, 'data3');
    await mkdir(path.join(dataDir, 'plugins'), { recursive: true });
    await writeFile(path.join(dataDir, 'plugins', 'registry.json'), JSON.stringify({ schema: 1, devMode: true }));
    const devRoot = path.join(root, 'dev');
    await writePlugin(devRoot, 'wip', constantOutputWat('{"findings":[{"type":"cpf","start":0,"end":1,"confidence":0.5}]}'));
    const logs: string[] = [];
    const runtime = await withAudit(dataDir, async (audit) => PluginRuntime.open({ dataDir, audit, extraPluginDirs: [path.join(devRoot, 'wip')], watch: true, bundledDir: path.join(root, 'none'), trustDir, hostEntry, poolSize: 1, log: (m) => logs.push(m) }));
    try {
      expect((await runtime.analyze(TEXT))[0]?.findings[0]?.type).toBe('cpf');
      await writePlugin(devRoot, 'wip', constantOutputWat('{"findings":[{"type":"cep","start":0,"end":1,"confidence":0.5}]}'), { version: '1.1.0' });
      await expect.poll(async () => (await runtime.analyze(TEXT))[0]?.plugin, { timeout: 15_000, interval: 100 }).toBe('wip@1.1.0');
      await writePlugin(devRoot, 'wip', TRAP_WAT, { version: '1.2.0' });
      await expect.poll(() => logs.some((l) => l.includes('hot reload rejected')), { timeout: 15_000, interval: 100 }).toBe(true);
      expect(await runtime.analyze(TEXT)).toMatchObject([{ plugin: 'wip@1.1.0', findings: [{ type: 'cep' }] }]);
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
