/**
 * In-process extraction of one document held in memory: format by content, text by format, OCR where the
 * document has no text layer. Every failure ends as a SigiloError with a stable code. Used by the
 * extraction process (extract-process.ts); never call it on untrusted input in the main process.
 */
import { createHash } from 'node:crypto';
import { SigiloError } from '../../shared/error-codes';
import type { ExtractionMethod } from '../../shared/report';
import { csvToText } from './csv-text';
import { docxToText } from './docx-text';
import { htmlToText } from './html-text';
import { browserImageToPgm, tiffToPgms } from './image-raster';
import { sharedOcrEngine, type OcrEngine } from './ocr-engine';
import { odtToText } from './odt-text';
import { tidyOcrText } from './ocr-cleanup';
import { pdfToText } from './pdf-text';
import { extensionKind, sniffBinary, sniffFormat, type SniffResult } from './sniff-format';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, type ExtractedDocument } from './types';

export interface ExtractBufferOptions {
  ocr: boolean;
  maxBytes?: number;
  maxPages?: number;
  /** OCR pool to use (default: the process-wide one). */
  ocrEngine?: () => OcrEngine;
}

interface PagedText {
  pages: string[];
  method: ExtractionMethod;
  warnings: string[];
}

/** Concatenates page texts (a single page is kept as is); each page ends with '\n' and pages are separated by a blank line. */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  if (pages.length === 1) return { text: pages[0]!, pageStarts: [0] };
  let text = '';
  const pageStarts: number[] = [];
  pages.forEach((page, i) => {
    if (i > 0) text += '\n';
    pageStarts.push(text.length);
    const body = page.replace(/\s+$/, '');
    text += body.length > 0 ? `${body}\n` : '';
  });
  return { text, pageStarts };
}

async function ocrImages(images: Buffer[], engine: OcrEngine): Promise<PagedText> {
  const results = await Promise.allSettled(images.map((image) => engine.recognizePage(image)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed === results.length) {
    const first = results[0];
    throw first?.status === 'rejected' && first.reason instanceof SigiloError ? first.reason : new SigiloError('OCR_FAILED');
  }
  return {
    pages: results.map((r) => (r.status === 'fulfilled' ? tidyOcrText(r.value.text) : '')),
    method: 'ocr',
    warnings: failed > 0 ? [`${failed} página(s) não puderam ser reconhecidas por OCR.`] : [],
  };
}

async function extractByKind(bytes: Uint8Array, sniffed: SniffResult, options: Required<Omit<ExtractBufferOptions, 'maxBytes'>>): Promise<PagedText> {
  const single = (text: string, warnings: string[] = []): PagedText => ({ pages: [text], method: 'text', warnings });
  switch (sniffed.kind) {
    case 'pdf':
      return pdfToText(bytes, { ocr: options.ocr, maxPages: options.maxPages, ocrEngine: options.ocrEngine });
    case 'docx': {
      const { text, warnings } = await docxToText(sniffed.zip!);
      return single(text, warnings);
    }
    case 'odt':
      return single(odtToText(sniffed.zip!));
    case 'html':
      return single(htmlToText(sniffed.decoded!.text));
    case 'csv':
      return single(csvToText(sniffed.decoded!.text));
    case 'text':
    case 'markdown':
      return single(sniffed.decoded!.text);
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'tiff': {
      if (!options.ocr) throw new SigiloError('OCR_DISABLED');
      const images = sniffed.kind === 'tiff' ? tiffToPgms(bytes, options.maxPages) : [await browserImageToPgm(bytes)];
      return ocrImages(images, options.ocrEngine());
    }
  }
}

function asSigiloError(error: unknown): SigiloError {
  if (error instanceof SigiloError) return error;
  if (error instanceof RangeError && /allocation|memory/i.test(error.message)) return new SigiloError('FILE_TOO_LARGE', error.message, { cause: error });
  return new SigiloError('CORRUPT_FILE', error instanceof Error ? error.message : String(error), { cause: error });
}

function extensionDisagrees(bytes: Uint8Array, name: string, sniffed: SniffResult | undefined): boolean {
  if (sniffed) return sniffed.warnings.length > 0;
  const byExtension = extensionKind(name);
  const magic = sniffBinary(bytes);
  if (!byExtension || !magic) return false;
  return magic === 'zip' ? byExtension !== 'docx' && byExtension !== 'odt' : magic !== byExtension;
}

export async function extractBuffer(bytes: Uint8Array, name: string, opts: ExtractBufferOptions): Promise<ExtractedDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new SigiloError('EMPTY_FILE');
  if (bytes.length > maxBytes) throw new SigiloError('FILE_TOO_LARGE', `${bytes.length} > ${maxBytes} bytes`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let sniffed: SniffResult | undefined;
  try {
    sniffed = sniffFormat(bytes, name);
    const paged = await extractByKind(bytes, sniffed, {
      ocr: opts.ocr,
      maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES,
      ocrEngine: opts.ocrEngine ?? sharedOcrEngine,
    });
    const { text, pageStarts } = joinPages(paged.pages);
    if (!/\S/.test(text)) throw new SigiloError('NO_TEXT');
    return {
      mediaType: sniffed.mediaType,
      sha256,
      size: bytes.length,
      pages: paged.pages.length,
      method: paged.method,
      text,
      pageStarts,
      warnings: [...sniffed.warnings, ...paged.warnings],
    };
  } catch (error) {
    const coded = asSigiloError(error);
    // The extension promised another format and the real content could not be read either.
    if (coded.code === 'CORRUPT_FILE' && extensionDisagrees(bytes, name, sniffed)) {
      throw new SigiloError('MISLABELLED_FORMAT', coded.message, { cause: error });
    }
    throw coded;
  }
}
