// Plugin runtime: cold start, call latency (in-process and across the process boundary), throughput of each
// plugin and of all plugins together, WebAssembly against the native reference, memory per instance.
import path from 'node:path';
import { distPlugins } from '../lib/paths.mjs';
import { rssKb } from '../lib/rss.mjs';
import { summary, timeRuns } from '../lib/stats.mjs';

const callbacks = { log() {}, audit() {} };
const PAGE = 65536;

/** The module's bytes plus a custom section with a fresh nonce: a module V8 has never compiled. */
function uncached(bytes, nonce) {
  const name = Buffer.from('sigilo-bench');
  const payload = Buffer.alloc(8);
  payload.writeDoubleLE(nonce);
  const body = Buffer.concat([Buffer.from([name.length]), name, payload]);
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from([0, body.length]), body]));
}

const specOf = (p, module = p.module) => ({ key: p.key, module, entry: 'analyze', limits: p.manifest.limits, capabilities: p.capabilities });

export async function loadPlugins(lib, ids) {
  const out = [];
  for (const id of ids) out.push(await lib.loadPluginFolder(path.join(distPlugins, id)));
  return out;
}

export async function coldStart(lib, plugin, runs) {
  let nonce = Math.random();
  const without = await timeRuns(async () => {
    const module = new WebAssembly.Module(uncached(plugin.wasm, nonce++));
    const inst = await lib.PluginInstance.create(specOf(plugin, module), callbacks);
    await inst.close();
  }, runs, 1);
  const withCache = await timeRuns(async () => {
    const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
    await inst.close();
  }, runs, 1);
  return { withoutCache: summary(without), withCache: summary(withCache) };
}

export async function inProcessCall(lib, plugin, text, runs) {
  const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
  let findings = 0;
  const times = await timeRuns(async () => {
    const o = await inst.analyze(lib.encodeAnalyzeInput(text, 'pt-BR', {}), text.length);
    if (!o.ok) throw new Error(`${plugin.key}: ${o.message}`);
    findings = o.findings.length;
  }, runs, Math.min(200, runs));
  await inst.close();
  return { us: summary(times.map((t) => t * 1000)), findings };
}

export async function crossProcessCall(client, id, text, runs) {
  const times = await timeRuns(async () => {
    const [r] = await client.analyze(text, { plugins: [id] });
    if (!r || r.error) throw new Error(`${id}: ${r?.error?.message ?? 'no result'}`);
  }, runs, Math.min(100, runs));
  return { us: summary(times.map((t) => t * 1000)) };
}

/** MB/s of one plugin over `text` (one call; a fresh instance per run, instantiation not timed). */
export async function pluginThroughput(lib, plugin, text, runs) {
  const bytes = Buffer.byteLength(text);
  const rates = [];
  let findings = 0, memoryPages = 0, error;
  for (let r = 0; r < runs + 1; r++) {
    const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
    const t = performance.now();
    const o = await inst.analyze(lib.encodeAnalyzeInput(text, 'pt-BR', {}), text.length);
    const ms = performance.now() - t;
    memoryPages = Math.max(memoryPages, inst.memoryPages());
    await inst.close();
    if (!o.ok) { error = `${o.code}: ${o.message}`; break; }
    findings = o.findings.length;
    if (r > 0) rates.push(bytes / 1e6 / (ms / 1000));
  }
  return error ? { error, memoryPages } : { mbps: summary(rates), findings, memoryPages };
}

/** The same instance called again and again on large texts: does its linear memory come back? */
export async function repeatedLargeCalls(lib, plugin, text, calls) {
  const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
  const pages = [];
  let failedAt = -1, failure;
  for (let i = 0; i < calls; i++) {
    const o = await inst.analyze(lib.encodeAnalyzeInput(text, 'pt-BR', {}), text.length);
    pages.push(inst.memoryPages());
    if (!o.ok) { failedAt = i + 1; failure = o.message; break; }
  }
  await inst.close();
  return { pages, failedAt, failure };
}

export function nativeThroughput(lib, text, runs) {
  const bytes = Buffer.byteLength(text);
  lib.nativeDetect(text); // warm-up (JIT)
  const rates = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    findings = lib.nativeDetect(text).length;
    rates.push(bytes / 1e6 / ((performance.now() - t) / 1000));
  }
  return { mbps: summary(rates), findings };
}

/** Documents through the plugin host (all plugins, worker pool), `inFlight` requests at a time. */
export async function hostThroughput(client, docs, inFlight = 8) {
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d), 0);
  let next = 0, errors = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < docs.length) {
      const results = await client.analyze(docs[next++]);
      if (results.some((r) => r.error)) errors++;
    }
  }));
  const s = (performance.now() - t) / 1000;
  return { mbps: bytes / 1e6 / s, docsPerSec: docs.length / s, errors, seconds: s };
}

/** Linear memory of a fresh instance, after a 1 KB call and after a 1 MB call; process RSS growth per instance. */
export async function memoryPerInstance(lib, plugin, small, large) {
  const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
  const fresh = inst.memoryPages() * PAGE;
  await inst.analyze(lib.encodeAnalyzeInput(small, 'pt-BR', {}), small.length);
  const after1k = inst.memoryPages() * PAGE;
  await inst.analyze(lib.encodeAnalyzeInput(large, 'pt-BR', {}), large.length);
  const after1m = inst.memoryPages() * PAGE;
  await inst.close();
  // RSS growth: 10 live instances
  globalThis.gc?.();
  const before = rssKb(process.pid);
  const live = [];
  for (let i = 0; i < 10; i++) {
    const x = await lib.PluginInstance.create(specOf(plugin), callbacks);
    await x.analyze(lib.encodeAnalyzeInput(small, 'pt-BR', {}), small.length);
    live.push(x);
  }
  const growthKb = (rssKb(process.pid) - before) / 10;
  for (const x of live) await x.close();
  return { linearFresh: fresh, linearAfter1k: after1k, linearAfter1m: after1m, rssGrowthPerInstance: growthKb * 1024 };
}
