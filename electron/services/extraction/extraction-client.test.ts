import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { SigiloError } from '../../shared/error-codes';
import { packageRoot } from '../app-paths';
import { launchForked, type ProcessLauncher } from '../isolated-process';
import { ExtractionClient } from './extraction-client';
import { buildExtractionProcess, mixedPdf, textImage, textPdf } from './test-support';

let entry: string;
let dir: string;
let client: ExtractionClient;
const file = (name: string, bytes: Uint8Array | string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try { await promise; return 'OK'; } catch (error) { expect(error).toBeInstanceOf(SigiloError); return (error as SigiloError).code; }
};

beforeAll(async () => {
  entry = await buildExtractionProcess();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-extraction-client-'));
  client = ExtractionClient.start({ entry, timeoutMs: 60_000 });
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
  if (entry) rmSync(path.dirname(entry), { recursive: true, force: true });
});

describe('ExtractionClient (real extraction process)', () => {
  it('extracts a document in the isolated process', async () => {
    const doc = await client.extract(file('laudo.pdf', await textPdf([['Paciente: Maria da Silva']])), { ocr: false });
    expect(doc).toMatchObject({ mediaType: 'application/pdf', pages: 1, method: 'text' });
    expect(doc.text).toContain('Paciente: Maria da Silva');
    expect(client.pid).not.toBe(process.pid);
  });

  it('maps file-system problems to NOT_FOUND, EMPTY_FILE and FILE_TOO_LARGE (checked before reading)', async () => {
    expect(await codeOf(client.extract(path.join(dir, 'nao-existe.pdf'), { ocr: false }))).toBe('NOT_FOUND');
    expect(await codeOf(client.extract(dir, { ocr: false }))).toBe('NOT_FOUND');
    expect(await codeOf(client.extract(file('vazio.txt', ''), { ocr: false }))).toBe('EMPTY_FILE');
    expect(await codeOf(client.extract(file('grande.txt', 'x'.repeat(5000)), { ocr: false, maxBytes: 4096 }))).toBe('FILE_TOO_LARGE');
  });

  it('OCRs an image without any network access (guarded in the process and its OCR threads)', async () => {
    const doc = await client.extract(file('scan.png', await textImage(['Paciente: Ricardo Gomes'], 'png')), { ocr: true });
    expect(doc.method).toBe('ocr');
    expect(doc.text.toLowerCase()).toContain('ricardo');
    // A scanned PDF page with a short label in a standard font: rendering loads the font data from disk.
    const pdf = await client.extract(file('scan.pdf', await mixedPdf([{ scan: ['Paciente: Ricardo Gomes'], label: 'Pag. 1' }])), { ocr: true });
    expect(pdf.method).toBe('ocr');
    expect(pdf.text).toContain('Pag. 1');
    const stats = await client.stats();
    expect(stats.pid).toBe(client.pid);
    expect(stats.blockedNetworkAttempts).toBe(0);
  });

  it('kills a document that exceeds its time limit and serves the next one with a fresh process', async () => {
    const scan = file('lento.png', await textImage(['Linha um de texto', 'Linha dois de texto', 'Linha três'], 'png'));
    const before = client.pid;
    const started = Date.now();
    expect(await codeOf(client.extract(scan, { ocr: true, timeoutMs: 30 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
    const doc = await client.extract(file('ok.txt', 'depois do timeout'), { ocr: false });
    expect(doc.text).toBe('depois do timeout');
    expect(client.pid).not.toBe(before);
  });

  it('replaces a process that died, idle or in the middle of a document', async () => {
    const first = client.pid!;
    process.kill(first, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    expect((await client.extract(file('a.txt', 'ainda funciona'), { ocr: false })).text).toBe('ainda funciona');
    const second = client.pid!;
    expect(second).not.toBe(first);
    const pending = client.extract(file('b.png', await textImage(['Texto para OCR'], 'png')), { ocr: true });
    setTimeout(() => process.kill(second, 'SIGKILL'), 20);
    expect(await codeOf(pending)).toBe('INTERNAL');
    expect((await client.extract(file('c.txt', 'de novo'), { ocr: false })).text).toBe('de novo');
  });

  it('uses the injected launcher and starts the process with an empty environment', async () => {
    const seen: string[] = [];
    const launcher: ProcessLauncher = (script, opts) => { seen.push(script); return launchForked(script, opts); };
    process.env.SIGILO_SECRET_FOR_TEST = 'x';
    const other = ExtractionClient.start({ entry, launcher });
    try {
      expect(seen).toEqual([entry]);
      const pid = other.pid!;
      await other.stats();
      const environ = spawnSync('cat', [`/proc/${pid}/environ`]).stdout.toString();
      expect(environ).not.toContain('SIGILO_SECRET_FOR_TEST');
      expect(environ).not.toContain('PATH=');
    } finally {
      delete process.env.SIGILO_SECRET_FOR_TEST;
      await other.close();
    }
  });
});

describe('ExtractionClient without a usable process', () => {
  it('rejects (never hangs) when the process cannot start, and refuses invalid options', async () => {
    const broken = ExtractionClient.start({ entry: path.join(os.tmpdir(), 'sigilo-no-such-entry.js'), timeoutMs: 20_000, onStderr: () => undefined });
    try {
      expect(await codeOf(broken.extract('/etc/hostname', { ocr: false }))).toBe('INTERNAL');
      expect(await codeOf(broken.extract('/etc/hostname', { ocr: false, maxPages: 0 }))).toBe('INTERNAL');
    } finally {
      await broken.close();
    }
  });
});

describe('network guard', () => {
  it('refuses sockets, DNS and fetch and counts the attempts', () => {
    const script = path.join(dir, 'guard-check.mjs');
    buildSync({
      absWorkingDir: packageRoot(),
      stdin: {
        contents: `import { installNetworkGuard, blockedNetworkAttempts } from './electron/services/extraction/network-guard';
          import net from 'node:net'; import dns from 'node:dns';
          installNetworkGuard();
          const results = [];
          await fetch('http://127.0.0.1:9/').then(() => results.push('fetch ok'), () => results.push('fetch refused'));
          await new Promise((r) => dns.lookup('example.com', (e) => { results.push(e ? 'dns refused' : 'dns ok'); r(); }));
          await new Promise((r) => { const s = net.connect(9, '127.0.0.1'); s.on('error', () => { results.push('socket refused'); r(); }); s.on('connect', () => { results.push('socket ok'); r(); }); });
          console.log(JSON.stringify({ results, blocked: blockedNetworkAttempts() }));`,
        resolveDir: packageRoot(),
        loader: 'ts',
      },
      bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent',
    });
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env: {} });
    const out = JSON.parse(run.stdout.trim()) as { results: string[]; blocked: number };
    expect(out.results).toEqual(['fetch refused', 'dns refused', 'socket refused']);
    expect(out.blocked).toBe(3);
  });
});
