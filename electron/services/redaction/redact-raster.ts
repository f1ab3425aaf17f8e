/**
 * PDF and images: the redacted areas are burned into pixels. PDF pages are rendered with pdf.js onto
 * @napi-rs/canvas, opaque boxes are drawn over the words (located through the page's text items, or
 * through tesseract word boxes on scanned pages), and a new PDF made only of the page images is written:
 * no text layer, no metadata, no attachments of the original survive. Images are drawn on and re-encoded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SigiloError } from '../../shared/error-codes.js';
import { packageRoot } from '../app-paths.js';
import { pdfjsAssetDirs } from '../extraction/local-assets.js';
import type { BBox, OcrLine, WordRecognizer } from './ocr-words.js';
import type { Pseudonymizer } from './pseudonymizer.js';
import { RedactionError } from './redaction-error.js';
import { replacementText, type RedactionMode } from './replacement.js';
import { planReplacements, type RedactionTarget } from './targets.js';
import { approximateSubstring, skeletonOf } from './text-match.js';

export interface RasterOptions {
  mode: RedactionMode;
  pseudonyms: Pseudonymizer;
  ocr: WordRecognizer;
  /** Rendering resolution of PDF pages (default 200 dpi). */
  dpi?: number;
}

export interface RasterRedaction {
  bytes: Uint8Array;
  found: Set<number>;
  boxes: number;
  warnings: string[];
}

/** A box to paint, in canvas pixels, with the target that caused it. */
interface PaintBox extends BBox {
  target: RedactionTarget;
}

/** Raised when a value cannot be located on a page: the copy is not written (no silent leak). */
export class RedactionLocateError extends RedactionError {
  constructor(userMessage: string) {
    super(userMessage);
    this.name = 'RedactionLocateError';
  }
}

