// Plugin runtime: cold start, call latency (in-process and across the process boundary), throughput of each
// plugin and of all plugins together, WebAssembly against the native reference, memory per instance.
import path from 'node:path';
import { distPlugins } from '../lib/paths.mjs';
import { rssKb } from '../lib/rss.mjs';
import { ipcEchoFloor } from '../lib/ipc-echo.mjs';
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

export async function coldStart(lib, plugin, runs, text1k) {
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
  // V8 compiles wasm functions lazily: the first call pays for compiling the ones it uses
  const input = lib.encodeAnalyzeInput(text1k, 'pt-BR', {});
  const firstCall = await timeRuns(async () => {
    const module = new WebAssembly.Module(uncached(plugin.wasm, nonce++));
    const inst = await lib.PluginInstance.create(specOf(plugin, module), callbacks);
    await inst.analyze(input, text1k.length);
    await inst.close();
  }, runs, 1);
  return { withoutCache: summary(without), withCache: summary(withCache), uncachedWithFirstCall: summary(firstCall) };
}

export async function inProcessCall(lib, plugin, text, runs) {
  const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
  let findings = 0;
  const times = await timeRuns(async () => {
    const o = await inst.analyze(lib.encodeAnalyzeInput(text, 'pt-BR', {}), text.length);
    if (!o.ok) throw new Error(`${plugin.key}: ${o.message}`);
    findings = o.findings.length;
  }, runs, Math.min(200, runs));
  // the floor: the same call with an empty text (Extism call, ABI encode/decode, SDK bookkeeping)
  const empty = await timeRuns(async () => {
    await inst.analyze(lib.encodeAnalyzeInput('', 'pt-BR', {}), 0);
  }, runs, Math.min(200, runs));
  await inst.close();
  // and the detection alone, natively (bench/native)
  const native = await timeRuns(() => { lib.nativeDetect(text); }, runs, Math.min(200, runs));
  return { us: summary(times.map((t) => t * 1000)), emptyUs: summary(empty.map((t) => t * 1000)), nativeUs: summary(native.map((t) => t * 1000)), findings };
}

/**
 * A request from the main side across the process boundary, in steady state: the three threads it crosses
 * (main, plugin host, worker) keep getting faster over the first few thousand requests (JIT tiers), so `warmup`
 * requests go first.
 */
export async function crossProcessCall(client, id, text, runs, warmup) {
  const floor = await ipcEchoFloor(text, runs, warmup);
  const times = await timeRuns(async () => {
    const [r] = await client.analyze(text, { plugins: [id] });
    if (!r || r.error) throw new Error(`${id}: ${r?.error?.message ?? 'no result'}`);
  }, runs, warmup);
  return { us: summary(times.map((t) => t * 1000)), floorUs: summary(floor.map((t) => t * 1000)) };
}

/**
 * MB/s of one plugin over `chunks` (the pieces the analysis service cuts a long text into: the plugins' linear
 * memory is capped), one instance called chunk after chunk; a fresh instance per run, instantiation not timed.
 */
export async function pluginThroughput(lib, plugin, chunks, runs) {
  const bytes = chunks.reduce((s, c) => s + Buffer.byteLength(c), 0);
  const rates = [];
  let findings = 0, memoryPages = 0, error;
  for (let r = 0; r < runs + 1 && !error; r++) {
    const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
    let count = 0;
    const t = performance.now();
    for (const chunk of chunks) {
      const o = await inst.analyze(lib.encodeAnalyzeInput(chunk, 'pt-BR', {}), chunk.length);
      if (!o.ok) { error = `${o.code}: ${o.message}`; break; }
      count += o.findings.length;
    }
    const ms = performance.now() - t;
    memoryPages = Math.max(memoryPages, inst.memoryPages());
    await inst.close();
    findings = count;
    if (r > 0) rates.push(bytes / 1e6 / (ms / 1000));
  }
  return error ? { error, memoryPages } : { mbps: summary(rates), findings, memoryPages };
}

export function nativeThroughput(lib, chunks, runs) {
  const bytes = chunks.reduce((s, c) => s + Buffer.byteLength(c), 0);
  const run = () => { let n = 0; for (const c of chunks) n += lib.nativeDetect(c).length; return n; };
  run(); // warm-up (JIT)
  const rates = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    findings = run();
    rates.push(bytes / 1e6 / ((performance.now() - t) / 1000));
  }
  return { mbps: summary(rates), findings };
}

/**
 * WebAssembly against native, paired: chunk by chunk, the plugin then the native reference on the same chunk,
 * so both see the same machine load (it changes by the second here); ratio = native time ÷ plugin time.
 */
export async function pairedRatio(lib, plugin, chunks, runs) {
  const inst = await lib.PluginInstance.create(specOf(plugin), callbacks);
  const pass = async () => {
    let wasmMs = 0, nativeMs = 0;
    for (const c of chunks) {
      let t = performance.now();
      await inst.analyze(lib.encodeAnalyzeInput(c, 'pt-BR', {}), c.length);
      wasmMs += performance.now() - t;
      t = performance.now();
      lib.nativeDetect(c);
      nativeMs += performance.now() - t;
    }
    return nativeMs / wasmMs;
  };
  await pass(); // warm-up (JIT, lazy wasm compilation)
  const ratios = [];
  for (let r = 0; r < runs; r++) ratios.push(await pass());
  await inst.close();
  return summary(ratios);
}

/** One long text through the analysis service's chunking and the plugin host (all plugins, every worker). */
export async function pipelineThroughput(lib, client, text, runs) {
  const analyzer = lib.chunkedAnalyzer({ analyze: (t, o) => client.analyze(t, o) });
  const bytes = Buffer.byteLength(text);
  const rates = [];
  let errors = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const results = await analyzer.analyze(text);
    rates.push(bytes / 1e6 / ((performance.now() - t) / 1000));
    errors = results.filter((x) => x.error).map((x) => `${x.plugin}: ${x.error.code}`);
  }
  if (errors.length > 0) throw new Error(`pipeline: ${errors.join(', ')}`);
  return { mbps: summary(rates) };
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
