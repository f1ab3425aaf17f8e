/**
 * Test-only helpers: generate documents of every supported format (so tests need no binary fixtures) and
 * bundle the extraction process the way scripts/build.mjs does. Not imported by product code.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import UTIF from 'utif2';
import { packageRoot } from '../app-paths';

const require = createRequire(import.meta.url);
let fontRegistered = false;

function ensureFont(): string {
  if (!fontRegistered) {
    const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    GlobalFonts.registerFromPath(path.join(fontDir, 'DejaVuSans.ttf'), 'DejaVu Sans Test');
    fontRegistered = true;
  }
  return 'DejaVu Sans Test';
}

/** A scan-like raster of text lines (black on white, ~300 dpi glyph size). */
export function drawTextRgba(lines: string[], options: { width?: number; fontPx?: number } = {}): { width: number; height: number; data: Uint8ClampedArray; canvas: Canvas } {
  const family = ensureFont();
  const fontPx = options.fontPx ?? 44;
  const width = options.width ?? 1800;
  const height = Math.max(200, Math.round(lines.length * fontPx * 1.8 + 160));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = `${fontPx}px "${family}"`;
  lines.forEach((line, i) => ctx.fillText(line, 80, 100 + i * fontPx * 1.8));
  return { width, height, data: ctx.getImageData(0, 0, width, height).data, canvas };
}

export async function textImage(lines: string[], format: 'png' | 'jpeg' | 'webp'): Promise<Uint8Array> {
  const { canvas } = drawTextRgba(lines);
  return format === 'png' ? canvas.encode('png') : format === 'jpeg' ? canvas.encode('jpeg', 92) : canvas.encode('webp', 95);
}

export function textTiff(lines: string[]): Uint8Array {
  const { width, height, data } = drawTextRgba(lines);
  return new Uint8Array(UTIF.encodeImage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height));
}

/** A text PDF: one array of lines per page. */
export async function textPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 11, font }));
  }
  return doc.save();
}

/**
 * A PDF whose pages are: text (string[]) or a scanned image of text ({ scan: string[] }), optionally with a
 * short digital label (a standard, non-embedded font that pdf.js must load from disk when rendering).
 */
export async function mixedPdf(pages: Array<string[] | { scan: string[]; label?: string }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const page = doc.addPage([595, 842]);
    if (Array.isArray(spec)) {
      spec.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 11, font }));
    } else {
      const png = await doc.embedPng(await textImage(spec.scan, 'png'));
      const w = 595 - 80;
      const h = (png.height / png.width) * w;
      page.drawImage(png, { x: 40, y: 842 - 40 - h, width: w, height: h });
      if (spec.label) page.drawText(spec.label, { x: 56, y: 30, size: 14, font });
    }
  }
  return doc.save();
}

export async function docxFile(paragraphs: string[], table?: string[][]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] }));
  if (table) {
    children.push(new Table({
      rows: table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
    }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An ODT with the given body XML (inside office:text); helpers below build common bodies. */
export function odtFile(bodyXml: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"><office:automatic-styles><style:style xmlns:style="s" style:name="P1">ignorado</style:style></office:automatic-styles><office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

export const odtParagraph = (text: string): string => `<text:p>${xmlEscape(text)}</text:p>`;

/**
 * A PDF encrypted with the standard security handler whose user password is not empty, crafted by hand
 * (pdf-lib cannot encrypt): pdf.js must ask for a password.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'.toUpperCase();
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 8 >>\nstream\n12345678\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(body, true);
}

/** Bundles the extraction process (and its OCR worker) like scripts/build.mjs, into a cache folder. */
export async function buildExtractionProcess(): Promise<string> {
  const { build } = await import('esbuild');
  const root = packageRoot();
  const outDir = path.join(root, 'node_modules', '.cache', 'sigilo-extraction-test', String(process.pid));
  mkdirSync(outDir, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    format: 'esm' as const,
    packages: 'external' as const,
    logLevel: 'warning' as const,
    banner: { js: "import { createRequire as __sigiloCreateRequire } from 'node:module'; const require = __sigiloCreateRequire(import.meta.url);" },
  };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/services/extraction/extract-process.ts'], outfile: path.join(outDir, 'extract-process.js') }),
    build({ ...common, entryPoints: ['electron/services/extraction/ocr-worker.ts'], outfile: path.join(outDir, 'ocr-worker.js') }),
  ]);
  return path.join(outDir, 'extract-process.js');
}
