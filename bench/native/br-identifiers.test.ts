// The native reference used by `npm run bench` (WebAssembly against native) must find exactly what the
// br-identifiers plugin finds, or the speed ratio compares different work.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltPlugin, type LoadedPlugin } from '../../plugins/testing/run-plugin';
import { detect } from './br-identifiers';

const LABELS = '/work/shared/corpus/dev/labels.json';
const corpusDocs: Array<{ file: string; text: string }> = existsSync(LABELS)
  ? (JSON.parse(readFileSync(LABELS, 'utf8')) as { documents: Array<{ file: string; text: string }> }).documents
  : [];

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('br-identifiers'); });
afterAll(async () => { await plugin?.close(); });

const round = (x: number) => Math.round(x * 10000) / 10000;
const normalise = (fs: ReadonlyArray<{ type: string; start: number; end: number; confidence: number; validated?: boolean | undefined; reason?: string | undefined }>) =>
  fs.map((f) => ({ type: f.type, start: f.start, end: f.end, confidence: round(f.confidence), validated: f.validated ?? false, reason: f.reason ?? '' }));

async function same(text: string): Promise<number> {
  const wasm = normalise((await plugin.analyze(text)).findings);
  const native = normalise(detect(text));
  expect(native).toEqual(wasm);
  return wasm.length;
}

describe('native br-identifiers reference', () => {
  it.runIf(corpusDocs.length > 0)('gives the plugin\'s findings on every dev corpus document', async () => {
    let total = 0;
    for (const doc of corpusDocs) total += await same(doc.text);
    expect(total).toBeGreaterThan(100);
  });

  it('gives the plugin\'s findings on tricky spellings (tables, X check digit, leading zeros, alphanumeric CNPJ)', async () => {
    const texts = [
      'nome;cpf;telefone;cep\nJosé;52998224725;(11) 98765-4321;01310-100\nAna;529982247;+55 21 3456-7890;20040-020\n',
      'RG: 12.345.678-X SSP/SP, RG MG-12.345.678, título de eleitor 1234 5678 0191, CNS 898 0010 0000 0008',
      'CNPJ 12.ABC.345/01DE-35 e 12ABC34501DE35; CRM-SP 123456, COREN-RJ 123456-ENF, CRP 06/12345, OAB/SP 123.456',
      'Contato: maria.silva@hospital.org.br; fone 0800 123 4567; tel 4004-1234; 11 98765 4321; lote 12345678901',
      'CPF 529.982.\n247-25 e PIS 120.5687.64-5 (prontuário nº 0012345), CEP 01001000; NIS 12056876450',
    ];
    for (const t of texts) await same(t);
  });

  it('returns nothing for text without identifiers and survives empty input', () => {
    expect(detect('')).toEqual([]);
    expect(detect('Paciente estável, sem queixas. Retorno em 30 dias.')).toEqual([]);
  });
});
