// The fast path must accept exactly what the zod schema accepts unchanged, and defer everything else to zod.
import { describe, expect, it } from 'vitest';
import { PluginOutputSchema } from './plugin-abi';
import { fastPluginOutput } from './plugin-output-check';

const good = { type: 'cpf', start: 3, end: 17, confidence: 0.99, validated: true, reason: 'CPF com dígitos verificadores válidos' };

describe('fastPluginOutput', () => {
  it('returns the findings zod would return for valid output, with or without the optional fields', () => {
    const json = { findings: [good, { type: 'phone', start: 0, end: 1, confidence: 0 }, { type: 'x_1', start: 5, end: 9, confidence: 1, validated: false }] };
    const fast = fastPluginOutput(json);
    expect(fast).toBeDefined();
    expect(fast).toEqual(PluginOutputSchema.parse(json).findings);
  });

  const variants: Array<[string, unknown]> = [
    ['bad type', { ...good, type: 'CPF' }],
    ['long type', { ...good, type: `a${'b'.repeat(64)}` }],
    ['fractional start', { ...good, start: 1.5 }],
    ['negative start', { ...good, start: -1 }],
    ['zero end', { ...good, end: 0 }],
    ['string end', { ...good, end: '17' }],
    ['confidence above 1', { ...good, confidence: 1.01 }],
    ['NaN confidence', { ...good, confidence: Number.NaN }],
    ['validated not boolean', { ...good, validated: 1 }],
    ['reason too long', { ...good, reason: 'x'.repeat(501) }],
    ['missing confidence', { type: 'cpf', start: 1, end: 2 }],
    ['extra key (zod strips it)', { ...good, extra: 1 }],
    ['not an object', 'cpf'],
    ['null', null],
  ];
  for (const [what, finding] of variants) {
    it(`defers to zod: ${what}`, () => {
      const json = { findings: [good, finding] };
      expect(fastPluginOutput(json)).toBeUndefined();
      const parsed = PluginOutputSchema.safeParse(json);
      // whatever zod does with it (reject, or strip the extra key) stays the behaviour
      if (what.startsWith('extra key')) expect(parsed.success).toBe(true);
      else expect(parsed.success).toBe(false);
    });
  }

  it('defers to zod when the output is not an object with a findings array, or has too many findings', () => {
    expect(fastPluginOutput([])).toBeUndefined();
    expect(fastPluginOutput({ findings: {} })).toBeUndefined();
    expect(fastPluginOutput({})).toBeUndefined();
    expect(fastPluginOutput({ findings: Array.from({ length: 100_001 }, () => good) })).toBeUndefined();
  });
});
