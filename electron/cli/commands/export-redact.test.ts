import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOutput, OkReport } from '../../shared/report.js';
import { openAuditForCli } from '../../services/audit/open-audit.js';
import { EXIT_USAGE, UsageError, type CliIo } from '../cli-io.js';
import { run as exportCommand } from './export.js';
import { run as redactCommand } from './redact.js';

/** Like the dispatcher (electron/cli/sigilo.ts): a usage error exits 1. */
async function main(argv: string[], cliIo: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    return await (name === 'export' ? exportCommand : redactCommand)(rest, cliIo);
  } catch (error) {
    if (error instanceof UsageError) return EXIT_USAGE;
    throw error;
  }
}

let dir: string;
let dataDir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-cli-exports-'));
  dataDir = path.join(dir, 'data');
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

function io(): CliIo & { out: string; err: string } {
  const state = { out: '', err: '' };
  return Object.assign(state, {
    stdout: (t: string) => { state.out += t; },
    stderr: (t: string) => { state.err += t; },
    env: { SIGILO_DATA_DIR: dataDir },
    cwd: dir,
  });
}

const report: OkReport = {
  file: 'laudo.txt', sha256: 'b'.repeat(64), mediaType: 'text/plain', status: 'ok', pages: 1,
  extraction: { method: 'text', chars: 60 }, durationMs: 5,
  risk: { score: 80, level: 'high', reasons: ['CPF válido junto a dado de saúde (LGPD art. 5º, II)'] },
  findings: [
    { type: 'cpf', text: '529.982.247-25', start: 23, end: 37, page: 1, confidence: 0.99, validated: true, plugin: 'br-identifiers@1.0.0' },
    { type: 'person_name', text: 'Maria Silva', start: 10, end: 21, page: 1, confidence: 0.9, validated: false, plugin: 'br-identifiers@1.0.0' },
    { type: 'health_condition', text: 'diabetes', start: 50, end: 58, page: 1, confidence: 0.8, validated: false, plugin: 'health@1.0.0' },
  ],
};

async function pdfText(file: string): Promise<string> {
  const task = pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 });
  const doc = await task.promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? `${i.str} ` : '')).join('');
  await task.destroy();
  return text;
}

describe('sigilo export form', () => {
  it('renders a form from a REPORT.json and records the export', async () => {
    const output: AnalysisOutput = { tool: { name: 'sigilo', version: '0.1.0' }, reports: [report] };
    await writeFile(path.join(dir, 'report.json'), JSON.stringify(output));
    const cli = io();
    expect(await main(['export', 'form', '--type', 'consent', '--from', 'report.json', '--out', 'termo.pdf'], cli)).toBe(0);
    expect(await pdfText(path.join(dir, 'termo.pdf'))).toContain('TERMO DE CONSENTIMENTO');
    expect(await main(['export', 'form', '--type', 'record', '--from', 'report.json', '--out', 'registro.docx'], io())).toBe(0);
    expect((await readFile(path.join(dir, 'registro.docx'))).subarray(0, 2).toString()).toBe('PK');
    const { store } = await openAuditForCli({ env: { SIGILO_DATA_DIR: dataDir } });
    try {
      expect(store.list({ type: 'export' }).length).toBeGreaterThanOrEqual(2);
    } finally {
      store.close();
    }
  });

  it('loads a report by audit id and prints the entry hash in the analysis report', async () => {
    const { store } = await openAuditForCli({ env: { SIGILO_DATA_DIR: dataDir } });
    const entry = store.recordAnalysis(report);
    store.close();
    expect(await main(['export', 'form', '--type', 'report', '--from', entry.id, '--out', 'relatorio.pdf'], io())).toBe(0);
    const text = await pdfText(path.join(dir, 'relatorio.pdf'));
    expect(text).toContain(entry.id);
    expect(text).toContain(entry.hash.slice(0, 16));
    expect(text).toContain('529.***.***-25');
    expect(text).not.toContain('529.982.247-25');
  });

  it('refuses to overwrite, and reports bad usage with exit 1', async () => {
    const cli = io();
    expect(await main(['export', 'form', '--type', 'consent', '--from', 'report.json', '--out', 'termo.pdf'], cli)).toBe(2);
    expect(cli.err).toContain('já existe');
    expect(await main(['export', 'form', '--type', 'nada', '--from', 'report.json', '--out', 'x.pdf'], io())).toBe(1);
    expect(await main(['export', 'form', '--type', 'ripd', '--from', 'NAOEXISTE', '--out', 'x.pdf'], io())).toBe(2);
  });
});

describe('sigilo redact', () => {
  it('writes a redacted copy from --from REPORT.json, keeps the original, records the export', async () => {
    const original = 'Paciente: Maria Silva, CPF 529.982.247-25, com diabetes.\n';
    await writeFile(path.join(dir, 'laudo.txt'), original);
    const cli = io();
    expect(await main(['redact', 'laudo.txt', '--out', 'copias', '--mode', 'pseudonym', '--from', 'report.json'], cli)).toBe(0);
    const outPath = path.join(dir, 'copias', 'laudo.redigido.txt');
    expect(cli.out.trim()).toBe(outPath);
    expect(await readFile(outPath, 'utf8')).toBe('Paciente: NOME_1, CPF CPF_1, com CONDICAO_SAUDE_1.\n');
    expect(await readFile(path.join(dir, 'laudo.txt'), 'utf8')).toBe(original);
    const { store } = await openAuditForCli({ env: { SIGILO_DATA_DIR: dataDir } });
    try {
      expect(store.list({ type: 'export' }).some((e) => e.payload.kind === 'redaction' && e.payload.output === outPath)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('exits 2 when a file is not in the report, 1 on bad usage', async () => {
    await writeFile(path.join(dir, 'outro.txt'), 'nada');
    expect(await main(['redact', 'outro.txt', '--out', 'copias', '--from', 'report.json'], io())).toBe(2);
    expect(await main(['redact', 'laudo.txt', '--out', 'copias', '--mode', 'borrar', '--from', 'report.json'], io())).toBe(1);
    expect(await main(['redact', 'laudo.txt', '--from', 'report.json'], io())).toBe(1);
  });
});
