/** Renders a form model to PDF (A4) with pdf-lib and an embedded DejaVu font (Portuguese glyphs), offline. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { packageRoot } from '../app-paths.js';
import type { FormBlock, FormModel } from './form-model.js';

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = { left: 56, right: 56, top: 70, bottom: 64 };
const WIDTH = PAGE[0] - MARGIN.left - MARGIN.right;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.4, 0.4, 0.4);

export function fontPaths(): { regular: string; bold: string } {
  const dir = path.join(packageRoot(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
  return { regular: path.join(dir, 'DejaVuSans.ttf'), bold: path.join(dir, 'DejaVuSans-Bold.ttf') };
}

/** Splits text into lines that fit `width` (long words are broken). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) { line = candidate; continue; }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  page!: PDFPage;
  y = 0;
  constructor(private readonly doc: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN.top;
  }
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }
  text(text: string, options: { size?: number; bold?: boolean; indent?: number; color?: ReturnType<typeof rgb>; gap?: number; center?: boolean } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    for (const line of wrapText(text, font, size, WIDTH - indent)) {
      this.ensure(leading);
      const x = options.center ? MARGIN.left + (WIDTH - font.widthOfTextAtSize(line, size)) / 2 : MARGIN.left + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: options.color ?? BLACK });
      this.y -= leading;
    }
    this.y -= options.gap ?? 4;
  }
}

function drawBlock(l: Layout, block: FormBlock): void {
  switch (block.kind) {
    case 'paragraph':
      l.text(block.text, { bold: block.bold, size: block.small ? 8.5 : 10, color: block.small ? GREY : BLACK });
      break;
    case 'highlight': {
      const size = 10.5;
      const lines = wrapText(block.text, l.bold, size, WIDTH - 20);
      const height = lines.length * size * 1.35 + 16;
      l.ensure(height);
      l.page.drawRectangle({ x: MARGIN.left, y: l.y - height, width: WIDTH, height, color: rgb(0.95, 0.95, 0.88), borderColor: BLACK, borderWidth: 1.5 });
      let y = l.y - 8;
      for (const line of lines) {
        l.page.drawText(line, { x: MARGIN.left + 10, y: y - size, size, font: l.bold });
        y -= size * 1.35;
      }
      l.y -= height + 6;
      break;
    }
    case 'fields':
      for (const field of block.fields) {
        if (field.value) l.text(`${field.label}: ${field.value}`, { gap: 2 });
        else {
          l.ensure(22);
          l.page.drawText(`${field.label}:`, { x: MARGIN.left, y: l.y - 10, size: 10, font: l.regular });
          const start = MARGIN.left + l.regular.widthOfTextAtSize(`${field.label}: `, 10);
          l.page.drawLine({ start: { x: start, y: l.y - 11 }, end: { x: MARGIN.left + WIDTH, y: l.y - 11 }, thickness: 0.5, color: BLACK });
          l.y -= 20;
        }
      }
      l.y -= 4;
      break;
    case 'list':
      for (const item of block.items) {
        const lines = wrapText(item, l.regular, 10, WIDTH - 14);
        l.ensure(13.5);
        l.page.drawText('•', { x: MARGIN.left + 2, y: l.y - 10, size: 10, font: l.regular });
        lines.forEach((line) => {
          l.ensure(13.5);
          l.page.drawText(line, { x: MARGIN.left + 14, y: l.y - 10, size: 10, font: l.regular });
          l.y -= 13.5;
        });
        l.y -= 1.5;
      }
      l.y -= 4;
      break;
    case 'table': {
      const size = 8.5;
      const leading = size * 1.3;
      const weights = block.widths ?? block.columns.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      const widths = weights.map((w) => (w / total) * WIDTH);
      const drawRow = (cells: string[], header: boolean): void => {
        const font = header ? l.bold : l.regular;
        const wrapped = cells.map((c, i) => wrapText(c, font, size, widths[i]! - 6));
        const height = Math.max(...wrapped.map((w) => w.length)) * leading + 6;
        if (l.y - height < MARGIN.bottom) {
          l.newPage();
          if (!header) drawRow(block.columns, true);
        }
        let x = MARGIN.left;
        wrapped.forEach((lines, i) => {
          l.page.drawRectangle({ x, y: l.y - height, width: widths[i]!, height, borderColor: GREY, borderWidth: 0.5, ...(header ? { color: rgb(0.9, 0.9, 0.9) } : {}) });
          lines.forEach((line, n) => l.page.drawText(line, { x: x + 3, y: l.y - 3 - size - n * leading, size, font }));
          x += widths[i]!;
        });
        l.y -= height;
      };
      drawRow(block.columns, true);
      for (const row of block.rows) drawRow(row, false);
      l.y -= 8;
      break;
    }
    case 'signatures':
      for (const caption of block.captions) {
        l.ensure(50);
        l.y -= 30;
        l.page.drawLine({ start: { x: MARGIN.left, y: l.y }, end: { x: MARGIN.left + WIDTH * 0.6, y: l.y }, thickness: 0.7, color: BLACK });
        l.page.drawText(caption, { x: MARGIN.left, y: l.y - 11, size: 9, font: l.regular });
        l.y -= 18;
      }
      break;
  }
}

export async function renderPdf(model: FormModel): Promise<Buffer> {
  const fonts = fontPaths();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(await readFile(fonts.regular), { subset: true });
  const bold = await doc.embedFont(await readFile(fonts.bold), { subset: true });
  doc.setTitle(model.title);
  doc.setProducer('Sigilo');
  doc.setCreator('Sigilo');
  doc.setLanguage('pt-BR');
  doc.setCreationDate(model.generatedAt);
  const l = new Layout(doc, regular, bold);
  l.text(model.title, { size: 14, bold: true, center: true, gap: 2 });
  if (model.subtitle) l.text(model.subtitle, { size: 9, color: GREY, center: true, gap: 10 });
  for (const section of model.sections) {
    l.ensure(40);
    l.y -= 4;
    l.text(section.title, { size: 11.5, bold: true, gap: 5 });
    for (const block of section.blocks) drawBlock(l, block);
  }
  const pages = doc.getPages();
  const stamp = model.generatedAt.toLocaleString('pt-BR', { timeZone: 'America/Sao_Paulo' });
  pages.forEach((page, i) => {
    const fit = (text: string, width: number): string => {
      const first = wrapText(text, regular, 8, width - regular.widthOfTextAtSize('…', 8))[0] ?? '';
      return first.length < text.length ? `${first}…` : first;
    };
    const header = fit(model.header, WIDTH * 0.55);
    page.drawText(header, { x: MARGIN.left, y: PAGE[1] - 36, size: 8, font: regular, color: GREY });
    const right = fit(model.title, WIDTH * 0.43);
    page.drawText(right, { x: PAGE[0] - MARGIN.right - regular.widthOfTextAtSize(right, 8), y: PAGE[1] - 36, size: 8, font: regular, color: GREY });
    page.drawLine({ start: { x: MARGIN.left, y: PAGE[1] - 42 }, end: { x: PAGE[0] - MARGIN.right, y: PAGE[1] - 42 }, thickness: 0.5, color: GREY });
    page.drawText(`Gerado pelo Sigilo em ${stamp}`, { x: MARGIN.left, y: 36, size: 8, font: regular, color: GREY });
    const num = `Página ${i + 1} de ${pages.length}`;
    page.drawText(num, { x: PAGE[0] - MARGIN.right - regular.widthOfTextAtSize(num, 8), y: 36, size: 8, font: regular, color: GREY });
  });
  return Buffer.from(await doc.save());
}
