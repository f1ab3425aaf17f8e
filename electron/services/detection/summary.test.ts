import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/report';
import { normalizeValue, summarizeFindings } from './summary';

const f = (type: string, text: string, extra: Partial<Finding> = {}): Finding =>
  ({ type, text, start: 0, end: text.length, page: 1, confidence: 0.9, validated: false, plugin: 'p@1', ...extra });

describe('summarizeFindings', () => {
  it('counts repeated mentions once per normalised value, keeping occurrences', () => {
    const s = summarizeFindings([
      f('cpf', '529.982.247-25'), f('cpf', '52998224725'), f('health_condition', 'Diabetes Mellitus'),
      f('health_condition', 'diabetes mellitus'), f('health_condition', 'asma'), f('phone', '(11) 98765-4321'), f('phone', '+55 11 98765-4321'),
    ]);
    expect(s.occurrences).toBe(7);
    expect(s.distinct).toBe(4);
    expect(s.byType.find((t) => t.type === 'health_condition')).toEqual({ type: 'health_condition', label: 'Condição de saúde', occurrences: 3, values: ['Diabetes Mellitus', 'asma'] });
    expect(s.byType.find((t) => t.type === 'cpf')?.values).toEqual(['529.982.247-25']);
    expect(s.byType.find((t) => t.type === 'phone')?.values).toHaveLength(1);
  });

  it('leaves rejected findings out and labels unknown types by name', () => {
    const s = summarizeFindings([f('cpf', '1', { decision: 'rejected' }), f('partner_type', 'x')]);
    expect(s.occurrences).toBe(1);
    expect(s.byType).toEqual([{ type: 'partner_type', label: 'partner_type', occurrences: 1, values: ['x'] }]);
  });

  it('normalises accents, case and punctuation', () => {
    expect(normalizeValue('health_condition', 'Hipertensão  Arterial')).toBe('hipertensao arterial');
    expect(normalizeValue('icd10', 'F32.1')).toBe('f321');
  });
});
