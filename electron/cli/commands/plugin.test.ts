/**
 * `sigilo plugin …` end to end, in-process: keys, signing, trust, the install → upgrade → rollback lifecycle,
 * grants, developer mode, archives, `plugin test`, and the audit entry every step leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openAuditForCli } from '../../services/audit/open-audit.js';
import { GOOD_OUTPUT, buildPluginHost, constantOutputWat, hostFunctionsWat, tempRoot, writePlugin } from '../../services/plugins/test-plugins.js';
import type { CliIo } from '../cli-io.js';
import { run } from './plugin.js';

let work: string;
let dataDir: string;
const env = {};

async function sigilo(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, env, cwd: work };
  const code = await run([...args, '--data-dir', dataDir], io);
  return { code, out, err };
}

beforeAll(async () => {
  await buildPluginHost();
  work = await tempRoot('sigilo-cli-plugin-');
  dataDir = path.join(work, 'data');
  await writePlugin(work, 'v1', hostFunctionsWat(), { id: 'lab-x', version: '1.0.0', capabilities: ['log', 'audit'] } as never);
  await writePlugin(work, 'v2', constantOutputWat(GOOD_OUTPUT), { id: 'lab-x', version: '1.1.0', capabilities: ['log'] } as never);
  await writePlugin(work, 'old', constantOutputWat(GOOD_OUTPUT), { id: 'lab-x', version: '0.9.0' } as never);
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('sigilo plugin (author and user lifecycle)', () => {
  it('creates a key pair, signs a plugin and refuses to install it until the key is trusted', async () => {
    const keygen = await sigilo('keygen', '--out', 'keys', '--name', 'lab-x');
    expect(keygen.code).toBe(0);
    expect(existsSync(path.join(work, 'keys', 'lab-x.key'))).toBe(true);
    expect(await sigilo('keygen', '--out', 'keys', '--name', 'lab-x')).toMatchObject({ code: 2, err: expect.stringContaining('não vou sobrescrever') });

    expect(await sigilo('install', 'v1')).toMatchObject({ code: 2, err: expect.stringContaining('não está assinado') });
    for (const dir of ['v1', 'v2', 'old']) expect((await sigilo('sign', dir, '--key', 'keys/lab-x.key')).code).toBe(0);
    expect(await sigilo('verify', 'v1')).toMatchObject({ code: 2, out: expect.stringContaining('chave desconhecida') });
    expect(await sigilo('install', 'v1')).toMatchObject({ code: 2, err: expect.stringContaining('chave que não está entre as confiáveis') });

    expect((await sigilo('trust', 'add', 'keys/lab-x.pub', '--name', 'Laboratório X')).code).toBe(0);
    expect(await sigilo('verify', 'v1')).toMatchObject({ code: 0, out: expect.stringContaining('Laboratório X') });
    const listed = await sigilo('trust', 'list', '--json');
    expect(JSON.parse(listed.out)).toContainEqual(expect.objectContaining({ name: 'Laboratório X', source: 'user' }));
  });

  it('installs with explicit grants and lists requested-but-not-granted capabilities', async () => {
    const install = await sigilo('install', 'v1', '--grant', 'log');
    expect(install.code).toBe(0);
    expect(install.out).toContain('capacidades concedidas: log');
    expect(install.out).toContain('pedidas mas NÃO concedidas: audit');
    expect(install.out).toContain('ATENÇÃO: o plugin não será carregado assim');
    expect(await sigilo('install', 'v1')).toMatchObject({ code: 2, err: expect.stringContaining('já está instalado') });
    const list = JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<Record<string, unknown>> };
    const lab = list.plugins.find((p) => p.id === 'lab-x');
    expect(lab).toMatchObject({ version: '1.0.0', source: 'installed', trust: 'trusted', signer: 'Laboratório X', capabilities: ['log', 'audit'], grants: ['log'] });
    // it imports sigilo_audit, which is not granted: it is not loaded, and the list says how to fix that
    expect(lab?.loadError).toContain("exige a capacidade 'audit', que não foi concedida");
    expect(lab?.loadError).toContain('sigilo plugin grant lab-x audit');
  });

  it('grants and revokes capabilities (declared ones only)', async () => {
    expect(await sigilo('grant', 'lab-x', 'audit')).toMatchObject({ code: 0, out: expect.stringContaining('log, audit') });
    expect(await sigilo('revoke', 'lab-x', 'log')).toMatchObject({ code: 0, out: expect.stringContaining('agora: audit') });
    expect(await sigilo('grant', 'lab-x', 'teleport')).toMatchObject({ code: 2, err: expect.stringContaining('Capacidade desconhecida') });
    expect(await sigilo('grant', 'lab-x', 'log')).toMatchObject({ code: 0 });
  });

  it('upgrades to a newer version only, keeps the previous one and rolls back', async () => {
    expect(await sigilo('upgrade', 'old')).toMatchObject({ code: 2, err: expect.stringContaining('não é mais nova') });
    const up = await sigilo('upgrade', 'v2');
    expect(up.code).toBe(0);
    expect(up.out).toContain('1.0.0 → 1.1.0');
    let lab = (JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<Record<string, unknown>> }).plugins.find((p) => p.id === 'lab-x');
    expect(lab).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0', grants: ['log'] });
    expect(await sigilo('rollback', 'lab-x')).toMatchObject({ code: 0, out: expect.stringContaining('1.1.0 para 1.0.0') });
    lab = (JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<Record<string, unknown>> }).plugins.find((p) => p.id === 'lab-x');
    expect(lab).toMatchObject({ version: '1.0.0', previousVersion: '1.1.0', grants: ['log', 'audit'] }); // the grants it had
    expect(lab?.loadError).toBeUndefined();
  });

  it('disables, enables and removes; bundled plugins can be disabled but not removed', async () => {
    expect((await sigilo('disable', 'lab-x')).code).toBe(0);
    let lab = (JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<Record<string, unknown>> }).plugins.find((p) => p.id === 'lab-x');
    expect(lab?.enabled).toBe(false);
    expect((await sigilo('enable', 'lab-x')).code).toBe(0);
    lab = (JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<Record<string, unknown>> }).plugins.find((p) => p.id === 'lab-x');
    expect(lab?.enabled).toBe(true);
    expect(await sigilo('enable', 'nope')).toMatchObject({ code: 2, err: expect.stringContaining("Nenhum plugin com o id 'nope'") });
    expect((await sigilo('remove', 'lab-x')).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'plugins', 'installed', 'lab-x'))).toBe(false);
  });

  it('installs from a .sigilo-plugin archive and refuses an archive with extra files', async () => {
    expect((await sigilo('pack', 'v2', '--out', 'lab-x.sigilo-plugin')).code).toBe(0);
    const install = await sigilo('install', 'lab-x.sigilo-plugin', '--grant', 'log');
    expect(install).toMatchObject({ code: 0, out: expect.stringContaining('lab-x 1.1.0') });
    const { zipSync } = await import('fflate');
    await writeFile(path.join(work, 'evil.sigilo-plugin'), zipSync({ 'plugin.json': new Uint8Array(2), 'plugin.wasm': new Uint8Array(2), '../../.bashrc': new Uint8Array(2) }));
    expect(await sigilo('install', 'evil.sigilo-plugin')).toMatchObject({ code: 2, err: expect.stringContaining('arquivos não permitidos') });
  });

  it('turns developer mode on and off; then unsigned plugins install', async () => {
    await writePlugin(work, 'dev', constantOutputWat(GOOD_OUTPUT), { id: 'dev-thing' } as never);
    expect((await sigilo('dev-mode', 'on')).code).toBe(0);
    expect(await sigilo('dev-mode', 'status')).toMatchObject({ out: expect.stringContaining('ligado') });
    expect(await sigilo('install', 'dev')).toMatchObject({ code: 0, out: expect.stringContaining('sem assinatura') });
    expect((await sigilo('dev-mode', 'off')).code).toBe(0);
    const dev = (JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<Record<string, unknown>> }).plugins.find((p) => p.id === 'dev-thing');
    expect(dev).toMatchObject({ trust: 'unsigned', loadError: expect.stringContaining('não está assinado') });
  });

  it('tests a plugin on the sample text and validates its output', async () => {
    const ok = await sigilo('test', 'v2');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('saída válida');
    expect(ok.out).toMatch(/cpf\s+\[0, 3\)/);
    await writePlugin(work, 'bad', constantOutputWat('{"findings":[{"type":"cpf","start":2,"end":1,"confidence":0.5}]}'));
    const bad = await sigilo('test', 'bad', '--text', 'abc');
    expect(bad).toMatchObject({ code: 2, out: expect.stringContaining('BAD_OUTPUT') });
    await writePlugin(work, 'odd-type', constantOutputWat('{"findings":[{"type":"shoe_size","start":0,"end":1,"confidence":0.5}]}'));
    expect(await sigilo('test', 'odd-type', '--json')).toMatchObject({ code: 0, out: expect.stringContaining("tipo 'shoe_size' não faz parte") });
  });

  it('measures and persists per-plugin statistics', async () => {
    const first = JSON.parse((await sigilo('stats', '--run', '--calls', '3', '--json', '--text', 'CPF 529.982.247-25')).out) as Array<Record<string, number | string>>;
    expect(first.find((s) => s.plugin === 'lab-x@1.1.0')).toMatchObject({ calls: 3, errors: 0, timeouts: 0, memoryHighWaterPages: 1 });
    const again = JSON.parse((await sigilo('stats', '--json')).out) as Array<Record<string, number | string>>;
    expect(again.find((s) => s.plugin === 'lab-x@1.1.0')?.calls).toBe(3); // read back from stats.json
    const list = JSON.parse((await sigilo('list', '--json')).out) as { plugins: Array<{ id: string; stats: Record<string, number> }> };
    expect(list.plugins.find((p) => p.id === 'lab-x')?.stats).toMatchObject({ calls: 3, errors: 0, timeouts: 0 });
  }, 60_000);

  it('records every step in the audit history', async () => {
    const { store } = await openAuditForCli({ dataDir, env });
    try {
      const events = store.list({ order: 'asc', limit: 1000 }).map((e) => e.payload.event);
      for (const event of ['trust_add', 'plugin_install', 'plugin_grant', 'plugin_revoke', 'plugin_upgrade', 'plugin_rollback', 'plugin_disable', 'plugin_enable', 'plugin_remove', 'dev_mode']) {
        expect(events, event).toContain(event);
      }
      expect(store.verify().ok).toBe(true);
    } finally {
      store.close();
    }
    expect(JSON.parse(await readFile(path.join(dataDir, 'plugins', 'registry.json'), 'utf8'))).toMatchObject({ devMode: false });
  });
});
