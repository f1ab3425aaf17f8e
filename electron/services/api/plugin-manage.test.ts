import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledPluginsDir } from '../app-paths.js';
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
});
