/**
 * Checks a redacted copy for leaks of the values it should hide: in the text a reader extracts, in the raw
 * bytes (also inside ZIP entries) and, for PDF and images, in what OCR reads from the pixels.
 * Used by the tests and by scripts/check-redaction-corpus.mjs.
 */
import { inflateSync } from 'fflate';
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsAssetDirs } from '../extraction/local-assets.js';
import { openZip } from '../extraction/safe-zip.js';
import { sniffFormat } from '../extraction/sniff-format.js';
import type { WordRecognizer } from './ocr-words.js';
import { HTML_DIALECT, visibleStrings } from './redact-markup.js';
import { officeVisibleText } from './redact-office.js';
import { decodeText } from './text-encoding.js';
import { findValueMatches } from './text-match.js';

export interface Leak {
  value: string;
  via: 'text' | 'bytes' | 'ocr';
}

async function openPdf(bytes: Uint8Array): Promise<pdfjs.PDFDocumentProxy & { destroy(): Promise<void> }> {
  const assets = pdfjsAssetDirs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: assets.standardFontDataUrl, verbosity: 0 });
  const doc = await task.promise;
  return Object.assign(doc, { destroy: () => task.destroy() });
}

/** The text a reader or an indexer extracts from the file. */
export async function extractedText(bytes: Uint8Array, name: string): Promise<string> {
  const kind = sniffFormat(bytes, name).kind;
  switch (kind) {
    case 'text': case 'csv': case 'markdown': return decodeText(bytes).text;
    case 'html': return visibleStrings(decodeText(bytes).text, HTML_DIALECT);
    case 'docx': case 'odt': return officeVisibleText(bytes, kind);
    case 'pdf': {
      const doc = await openPdf(bytes);
      const parts: string[] = [];
      const meta = await doc.getMetadata().catch(() => undefined);
      parts.push(JSON.stringify(meta?.info ?? {}));
      for (let p = 1; p <= doc.numPages; p++) {
        const content = await (await doc.getPage(p)).getTextContent();
        parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
      }
      await doc.destroy();
      return parts.join('\n');
    }
    default: return '';
  }
}

/** Raw bytes read as UTF-8, Latin-1 and UTF-16, plus every inflated ZIP entry and PDF stream. */
export function rawByteViews(bytes: Uint8Array): string[] {
  const views = (b: Uint8Array): string[] => [Buffer.from(b).toString('utf8'), Buffer.from(b).toString('latin1'), Buffer.from(b).toString('utf16le')];
  const out = views(bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = openZip(bytes);
    for (const entry of zip.entries) if (!entry.name.endsWith('/')) out.push(...views(zip.read(entry.name)!));
  }
  const latin = Buffer.from(bytes).toString('latin1');
  if (latin.startsWith('%PDF')) {
    for (const m of latin.matchAll(/stream\r?\n/g)) {
      const start = m.index + m[0].length;
      const end = latin.indexOf('endstream', start);
      if (end < 0) continue;
      try { out.push(Buffer.from(inflateSync(bytes.subarray(start, end))).toString('latin1')); } catch { /* not deflated */ }
    }
  }
  return out;
}

/** Exact (not tolerant) search in raw bytes: a value written as-is anywhere in the file. */
export function rawLeaks(bytes: Uint8Array, values: readonly string[]): Leak[] {
  const views = rawByteViews(bytes).map((v) => v.toLowerCase());
  return values.filter((v) => v.length >= 3 && views.some((view) => view.includes(v.toLowerCase()))).map((value) => ({ value, via: 'bytes' as const }));
}

/** Tolerant search (case, accents, separators) in the extracted text. */
export function textLeaks(text: string, values: readonly string[], via: Leak['via'] = 'text'): Leak[] {
  const hits = new Set(findValueMatches(text, values).map((m) => m.needle));
  return [...hits].map((n) => ({ value: values[n]!, via }));
}

/** What OCR reads in the output's pixels (PDF pages rendered at 200 dpi, images as they are). */
export async function ocrText(bytes: Uint8Array, name: string, ocr: WordRecognizer): Promise<string> {
  const kind = sniffFormat(bytes, name).kind;
  const images: Canvas[] = [];
  if (kind === 'pdf') {
    const doc = await openPdf(bytes);
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 200 / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: canvas.getContext('2d') as unknown as CanvasRenderingContext2D, viewport }).promise;
      images.push(canvas);
    }
    await doc.destroy();
  } else if (kind === 'jpeg' || kind === 'png' || kind === 'webp') {
    const image = await loadImage(Buffer.from(bytes));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0);
    images.push(canvas);
  }
  const parts: string[] = [];
  for (const image of images) {
    const lines = await ocr.recognizeLines(image);
    parts.push(lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'));
  }
  return parts.join('\n');
}
