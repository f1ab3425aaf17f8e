import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { extractBuffer, type ExtractBufferOptions } from './extract-buffer';
import { closeSharedOcrEngine, OcrEngine } from './ocr-engine';
import { docxFile, encryptedPdf, mixedPdf, textImage, textPdf, textTiff } from './test-support';

afterAll(async () => { await closeSharedOcrEngine(); });

async function codeOf(bytes: Uint8Array, name: string, opts: ExtractBufferOptions = { ocr: false }): Promise<string> {
  try {
    await extractBuffer(bytes, name, opts);
    return 'OK';
  } catch (error) {
    expect(error).toHaveProperty('userMessage');
    return (error as { code: string }).code;
  }
}

describe('extractBuffer — error codes', () => {
  it('EMPTY_FILE for zero bytes', async () => {
    expect(await codeOf(new Uint8Array(0), 'vazio.pdf')).toBe('EMPTY_FILE');
  });

  it('FILE_TOO_LARGE above maxBytes', async () => {
    expect(await codeOf(strToU8('x'.repeat(100)), 'a.txt', { ocr: false, maxBytes: 99 })).toBe('FILE_TOO_LARGE');
  });

  it('UNSUPPORTED_FORMAT for unknown binaries and for archives that are not DOCX/ODT', async () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]);
    expect(await codeOf(gif, 'imagem.gif')).toBe('UNSUPPORTED_FORMAT');
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await codeOf(random, 'dados.bin')).toBe('UNSUPPORTED_FORMAT');
    expect(await codeOf(zipSync({ 'xl/workbook.xml': strToU8('<w/>') }), 'planilha.xlsx')).toBe('UNSUPPORTED_FORMAT');
  });

  it('CORRUPT_FILE for a damaged PDF or DOCX', async () => {
    expect(await codeOf(strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'), 'quebrado.pdf')).toBe('CORRUPT_FILE');
    const docx = await docxFile(['texto']);
    expect(await codeOf(docx.subarray(0, Math.floor(docx.length / 2)), 'metade.docx')).toBe('CORRUPT_FILE');
    const png = await textImage(['x'], 'png');
    expect(await codeOf(png.subarray(0, 60), 'cortada.png', { ocr: true })).toBe('CORRUPT_FILE');
  });

  it('FILE_TOO_LARGE for an image whose header declares too many pixels (checked before decoding)', async () => {
    const png = (await textImage(['x'], 'png')).slice();
    new DataView(png.buffer, png.byteOffset).setUint32(16, 60_000);
    new DataView(png.buffer, png.byteOffset).setUint32(20, 60_000);
    expect(await codeOf(png, 'gigante.png', { ocr: true })).toBe('FILE_TOO_LARGE');
  });

  it('MISLABELLED_FORMAT when the content disagrees with the extension and cannot be read', async () => {
    const docx = await docxFile(['texto']);
    expect(await codeOf(docx.subarray(0, Math.floor(docx.length / 2)), 'laudo.pdf')).toBe('MISLABELLED_FORMAT');
  });

  it('PASSWORD_PROTECTED for an encrypted PDF', async () => {
    expect(await codeOf(encryptedPdf(), 'senha.pdf')).toBe('PASSWORD_PROTECTED');
  });

  it('ZIP_BOMB for a DOCX whose document inflates to a huge size', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(30 * 1024 * 1024).fill(32) });
    expect(await codeOf(bomb, 'bomba.docx')).toBe('ZIP_BOMB');
  });

  it('TOO_MANY_PAGES above maxPages (PDF and multi-page TIFF)', async () => {
    const pdf = await textPdf([['1'], ['2'], ['3']]);
    expect(await codeOf(pdf, 'longo.pdf', { ocr: false, maxPages: 2 })).toBe('TOO_MANY_PAGES');
    expect(await codeOf(pdf, 'longo.pdf', { ocr: false, maxPages: 3 })).toBe('OK');
    expect(await codeOf(textTiff(['a']), 'a.tif', { ocr: true, maxPages: 0.5 as unknown as number })).toBe('TOO_MANY_PAGES');
  });

  it('OCR_DISABLED for images and scanned PDFs when OCR is off', async () => {
    expect(await codeOf(await textImage(['Paciente'], 'png'), 'scan.png')).toBe('OCR_DISABLED');
    expect(await codeOf(await mixedPdf([{ scan: ['Paciente'] }]), 'scan.pdf')).toBe('OCR_DISABLED');
  });

  it('NO_TEXT for documents without any text', async () => {
    expect(await codeOf(strToU8(' \n\t\n'), 'branco.txt')).toBe('NO_TEXT');
    const blank = await PDFDocument.create();
    blank.addPage();
    expect(await codeOf(await blank.save(), 'branco.pdf')).toBe('NO_TEXT');
  });

  it('OCR_FAILED when the OCR engine cannot run', async () => {
    // A worker script that exits at once: tesseract.js never reports the worker ready.
    const broken = new OcrEngine({ size: 1, workerScript: fileURLToPath(new URL('./fixtures/exiting-worker.cjs', import.meta.url)), startTimeoutMs: 1500 });
    try {
      expect(await codeOf(await textImage(['Paciente'], 'png'), 'scan.png', { ocr: true, ocrEngine: () => broken })).toBe('OCR_FAILED');
    } finally {
      await broken.terminate();
    }
  });
});
