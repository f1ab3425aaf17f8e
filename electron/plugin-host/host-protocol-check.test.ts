// The main side's fast path for result messages accepts exactly what ResultMessageSchema accepts unchanged.
import { describe, expect, it } from 'vitest';
import { ResultMessageSchema } from './host-protocol';
import { fastResultMessage } from './host-protocol-check';

const finding = { type: 'cpf', start: 0, end: 14, confidence: 0.99, validated: true, reason: 'CPF' };
const ok = { type: 'result', id: 7, results: [{ plugin: 'br-identifiers@1.0.0', findings: [finding], durationMs: 0.4, memoryPages: 4 }] };

describe('fastResultMessage', () => {
  it('returns what zod returns for valid results, errors included', () => {
    const withError = { ...ok, results: [...ok.results, { plugin: 'x@1', findings: [], durationMs: 5000, error: { code: 'TIMEOUT', message: 'tempo' } }] };
    for (const m of [ok, withError]) {
      const fast = fastResultMessage(m);
      expect(fast).toBeDefined();
      expect(fast).toEqual((({ id, results }) => ({ id, results }))(ResultMessageSchema.parse(m)));
    }
  });

  const bad: Array<[string, unknown]> = [
    ['bad finding', { ...ok, results: [{ ...ok.results[0], findings: [{ ...finding, start: -1 }] }] }],
    ['negative duration', { ...ok, results: [{ ...ok.results[0], durationMs: -1 }] }],
    ['unknown error code', { ...ok, results: [{ ...ok.results[0], error: { code: 'NOPE', message: '' } }] }],
    ['fractional memoryPages', { ...ok, results: [{ ...ok.results[0], memoryPages: 1.5 }] }],
    ['negative id', { ...ok, id: -1 }],
    ['extra key', { ...ok, extra: true }],
  ];
  for (const [what, m] of bad) {
    it(`defers to zod: ${what}`, () => {
      expect(fastResultMessage(m)).toBeUndefined();
    });
  }

  it('ignores other messages', () => {
    expect(fastResultMessage({ type: 'log', plugin: 'x', level: 'info', message: 'oi' })).toBeUndefined();
    expect(fastResultMessage(null)).toBeUndefined();
  });
});
