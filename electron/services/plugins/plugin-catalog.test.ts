import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCatalog, runnableSpecs } from './plugin-catalog.js';
import { generateSigningKey } from './signing.js';
import { GOOD_WAT, hostFunctionsWat, tempRoot, writeSignedPlugin } from './test-plugins.js';

let root: string;
let trustDir: string;
let bundledDir: string;
const dataDirs: string[] = [];
beforeAll(async () => {
  root = await tempRoot('sigilo-catalog-');
  const key = generateSigningKey();
  trustDir = path.join(root, 'trust');
  bundledDir = path.join(root, 'bundled');
  await mkdir(trustDir, { recursive: true });
  await writeFile(path.join(trustDir, 'sigilo-build.pub'), key.publicKeyPem);
  await writeSignedPlugin(bundledDir, 'logger', hostFunctionsWat(), key.privateKeyPem, { capabilities: ['log', 'audit'] });
  await writeSignedPlugin(bundledDir, 'plain', GOOD_WAT, key.privateKeyPem);
  await writeSignedPlugin(path.join(root, 'extra'), 'plain', GOOD_WAT, key.privateKeyPem);
});
afterAll(async () => {
  for (const dir of [root, ...dataDirs]) await rm(dir, { recursive: true, force: true });
});

async function catalogWith(registry: unknown, legacy?: unknown) {
  const dataDir = await tempRoot('sigilo-catalog-data-');
  dataDirs.push(dataDir);
  await mkdir(path.join(dataDir, 'plugins'), { recursive: true });
  if (registry) await writeFile(path.join(dataDir, 'plugins', 'registry.json'), JSON.stringify(registry));
  if (legacy) await writeFile(path.join(dataDir, 'plugins.json'), JSON.stringify(legacy));
  return buildCatalog({ dataDir, bundledDir, trustDir, extraPluginDirs: [path.join(root, 'extra')] });
}

describe('buildCatalog', () => {
  it('gives bundled plugins what they declare, ignores a second plugin with the same id', async () => {
    const c = await catalogWith(undefined);
    const logger = c.entries.find((e) => e.id === 'logger');
    expect(logger).toMatchObject({ source: 'bundled', grants: ['log', 'audit'], enabled: true, trust: { status: 'trusted' } });
    const dupes = c.entries.filter((e) => e.id === 'plain');
    expect(dupes.map((e) => e.source)).toEqual(['bundled', 'extra']);
    expect(dupes[1]?.refused).toContain("Outro plugin com o id 'plain'");
    expect(runnableSpecs(c).map((s) => path.basename(s.dir))).toEqual(['logger', 'plain']);
  });

  it('applies a revoked capability of a bundled plugin: it then does not load, and says how to grant it back', async () => {
    const c = await catalogWith({ schema: 1, bundled: { logger: { grants: ['log'] } } });
    const logger = c.entries.find((e) => e.id === 'logger');
    expect(logger?.grants).toEqual(['log']);
    expect(logger?.refused).toContain('sigilo plugin grant logger audit');
  });

  it('honours the disabled list of the first runtime (plugins.json) and the registry, the registry winning', async () => {
    expect((await catalogWith(undefined, { disabled: ['plain'] })).entries.find((e) => e.id === 'plain')?.enabled).toBe(false);
    expect((await catalogWith({ schema: 1, bundled: { plain: { enabled: true } } }, { disabled: ['plain'] })).entries.find((e) => e.id === 'plain')?.enabled).toBe(true);
    expect((await catalogWith({ schema: 1, bundled: { plain: { enabled: false } } })).entries.find((e) => e.id === 'plain')?.enabled).toBe(false);
  });
});
