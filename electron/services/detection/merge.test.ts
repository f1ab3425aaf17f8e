import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../shared/report';
import { mergeFindings, pageOf, type PluginRunResult } from './merge';

const run = (plugin: string, findings: PluginRunResult['findings'], extra: Partial<PluginRunResult> = {}): PluginRunResult =>
  ({ plugin, findings, durationMs: 1, ...extra });

describe('pageOf', () => {
  it('maps offsets to 1-based pages', () => {
    expect(pageOf([0, 100, 250], 0)).toBe(1);
    expect(pageOf([0, 100, 250], 99)).toBe(1);
    expect(pageOf([0, 100, 250], 100)).toBe(2);
    expect(pageOf([0, 100, 250], 400)).toBe(3);
    expect(pageOf([], 50)).toBe(1);
  });
});

describe('mergeFindings', () => {
  const text = 'Paciente: Maria Souza, CPF 529.982.247-25. Doença de Parkinson (CID G20).\fPágina 2: Rua Padre Anchieta, 10.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

  it('builds contract findings: text slice, page, plugin, reason', () => {
    const merged = mergeFindings(text, [0, text.indexOf('Página')], [
      run('br-identifiers@1.0.0', [{ type: 'cpf', ...at('529.982.247-25'), confidence: 0.99, validated: true, reason: 'CPF válido' }]),
      run('addresses@1.0.0', [{ type: 'address', ...at('Rua Padre Anchieta, 10'), confidence: 0.9 }]),
    ]);
    expect(merged).toEqual([
      { type: 'cpf', text: '529.982.247-25', ...at('529.982.247-25'), page: 1, confidence: 0.99, validated: true, plugin: 'br-identifiers@1.0.0', reason: 'CPF válido' },
      { type: 'address', text: 'Rua Padre Anchieta, 10', ...at('Rua Padre Anchieta, 10'), page: 2, confidence: 0.9, validated: false, plugin: 'addresses@1.0.0' },
    ]);
    for (const f of merged) expect(FindingSchema.safeParse(f).success).toBe(true);
  });

  it('keeps one finding per span: the more specific type wins and the other becomes evidence', () => {
    const merged = mergeFindings(text, [0], [
      run('person-names@1.0.0', [
        { type: 'person_name', ...at('Parkinson'), confidence: 0.6, reason: 'Nome' },
        { type: 'person_name', ...at('Maria Souza'), confidence: 0.9 },
        { type: 'person_name', ...at('Padre Anchieta'), confidence: 0.7 },
      ]),
      run('health-data@1.0.0', [
        { type: 'health_condition', ...at('Doença de Parkinson'), confidence: 0.9, reason: 'Diagnóstico' },
        { type: 'icd10', ...at('G20'), confidence: 0.97, validated: true },
      ]),
      run('addresses@1.0.0', [{ type: 'address', ...at('Rua Padre Anchieta, 10'), confidence: 0.9 }]),
    ]);
    expect(merged.map((f) => [f.type, f.text])).toEqual([
      ['person_name', 'Maria Souza'], ['health_condition', 'Doença de Parkinson'], ['icd10', 'G20'], ['address', 'Rua Padre Anchieta, 10'],
    ]);
    expect(merged[1]!.evidence).toEqual([{ type: 'person_name', plugin: 'person-names@1.0.0', confidence: 0.6, reason: 'Nome' }]);
    expect(merged[3]!.evidence?.[0]?.type).toBe('person_name');
  });

  it('prefers a validated identifier to an unvalidated reading of the same digits', () => {
    const t = 'Telefone 52998224725';
    const span = { start: 9, end: 20 };
    const merged = mergeFindings(t, [0], [
      run('a@1.0.0', [{ type: 'phone', ...span, confidence: 0.95 }]),
      run('b@1.0.0', [{ type: 'cpf', ...span, confidence: 0.9, validated: true }]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.type).toBe('cpf');
    expect(merged[0]!.evidence).toEqual([{ type: 'phone', plugin: 'a@1.0.0', confidence: 0.95 }]);
  });

  it('merges the same type from two plugins into one finding', () => {
    const merged = mergeFindings(text, [0], [
      run('a@1.0.0', [{ type: 'cpf', ...at('529.982.247-25'), confidence: 0.8, validated: true }]),
      run('b@1.0.0', [{ type: 'cpf', ...at('529.982.247-25'), confidence: 0.99, validated: true }]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.confidence).toBe(0.99);
    expect(merged[0]!.evidence).toEqual([{ type: 'cpf', plugin: 'a@1.0.0', confidence: 0.8 }]);
  });

  it('keeps every occurrence of a repeated value', () => {
    const t = 'asma ... asma';
    const merged = mergeFindings(t, [0], [run('h@1', [{ type: 'health_condition', start: 0, end: 4, confidence: 0.9 }, { type: 'health_condition', start: 9, end: 13, confidence: 0.9 }])]);
    expect(merged.map((f) => f.start)).toEqual([0, 9]);
  });

  it('ignores failed runs and offsets outside the text', () => {
    const merged = mergeFindings('abc', [0], [
      run('x@1', [{ type: 'cpf', start: 0, end: 3, confidence: 1 }], { error: { code: 'TIMEOUT', message: 'x' } }),
      run('y@1', [{ type: 'cpf', start: 1, end: 10, confidence: 1 }, { type: 'cpf', start: 2, end: 2, confidence: 1 }]),
    ]);
    expect(merged).toEqual([]);
  });
});
