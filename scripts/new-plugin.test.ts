import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from '../electron/cli/commands/plugin.js';
import { packageRoot } from '../electron/services/app-paths.js';
import { buildPluginHost } from '../electron/services/plugins/test-plugins.js';
// @ts-expect-error: plain ESM script without types
import { createPlugin } from './new-plugin.mjs';

let parent: string;
beforeAll(async () => {
  await buildPluginHost();
  // inside the repository (the build compiles plugins against plugins/sdk); a dot folder, so vitest ignores it
  parent = path.join(packageRoot(), 'plugins', 'local', `.test-${randomBytes(4).toString('hex')}`);
  await mkdir(parent, { recursive: true });
});
afterAll(async () => {
  if (parent) {
    await rm(parent, { recursive: true, force: true });
    await rmdir(path.dirname(parent)).catch(() => undefined); // plugins/local, when nothing else is in it
  }
  await rm(path.join(packageRoot(), 'dist', 'test-plugins', 'lab-prontuario'), { recursive: true, force: true });
});

describe('npm run plugin:new (scripts/new-plugin.mjs)', () => {
  it('creates a plugin from the template that builds, passes `sigilo plugin test` and finds the sample record number', async () => {
    const { target } = createPlugin({ name: 'lab-prontuario', parent }) as { target: string };
    for (const f of ['plugin.json', 'assembly/index.ts', 'assembly/detect.ts', 'lab-prontuario.test.ts', 'README.md']) expect(existsSync(path.join(target, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(path.join(target, 'plugin.json'), 'utf8'))).toMatchObject({ id: 'lab-prontuario', api: 1, capabilities: ['log'] });
    let out = '';
    let err = '';
    const code = await run(['test', target, '--json', '--data-dir', path.join(parent, 'data')], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, env: {}, cwd: parent });
    expect(code, err).toBe(0);
    const result = JSON.parse(out) as { ok: boolean; warnings: string[]; findings: Array<{ type: string; text: string }> };
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.findings).toContainEqual(expect.objectContaining({ type: 'medical_record', text: '0048213-7' }));
    expect(err).toContain('[plugin debug] lab-prontuario: 1 achado(s)');
  }, 120_000);

  it('refuses bad names, bundled names and existing folders', () => {
    expect(() => createPlugin({ name: 'Meu Plugin', parent })).toThrow(/nome inválido/);
    expect(() => createPlugin({ name: 'br-identifiers', parent })).toThrow(/plugin incluído/);
    expect(() => createPlugin({ name: 'lab-prontuario', parent })).toThrow(/já existe/);
    expect(() => createPlugin({ name: 'fora', parent: os.tmpdir() })).toThrow(/dentro da pasta do Sigilo/);
  });
});