const FONT_FAMILY = 'SigiloRedactionSans';
let fontRegistered = false;
function ensureFont(): void {
  if (fontRegistered) return;
  // register from bytes (not a path) so it also works from inside an asar archive
  GlobalFonts.register(readFileSync(path.join(packageRoot(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf')), FONT_FAMILY);
  fontRegistered = true;
}

// ---------------------------------------------------------------------------------------------- text layer

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Piece {
  item: TextItemLike;
  start: number;
  end: number;
}

function buildItemStream(items: TextItemLike[]): { stream: string; pieces: Piece[] } {
  let stream = '';
  const pieces: Piece[] = [];
  let prev: TextItemLike | undefined;
  for (const item of items) {
    if (prev) {
      if (prev.hasEOL) stream += '\n';
      else if (item.str.length > 0) {
        const h = Math.max(1, Math.hypot(item.transform[2]!, item.transform[3]!));
        const prevEnd = prev.transform[4]! + prev.width;
        const sameLine = Math.abs(item.transform[5]! - prev.transform[5]!) < 0.5 * h;
        const gap = item.transform[4]! - prevEnd;
        if (!sameLine || gap > 0.15 * h || gap < -0.5 * h) stream += ' ';
      }
    }
    if (item.str.length > 0) {
      pieces.push({ item, start: stream.length, end: stream.length + item.str.length });
      stream += item.str;
    }
    if (item.str.length > 0 || item.hasEOL) prev = item;
  }
  return { stream, pieces };
}

let measureCtx: SKRSContext2D | undefined;
function measure(text: string): number {
  ensureFont();
  measureCtx ??= createCanvas(10, 10).getContext('2d');
  measureCtx.font = `100px ${FONT_FAMILY}`;
  return measureCtx.measureText(text).width;
}

/** Pixel box of characters [a, b) of a text item, padded; viewport maps PDF user space to pixels. */
function itemBox(item: TextItemLike, a: number, b: number, toPixels: (x: number, y: number) => [number, number]): BBox {
  const [ta, tb, tc, td, te, tf] = item.transform as [number, number, number, number, number, number];
  const h = Math.hypot(tc, td) || item.height || 10;
  const full = measure(item.str) || 1;
  let x0 = (measure(item.str.slice(0, a)) / full) * item.width;
  let x1 = (measure(item.str.slice(0, b)) / full) * item.width;
  const pad = 0.15 * h; // over-redact a little: glyph metrics of the embedded font differ from ours
  x0 = Math.max(0, x0 - pad);
  x1 = Math.min(item.width + pad, x1 + pad);
  const ux = Math.hypot(ta, tb) || 1;
  const [dx, dy] = [ta / ux, tb / ux];
  const vx = Math.hypot(tc, td) || 1;
  const [nx, ny] = [tc / vx, td / vx];
  const corners: Array<[number, number]> = [];
  for (const x of [x0, x1]) for (const y of [-0.25 * h, 0.95 * h]) corners.push(toPixels(te + dx * x + nx * y, tf + dy * x + ny * y));
  return {
    x0: Math.min(...corners.map((c) => c[0])), x1: Math.max(...corners.map((c) => c[0])),
    y0: Math.min(...corners.map((c) => c[1])), y1: Math.max(...corners.map((c) => c[1])),
  };
}

function locateInItems(items: TextItemLike[], targets: readonly RedactionTarget[], toPixels: (x: number, y: number) => [number, number]) {
  const { stream, pieces } = buildItemStream(items);
  const plan = planReplacements(stream, targets);
  const boxes: PaintBox[] = [];
  for (const r of plan.replacements) {
    for (const piece of pieces) {
      if (piece.end <= r.start || piece.start >= r.end) continue;
      const a = Math.max(r.start, piece.start) - piece.start;
      const b = Math.min(r.end, piece.end) - piece.start;
      boxes.push({ ...itemBox(piece.item, a, b, toPixels), target: r.target });
    }
  }
  return { boxes, found: plan.found, chars: skeletonOf(stream).chars.length };
}

// ---------------------------------------------------------------------------------------------- OCR words

function union(a: BBox, b: BBox): BBox {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

function locateInOcr(lines: OcrLine[], targets: readonly RedactionTarget[]) {
  let stream = '';
  const pieces: Array<{ line: number; bbox: BBox; start: number; end: number }> = [];
  lines.forEach((line, index) => {
    if (index > 0) stream += '\n';
    line.words.forEach((word, w) => {
      if (w > 0) stream += ' ';
      pieces.push({ line: index, bbox: word.bbox, start: stream.length, end: stream.length + word.text.length });
      stream += word.text;
    });
  });
  const boxes: PaintBox[] = [];
  const found = new Set<number>();
  /** One box per line over the words each replacement covers; `ownerOf` maps a planned target to the real one. */
  const addBoxes = (plan: ReturnType<typeof planReplacements>, ownerOf: (planned: RedactionTarget) => RedactionTarget): void => {
    for (const r of plan.replacements) {
      const perLine = new Map<number, BBox>();
      for (const piece of pieces) {
        if (piece.end <= r.start || piece.start >= r.end) continue;
        const prev = perLine.get(piece.line);
        perLine.set(piece.line, prev ? union(prev, piece.bbox) : piece.bbox);
      }
      const target = ownerOf(r.target);
      for (const box of perLine.values()) boxes.push({ ...box, target });
    }
  };
  // 1. exact (tolerant to case, accents and separators)
  const exact = planReplacements(stream, targets);
  addBoxes(exact, (t) => t);
  exact.found.forEach((n) => found.add(n));
  // 2. OCR confusions (I/l/1, O/0, S/5…): same comparison on folded text, still word-bounded
  const missing = targets.map((_, n) => n).filter((n) => !found.has(n));
  if (missing.length > 0) {
    const folded = missing.map((n) => ({ ...targets[n]!, value: ocrConfusables(targets[n]!.value) }));
    const plan = planReplacements(ocrConfusables(stream), folded);
    addBoxes(plan, (t) => targets[missing[folded.indexOf(t)]!]!);
    plan.found.forEach((i) => found.add(missing[i]!));
  }
  // 3. not found (OCR misread a character): black out the whole line(s) holding a close match
  targets.forEach((target, n) => {
    if (found.has(n)) return;
    const key = ocrConfusables(skeletonOf(target.value).chars);
    if (key.length < 5) return;
    const tolerance = Math.max(1, Math.floor(key.length * 0.2));
    for (const span of [1, 2]) {
      for (let i = 0; i + span <= lines.length; i++) {
        const group = lines.slice(i, i + span);
        const hay = ocrConfusables(skeletonOf(group.map((l) => l.words.map((w) => w.text).join(' ')).join(' ')).chars);
        if (approximateSubstring(key, hay).distance <= tolerance) {
          for (const line of group) boxes.push({ ...line.bbox, target });
          found.add(n);
        }
      }
      if (found.has(n)) break;
    }
  });
  return { boxes, found };
}

/** Folds characters OCR commonly confuses (I/l/1, O/0, S/5, B/8, Z/2) for approximate matching. */
function ocrConfusables(text: string): string {
  // one character in, one character out, so offsets stay valid
  return [...text].map((ch) => {
    const lower = ch.toLowerCase();
    const c = lower.length === 1 ? lower : ch;
    return c === 'i' || c === 'l' || c === '|' ? '1' : c === 'o' ? '0' : c === 's' ? '5' : c === 'b' ? '8' : c === 'z' ? '2' : c;
  }).join('');
}

// ---------------------------------------------------------------------------------------------- painting

function paint(ctx: SKRSContext2D, boxes: PaintBox[], options: RasterOptions, width: number, height: number): void {
  ensureFont();
  for (const box of boxes) {
    const pad = 3;
    const x = Math.max(0, Math.floor(box.x0 - pad));
    const y = Math.max(0, Math.floor(box.y0 - pad));
    const w = Math.min(width, Math.ceil(box.x1 + pad)) - x;
    const h = Math.min(height, Math.ceil(box.y1 + pad)) - y;
    if (w <= 0 || h <= 0) continue;
    ctx.fillStyle = '#000000';
    ctx.fillRect(x, y, w, h);
    if (options.mode === 'block') continue;
    const label = replacementText(box.target.type, box.target.value, options.mode, options.pseudonyms);
    let size = Math.floor(h * 0.7);
    ctx.font = `${size}px ${FONT_FAMILY}`;
    const textWidth = ctx.measureText(label).width;
    if (textWidth > w - 4) size = Math.floor((size * (w - 4)) / textWidth);
    if (size < 7) continue;
    ctx.font = `${size}px ${FONT_FAMILY}`;
    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, x + 2, y + h / 2);
  }
}

function describe(target: RedactionTarget): string {
  const chars = [...target.value];
  return `${target.type} "${chars.slice(0, 2).join('')}${'*'.repeat(Math.max(1, chars.length - 2))}"`;
}

// ---------------------------------------------------------------------------------------------- PDF

const IMAGE_OPS = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageXObjectRepeat]);

/** Whether the page draws a raster image big enough to hold text (not a logo-sized icon). */
async function paintsImages(page: pdfjs.PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn, i) => {
    if (!IMAGE_OPS.has(fn)) return false;
    const args = ops.argsArray[i] as unknown[] | undefined;
    const w = typeof args?.[1] === 'number' ? args[1] : Infinity;
    const h = typeof args?.[2] === 'number' ? args[2] : Infinity;
    return w * h >= 100 * 30;
  });
}

