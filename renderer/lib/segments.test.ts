import { describe, expect, it } from 'vitest';
import type { Finding } from '../../electron/shared/report.js';
import { readingOrder, segmentText } from './segments.js';

const f = (type: string, start: number, end: number, text: string): Finding =>
  ({ type, start, end, text, page: 1, confidence: 0.9, validated: false, plugin: 't@1.0.0' });

describe('segmentText', () => {
  const text = 'Paciente Ana, CPF 529.982.247-25.';
  it('keeps every character and marks the findings', () => {
    const findings = [f('cpf', 18, 32, '529.982.247-25'), f('person_name', 9, 12, 'Ana')];
    const segs = segmentText(text, findings);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    const marked = segs.filter((s) => s.kind === 'finding');
    expect(marked.map((s) => s.text)).toEqual(['Ana', '529.982.247-25']);
    expect(marked.map((s) => (s.kind === 'finding' ? s.index : -1))).toEqual([1, 0]);
  });
  it('does not highlight an overlapping finding twice', () => {
    const segs = segmentText(text, [f('cpf', 18, 32, '529.982.247-25'), f('pis', 20, 30, '9.982.247-')]);
    expect(segs.filter((s) => s.kind === 'finding')).toHaveLength(1);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
  it('orders navigation by position in the text', () => {
    expect(readingOrder([f('cpf', 18, 32, ''), f('person_name', 9, 12, '')])).toEqual([1, 0]);
  });
});
