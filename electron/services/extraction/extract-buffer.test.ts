import { afterAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { extractBuffer } from './extract-buffer';
import os from 'node:os';
import { closeSharedOcrEngine, sharedOcrEngine } from './ocr-engine';
import { docxFile, mixedPdf, odtFile, odtParagraph, textImage, textPdf, textTiff } from './test-support';

afterAll(async () => { await closeSharedOcrEngine(); });

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
};
/** Letters and digits only, lower case: OCR output is compared loosely. */
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9à-ü]/g, '');

describe('extractBuffer — text formats', () => {
  const sample = 'Paciente: João da Conceição\nDiagnóstico: hipertensão\n';

  it('reads UTF-8 text with and without BOM, normalising CRLF', async () => {
    const plain = await extractBuffer(strToU8(sample.replace(/\n/g, '\r\n')), 'a.txt', { ocr: false });
    expect(plain).toMatchObject({ mediaType: 'text/plain', method: 'text', pages: 1, pageStarts: [0], text: sample });
    const bom = await extractBuffer(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(sample)]), 'b.txt', { ocr: false });
    expect(bom.text).toBe(sample);
    expect(bom.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(bom.size).toBe(Buffer.byteLength(sample) + 3);
  });

  it('reads UTF-16 LE and BE with BOM', async () => {
    expect((await extractBuffer(utf16(sample, false), 'le.txt', { ocr: false })).text).toBe(sample);
    expect((await extractBuffer(utf16(sample, true), 'be.txt', { ocr: false })).text).toBe(sample);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const doc = await extractBuffer(latin1('Ação – “Sérgio” Conceição\n'.replace('–', '\x96').replace('“', '\x93').replace('”', '\x94')), 'legado.txt', { ocr: false });
    expect(doc.text).toBe('Ação – “Sérgio” Conceição\n');
  });

  it('reads Markdown as text', async () => {
    const doc = await extractBuffer(strToU8('# Laudo\n\n**Paciente:** Ana\n'), 'laudo.md', { ocr: false });
    expect(doc.mediaType).toBe('text/markdown');
    expect(doc.text).toContain('**Paciente:** Ana');
  });

  it('reads CSV with ; or , delimiters and quoted fields, one line per row', async () => {
    const semi = await extractBuffer(strToU8('nome;cpf;obs\nAna Souza;529.982.247-25;"tem; ponto e vírgula"\n'), 'p.csv', { ocr: false });
    expect(semi.mediaType).toBe('text/csv');
    expect(semi.text).toBe('nome ; cpf ; obs\nAna Souza ; 529.982.247-25 ; tem; ponto e vírgula\n');
    const comma = await extractBuffer(strToU8('nome,telefone\n"Silva, Ana","(11) 98888-7777"\n"Diz ""oi""",x\n'), 'q.csv', { ocr: false });
    expect(comma.text).toBe('nome ; telefone\nSilva, Ana ; (11) 98888-7777\nDiz "oi" ; x\n');
  });

  it('detects CSV by content when the name has no extension', async () => {
    const doc = await extractBuffer(strToU8('a;b;c\n1;2;3\n4;5;6\n'), 'export', { ocr: false });
    expect(doc.mediaType).toBe('text/csv');
  });

  it('reads HTML: scripts/styles dropped, entities decoded, blocks and table cells separated', async () => {
    const html = '<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style><script>var cpf="000";</script></head>' +
      '<body><h1>Laudo</h1><p>Paciente: Jos&eacute; &amp; Maria&nbsp;Lu&#237;sa &#x2014; ok</p><div>CPF<br>529.982.247-25</div>' +
      '<table><tr><th>Exame</th><th>Resultado</th></tr><tr><td>Glicemia</td><td><p>98</p></td></tr></table><!-- 123.456.789-00 --></body></html>';
    const doc = await extractBuffer(strToU8(html), 'pagina.html', { ocr: false });
    expect(doc.mediaType).toBe('text/html');
    expect(doc.text).toContain('Laudo\n\nPaciente: José & Maria Luísa — ok\n');
    expect(doc.text).toContain('CPF\n529.982.247-25');
    expect(doc.text).toContain('Exame\tResultado\nGlicemia\t98');
    expect(doc.text).not.toMatch(/color|var cpf|123\.456/);
  });
});