export async function redactPdf(bytes: Uint8Array, targets: readonly RedactionTarget[], options: RasterOptions): Promise<RasterRedaction> {
  const scale = (options.dpi ?? 200) / 72;
  const assets = pdfjsAssetDirs();
  let doc: pdfjs.PDFDocumentProxy;
  const task = pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer
      standardFontDataUrl: assets.standardFontDataUrl,
      cMapUrl: assets.cMapUrl,
      cMapPacked: true,
      wasmUrl: assets.wasmUrl,
      iccUrl: assets.iccUrl,
      useSystemFonts: false,
      verbosity: 0,
    });
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new SigiloError('PASSWORD_PROTECTED');
    throw new SigiloError('CORRUPT_FILE', String(error), { cause: error });
  }
  try {
    interface PageState {
      canvas: Canvas;
      boxes: PaintBox[];
      ocrDone: boolean;
      widthPt: number;
      heightPt: number;
    }
    const pages: PageState[] = [];
    const found = new Set<number>();
    const warnings: string[] = [];
    const ocrPage = async (state: PageState): Promise<void> => {
      state.ocrDone = true;
      const lines = await options.ocr.recognizeLines(state.canvas);
      const located = locateInOcr(lines, targets);
      state.boxes.push(...located.boxes);
      located.found.forEach((n) => found.add(n));
    };
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      // cap the bitmap at ~40 megapixels (huge page formats)
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: Math.min(scale, Math.sqrt(40e6 / Math.max(1, base.width * base.height))) });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItemLike & typeof i => 'str' in i) as TextItemLike[];
      const toPixels = (x: number, y: number): [number, number] => viewport.convertToViewportPoint(x, y) as [number, number];
      const located = locateInItems(items, targets, toPixels);
      located.found.forEach((n) => found.add(n));
      const state: PageState = { canvas, boxes: located.boxes, ocrDone: false, widthPt: base.width, heightPt: base.height };
      pages.push(state);
      // A page without a usable text layer is a scan, and a page that paints images may show text inside
      // them (a scanned attachment, a photographed ID): find the words with OCR there too.
      if (located.chars < 20 || (await paintsImages(page))) await ocrPage(state);
      page.cleanup();
    }
    // Values not located in any text layer: look on the page they were reported on (or all pages) with OCR.
    const missing = (): number[] => targets.map((_, n) => n).filter((n) => !found.has(n));
    if (missing().length > 0) {
      const wanted = new Set(missing().map((n) => targets[n]!.page));
      for (const [index, state] of pages.entries()) {
        if (!state.ocrDone && (wanted.has(undefined) || wanted.has(index + 1))) await ocrPage(state);
      }
    }
    const still = missing();
    if (still.length > 0) {
      throw new RedactionLocateError(
        `Não foi possível localizar no PDF: ${still.map((n) => describe(targets[n]!)).join(', ')}. ` +
          'A cópia redigida não foi gerada para não expor esses dados; revise os achados ou redija o documento manualmente.',
      );
    }
    const out = await PDFDocument.create({ updateMetadata: false });
    out.setProducer('Sigilo');
    out.setCreator('Sigilo');
    let boxes = 0;
    for (const state of pages) {
      const ctx = state.canvas.getContext('2d');
      paint(ctx, state.boxes, options, state.canvas.width, state.canvas.height);
      boxes += state.boxes.length;
      const jpeg = await state.canvas.encode('jpeg', 88);
      const image = await out.embedJpg(jpeg);
      const page = out.addPage([state.widthPt, state.heightPt]);
      page.drawImage(image, { x: 0, y: 0, width: state.widthPt, height: state.heightPt });
    }
    return { bytes: await out.save(), found, boxes, warnings };
  } finally {
    await task.destroy();
  }
}

// ---------------------------------------------------------------------------------------------- images

export type ImageKind = 'jpeg' | 'png' | 'webp';

export async function redactImage(
  bytes: Uint8Array,
  kind: ImageKind,
  targets: readonly RedactionTarget[],
  options: RasterOptions,
): Promise<RasterRedaction> {
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes));
  } catch (error) {
    throw new SigiloError('CORRUPT_FILE', String(error), { cause: error });
  }
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0);
  const lines = await options.ocr.recognizeLines(canvas);
  const located = locateInOcr(lines, targets);
  const missing = targets.map((_, n) => n).filter((n) => !located.found.has(n));
  if (missing.length > 0) {
    throw new RedactionLocateError(
      `Não foi possível localizar na imagem: ${missing.map((n) => describe(targets[n]!)).join(', ')}. ` +
        'A cópia redigida não foi gerada para não expor esses dados; revise os achados ou redija a imagem manualmente.',
    );
  }
  paint(ctx, located.boxes, options, canvas.width, canvas.height);
  const encoded = kind === 'png' ? await canvas.encode('png') : await canvas.encode(kind, 90);
  return { bytes: encoded, found: located.found, boxes: located.boxes.length, warnings: [] };
}
