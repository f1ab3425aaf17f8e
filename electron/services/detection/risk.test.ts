import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/report';
import { ageOn, parseBirthDate, rateRisk } from './risk';

/** Findings located in `text` by their literal value (first occurrence after the previous one of the same value). */
function findingsIn(text: string, items: Array<[string, string, boolean?]>): Finding[] {
  const seen = new Map<string, number>();
  return items.map(([type, value, validated]) => {
    const start = text.indexOf(value, seen.get(value) ?? 0);
    if (start < 0) throw new Error(`not in text: ${value}`);
    seen.set(value, start + value.length);
    return { type, text: value, start, end: start + value.length, page: 1, confidence: 0.9, validated: validated ?? false, plugin: 'p@1' };
  });
}
const NOW = new Date('2026-11-24T12:00:00Z');
const rate = (text: string, items: Array<[string, string, boolean?]>, extra: { mediaType?: string; rows?: number } = {}) =>
  rateRisk(findingsIn(text, items), { text, mediaType: extra.mediaType ?? 'text/plain', now: NOW, ...(extra.rows !== undefined ? { rows: extra.rows } : {}) });

const PROTOCOL = 'PROTOCOLO CLÍNICO. Manejo de asma e sífilis: iniciar azitromicina. Diagnóstico diferencial com doença de Parkinson. ' +
  'Central de regulação: 0800 329 2433. Elaborado por Dra. Ana Lima - CRM-SP 12345.';
const protocolFindings: Array<[string, string, boolean?]> = [
  ['health_condition', 'asma'], ['health_condition', 'sífilis'], ['medication', 'azitromicina'], ['health_condition', 'doença de Parkinson'],
  ['phone', '0800 329 2433'], ['person_name', 'Ana Lima'], ['professional_id', 'CRM-SP 12345', true],
];
const NOTE = 'Paciente: João Silva, CPF 529.982.247-25, nascido em 10/03/1970. Diagnóstico: infecção pelo HIV (CID B24). Em uso de dolutegravir.';
const noteFindings: Array<[string, string, boolean?]> = [
  ['person_name', 'João Silva'], ['cpf', '529.982.247-25', true], ['birth_date', '10/03/1970'],
  ['health_condition', 'infecção pelo HIV'], ['icd10', 'B24', true], ['medication', 'dolutegravir'],
];

