import { describe, expect, it } from 'vitest';
import type { PluginRun, TextAnalyzer } from './analysis-ports.js';
import { chunkText, chunkedAnalyzer } from './chunked-analyzer.js';

/** A detector of the word "CPF 123" that also records the longest text it was given. */
function recordingAnalyzer(): TextAnalyzer & { longest: number; calls: number } {
  const self = {
    longest: 0,
    calls: 0,
    async analyze(text: string): Promise<PluginRun[]> {
      self.calls++;
      self.longest = Math.max(self.longest, text.length);
      const findings = [];
      for (let at = text.indexOf('CPF 123'); at >= 0; at = text.indexOf('CPF 123', at + 1)) {
        findings.push({ type: 'cpf', start: at, end: at + 7, confidence: 1 });
      }
      return [{ plugin: 'fake@1.0.0', findings, durationMs: 1, instructions: 10 }];
    },
  };
  return self;
}

describe('chunked analysis of large texts', () => {
  it('gives a short text to the plugins whole', async () => {
    const inner = recordingAnalyzer();
    const runs = await chunkedAnalyzer(inner, { chunkChars: 1000, overlapChars: 100 }).analyze('xx CPF 123 yy');
    expect(inner.calls).toBe(1);
    expect(runs[0]!.findings).toEqual([{ type: 'cpf', start: 3, end: 10, confidence: 1 }]);
  });

  it('finds every occurrence exactly once, at its offset in the whole text, with no chunk over the limit', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(i % 7 === 0 ? `linha ${i} paciente CPF 123 fim` : `linha ${i} sem dados relevantes aqui`);
    const text = lines.join('\n');
    const expected: number[] = [];
    for (let at = text.indexOf('CPF 123'); at >= 0; at = text.indexOf('CPF 123', at + 1)) expected.push(at);

    const inner = recordingAnalyzer();
    const runs = await chunkedAnalyzer(inner, { chunkChars: 5000, overlapChars: 400 }).analyze(text);
    expect(inner.calls).toBeGreaterThan(10);
    expect(inner.longest).toBeLessThanOrEqual(5000);
    const starts = runs[0]!.findings.map((f) => f.start).sort((a, b) => a - b);
    expect(starts).toEqual(expected);
    for (const f of runs[0]!.findings) expect(text.slice(f.start, f.end)).toBe('CPF 123');
    // time and instructions of a document are the sums over its chunks
    expect(runs[0]!.durationMs).toBe(inner.calls);
    expect(runs[0]!.instructions).toBe(10 * inner.calls);
  });

  it('cuts at line breaks and covers the whole text with owned ranges that do not overlap', () => {
    const text = Array.from({ length: 500 }, (_, i) => `linha número ${i}`).join('\n');
    const chunks = chunkText(text, { chunkChars: 1000, overlapChars: 100 });
    expect(chunks[0]!.ownStart).toBe(0);
    expect(chunks.at(-1)!.ownEnd).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]!.ownStart).toBe(chunks[i - 1]!.ownEnd);
      expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end);
      expect(text[chunks[i - 1]!.end - 1]).toBe('\n');
    }
  });

  it('keeps a plugin error from one chunk and the findings of the others', async () => {
    let n = 0;
    const flaky: TextAnalyzer = {
      async analyze(text) {
        n++;
        if (n === 2) return [{ plugin: 'p@1.0.0', findings: [], durationMs: 0, error: { code: 'TIMEOUT', message: 'tempo' } }];
        const at = text.indexOf('CPF 123');
        return [{ plugin: 'p@1.0.0', findings: at >= 0 ? [{ type: 'cpf', start: at, end: at + 7, confidence: 1 }] : [], durationMs: 0 }];
      },
    };
    const text = `CPF 123\n${'x '.repeat(3000)}`;
    const runs = await chunkedAnalyzer(flaky, { chunkChars: 2000, overlapChars: 100 }).analyze(text);
    expect(runs[0]!.error?.code).toBe('TIMEOUT');
    expect(runs[0]!.findings).toHaveLength(1);
  });

  it('repeats a table header in every chunk, so column cues still apply, with offsets in the whole text', async () => {
    const header = 'nome;cpf;nascimento\n';
    const rows = Array.from({ length: 400 }, (_, i) => `Fulano ${i};000;01/01/1990`).join('\n');
    const text = header + rows;
    const seen: string[] = [];
    const byHeader: TextAnalyzer = {
      async analyze(chunk) {
        seen.push(chunk.slice(0, header.length));
        // Reports dates only when the chunk knows the "nascimento" column.
        const findings = [];
        if (chunk.startsWith('nome;cpf;nascimento')) {
          for (let at = chunk.indexOf('01/01/1990'); at >= 0; at = chunk.indexOf('01/01/1990', at + 1)) findings.push({ type: 'birth_date', start: at, end: at + 10, confidence: 1 });
        }
        return [{ plugin: 'p@1.0.0', findings, durationMs: 0 }];
      },
    };
    const runs = await chunkedAnalyzer(byHeader, { chunkChars: 2000, overlapChars: 200 }).analyze(text, { tableHeader: true });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((s) => s === header)).toBe(true);
    for (const f of runs[0]!.findings) expect(text.slice(f.start, f.end)).toBe('01/01/1990');
    expect(new Set(runs[0]!.findings.map((f) => f.start)).size).toBe(400);
    expect(runs[0]!.findings).toHaveLength(400);
  });
});
