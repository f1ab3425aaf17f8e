/** The app's redaction port: copies are made in the isolated extraction process, never in the main process. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OkReport } from '../../shared/report.js';
import { ExtractionClient } from '../extraction/extraction-client.js';
import { buildExtractionProcess } from '../extraction/test-support.js';
import { launchForked, type ProcessLauncher } from '../isolated-process.js';
import { createPseudonymizer } from '../redaction/index.js';
import { ApiError } from './api-error.js';
import { redactionPort } from './export-ports.js';

let entry: string;
let dir: string;
let client: ExtractionClient;
const children: Array<number | undefined> = [];

beforeAll(async () => {
  entry = await buildExtractionProcess();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-redaction-port-'));
  const launcher: ProcessLauncher = (script, opts) => {
    const child = launchForked(script, opts);
    children.push(child.pid);
    return child;
  };
  client = ExtractionClient.start({ entry, launcher });
});
afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (entry) rmSync(path.dirname(entry), { recursive: true, force: true });
});

const report = (findings: Array<{ type: string; text: string; decision?: 'accepted' | 'rejected' }>): OkReport => ({
  file: 'x', sha256: 'a'.repeat(64), mediaType: 'text/plain', status: 'ok', pages: 1,
  extraction: { method: 'text', chars: 10 }, durationMs: 1, risk: { score: 50, level: 'medium', reasons: [] },
  findings: findings.map((f) => ({ ...f, start: 0, end: 1, page: 1, confidence: 0.9, validated: false, plugin: 'p@1.0.0' })),
});

describe('redactionPort', () => {
  it('redacts a path and bytes in the extraction process and names the copy', async () => {
    const port = redactionPort(client);
    const source = path.join(dir, 'laudo.txt');
    writeFileSync(source, 'Paciente Maria Silva, CPF 529.982.247-25');
    const r = report([{ type: 'person_name', text: 'Maria Silva' }, { type: 'cpf', text: '529.982.247-25', decision: 'rejected' }]);
    const fromPath = await port.redact({ kind: 'path', path: source }, r, 'label');
    expect(fromPath.fileName).toBe('laudo.redigido.txt');
    expect(Buffer.from(fromPath.bytes).toString('utf8')).toBe('Paciente [NOME], CPF 529.982.247-25');
    const fromBytes = await port.redact({ kind: 'bytes', name: 'nota.md', bytes: Buffer.from('Maria Silva') }, r, 'block');
    expect(fromBytes.fileName).toBe('nota.redigido.md');
    expect(Buffer.from(fromBytes.bytes).toString('utf8')).toBe('████');
    const stats = await client.stats();
    expect(stats.pid).toBe(children.at(-1));
    expect(stats.pid).not.toBe(process.pid);
  });

  it('keeps pseudonyms consistent across the files of a batch when given one table', async () => {
    const port = redactionPort(client);
    const pseudonyms = createPseudonymizer();
    const r = report([{ type: 'person_name', text: 'Maria Silva' }, { type: 'cpf', text: '529.982.247-25' }]);
    const a = await port.redact({ kind: 'bytes', name: 'a.txt', bytes: Buffer.from('CPF 529.982.247-25') }, r, 'pseudonym', { pseudonyms });
    const b = await port.redact({ kind: 'bytes', name: 'b.txt', bytes: Buffer.from('MARIA SILVA 52998224725') }, r, 'pseudonym', { pseudonyms });
    expect(Buffer.from(a.bytes).toString('utf8')).toBe('CPF CPF_1');
    expect(Buffer.from(b.bytes).toString('utf8')).toBe('NOME_1 CPF_1');
  });

  it('maps a missing source to NO_SOURCE and a refused copy to EXPORT_FAILED with the reason', async () => {
    const port = redactionPort(client);
    const r = report([{ type: 'cpf', text: '529.982.247-25' }]);
    await expect(port.redact({ kind: 'path', path: path.join(dir, 'sumiu.txt') }, r, 'label')).rejects.toMatchObject({ code: 'NO_SOURCE' });
    const refused = await port.redact({ kind: 'bytes', name: 'x.tiff', bytes: Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]) }, r, 'label').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('EXPORT_FAILED');
    expect((refused as ApiError).userMessage).toContain('TIFF');
  });
});
