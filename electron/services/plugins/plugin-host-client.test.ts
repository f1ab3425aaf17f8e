import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { bundledPluginsDir } from '../app-paths.js';
import { listPluginFolders } from './plugin-loader.js';
import { PluginHostClient, type PluginRunResult } from './plugin-host-client.js';
import {
  GOOD_WAT, LOOP_WAT, MEMORY_GROW_WAT, NO_ENTRY_WAT, START_LOOP_WAT, TRAP_WAT, UNKNOWN_HOST_FN_WAT, WASI_WAT,
  bigOutputWat, buildPluginHost, hostFunctionsWat, tempRoot, writePlugin,
} from './test-plugins.js';

const TEXT = 'Paciente: João, CPF 529.982.247-25';
const TIMEOUT_MS = 200;
let root: string;
let client: PluginHostClient;
const logs: string[] = [];
const audits: unknown[] = [];

beforeAll(async () => {
  const hostEntry = await buildPluginHost();
  root = await tempRoot();
  const limits = { memoryPages: 4, timeoutMs: TIMEOUT_MS, maxOutputBytes: 4096 };
  const dirs = {
    good: await writePlugin(root, 'good', GOOD_WAT, { limits: { ...limits, timeoutMs: 2000 } }),
    loop: await writePlugin(root, 'loop', LOOP_WAT, { limits }),
    grow: await writePlugin(root, 'grow', MEMORY_GROW_WAT, { limits }),
    trap: await writePlugin(root, 'trap', TRAP_WAT, { limits }),
    big: await writePlugin(root, 'big-output', bigOutputWat(8192), { limits }),
    host: await writePlugin(root, 'host-fns', hostFunctionsWat(), { limits, capabilities: ['log', 'audit'] }),
    wasi: await writePlugin(root, 'wasi', WASI_WAT, { limits }),
    unknown: await writePlugin(root, 'unknown-fn', UNKNOWN_HOST_FN_WAT, { limits }),
    tampered: await writePlugin(root, 'tampered', GOOD_WAT, { limits }, true),
    noEntry: await writePlugin(root, 'no-entry', NO_ENTRY_WAT, { limits }),
    startLoop: await writePlugin(root, 'start-loop', START_LOOP_WAT, { limits }),
  };
  client = await PluginHostClient.start({
    hostEntry,
    poolSize: 2,
    plugins: [
      ...Object.entries(dirs).filter(([k]) => k !== 'host').map(([, dir]) => ({ dir, grants: [] })),
      { dir: dirs.host, grants: ['log', 'audit'] },
    ],
    onLog: (plugin, level, message) => logs.push(`${plugin} ${level} ${message}`),
    onAudit: (_plugin, event) => audits.push(event),
  });
});

