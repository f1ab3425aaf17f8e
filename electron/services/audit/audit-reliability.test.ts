/**
 * Reliability: a writer killed with SIGKILL at random points loses nothing it reported as written and never
 * breaks the chain; two processes writing at once both succeed and nothing is lost.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../app-paths.js';
import { AuditStore } from './audit-store.js';
import { openAuditForCli, openAuditStore } from './open-audit.js';
import { KeyFileProvider } from '../keys/key-file-provider.js';
import { randomBytes } from 'node:crypto';
import { newKey, tempDir } from './test-helpers.js';

let writerScript: string;
let buildDir: string;

beforeAll(async () => {
  buildDir = path.join(packageRoot(), 'node_modules', '.cache', 'sigilo-audit-tests', String(process.pid));
  mkdirSync(buildDir, { recursive: true });
  writerScript = path.join(buildDir, 'writer.mjs');
  await build({
    entryPoints: [path.join(packageRoot(), 'electron/services/audit/audit-writer.fixture.ts')],
    outfile: writerScript, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning',
  });
});
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

interface Run { ids: string[]; code: number | null; signal: NodeJS.Signals | null; stderr: string }

interface SyncHooks {
  attach(send: (line: string) => void, end: () => void): void;
  reached(marker: 'ready' | 'half'): void;
}

/**
 * Lock-step for writers started in `sync` mode: all start writing once all are ready, and all resume once all
 * have written half their entries — so their writes overlap for certain, however the machine schedules them.
 */
function lockstep(writers: number): SyncHooks[] {
  const senders: Array<{ send: (line: string) => void; end: () => void }> = [];
  const counts = { ready: 0, half: 0 };
  return Array.from({ length: writers }, () => ({
    attach(send, end) { senders.push({ send, end }); },
    reached(marker) {
      if (++counts[marker] < writers) return;
      for (const s of senders) { s.send('go'); if (marker === 'half') s.end(); }
    },
  }));
}

/** Runs the writer; kills it with SIGKILL `afterMs` after its first write (or after spawn when `early`). */
function runWriter(dataDir: string, keyHex: string, count: number, tag: string, kill?: { afterMs: number; early: boolean }, sync?: SyncHooks): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = [writerScript, dataDir, keyHex, count < 0 ? 'rotate' : String(count), tag, ...(sync ? ['sync'] : [])];
    const child = spawn(process.execPath, args, { stdio: [sync ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (sync) sync.attach((line) => child.stdin!.write(`${line}\n`), () => child.stdin!.end());
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => { if (kill && !timer) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs); };
    if (kill?.early) arm();
    // a late kill is armed once the first entry is written, so that it lands in the middle of the stream
    child.stdout!.on('data', (chunk: Buffer) => {
      const before = out;
      out += chunk.toString('utf8');
      if (/^ready\n.+\n/.test(out) || (count < 0 && out.startsWith('ready\n'))) arm();
      if (sync) for (const marker of ['ready', 'half'] as const) if (!before.includes(`${marker}\n`) && out.includes(`${marker}\n`)) sync.reached(marker);
    });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const complete = out.slice(0, out.lastIndexOf('\n') + 1).split('\n').filter((l) => l && l !== 'ready' && l !== 'half');
      resolve({ ids: complete, code, signal, stderr });
    });
  });
}

