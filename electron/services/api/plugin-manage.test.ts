import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledPluginsDir } from '../app-paths.js';
import { generateSigningKey, signPluginFolder } from '../plugins/signing.js';
import { pluginManagePort } from './plugin-manage.js';

const example = path.join(bundledPluginsDir(), 'c-example');

describe.skipIf(!existsSync(example))('plugin lifecycle from the app (registry behind the API)', () => {
  let dir: string;
  let source: string;
  let events: string[];
  let reloads: number;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-manage-'));
    source = path.join(dir, 'fonte');
    cpSync(example, source, { recursive: true });
    rmSync(path.join(source, 'plugin.sig'), { force: true });
    const manifest = JSON.parse(readFileSync(path.join(source, 'plugin.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(source, 'plugin.json'), JSON.stringify({ ...manifest, id: 'amostras-lab', capabilities: ['log'] }));
    events = [];
    reloads = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const port = () => pluginManagePort({ dataDir: path.join(dir, 'dados'), audit: (event) => { events.push(event); }, reload: async () => { reloads += 1; } });

  it('shows what an unsigned plugin asks for and refuses it without developer mode', async () => {
    const c = await port().inspect(source);
    expect(c).toMatchObject({ id: 'amostras-lab', requested: ['log'], trust: 'unsigned', devMode: false, refusal: expect.stringMatching(/modo de desenvolvedor/) });
    await expect(port().install(source, [])).rejects.toThrow(/recusado|assinad/i);
    expect(events).toEqual([]);
  });

  it('installs with exactly the granted capabilities, revokes, removes — each step audited and reloaded', async () => {
    const p = port();
    await p.setDevMode(true);
    expect(await p.devMode()).toBe(true);
    expect((await p.inspect(source)).refusal).toBeUndefined();
    const r = await p.install(source, []);
    expect(r).toMatchObject({ id: 'amostras-lab', version: '1.0.0', granted: [] });
    await p.setGrant('amostras-lab', 'log', true);
    await p.setGrant('amostras-lab', 'log', false);
    await p.remove('amostras-lab');
    expect(events).toEqual(['dev_mode', 'plugin_install', 'plugin_grant', 'plugin_revoke', 'plugin_remove']);
    expect(reloads).toBe(5);
    // a bundled id cannot be installed over
    expect((await p.inspect(example)).refusal).toMatch(/incluído no Sigilo/);
  });

  it("a partner's key added in the app makes its plugin installable without developer mode; removing it stops it again", async () => {
    const partner = generateSigningKey();
    await signPluginFolder(source, partner.privateKeyPem);
    const p = port();
    expect(await p.inspect(source)).toMatchObject({ trust: 'untrusted', refusal: expect.stringMatching(/chave que não está entre as confiáveis/) });
    const bundledKeys = (await p.trustList()).keys;
    expect(bundledKeys.every((k) => k.source === 'bundled')).toBe(true);

    // a private key is refused with a warning, and nothing is recorded
    await expect(p.trustAdd(partner.privateKeyPem, 'Laboratório Parceiro')).rejects.toThrow(/chave PRIVADA/);
    await expect(p.trustAdd('não é uma chave', 'Laboratório Parceiro')).rejects.toThrow(/chave pública válida/);
    expect(events).toEqual([]);

    const added = await p.trustAdd(partner.publicKeyPem, '  Laboratório Parceiro ');
    expect(added).toEqual({ keyId: partner.keyId, name: 'Laboratório Parceiro', source: 'user', addedAt: expect.any(String) });
    expect((await p.trustList()).keys).toHaveLength(bundledKeys.length + 1);
    await expect(p.trustAdd(partner.publicKeyPem, 'outra vez')).rejects.toThrow(/já é confiável/);
    expect(await p.inspect(source)).toMatchObject({ trust: 'trusted', signer: 'Laboratório Parceiro' });
    expect((await p.inspect(source)).refusal).toBeUndefined();
    await p.install(source, ['log']);

    await expect(p.trustRemove(bundledKeys[0]?.keyId ?? 'x')).rejects.toThrow(/não pode ser removida/);
    expect((await p.trustRemove(partner.keyId)).name).toBe('Laboratório Parceiro');
    expect((await p.inspect(source)).trust).toBe('untrusted');
    expect(events).toEqual(['trust_add', 'plugin_install', 'trust_remove']);
    expect(reloads).toBe(3);
  });

  it('when the audit entry cannot be written, the trusted keys do not change', async () => {
    const partner = generateSigningKey();
    const failing = pluginManagePort({ dataDir: path.join(dir, 'dados'), audit: () => { throw new Error('disk full'); }, reload: async () => undefined });
    await expect(failing.trustAdd(partner.publicKeyPem, 'Laboratório Parceiro')).rejects.toThrow(/disk full/);
    expect((await port().trustList()).keys.some((k) => k.keyId === partner.keyId)).toBe(false);
  });
});
