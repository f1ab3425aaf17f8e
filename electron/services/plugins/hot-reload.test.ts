import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { PluginHotReloader, type HotReloadEvent } from './hot-reload.js';
import { PluginHostClient } from './plugin-host-client.js';
import { loadPluginFolder } from './plugin-loader.js';
import { buildPluginHost, constantOutputWat, tempRoot, TRAP_WAT, writePlugin } from './test-plugins.js';

const out = (type: string) => `{"findings":[{"type":"${type}","start":0,"end":3,"confidence":0.9}]}`;
/** Busy for a while before answering, so a call is still in flight when the swap happens. */
const SPIN = '(local.set $j (i32.const 0)) (loop $s (local.set $j (i32.add (local.get $j) (i32.const 1))) (br_if $s (i32.lt_u (local.get $j) (i32.const 3000000000)))) (local.set $j (i32.const 0))';
const limits = { memoryPages: 4, timeoutMs: 10_000, maxOutputBytes: 4096 };

let root: string;
let hostEntry: string;
beforeAll(async () => {
  hostEntry = await buildPluginHost();
  root = await tempRoot('sigilo-hot-');
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('PluginHotReloader (developer mode)', () => {
  it('swaps in a changed plugin after a health check; calls in flight finish on the old version', async () => {
    const dir = await writePlugin(root, 'dev', constantOutputWat(out('cpf'), SPIN), { limits });
    const events: HotReloadEvent[] = [];
    const reloader = await PluginHotReloader.start({
      dir,
      debounceMs: 100,
      startHost: async (d) => PluginHostClient.start({ hostEntry, poolSize: 1, plugins: [{ dir: d, grants: (await loadPluginFolder(d)).capabilities }] }),
      onEvent: (e) => events.push(e),
    });
    try {
      const oldHost = reloader.host;
      let settled = false;
      const inFlight = reloader.analyze('abc def').finally(() => { settled = true; });
      // a new version lands in the folder (what a rebuild does); the watcher picks it up
      await writePlugin(root, 'dev', constantOutputWat(out('email')), { limits, version: '1.0.1' });
      await expect.poll(() => reloader.host !== oldHost, { timeout: 15_000, interval: 10 }).toBe(true);
      expect(settled).toBe(false); // the new version serves new calls while the old call is still running
      await expect.poll(() => events.length, { timeout: 15_000, interval: 50 }).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({ type: 'reloaded', plugin: 'dev@1.0.1' });
      const old = await inFlight;
      expect(old[0]).toMatchObject({ plugin: 'dev@1.0.0', findings: [{ type: 'cpf' }] });
      expect(old[0]?.error).toBeUndefined();
      console.log(`in-flight call on the old version took ${old[0]?.durationMs.toFixed(0)} ms`);
      expect(reloader.host).not.toBe(oldHost);
      const fresh = await reloader.analyze('abc def');
      expect(fresh[0]).toMatchObject({ plugin: 'dev@1.0.1', findings: [{ type: 'email' }] });

      // a broken version is rejected by the health check; the current one keeps serving
      await writePlugin(root, 'dev', TRAP_WAT, { limits, version: '1.0.2' });
      const rejected = await reloader.reloadNow();
      expect(rejected).toMatchObject({ type: 'rejected', message: expect.stringContaining('teste de saúde') });
      // and a tampered one by the loader
      await writePlugin(root, 'dev', constantOutputWat(out('cep')), { limits, version: '1.0.3' }, true);
      expect(await reloader.reloadNow()).toMatchObject({ type: 'rejected', message: expect.stringContaining('sha256') });
      const still = await reloader.analyze('abc def');
      expect(still[0]).toMatchObject({ plugin: 'dev@1.0.1', findings: [{ type: 'email' }] });
    } finally {
      await reloader.close();
    }
  }, 60_000);

  it('refuses to start on a plugin that is not healthy', async () => {
    const dir = await writePlugin(root, 'sick', TRAP_WAT, { limits });
    await expect(PluginHotReloader.start({ dir, startHost: (d) => PluginHostClient.start({ hostEntry, poolSize: 1, plugins: [{ dir: d, grants: [] }] }) }))
      .rejects.toThrow(/teste de saúde/);
  });
});