afterAll(async () => {
  await client?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const byPlugin = (results: PluginRunResult[]) => new Map(results.map((r) => [r.plugin.split('@')[0], r]));

describe('PluginHostClient (plugin host in a sandboxed child process)', () => {
  it('reports per-plugin load errors without failing the others', () => {
    const status = new Map(client.plugins().map((p) => [p.manifest?.id, p]));
    for (const id of ['good', 'loop', 'grow', 'trap', 'big-output', 'host-fns']) expect(status.get(id)?.status, id).toBe('loaded');
    expect(status.get('wasi')?.error).toMatchObject({ code: 'IMPORT_REFUSED', message: expect.stringContaining('wasi_snapshot_preview1.fd_write') });
    expect(status.get('unknown-fn')?.error).toMatchObject({ code: 'IMPORT_REFUSED', message: expect.stringContaining('extism:host/user.steal_files') });
    expect(status.get('tampered')?.error?.code).toBe('SHA256_MISMATCH');
    expect(status.get('no-entry')?.error?.code).toBe('ENTRY_MISSING');
    expect(status.get('start-loop')?.error?.code).toBe('LOAD_TIMEOUT');
  });

  it('contains every hostile plugin in one request and reports each one', async () => {
    const started = performance.now();
    const results = byPlugin(await client.analyze(TEXT));
    const elapsed = performance.now() - started;
    expect(results.get('good')).toMatchObject({ plugin: 'good@1.0.0', findings: [{ type: 'cpf', start: 0, end: 3 }] });
    expect(results.get('loop')?.error?.code).toBe('TIMEOUT');
    expect(results.get('loop')?.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 1);
    expect(results.get('loop')?.durationMs).toBeLessThan(TIMEOUT_MS + 100);
    console.log(`infinite loop stopped after ${results.get('loop')?.durationMs.toFixed(1)} ms (timeout ${TIMEOUT_MS} ms)`);
    expect(results.get('grow')?.error?.code).toBe('MEMORY');
    expect(results.get('trap')?.error?.code).toBe('TRAP');
    expect(results.get('big-output')?.error?.code).toBe('OUTPUT_TOO_LARGE');
    expect(results.get('host-fns')).toMatchObject({ findings: [] });
    expect(results.get('host-fns')?.error).toBeUndefined();
    expect(logs).toContain('host-fns@1.0.0 info hello from wasm');
    expect(audits).toContainEqual({ event: 'scan' });
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000); // includes queueing behind the loop on 2 workers
  });

  it('times out an infinite loop within timeout + 100 ms, repeatedly, while a good plugin keeps answering', async () => {
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const loopDone = client.analyze(TEXT, { plugins: ['loop'] }).then((r) => ({ r, elapsed: performance.now() - started }));
      const good = await client.analyze(TEXT, { plugins: ['good'] });
      const loop = await loopDone;
      console.log(`loop: client ${loop.elapsed.toFixed(1)} ms, host ${loop.r[0]?.durationMs.toFixed(1)} ms`);
      expect(loop.r[0]?.error?.code).toBe('TIMEOUT');
      expect(loop.r[0]?.error?.message).toContain(`${TIMEOUT_MS} ms`);
      expect(loop.r[0]?.durationMs).toBeLessThan(TIMEOUT_MS + 100);
      expect(loop.elapsed).toBeLessThan(TIMEOUT_MS + 400); // + IPC and scheduling noise on shared CI cores
      expect(good[0]?.findings).toHaveLength(1);
    }
  });

  it('throws for a malformed call instead of sending it', async () => {
    await expect(client.analyze(TEXT, { language: 'x'.repeat(100) })).rejects.toThrow();
  });

  it('answers an unknown plugin name with NOT_LOADED', async () => {
    const [r] = await client.analyze(TEXT, { plugins: ['nope'] });
    expect(r).toMatchObject({ plugin: 'nope', findings: [], error: { code: 'NOT_LOADED' } });
  });

  it('serves a batch of concurrent requests on every worker', async () => {
    const batch = await Promise.all(Array.from({ length: 20 }, (_, i) => client.analyze(`${TEXT} ${i}`, { plugins: ['good', 'host-fns'] })));
    for (const results of batch) expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
  });

  it('measures cross-process latency of a tiny plugin', async () => {
    const text = 'Paciente João da Silva, CPF 529.982.247-25. '.repeat(24).slice(0, 1024);
    for (let i = 0; i < 200; i++) await client.analyze(text, { plugins: ['good'] });
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      await client.analyze(text, { plugins: ['good'] });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = (times[250] as number) * 1000;
    console.log(`cross-process request, 1 KB input: p50 ${p50.toFixed(0)} µs, p95 ${((times[475] as number) * 1000).toFixed(0)} µs`);
    expect(p50).toBeLessThan(5000); // generous on shared CI cores; bench/ tracks the 250 µs target
  });

  it('fails an in-flight request with CRASHED when the host dies, then restarts it', async () => {
    const pid = client.hostPid;
    expect(pid).toBeDefined();
    const pending = client.analyze(TEXT, { plugins: ['loop', 'good'] });
    setTimeout(() => process.kill(pid as number, 'SIGKILL'), 30);
    const crashed = await pending;
    expect(crashed.map((r) => r.error?.code)).toEqual(['CRASHED', 'CRASHED']);
    const after = await client.analyze(TEXT, { plugins: ['good'] });
    expect(after[0]?.findings).toHaveLength(1);
    expect(client.hostPid).not.toBe(pid);
    // plugins that failed to load keep their status across the restart
    expect(client.plugins().find((p) => p.manifest?.id === 'start-loop')?.error?.code).toBe('LOAD_TIMEOUT');
    expect(client.plugins().filter((p) => p.status === 'loaded')).toHaveLength(6);
  });

  it('keeps per-plugin statistics', () => {
    const stats = new Map(client.stats().map((s) => [s.plugin, s]));
    const good = stats.get('good@1.0.0');
    expect(good?.calls).toBeGreaterThan(700);
    expect(good?.p50Ms).toBeGreaterThan(0);
    expect(good?.memoryHighWaterPages).toBe(1);
    expect(stats.get('loop@1.0.0')).toMatchObject({ timeouts: 4 });
    expect(stats.get('grow@1.0.0')?.memoryHighWaterPages).toBe(4);
  });
});

describe('PluginHostClient with a hung host', () => {
  it('never lets the caller hang: the client-side deadline answers TIMEOUT and the host is replaced', async () => {
    const dir = await tempRoot('sigilo-hung-host-');
    const entry = path.join(dir, 'hung-host.mjs');
    // Says it is ready, then never answers a request (like a host whose main thread is stuck).
    await writeFile(entry, "process.on('message', (m) => { if (m.type === 'init') process.send({ type: 'ready', plugins: [], poolSize: 1 }); });");
    const hung = await PluginHostClient.start({ hostEntry: entry, sandbox: false, plugins: [], requestTimeoutMs: 300 });
    try {
      const pid = hung.hostPid;
      const started = performance.now();
      const [r] = await hung.analyze(TEXT, { plugins: ['anything'] });
      expect(r?.error?.code).toBe('TIMEOUT');
      expect(performance.now() - started).toBeLessThan(1000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(hung.hostPid).toBeDefined();
      expect(hung.hostPid).not.toBe(pid);
    } finally {
      await hung.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(bundledPluginsDir()))('PluginHostClient with the bundled plugins (dist/plugins)', () => {
  it('loads every bundled plugin and runs it without error', async () => {
    const dirs = await listPluginFolders(bundledPluginsDir());
    const bundled = await PluginHostClient.start({ poolSize: 1, plugins: dirs.map((dir) => ({ dir, grants: ['log', 'audit'] })), hostEntry: await buildPluginHost() });
    try {
      expect(bundled.plugins().filter((p) => p.status !== 'loaded')).toEqual([]);
      const text = 'Paciente Maria da Silva, CPF 529.982.247-25, com diabetes mellitus tipo 2 (CID E11).';
      const results = await bundled.analyze(text);
      expect(results).toHaveLength(dirs.length);
      for (const r of results) {
        expect(r.error, r.plugin).toBeUndefined();
        for (const f of r.findings) expect(f.end).toBeLessThanOrEqual(text.length);
      }
    } finally {
      await bundled.close();
    }
  });
});
