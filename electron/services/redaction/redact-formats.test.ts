import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ExtractionClient } from '../extraction/extraction-client.js';
import { buildExtractionProcess } from '../extraction/test-support.js';
import { extractedText, ocrText, textLeaks } from './leak-check.js';
import { createWordRecognizer } from './ocr-words.js';
import { createPseudonymizer } from './pseudonymizer.js';
import { redactFile, type RedactionExportEntry } from './redact-file.js';

let dir: string;
let entry: string;
/** Copies are made in the isolated extraction process, as in the app and the CLI. */
let redactor: ExtractionClient;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-redact-'));
  entry = await buildExtractionProcess();
  redactor = ExtractionClient.start({ entry });
});
afterAll(async () => {
  await redactor?.close();
  await rm(dir, { recursive: true, force: true });
  if (entry) await rm(path.dirname(entry), { recursive: true, force: true });
});

const findings = [
  { type: 'cpf', text: '529.982.247-25' },
  { type: 'person_name', text: 'Maria José Silva' },
  { type: 'email', text: 'maria@exemplo.com.br' },
];
const values = findings.map((f) => f.text);

function docx(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    'docProps/core.xml': strToU8('<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>Maria José Silva</dc:creator></cp:coreProperties>'),
    'docProps/thumbnail.jpeg': new Uint8Array([1, 2, 3]),
  });
}

