import { describe, expect, it } from 'vitest';
import { restoreEmailAt, tidyOcrText } from './ocr-cleanup';

describe('OCR clean-up', () => {
  it("restores the '@' of e-mail addresses misread by OCR", () => {
    expect(restoreEmailAt('e-mail aurora.souza&khotmail.com.')).toBe('e-mail aurora.souza@hotmail.com.');
    expect(restoreEmailAt('E-mail: maria.tupinamba(&hotmail.com')).toBe('E-mail: maria.tupinamba@hotmail.com');
    expect(restoreEmailAt('isis.farias &yahoo.com.br')).toBe('isis.farias@yahoo.com.br');
    expect(restoreEmailAt('joao&gmail.com')).toBe('joao@gmail.com');
  });

  it('leaves ordinary ampersands alone', () => {
    expect(restoreEmailAt('Silva & Filhos Ltda.')).toBe('Silva & Filhos Ltda.');
    expect(restoreEmailAt('P&D e R&D')).toBe('P&D e R&D');
    expect(restoreEmailAt('Santos & Cia. com')).toBe('Santos & Cia. com');
  });

  it('tidies layout whitespace', () => {
    expect(tidyOcrText('  Linha 1   \n\n\n\nLinha 2 \n')).toBe('Linha 1\n\nLinha 2');
  });
});