describe('extractBuffer — office documents', () => {
  it('reads DOCX paragraphs and tables (cells separated by tabs, rows by lines)', async () => {
    const bytes = await docxFile(['EVOLUÇÃO MÉDICA', 'Paciente: Ana Laura Reis    Prontuário: 123'], [['Exame', 'Resultado'], ['Hemoglobina', '13,2 g/dL']]);
    const doc = await extractBuffer(bytes, 'evolucao.docx', { ocr: false });
    expect(doc.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(doc.method).toBe('text');
    expect(doc.text).toContain('EVOLUÇÃO MÉDICA\n\nPaciente: Ana Laura Reis    Prontuário: 123');
    expect(doc.text).toContain('Exame\tResultado\nHemoglobina\t13,2 g/dL');
  });

  it('reads ODT paragraphs, headings, spaces, tabs, line breaks and tables', async () => {
    const body = '<text:h text:outline-level="1">Atestado</text:h>' + odtParagraph('Paciente: Sérgio & filhos') +
      '<text:p>CPF<text:s text:c="3"/>529.982.247-25<text:tab/>RG<text:line-break/>Linha 2</text:p>' +
      '<table:table><table:table-row><table:table-cell><text:p>Nome</text:p></table:table-cell><table:table-cell><text:p>Idade</text:p></table:table-cell></table:table-row>' +
      '<table:table-row><table:table-cell><text:p>Ana</text:p></table:table-cell><table:table-cell><text:p>40</text:p></table:table-cell></table:table-row></table:table>';
    const doc = await extractBuffer(odtFile(body), 'atestado.odt', { ocr: false });
    expect(doc.mediaType).toBe('application/vnd.oasis.opendocument.text');
    expect(doc.text).toContain('Atestado\n\nPaciente: Sérgio & filhos\n\nCPF   529.982.247-25\tRG\nLinha 2');
    expect(doc.text).toContain('Nome\tIdade\nAna\t40');
    expect(doc.text).not.toContain('ignorado');
  });
});

describe('extractBuffer — PDF', () => {
  it('reads the text layer of each page and records where each page starts', async () => {
    const bytes = await textPdf([['Paciente: Maria da Silva', 'CPF: 529.982.247-25'], ['Página dois: diagnóstico de diabetes']]);
    const doc = await extractBuffer(bytes, 'laudo.pdf', { ocr: false });
    expect(doc).toMatchObject({ mediaType: 'application/pdf', pages: 2, method: 'text' });
    expect(doc.text.slice(0, doc.pageStarts[1])).toContain('Paciente: Maria da Silva\nCPF: 529.982.247-25');
    expect(doc.text.slice(doc.pageStarts[1])).toBe('Página dois: diagnóstico de diabetes\n');
  });

  it('OCRs image-only pages and reports a mixed document as "mixed"', async () => {
    const bytes = await mixedPdf([['Folha de rosto com texto digital'], { scan: ['Paciente: Roberto Nascimento', 'Diagnóstico: asma brônquica'] }]);
    const doc = await extractBuffer(bytes, 'misto.pdf', { ocr: true });
    expect(doc.method).toBe('mixed');
    expect(doc.text.slice(0, doc.pageStarts[1])).toContain('Folha de rosto com texto digital');
    expect(squash(doc.text.slice(doc.pageStarts[1]))).toContain(squash('Paciente: Roberto Nascimento'));
    expect(squash(doc.text)).toContain(squash('asma brônquica'));
  });

  it('OCRs a fully scanned PDF as "ocr"', async () => {
    const doc = await extractBuffer(await mixedPdf([{ scan: ['Encaminho a paciente Joana Prado'] }]), 'scan.pdf', { ocr: true });
    expect(doc.method).toBe('ocr');
    expect(squash(doc.text)).toContain(squash('paciente Joana Prado'));
  });

  it('keeps the text pages and warns when OCR is off for the scanned ones', async () => {
    const doc = await extractBuffer(await mixedPdf([['Texto digital da primeira página'], { scan: ['Scan'] }]), 'misto.pdf', { ocr: false });
    expect(doc.method).toBe('text');
    expect(doc.warnings.join(' ')).toMatch(/OCR está desligado/);
  });
});

describe('extractBuffer — images (OCR)', () => {
  const lines = ['Paciente: Fernanda Lima Costa', 'CPF 529.982.247-25 Telefone (11) 98765-4321'];
  for (const format of ['png', 'jpeg', 'webp'] as const) {
    it(`reads ${format.toUpperCase()} by OCR`, async () => {
      const doc = await extractBuffer(await textImage(lines, format), `scan.${format === 'jpeg' ? 'jpg' : format}`, { ocr: true });
      expect(doc).toMatchObject({ mediaType: `image/${format}`, method: 'ocr', pages: 1 });
      expect(doc.text).toContain('529.982.247-25');
      expect(squash(doc.text)).toContain(squash('Fernanda Lima Costa'));
    });
  }

  it('reuses the OCR workers across documents (never more than the cores)', () => {
    expect(sharedOcrEngine().workerCount).toBeGreaterThan(0);
    expect(sharedOcrEngine().workerCount).toBeLessThanOrEqual(Math.min(4, os.availableParallelism()));
  });

  it('reads TIFF (decoded with utif2) by OCR', async () => {
    const doc = await extractBuffer(textTiff(lines), 'scan.tiff', { ocr: true });
    expect(doc).toMatchObject({ mediaType: 'image/tiff', method: 'ocr' });
    expect(doc.text).toContain('529.982.247-25');
  });
});

describe('extractBuffer — content wins over the extension', () => {
  it('analyses DOCX bytes named .pdf as DOCX, with a warning', async () => {
    const doc = await extractBuffer(await docxFile(['Conteúdo real de DOCX']), 'disfarcado.pdf', { ocr: false });
    expect(doc.mediaType).toContain('wordprocessingml');
    expect(doc.text).toContain('Conteúdo real de DOCX');
    expect(doc.warnings[0]).toMatch(/extensão \.pdf não corresponde ao conteúdo \(DOCX\)/);
  });

  it('analyses a PDF named .txt as PDF', async () => {
    const doc = await extractBuffer(await textPdf([['Texto do PDF']]), 'nota.txt', { ocr: false });
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.warnings).toHaveLength(1);
  });
});
