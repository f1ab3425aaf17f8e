import { unzipSync } from 'fflate';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLIANCE_SETTINGS, parseComplianceSettings } from '../../shared/compliance-settings.js';
import type { FileReport } from '../../shared/report.js';
import { maskValue } from './mask.js';
import { renderForm, type FormType } from './render-form.js';

const settings = parseComplianceSettings({
  controller: { name: 'Clínica São João Ltda.', cnpj: '12.345.678/0001-95', address: 'Rua das Acácias, 100, Recife/PE' },
  dpo: { name: 'Joana Encarregada', email: 'dpo@clinicasaojoao.com.br' },
  legalBasis: 'art11-II-f',
});

const reports: FileReport[] = [
  {
    file: 'exames/laudo.pdf', sha256: 'a'.repeat(64), mediaType: 'application/pdf', status: 'ok', pages: 2,
    extraction: { method: 'text', chars: 500 }, durationMs: 40, auditId: '01JAUDITENTRY000000000000A',
    risk: { score: 87, level: 'high', reasons: ['CPF válido junto a dado de saúde (LGPD art. 5º, II)'] },
    plugins: [{ plugin: 'br-identifiers@1.0.0', durationMs: 3, findings: 2 }, { plugin: 'health-terms@1.2.0', durationMs: 5, findings: 1 }],
    findings: [
      { type: 'cpf', text: '529.982.247-25', start: 10, end: 24, page: 1, confidence: 0.99, validated: true, plugin: 'br-identifiers@1.0.0' },
      { type: 'person_name', text: 'Maria Silva', start: 30, end: 41, page: 1, confidence: 0.9, validated: false, plugin: 'br-identifiers@1.0.0' },
      { type: 'health_condition', text: 'diabetes mellitus', start: 50, end: 67, page: 2, confidence: 0.8, validated: false, plugin: 'health-terms@1.2.0' },
      { type: 'phone', text: '(81) 99999-0000', start: 80, end: 95, page: 2, confidence: 0.7, validated: false, plugin: 'br-identifiers@1.0.0', decision: 'rejected' },
    ],
  },
  { file: 'quebrado.xyz', status: 'error', error: { code: 'UNSUPPORTED_FORMAT', message: 'Formato de arquivo não suportado.' } },
];

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  const pages = doc.numPages;
  await task.destroy();
  return { text: parts.join('\n').replace(/\s+/g, ' '), pages };
}

function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = Object.entries(files).filter(([n]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n)).map(([, d]) => new TextDecoder().decode(d)).join('');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

const EXPECTED: Record<FormType, string[]> = {
  consent: ['TERMO DE CONSENTIMENTO', 'Clínica São João Ltda.', '12.345.678/0001-95', 'Joana Encarregada', 'AUTORIZO', 'Finalidades específicas',
    'Condição de saúde', 'SIM — sensível', 'Período de armazenamento', 'art. 18', 'revogado', 'Consequências da recusa', 'Assinatura do titular'],
  ripd: ['RELATÓRIO DE IMPACTO', 'Necessidade de elaborar', 'Natureza', 'Escopo', 'Contexto', 'Finalidade', 'Partes interessadas consultadas',
    'Necessidade e proporcionalidade', 'Probabilidade', 'Impacto', 'Acesso não autorizado ou vazamento de dados de saúde', 'Alto', 'Aprovação', 'Histórico de revisões'],
  record: ['REGISTRO DAS OPERAÇÕES', 'Informações de contato', 'Categorias de titulares', 'Dados pessoais tratados', 'Compartilhamento', 'Medidas de segurança',
    'Período de armazenamento', 'Processo, finalidade e hipótese legal', 'Observações', 'art. 11, II, "f"'],
  report: ['RELATÓRIO DE ANÁLISE', 'exames/laudo.pdf', 'alto (87/100)', 'CPF válido junto a dado de saúde', '529.***.***-25', 'M*** S***',
    'br-identifiers@1.0.0', 'health-terms@1.2.0', '01JAUDITENTRY000000000000A', 'HASHDOREGISTRO', 'UNSUPPORTED_FORMAT', '1 rejeitado(s)'],
};

