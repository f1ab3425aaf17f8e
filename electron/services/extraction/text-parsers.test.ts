import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { detectDelimiter, looksLikeCsv } from './csv-text';
import { decodeText } from './decode-text';
import { joinTextItems } from './pdf-text';
import { sniffFormat } from './sniff-format';

describe('decodeText', () => {
  it('recognises BOM-less UTF-16 by its zero bytes', () => {
    const le = Buffer.from('Olá, paciente', 'utf16le');
    expect(decodeText(le)).toMatchObject({ encoding: 'utf-16le', text: 'Olá, paciente' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(be)).toMatchObject({ encoding: 'utf-16be', text: 'Olá, paciente' });
  });

  it('flags binary content through its control characters', () => {
    expect(decodeText(Uint8Array.from({ length: 256 }, (_, i) => i)).controlRatio).toBeGreaterThan(0.02);
  });
});

describe('CSV detection', () => {
  it('picks the delimiter that is consistent across lines', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b\n"x;y",2\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(looksLikeCsv('Olá, tudo bem?\nSim, e você? Tudo, tudo.\n')).toBe(false);
  });
});

describe('joinTextItems (PDF text layer)', () => {
  const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, x, y, width, height: 10, hasEOL });
  it('puts a space at horizontal gaps and a newline at a change of baseline or an explicit EOL', () => {
    expect(joinTextItems([item('CPF:', 50, 700, 22), item('529.982.247-25', 76, 700, 70), item('Nome', 50, 686, 25), item('Ana', 80, 686, 15, true), item('Fim', 50, 600, 15)]))
      .toBe('CPF: 529.982.247-25\nNome Ana\nFim');
  });
  it('does not split a word drawn in several pieces', () => {
    expect(joinTextItems([item('Hemo', 50, 700, 24), item('globina', 74, 700, 35)])).toBe('Hemoglobina');
  });
});

describe('sniffFormat', () => {
  it('finds HTML inside a .txt file and warns', () => {
    const sniffed = sniffFormat(strToU8('<!DOCTYPE html><html><body><p>Oi</p></body></html>'), 'pagina.txt');
    expect(sniffed.kind).toBe('html');
    expect(sniffed.warnings).toHaveLength(1);
  });
  it('keeps CSV-looking text as plain text when the name says .txt, without a warning', () => {
    const sniffed = sniffFormat(strToU8('a;b\n1;2\n'), 'notas.txt');
    expect(sniffed).toMatchObject({ kind: 'text', warnings: [] });
  });
});