describe('redactFile keeps the format', () => {
  it('DOCX: a value split over several runs is replaced, metadata and thumbnail cleaned, XML stays well formed', async () => {
    const input = path.join(dir, 'evolucao.docx');
    const body = '<w:p><w:r><w:t>Paciente: Maria </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>José</w:t></w:r><w:r><w:t xml:space="preserve"> Silva, CPF 529.982</w:t></w:r>'
      + '<w:r><w:t>.247-25</w:t></w:r></w:p><w:p><w:hyperlink w:tooltip="maria@exemplo.com.br"><w:r><w:t>maria@exemplo.com.br</w:t></w:r></w:hyperlink></w:p>';
    const original = docx(body);
    await writeFile(input, original);
    const result = await redactFile(input, findings, { redactor, mode: 'label', outDir: path.join(dir, 'out') });
    expect(path.basename(result.outPath)).toBe('evolucao.redigido.docx');
    const out = await readFile(result.outPath);
    const files = unzipSync(new Uint8Array(out));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain('<w:t>Paciente: [NOME]</w:t>');
    expect(xml).toContain('[CPF]');
    expect(xml).toContain('<w:b/>'); // formatting kept
    expect(files['docProps/thumbnail.jpeg']).toBeUndefined();
    expect(textLeaks(await extractedText(out, result.outPath), values)).toEqual([]);
    expect(Buffer.from(await readFile(input)).equals(Buffer.from(original))).toBe(true); // original untouched
  });

  it('ODT: text spans and spacing elements are handled', async () => {
    const input = path.join(dir, 'laudo.odt');
    const content = '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>'
      + '<text:p>Nome:<text:s/>Maria <text:span text:style-name="b">José</text:span> Silva</text:p><text:p>CPF 529.982.247-25</text:p></office:text></office:body></office:document-content>';
    await writeFile(input, zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(content),
      'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="m"/>'),
    }));
    const result = await redactFile(input, findings, { redactor, mode: 'pseudonym', outDir: path.join(dir, 'out') });
    const out = await readFile(result.outPath);
    const files = unzipSync(new Uint8Array(out));
    expect(Object.keys(files)[0]).toBe('mimetype');
    const xml = new TextDecoder().decode(files['content.xml']);
    expect(xml).toContain('NOME_1');
    expect(xml).toContain('CPF_1');
    expect(textLeaks(await extractedText(out, result.outPath), values)).toEqual([]);
  });

  it('HTML: only text nodes and attributes change; entities and inline tags are understood', async () => {
    const input = path.join(dir, 'carta.html');
    await writeFile(input, '<!doctype html><html><head><meta charset="utf-8"><title>Maria Jos&eacute; Silva</title></head><body>'
      + '<p class="cpf-529">Paciente <b>Maria</b> Jos&#233; Silva, CPF 529.982.247-25</p><a href="mailto:maria@exemplo.com.br">contato</a></body></html>');
    const result = await redactFile(input, findings, { redactor, mode: 'block', outDir: path.join(dir, 'out') });
    const html = await readFile(result.outPath, 'utf8');
    expect(html).toContain('<p class="cpf-529">Paciente <b>████</b>, CPF ████</p>');
    expect(html).toContain('href="mailto:████"');
    expect(textLeaks(await extractedText(Buffer.from(html), result.outPath), values)).toEqual([]);
  });

  it('TXT in Windows-1252 stays Windows-1252 with labels, and becomes UTF-8 (with a warning) for blocks', async () => {
    const input = path.join(dir, 'receita.txt');
    const original = Buffer.from('Paciente: Maria José Silva\r\nCPF: 52998224725\r\n', 'latin1');
    await writeFile(input, original);
    const labelled = await redactFile(input, findings, { redactor, mode: 'label', outDir: path.join(dir, 'out') });
    expect(labelled.encoding).toBe('windows-1252');
    expect((await readFile(labelled.outPath)).toString('latin1')).toBe('Paciente: [NOME]\r\nCPF: [CPF]\r\n');
    const blocked = await redactFile(input, findings, { redactor, mode: 'block', outDir: path.join(dir, 'out') });
    expect(path.basename(blocked.outPath)).toBe('receita.redigido-2.txt'); // never overwrites
    expect(blocked.encoding).toBe('utf-8');
    expect(blocked.warnings.join(' ')).toContain('UTF-8');
    expect(await readFile(blocked.outPath, 'utf8')).toBe('Paciente: ████\r\nCPF: ████\r\n');
    expect((await readFile(input)).equals(original)).toBe(true);
  });

  it('keeps rejected findings and records the export through the callback', async () => {
    const input = path.join(dir, 'nota.md');
    await writeFile(input, '# Nota\nMaria José Silva, CPF 529.982.247-25\n');
    const recorded: RedactionExportEntry[] = [];
    const result = await redactFile(input, [findings[0]!, { ...findings[1]!, decision: 'rejected' as const }], {
      redactor,
      mode: 'label', outDir: path.join(dir, 'out'), recordExport: (e) => { recorded.push(e); },
    });
    expect(await readFile(result.outPath, 'utf8')).toBe('# Nota\nMaria José Silva, CPF [CPF]\n');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: 'redaction', mode: 'label', values: 1, rejected: 1, output: result.outPath });
    expect(recorded[0]!.outputSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('removes the copy when the audit record cannot be written', async () => {
    const input = path.join(dir, 'falha.txt');
    await writeFile(input, 'CPF 529.982.247-25');
    const outDir = path.join(dir, 'out-fail');
    await expect(redactFile(input, findings, { redactor, outDir, recordExport: () => { throw new Error('audit down'); } })).rejects.toThrow('audit down');
    expect(existsSync(path.join(outDir, 'falha.redigido.txt'))).toBe(false);
  });

  it('refuses to ship an image when a value cannot be located on it', async () => {
    const canvas = createCanvas(400, 120);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 120);
    const input = path.join(dir, 'branco.png');
    await writeFile(input, await canvas.encode('png'));
    await expect(redactFile(input, [{ type: 'cpf', text: '529.982.247-25' }], { redactor, outDir: path.join(dir, 'out') }))
      .rejects.toMatchObject({ userMessage: expect.stringContaining('não foi gerada') });
    expect(existsSync(path.join(dir, 'out', 'branco.redigido.png'))).toBe(false);
  });

  it('uses one pseudonym per value across the files of a batch', async () => {
    const pseudonyms = createPseudonymizer();
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.csv');
    await writeFile(a, 'Maria José Silva 529.982.247-25');
    await writeFile(b, 'nome;cpf\nMARIA JOSE SILVA;52998224725\n');
    const ra = await redactFile(a, findings, { redactor, mode: 'pseudonym', outDir: path.join(dir, 'batch'), pseudonyms });
    const rb = await redactFile(b, [{ type: 'person_name', text: 'MARIA JOSE SILVA' }, { type: 'cpf', text: '52998224725' }], { redactor, mode: 'pseudonym', outDir: path.join(dir, 'batch'), pseudonyms });
    expect(await readFile(ra.outPath, 'utf8')).toBe('NOME_1 CPF_1');
    expect(await readFile(rb.outPath, 'utf8')).toBe('nome;cpf\nNOME_1;CPF_1\n');
  });

  it('PDF: finds values inside an image on a page that also has a text layer, and burns them in', async () => {
    const canvas = createCanvas(900, 120);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 900, 120);
    ctx.fillStyle = '#000';
    ctx.font = '44px sans-serif';
    ctx.fillText('CPF 529.982.247-25 anexo', 20, 75);
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    page.drawText('Laudo: Maria José Silva', { x: 56, y: 780, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
    page.drawImage(await pdf.embedPng(await canvas.encode('png')), { x: 56, y: 600, width: 450, height: 60 });
    const input = path.join(dir, 'anexo.pdf');
    await writeFile(input, await pdf.save());
    const recognizer = createWordRecognizer();
    try {
      const result = await redactFile(input, findings.slice(0, 2), { redactor, mode: 'block', outDir: path.join(dir, 'out') });
      const out = await readFile(result.outPath);
      expect((await extractedText(out, result.outPath)).replace(/\{.*\}/, '').trim()).toBe('');
      const seen = await ocrText(out, result.outPath, recognizer);
      expect(seen).toContain('CPF'); // the image text around the value is still there
      expect(textLeaks(seen, values, 'ocr')).toEqual([]);
    } finally {
      await recognizer.close();
    }
  }, 60_000);
});