describe('renderForm', () => {
  for (const type of ['consent', 'ripd', 'record', 'report'] as const) {
    it(`renders the ${type} form as PDF with its fields (text extracted back with pdf.js)`, async () => {
      const pdf = await renderForm(type, reports, settings, 'pdf', { audit: (r) => (r.status === 'ok' ? { id: r.auditId!, hash: 'HASHDOREGISTRO' } : undefined) });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text, pages } = await pdfText(pdf);
      for (const expected of EXPECTED[type]) expect(text).toContain(expected);
      expect(text).toContain(`Página 1 de ${pages}`);
      // values are masked: never in clear
      expect(text).not.toContain('529.982.247-25');
      expect(text).not.toContain('Maria Silva');
    });

    it(`renders the ${type} form as DOCX from the same model`, async () => {
      const docx = await renderForm(type, reports, settings, 'docx', { audit: (r) => (r.status === 'ok' ? { id: r.auditId!, hash: 'HASHDOREGISTRO' } : undefined) });
      const text = docxText(docx);
      for (const expected of EXPECTED[type]) expect(text).toContain(expected);
      expect(text).not.toContain('529.982.247-25');
    });
  }

  it('paginates long batches with page numbers on every page', async () => {
    const many: FileReport[] = Array.from({ length: 12 }, (_, i) => ({ ...reports[0]!, file: `lote/doc-${i}.pdf` }));
    const { text, pages } = await pdfText(await renderForm('report', many, DEFAULT_COMPLIANCE_SETTINGS, 'pdf'));
    expect(pages).toBeGreaterThan(2);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Página ${p} de ${pages}`);
    expect(text).toContain('lote/doc-11.pdf');
  });

  it('reveals values only when asked', async () => {
    const { text } = await pdfText(await renderForm('report', reports, settings, 'pdf', { revealValues: true }));
    expect(text).toContain('529.982.247-25');
  });
});

describe('maskValue', () => {
  it('keeps the first 3 and last 2 digits of identifiers and the initials of words', () => {
    expect(maskValue('cpf', '529.982.247-25')).toBe('529.***.***-25');
    expect(maskValue('cpf', '52998224725')).toBe('529******25');
    expect(maskValue('person_name', 'Maria Silva')).toBe('M*** S***');
    expect(maskValue('email', 'joao@example.com')).toBe('j***@example.com');
  });
});

describe('empty identification fields', () => {
  it('print "[a preencher]" and never a made-up value', async () => {
    const blank = parseComplianceSettings({});
    expect(blank.controller.name).toBe('');
    for (const type of ['consent', 'ripd', 'record'] as const) {
      const { text } = await pdfText(await renderForm(type, reports, blank, 'pdf'));
      expect(text).toContain('[a preencher]');
      expect(text).not.toMatch(/00\.000\.000|encarregado@clinica|Nome da clínica/);
    }
  });

  it('old placeholder texts stored as values are read as empty', () => {
    const s = parseComplianceSettings({ controller: { name: 'Nome da clínica (preencher nas configurações)', cnpj: '00.000.000/0000-00' }, dpo: { name: 'Dra. Ana', email: 'encarregado@clinica.com.br' } });
    expect(s.controller).toMatchObject({ name: '', cnpj: '' });
    expect(s.dpo).toMatchObject({ name: 'Dra. Ana', email: '' });
  });
});

describe('compliance settings', () => {
  it('fills missing fields with Portuguese defaults and rejects an unknown legal basis', () => {
    const s = parseComplianceSettings({ controller: { name: 'X' } });
    expect(s.legalBasis).toBe('art11-II-f');
    expect(s.controller.name).toBe('X');
    expect(s.purposes.length).toBeGreaterThan(0);
    expect(() => parseComplianceSettings({ legalBasis: 'nenhuma' })).toThrow();
  });
});
