import { describe, expect, it } from 'vitest';
import { createPseudonymizer } from './pseudonymizer.js';
import { applyToString, planReplacements, targetsFromFindings } from './targets.js';
import { canEncode, decodeText, encodeText } from './text-encoding.js';
import { findValueMatches } from './text-match.js';

describe('tolerant value matching', () => {
  it('matches across punctuation, spacing, case and accents', () => {
    const text = 'CPF 52998224725; diagnóstico: Doença de  Alzheimer.\nE-mail JOAO@X.COM';
    const hits = findValueMatches(text, ['529.982.247-25', 'doenca de alzheimer', 'joao@x.com']);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['52998224725', 'Doença de  Alzheimer', 'JOAO@X.COM']);
  });

  it('does not match inside a longer word or number', () => {
    expect(findValueMatches('Mariana e Ana; 1529982247251', ['Ana', '529.982.247-25']).map((h) => h.start)).toEqual([10]);
  });

  it('keeps the opening punctuation of the value with it', () => {
    const text = 'telefone (16) 98530-8597.';
    const [hit] = findValueMatches(text, ['(16) 98530-8597']);
    expect(text.slice(hit!.start, hit!.end)).toBe('(16) 98530-8597');
  });
});

describe('plans and replacements', () => {
  it('skips rejected findings and lets the full name win over the first name', () => {
    const targets = targetsFromFindings([
      { type: 'person_name', text: 'Ana' },
      { type: 'person_name', text: 'Ana Laura Reis' },
      { type: 'phone', text: '(81) 3333-4444', decision: 'rejected' },
    ]);
    const text = 'Paciente Ana Laura Reis (81) 3333-4444; Ana refere dor.';
    const out = applyToString(text, planReplacements(text, targets).replacements, 'label', createPseudonymizer());
    expect(out).toBe('Paciente [NOME] (81) 3333-4444; [NOME] refere dor.');
  });

  it('gives the same pseudonym to two spellings of the same value across a batch', () => {
    const p = createPseudonymizer();
    expect(p.tokenFor('cpf', '529.982.247-25')).toBe('CPF_1');
    expect(p.tokenFor('cpf', '52998224725')).toBe('CPF_1');
    expect(p.tokenFor('cpf', '111.444.777-35')).toBe('CPF_2');
    expect(p.tokenFor('person_name', 'José Silva')).toBe('NOME_1');
    expect(p.tokenFor('person_name', 'JOSE  SILVA')).toBe('NOME_1');
  });
});

describe('text encodings', () => {
  it('round-trips Windows-1252 and detects when a character cannot be written', () => {
    const bytes = Buffer.from([0x53, 0xe3, 0x6f, 0x20, 0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x80]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: 'São José €', encoding: 'windows-1252' });
    expect(encodeText(decoded.text, 'windows-1252').equals(bytes)).toBe(true);
    expect(canEncode('████', 'windows-1252')).toBe(false);
    expect(decodeText(Buffer.from('\ufeffolá', 'utf8')).encoding).toBe('utf-8-bom');
  });
});
