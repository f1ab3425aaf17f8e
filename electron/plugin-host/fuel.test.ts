import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledPluginsDir } from '../services/app-paths.js';
import { rm } from 'node:fs/promises';
import { loadPluginFolder } from '../services/plugins/plugin-loader.js';
import { LOOP_WAT, tempRoot, watToWasm, writePlugin } from '../services/plugins/test-plugins.js';
import { FUEL_EXPORT, FuelError, fuelUsed, injectFuel } from './fuel.js';

/** analyze(): loops `n` times (n read from a global so one module serves several sizes), with a nested call. */
const COUNTING_WAT = `(module
  (global $n (export "n") (mut i32) (i32.const 1000))
  (func $step (param $x i32) (result i32) (i32.add (local.get $x) (i32.const 1)))
  (func (export "analyze") (result i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (global.get $n)))
      (local.set $i (call $step (local.get $i)))
      (br $l)))
    (i32.const 0)))`;

async function instantiate(wasm: Uint8Array): Promise<WebAssembly.Exports> {
  const { instance } = await WebAssembly.instantiate(wasm as Uint8Array<ArrayBuffer>, {});
  return instance.exports;
}

describe('deterministic instruction budget (fuel)', () => {
  it('counts the same instructions on every run and grows linearly with the work', async () => {
    const budget = 10_000_000n;
    const { bytes, loops } = injectFuel(await watToWasm(COUNTING_WAT), { budget, entries: ['analyze'] });
    expect(loops).toBe(1);
    const ex = await instantiate(bytes);
    const analyze = ex.analyze as () => number;
    const n = ex.n as WebAssembly.Global;
    expect(analyze()).toBe(0);
    const first = fuelUsed(ex, budget) as bigint;
    expect(analyze()).toBe(0); // the entry resets the budget: same count again
    expect(fuelUsed(ex, budget)).toBe(first);
    n.value = 2000;
    analyze();
    const second = fuelUsed(ex, budget) as bigint;
    // loop body: 9 instructions + the $step call's body (4) per iteration; the function's own top level: 14
    expect(first).toBe(13n * 1000n + 14n);
    expect(second).toBe(13n * 2000n + 14n);
    console.log(`1000 iterations: ${first} instructions; 2000: ${second}`);
  });

  it('stops an infinite loop at the budget, whatever the machine speed', async () => {
    const { bytes } = injectFuel(await watToWasm(LOOP_WAT), { budget: 1_000_000n, entries: ['analyze'] });
    const ex = await instantiate(bytes);
    expect(() => (ex.analyze as () => number)()).toThrow(WebAssembly.RuntimeError);
    expect((ex[FUEL_EXPORT] as WebAssembly.Global).value).toBeLessThan(0n);
  });

  it('is applied by the plugin loader when a budget is given', async () => {
    const root = await tempRoot('sigilo-fuel-');
    try {
      const dir = await writePlugin(root, 'loop', LOOP_WAT);
      const plain = await loadPluginFolder(dir);
      expect(WebAssembly.Module.exports(plain.module).map((e) => e.name)).not.toContain(FUEL_EXPORT);
      const metered = await loadPluginFolder(dir, { fuelBudget: 100_000n });
      const instance = await WebAssembly.instantiate(metered.module, {});
      expect(() => (instance.exports.analyze as () => number)()).toThrow(WebAssembly.RuntimeError);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses what it cannot count (SIMD)', async () => {
    const simd = await watToWasm('(module (func (export "analyze") (result i32) (drop (v128.const i64x2 0 0)) (i32.const 0)))');
    expect(() => injectFuel(simd, { budget: 10n, entries: ['analyze'] })).toThrow(FuelError);
  });

  it.skipIf(!existsSync(bundledPluginsDir()))('instruments every bundled plugin (AssemblyScript and C) into a valid module', () => {
    const dirs = readdirSync(bundledPluginsDir()).filter((d) => existsSync(path.join(bundledPluginsDir(), d, 'plugin.wasm')));
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) {
      const wasm = new Uint8Array(readFileSync(path.join(bundledPluginsDir(), d, 'plugin.wasm')));
      const { bytes, loops } = injectFuel(wasm, { budget: 1n << 40n, entries: ['analyze'] });
      expect(WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>), d).toBe(true);
      expect(loops, d).toBeGreaterThan(0);
    }
  });
});
