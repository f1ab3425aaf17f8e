/**
 * The deterministic instruction budget of a plugin (manifest limits.instructions), through the real plugin host:
 * every call reports the instructions it used — the same count on every run — and a call that runs out is
 * stopped with its own error code, long before the wall-clock timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { PluginHostClient } from './plugin-host-client.js';
import { summarise } from './plugin-stats.js';
import { GOOD_WAT, LOOP_WAT, buildPluginHost, tempRoot, writePlugin } from './test-plugins.js';

const TEXT = 'Paciente: João, CPF 529.982.247-25';
const LIMITS = { memoryPages: 4, timeoutMs: 10_000, maxOutputBytes: 4096 };
let root: string;
let client: PluginHostClient;

beforeAll(async () => {
  const hostEntry = await buildPluginHost();
  root = await tempRoot('sigilo-instructions-');
  const plugins = [
    await writePlugin(root, 'counted', GOOD_WAT, { limits: { ...LIMITS, instructions: 1_000_000 } }),
    await writePlugin(root, 'spinner', LOOP_WAT, { limits: { ...LIMITS, instructions: 5_000_000 } }),
    await writePlugin(root, 'plain', GOOD_WAT, { limits: LIMITS }),
  ];
  client = await PluginHostClient.start({ hostEntry, poolSize: 1, plugins: plugins.map((dir) => ({ dir, grants: [] })) });
});

afterAll(async () => {
  await client?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('instruction budget (limits.instructions)', () => {
  it('reports the instructions of every call, the same on every run, growing with the input', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [r] = await client.analyze(TEXT, { plugins: ['counted'] });
      expect(r?.error).toBeUndefined();
      expect(r?.findings).toHaveLength(1);
      counts.push(r?.instructions ?? -1);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    const [longer] = await client.analyze(TEXT.repeat(10), { plugins: ['counted'] });
    expect(longer?.instructions).toBeGreaterThan(counts[0] as number);
    // a plugin without a budget is not instrumented and reports no count
    const [plain] = await client.analyze(TEXT, { plugins: ['plain'] });
    expect(plain?.error).toBeUndefined();
    expect(plain?.instructions).toBeUndefined();
  });

  it('stops a call that runs out with INSTRUCTIONS, not at the (much longer) timeout; the next call runs normally', async () => {
    const started = performance.now();
    const [r] = await client.analyze(TEXT, { plugins: ['spinner'] });
    expect(r?.error?.code).toBe('INSTRUCTIONS');
    expect(r?.error?.message).toContain('5000000 instruções');
    expect(r?.instructions).toBe(5_000_000);
    expect(performance.now() - started).toBeLessThan(LIMITS.timeoutMs / 2);
    const [after] = await client.analyze(TEXT, { plugins: ['counted'] });
    expect(after?.error).toBeUndefined();
  });

  it('keeps the counts in the plugin statistics', () => {
    const counted = client.statsEntries().find((e) => e.plugin.startsWith('counted@'));
    expect(counted).toBeDefined();
    const s = summarise(counted!);
    expect(s.instructionsP50).toBeGreaterThan(0);
    expect(s.instructionsMax).toBeGreaterThan(s.instructionsP50 as number);
    expect(summarise(client.statsEntries().find((e) => e.plugin.startsWith('plain@'))!).instructionsP50).toBeUndefined();
  });
});
