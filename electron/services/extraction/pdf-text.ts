/**
 * PDF → text with pdf.js (legacy build for Node, no eval, no network, fonts from node_modules). The text
 * layer of each page is joined using item positions; pages without a usable text layer but with images are
 * rendered at 300 dpi with @napi-rs/canvas and recognised by OCR (in parallel through the OCR pool).
 */
import { createCanvas } from '@napi-rs/canvas';
import { SigiloError } from '../../shared/error-codes';
import type { ExtractionMethod } from '../../shared/report';
import { pdfjsAssetDirs } from './local-assets';
import { rgbaToPgm, MAX_OCR_SIDE } from './image-raster';
import { tidyOcrText } from './ocr-cleanup';
import type { OcrEngine } from './ocr-engine';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsModule: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Render resolution for OCR (tesseract reads 300-dpi text best). */
export const OCR_DPI = 300;
/** A page with fewer non-blank characters than this in its text layer is treated as a scan. */
const MIN_TEXT_LAYER_CHARS = 32;

export interface PdfExtraction {
  pages: string[];
  method: ExtractionMethod;
  warnings: string[];
}

interface PositionedItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

/** Joins text items: explicit EOL or a change of baseline → newline; a horizontal gap → space. */
export function joinTextItems(items: readonly PositionedItem[]): string {
  let out = '';
  let prev: PositionedItem | undefined;
  for (const item of items) {
    if (prev && !prev.hasEOL && item.str.length > 0) {
      const lineHeight = Math.max(item.height, prev.height, 1);
      if (Math.abs(item.y - prev.y) > lineHeight * 0.5) out += '\n';
      else {
        const gap = item.x - (prev.x + prev.width);
        const touchingSpace = /\s$/.test(out) || /^\s/.test(item.str);
        if (!touchingSpace && (gap > lineHeight * 0.15 || gap < -lineHeight)) out += ' ';
      }
    }
    out += item.str;
    if (item.hasEOL) out += '\n';
    if (item.str.length > 0 || item.hasEOL) prev = item;
  }
  return out
    .split('\n').map((line) => line.replace(/[ \t]+$/, '')).join('\n')
    .replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd();
}

async function pageText(page: PdfPage): Promise<string> {
  const content = await page.getTextContent({ disableNormalization: false });
  const items: PositionedItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const t = item.transform as number[];
    items.push({
      str: item.str,
      x: t[4] ?? 0,
      y: t[5] ?? 0,
      width: item.width,
      height: item.height || Math.hypot(t[2] ?? 0, t[3] ?? 0),
      hasEOL: item.hasEOL,
    });
  }
  return joinTextItems(items);
}

async function pageHasImages(pdfjs: PdfJs, page: PdfPage): Promise<boolean> {
  const ops = await page.getOperatorList();
  const imageOps = new Set<number>([
    pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject,
    pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintImageMaskXObjectRepeat, pdfjs.OPS.paintSolidColorImageMask,
    pdfjs.OPS.paintInlineImageXObjectGroup, pdfjs.OPS.paintImageMaskXObjectGroup,
  ].filter((op): op is number => typeof op === 'number'));
  return ops.fnArray.some((fn) => imageOps.has(fn));
}

export async function renderPageToPgm(page: PdfPage): Promise<Buffer> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(OCR_DPI / 72, MAX_OCR_SIDE / Math.max(base.width, base.height, 1));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  return rgbaToPgm({ width, height, data: context.getImageData(0, 0, width, height).data });
}

function mapOpenError(error: unknown): SigiloError {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new SigiloError('PASSWORD_PROTECTED', undefined, { cause: error });
  return new SigiloError('CORRUPT_FILE', `pdf: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

export interface PdfOptions {
  ocr: boolean;
  maxPages: number;
  ocrEngine: () => OcrEngine;
}

export async function pdfToText(bytes: Uint8Array, options: PdfOptions): Promise<PdfExtraction> {
  const pdfjs = await loadPdfJs();
  const assets = pdfjsAssetDirs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: assets.standardFontDataUrl,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    wasmUrl: assets.wasmUrl,
    iccUrl: assets.iccUrl,
  } as Parameters<PdfJs['getDocument']>[0]);
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw mapOpenError(error);
  }
  try {
    if (doc.numPages > options.maxPages) throw new SigiloError('TOO_MANY_PAGES', `${doc.numPages} pages`);
    if (doc.numPages === 0) throw new SigiloError('CORRUPT_FILE', 'pdf without pages');
    const texts: string[] = new Array<string>(doc.numPages).fill('');
    const warnings: string[] = [];
    const ocrJobs: Promise<void>[] = [];
    const pending = new Set<Promise<void>>();
    let textPages = 0;
    let ocrPages = 0;
    let skippedScans = 0;
    let failedPages = 0;
    const maxInFlight = 4;
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPage;
      try {
        page = await doc.getPage(n);
      } catch (error) {
        failedPages++;
        warnings.push(`A página ${n} está corrompida e foi ignorada.`);
        void error;
        continue;
      }
      const text = await pageText(page).catch(() => '');
      const visibleChars = text.replace(/\s/g, '').length;
      if (visibleChars >= MIN_TEXT_LAYER_CHARS || !(await pageHasImages(pdfjs, page).catch(() => false))) {
        texts[n - 1] = text;
        if (visibleChars > 0) textPages++;
        page.cleanup();
        continue;
      }
      if (!options.ocr) {
        texts[n - 1] = text;
        skippedScans++;
        page.cleanup();
        continue;
      }
      // Bound memory: at most a few rendered pages wait for OCR at any time.
      while (pending.size >= maxInFlight) await Promise.race(pending);
      let pgm: Buffer;
      try {
        pgm = await renderPageToPgm(page);
      } catch (error) {
        failedPages++;
        warnings.push(`A página ${n} não pôde ser desenhada para OCR.`);
        void error;
        continue;
      } finally {
        page.cleanup();
      }
      const index = n - 1;
      const job: Promise<void> = options.ocrEngine().recognizePage(pgm).then((result) => {
        texts[index] = tidyOcrText(result.text);
        ocrPages++;
      }).catch(() => undefined).finally(() => { pending.delete(job); });
      pending.add(job);
      ocrJobs.push(job);
    }
    await Promise.all(ocrJobs);
    const expectedOcr = ocrJobs.length;
    if (expectedOcr > 0 && ocrPages < expectedOcr) {
      if (ocrPages === 0 && textPages === 0) throw new SigiloError('OCR_FAILED', 'no page could be recognised');
      warnings.push(`${expectedOcr - ocrPages} página(s) não puderam ser reconhecidas por OCR.`);
    }
    if (failedPages === doc.numPages) throw new SigiloError('CORRUPT_FILE', 'no readable page');
    if (skippedScans > 0) {
      if (textPages === 0) throw new SigiloError('OCR_DISABLED');
      warnings.push(`${skippedScans} página(s) digitalizada(s) sem texto não foram lidas porque o OCR está desligado.`);
    }
    const method: ExtractionMethod = ocrPages === 0 ? 'text' : textPages === 0 ? 'ocr' : 'mixed';
    return { pages: texts, method, warnings };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