describe('rateRisk', () => {
  it('is none without findings', () => {
    expect(rate('nada aqui', [])).toEqual({ score: 0, level: 'none', reasons: ['Nenhum dado pessoal ou sensível encontrado.'] });
  });

  it('never rates high a document with no identifiable data subject (protocol naming diseases and drugs)', () => {
    const r = rate(PROTOCOL, protocolFindings);
    expect(r.level).toBe('low');
    expect(r.score).toBeLessThan(40);
    expect(r.reasons.join(' ')).toContain('Sem titular identificável');
  });

  it('rates an identifiable subject with health data at least high, citing the LGPD', () => {
    const r = rate(NOTE, noteFindings);
    expect(r.level).toBe('high');
    expect(r.score).toBeGreaterThanOrEqual(70);
    const all = r.reasons.join(' ');
    expect(all).toContain('art. 5º, I');
    expect(all).toContain('art. 5º, II');
    expect(all).toContain('art. 11');
  });

  it('rates identifiers without sensitive data medium, and ranks: identifiable+sensitive > identifiable > neither', () => {
    const text = 'Nome: João Silva, CPF 529.982.247-25, telefone (11) 98765-4321.';
    const idOnly = rate(text, [['person_name', 'João Silva'], ['cpf', '529.982.247-25', true], ['phone', '(11) 98765-4321']]);
    expect(idOnly.level).toBe('medium');
    const neither = rate('Ofício. CNPJ 11.222.333/0001-81.', [['cnpj', '11.222.333/0001-81', true]]);
    expect(neither.level).toBe('low');
    const both = rate(NOTE, noteFindings);
    expect(both.score).toBeGreaterThan(idOnly.score);
    expect(idOnly.score).toBeGreaterThan(neither.score);
  });

  it('weighs validated identifiers more', () => {
    const text = 'Nome: João Silva, CPF 529.982.247-25, CNS 898 0010 3245 1234.';
    const validated = rate(text, [['person_name', 'João Silva'], ['cpf', '529.982.247-25', true], ['cns', '898 0010 3245 1234', true]]);
    const unvalidated = rate(text, [['person_name', 'João Silva'], ['cpf', '529.982.247-25', false], ['cns', '898 0010 3245 1234', false]]);
    expect(validated.score).toBeGreaterThan(unvalidated.score);
    expect(validated.reasons[0]).toContain('CPF (validado)');
  });

  it('rates a list of many patients with sensitive data critical', () => {
    const rows = ['Ana Reis;111.444.777-35;hepatite C crônica', 'Bia Lima;222.555.888-46;asma', 'Caio Melo;333.666.999-57;HIV',
      'Davi Cruz;444.777.000-68;epilepsia', 'Eva Luz;555.888.111-79;dengue', 'Rui Paz;666.999.222-80;sífilis'];
    const text = 'nome;cpf;diagnostico\n' + rows.join('\n');
    const items: Array<[string, string, boolean?]> = rows.flatMap((r) => {
      const [name, cpf, dx] = r.split(';') as [string, string, string];
      return [['person_name', name], ['cpf', cpf, true], ['health_condition', dx]] as Array<[string, string, boolean?]>;
    });
    const r = rate(text, items, { mediaType: 'text/csv', rows: rows.length });
    expect(r.level).toBe('critical');
    expect(r.score).toBeGreaterThanOrEqual(90);
    expect(r.reasons.join(' ')).toContain('6 titulares');
  });

  it("raises the level for a child's data (age under 12 by birth date)", () => {
    const text = 'Paciente: Lia Souza, nascida em 02/03/2019, CPF 529.982.247-25. Diagnóstico: asma.';
    const r = rate(text, [['person_name', 'Lia Souza'], ['birth_date', '02/03/2019'], ['cpf', '529.982.247-25', true], ['health_condition', 'asma']]);
    expect(r.level).toBe('critical');
    expect(r.reasons.join(' ')).toContain('art. 14');
    expect(r.reasons.join(' ')).toContain('7 anos');
  });

  it('raises the level for a pediatric context', () => {
    const text = 'Ambulatório de Pediatria. Criança: Lia Souza, CPF 529.982.247-25.';
    const r = rate(text, [['person_name', 'Lia Souza'], ['cpf', '529.982.247-25', true]]);
    expect(r.level).toBe('high');
    expect(r.reasons.join(' ')).toContain('art. 14');
  });

  it('lets a stated adult age win over a pediatric ward name, and reads stated ages', () => {
    const text = 'Hospital Universitário - Pediatria. Paciente: Sara Barros, 72 anos. CPF 529.982.247-25. Asma.';
    expect(rate(text, [['person_name', 'Sara Barros'], ['cpf', '529.982.247-25', true], ['health_condition', 'Asma']]).level).toBe('high');
    const kid = 'Paciente: Leo Dias, 4 anos. CPF 529.982.247-25. Asma.';
    expect(rate(kid, [['person_name', 'Leo Dias'], ['cpf', '529.982.247-25', true], ['health_condition', 'Asma']]).level).toBe('critical');
  });

  it('does not take the state RN for a newborn, nor a professional for the data subject', () => {
    const text = 'Natal - RN. Responsável técnica: Maria Alves - COREN-RN 123456. Protocolo de asma.';
    const r = rate(text, [['person_name', 'Maria Alves'], ['professional_id', 'COREN-RN 123456', true], ['health_condition', 'asma']]);
    expect(r.level).toBe('low');
  });

  it('does not take a cited author for the data subject, but does take a named patient', () => {
    const guide = 'Diretriz de asma. Segundo Carlos Souza, a asma grave exige corticoide inalatório.';
    expect(rate(guide, [['person_name', 'Carlos Souza'], ['health_condition', 'asma'], ['health_condition', 'asma grave']]).level).toBe('low');
    const note = 'Paciente: Carlos Souza. Asma grave em acompanhamento.';
    expect(rate(note, [['person_name', 'Carlos Souza'], ['health_condition', 'Asma grave']]).level).toBe('high');
  });

  it('takes the person other kinds of documents introduce for the data subject (Cliente:, pcte, dona, o menor)', () => {
    const cases: Array<[string, string, string]> = [
      ['Registro de atendimento psicológico. Cliente: Thiago Leão, 27 anos. Episódio depressivo moderado.', 'Thiago Leão', 'Episódio depressivo moderado'],
      ['evolucao fisioterapia: pcte Gilberto Ramalho, 61a, hemiparesia direita pos AVE', 'Gilberto Ramalho', 'hemiparesia direita'],
      ['Médico: boa tarde, é a dona Iracema? Como está a artrose do joelho?', 'Iracema', 'artrose'],
      ['atesto que o menor arthur gabriel lopes esteve em atendimento por amigdalite bacteriana', 'arthur gabriel lopes', 'amigdalite bacteriana'],
    ];
    for (const [text, name, condition] of cases) {
      expect(rate(text, [['person_name', name], ['health_condition', condition]]).level, text).toMatch(/high|critical/);
    }
  });

  it('ignores rejected findings', () => {
    const items = findingsIn(NOTE, noteFindings).map((f) => (f.type === 'person_name' || f.type === 'cpf' || f.type === 'birth_date' ? { ...f, decision: 'rejected' as const } : f));
    expect(rateRisk(items, { text: NOTE, mediaType: 'text/plain', now: NOW }).level).toBe('low');
  });
});

describe('birth dates', () => {
  it('parses the usual forms and computes ages', () => {
    expect(parseBirthDate('06/02/1977')?.toISOString().slice(0, 10)).toBe('1977-02-06');
    expect(parseBirthDate('6 de fevereiro de 1977')?.toISOString().slice(0, 10)).toBe('1977-02-06');
    expect(parseBirthDate('1977-02-06')?.toISOString().slice(0, 10)).toBe('1977-02-06');
    expect(parseBirthDate('31/02/1977')).toBeNull();
    expect(ageOn(new Date(Date.UTC(2019, 2, 2)), NOW)).toBe(7);
    expect(ageOn(new Date(Date.UTC(2014, 10, 25)), NOW)).toBe(11);
  });
});