describe('audit reliability', () => {
  it('SIGKILL at random points (50 times): every reported id is present and the chain verifies', async () => {
    const { dir, cleanup } = tempDir();
    const key = newKey();
    const reported: string[] = [];
    let killedWhileWriting = 0;
    try {
      for (let i = 0; i < 50; i++) {
        const early = i % 5 === 0; // some kills land during start-up / opening / first-run creation
        const run = await runWriter(dir, key.toString('hex'), 0, `run${i}`, { afterMs: early ? Math.random() * 80 : Math.random() * 100, early });
        expect(run.signal, run.stderr).toBe('SIGKILL');
        expect(run.stderr).toBe('');
        if (run.ids.length > 0) killedWhileWriting++;
        reported.push(...run.ids);
        const store = AuditStore.open({ dataDir: dir, key });
        try {
          const result = store.verify();
          expect(result.firstBad).toBeUndefined();
          expect(result.ok).toBe(true);
          const ids = new Set(store.list({ limit: 1_000_000 }).map((e) => e.id));
          for (const id of run.ids) expect(ids.has(id), `lost ${id} of run ${i}`).toBe(true);
        } finally {
          store.close();
        }
      }
      const store = AuditStore.open({ dataDir: dir, key });
      try {
        const all = new Set(store.list({ limit: 1_000_000 }).map((e) => e.id));
        expect(reported.every((id) => all.has(id))).toBe(true);
        expect(store.verify().ok).toBe(true);
      } finally {
        store.close();
      }
      expect(killedWhileWriting).toBeGreaterThanOrEqual(40);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('two processes writing at once (racing to create the database and its key file): no error, nothing lost', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const [syncA, syncB] = lockstep(2);
      const [a, b] = await Promise.all([runWriter(dir, '-', 150, 'A', undefined, syncA), runWriter(dir, '-', 150, 'B', undefined, syncB)]);
      for (const run of [a!, b!]) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.ids).toHaveLength(150);
      }
      const { store } = await openAuditForCli({ dataDir: dir, env: {} });
      try {
        expect(store.verify()).toMatchObject({ ok: true, entries: 300 });
        const ids = new Set(store.list({ limit: 1000 }).map((e) => e.id));
        expect([...a!.ids, ...b!.ids].every((id) => ids.has(id))).toBe(true);
        const ordered = store.list({ limit: 1000, order: 'asc' });
        expect(ordered.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
        // the writers really ran at the same time: each was interrupted by the other at least once (lock-step)
        const owner = ordered.map((e) => String(e.payload.tag ?? e.payload.file).charAt(0));
        const turns = owner.filter((o, i) => i > 0 && o !== owner[i - 1]).length;
        expect(turns).toBeGreaterThanOrEqual(2);
      } finally {
        store.close();
      }
    } finally {
      cleanup();
    }
  }, 60_000);

  it('repeated first-run races (fresh folder, two processes creating the key and the database): both succeed', async () => {
    for (let round = 0; round < 6; round++) {
      const { dir, cleanup } = tempDir();
      try {
        const runs = await Promise.all([runWriter(dir, '-', 5, 'A'), runWriter(dir, '-', 5, 'B')]);
        for (const run of runs) expect({ code: run.code, stderr: run.stderr, n: run.ids.length }).toEqual({ code: 0, stderr: '', n: 5 });
        const { store } = await openAuditForCli({ dataDir: dir, env: {} });
        try {
          expect(store.verify()).toMatchObject({ ok: true, entries: 10 });
        } finally {
          store.close();
        }
      } finally {
        cleanup();
      }
    }
  }, 60_000);

  it('SIGKILL during key rotation (re-encryption): the history still opens with one of the keys and verifies', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = await openAuditForCli({ dataDir: dir, env: {} });
      for (let i = 0; i < 60; i++) store.append('settings_change', { blob: randomBytes(20_000).toString('hex') }); // ~2.5 MB to re-encrypt
      store.close();
      // one uninterrupted rotation first, to learn how long it takes on this machine
      const started = Date.now();
      const timing = await runWriter(dir, '-', -1, 'timing');
      const took = Date.now() - started;
      expect(timing.code).toBe(0);
      let rotations = 1;
      let rekeyed = 0;
      for (let i = 0; i < 10; i++) {
        const keyBefore = readFileSync(path.join(dir, 'audit.key'), 'utf8');
        const run = await runWriter(dir, '-', -1, `rot${i}`, { afterMs: Math.random() * took, early: false });
        if (run.signal !== 'SIGKILL') { expect(run.stderr).toBe(''); rotations++; }
        const reopened = await openAuditStore({ dataDir: dir, provider: new KeyFileProvider(dir) });
        try {
          expect(reopened.verify()).toMatchObject({ ok: true });
          expect(reopened.count({ type: 'settings_change' })).toBe(60);
          if (readFileSync(path.join(dir, 'audit.key'), 'utf8') !== keyBefore) rekeyed++;
        } finally {
          reopened.close();
        }
      }
      const { store: last } = await openAuditForCli({ dataDir: dir, env: {} });
      try {
        expect(last.count({ type: 'key_rotation' })).toBeGreaterThanOrEqual(rotations);
        expect(rekeyed).toBeGreaterThan(0); // some kills landed after the re-encryption began
      } finally {
        last.close();
      }
    } finally {
      cleanup();
    }
  }, 60_000);
});
