/**
 * The worker pool runs a document's plugins as one job on one worker, yet every plugin keeps its own time
 * limit: a stuck plugin is stopped within its limit (+100 ms) whatever ran before it, its worker is replaced,
 * and the rest of the document still runs (on the replacement).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPluginFolder } from '../services/plugins/plugin-loader.js';
import { GOOD_WAT, LOOP_WAT, TRAP_WAT, buildPluginHost, tempRoot, writePlugin } from '../services/plugins/test-plugins.js';
import { encodeAnalyzeInput, type InstanceSpec } from './plugin-instance.js';
import { WorkerPool } from './worker-pool.js';

const TEXT = 'CPF 529.982.247-25';
const input = encodeAnalyzeInput(TEXT, 'pt-BR', {});
let root: string;
let pool: WorkerPool;

async function spec(id: string, wat: string, timeoutMs: number): Promise<InstanceSpec> {
  const plugin = await loadPluginFolder(await writePlugin(root, id, wat, { limits: { memoryPages: 4, timeoutMs, maxOutputBytes: 4096 } }));
  return { key: plugin.key, module: plugin.module, entry: 'analyze', limits: plugin.manifest.limits, capabilities: plugin.capabilities };
}

beforeAll(async () => {
  const host = await buildPluginHost();
  root = await tempRoot('sigilo-pool-');
  const specs = [
    await spec('good', GOOD_WAT, 2000),
    await spec('good2', GOOD_WAT, 2000),
    await spec('loop', LOOP_WAT, 200),
    await spec('loop2', LOOP_WAT, 300),
    await spec('loop3', LOOP_WAT, 600),
    await spec('trap', TRAP_WAT, 2000),
  ];
  pool = await WorkerPool.start(specs, { workerUrl: pathToFileURL(path.join(path.dirname(host), 'plugin-worker.js')), size: 2 });
}, 60_000);

afterAll(async () => {
  await pool?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const codes = (outcomes: Array<{ ok: boolean; code?: string }>) => outcomes.map((o) => (o.ok ? 'ok' : o.code));

describe('WorkerPool (one job per document, a few when many wait)', () => {
  it('stops a stuck plugin at its own limit even after a plugin with a longer one, and runs the rest', async () => {
    const started = performance.now();
    const outcomes = await pool.runAll(['good@1.0.0', 'loop@1.0.0', 'good2@1.0.0'], input, TEXT.length);
    const elapsed = performance.now() - started;
    expect(codes(outcomes)).toEqual(['ok', 'TIMEOUT', 'ok']);
    const loop = outcomes[1];
    expect(loop?.durationMs).toBeGreaterThanOrEqual(199);
    expect(loop?.durationMs).toBeLessThan(300);
    for (const i of [0, 2]) expect(outcomes[i]).toMatchObject({ ok: true, findings: [{ type: 'cpf', start: 0, end: 3 }] });
    expect(elapsed).toBeLessThan(1200);
  });

  it('stops two stuck plugins of one document, each at its own limit', async () => {
    const outcomes = await pool.runAll(['loop@1.0.0', 'good@1.0.0', 'loop2@1.0.0', 'good2@1.0.0'], input, TEXT.length);
    expect(codes(outcomes)).toEqual(['TIMEOUT', 'ok', 'TIMEOUT', 'ok']);
    expect(outcomes[0]?.durationMs).toBeLessThan(300);
    expect(outcomes[2]?.durationMs).toBeGreaterThanOrEqual(299);
    expect(outcomes[2]?.durationMs).toBeLessThan(400);
    expect(outcomes[2]).toMatchObject({ message: expect.stringContaining('300 ms') });
  });

  it('runs documents in parallel on both workers', async () => {
    // workers replaced by the tests above may still be starting
    for (let i = 0; i < 100 && pool.idleWorkers < 2; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const both = await Promise.all([
      pool.runAll(['good@1.0.0', 'loop3@1.0.0'], input, TEXT.length),
      pool.runAll(['good2@1.0.0', 'loop3@1.0.0'], input, TEXT.length),
    ]);
    expect(both.map(codes)).toEqual([['ok', 'TIMEOUT'], ['ok', 'TIMEOUT']]);
    // one after the other would take two time limits (1200 ms)
    expect(performance.now() - started).toBeLessThan(1100);
  });

  it('fails only the trapping plugin and gives it a fresh instance for the next document', async () => {
    expect(codes(await pool.runAll(['trap@1.0.0', 'good@1.0.0', 'trap@1.0.0'], input, TEXT.length))).toEqual(['TRAP', 'ok', 'TRAP']);
    expect(codes(await pool.runAll(['good@1.0.0', 'trap@1.0.0'], input, TEXT.length))).toEqual(['ok', 'TRAP']);
  });

  it('answers NOT_LOADED for an unknown plugin next to known ones, in order', async () => {
    const outcomes = await pool.runAll(['nope@1.0.0', 'good@1.0.0'], input, TEXT.length);
    expect(codes(outcomes)).toEqual(['NOT_LOADED', 'ok']);
  });

  it('stops a stuck plugin in a job of several waiting documents; the documents after it still run', async () => {
    const docs = Array.from({ length: 8 }, (_, i) => (i === 2 ? ['good@1.0.0', 'loop@1.0.0', 'good2@1.0.0'] : ['good@1.0.0', 'good2@1.0.0']));
    const all = await Promise.all(docs.map((keys) => pool.runAll(keys, input, TEXT.length)));
    all.forEach((outcomes, i) => expect(codes(outcomes)).toEqual(i === 2 ? ['ok', 'TIMEOUT', 'ok'] : ['ok', 'ok']));
    expect(all[2]?.[1]?.durationMs).toBeLessThan(300);
  });

  it('answers a burst of documents, each with every plugin result in order', async () => {
    const all = await Promise.all(Array.from({ length: 50 }, () => pool.runAll(['good@1.0.0', 'trap@1.0.0', 'good2@1.0.0'], input, TEXT.length)));
    for (const outcomes of all) expect(codes(outcomes)).toEqual(['ok', 'TRAP', 'ok']);
  });
});
