// End-to-end inputs: a text PDF (pdf-lib), a scanned A4 page at 300 dpi (@napi-rs/canvas, embedded in a PDF),
// a DOCX (docx) and batches of mixed small documents, all filled with generated clinical text.
import { createCanvas } from '@napi-rs/canvas';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Characters Helvetica/WinAnsi can draw (the PDF generator's font); others become '?'. */
const winAnsi = (s) => s.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

function wrap(text, width) {
  const lines = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line.length + word.length + 1 > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** A text PDF of `pages` A4 pages, ~45 lines each, from the given texts. */
export async function textPdf(texts, pages) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = wrap(texts.join('\n\n'), 95);
  let k = 0;
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    for (let l = 0; l < 45; l++) {
      const line = lines[k++ % lines.length];
      if (line) page.drawText(winAnsi(line), { x: 40, y: 800 - l * 17, size: 10, font });
    }
  }
  return pdf.save();
}

/** One A4 page scanned at 300 dpi (2480×3508 JPEG) inside a PDF, as a scanner writes it. */
export async function scannedPdf(text) {
  const canvas = createCanvas(2480, 3508);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 2480, 3508);
  ctx.fillStyle = '#111';
  ctx.font = '42px sans-serif';
  const lines = wrap(text, 80).slice(0, 60);
  lines.forEach((line, i) => ctx.fillText(line, 150, 220 + i * 52));
  const jpg = await canvas.encode('jpeg', 85);
  const pdf = await PDFDocument.create();
  const img = await pdf.embedJpg(jpg);
  const page = pdf.addPage([595.28, 841.89]);
  page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return pdf.save();
}

/** A DOCX of about `pages` pages (~30 paragraphs per page), or of the texts' paragraphs once. */
export async function docx(texts, pages) {
  const paras = texts.join('\n').split('\n').filter((l) => l.trim());
  const children = [];
  const count = pages === undefined ? paras.length : pages * 30;
  for (let i = 0; i < count; i++) children.push(new Paragraph({ children: [new TextRun(paras[i % paras.length])] }));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Small documents of mixed formats: 60% .txt, 25% .docx, 15% one-page text .pdf. */
export async function mixedBatch(texts, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const t = texts[i % texts.length];
    const kind = i % 20 < 12 ? 'txt' : i % 20 < 17 ? 'docx' : 'pdf';
    const name = `doc-${String(i).padStart(4, '0')}.${kind}`;
    const bytes = kind === 'txt' ? Buffer.from(t, 'utf8') : kind === 'docx' ? await docx([t]) : await textPdf([t], 1);
    files.push({ name, bytes });
  }
  return files;
}
