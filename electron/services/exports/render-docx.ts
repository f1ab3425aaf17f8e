/** Renders a form model to DOCX with the `docx` package (same model as the PDF). */
import {
  AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { FormBlock, FormModel } from './form-model.js';

const FONT = 'DejaVu Sans';
const run = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun =>
  new TextRun({ text, bold: options.bold, size: options.size ?? 20, color: options.color, font: FONT });

function blockToDocx(block: FormBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: [run(block.text, { bold: block.bold, size: block.small ? 17 : 20, color: block.small ? '666666' : undefined })], spacing: { after: 80 } })];
    case 'highlight':
      return [new Paragraph({
        children: [run(block.text, { bold: true, size: 21 })],
        border: ['top', 'bottom', 'left', 'right'].reduce((acc, side) => ({ ...acc, [side]: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 6 } }), {}),
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2E0' },
        spacing: { before: 80, after: 160 },
      })];
    case 'fields':
      return block.fields.map((f) => new Paragraph({ children: [run(`${f.label}: `, { bold: true }), run(f.value || '_______________________________________')], spacing: { after: 40 } }));
    case 'list':
      return block.items.map((item) => new Paragraph({ children: [run(item)], bullet: { level: 0 } }));
    case 'table': {
      const total = (block.widths ?? block.columns.map(() => 1)).reduce((a, b) => a + b, 0);
      const pct = (i: number): number => Math.round(((block.widths?.[i] ?? 1) / total) * 100);
      const row = (cells: string[], header: boolean): TableRow => new TableRow({
        tableHeader: header,
        children: cells.map((c, i) => new TableCell({
          width: { size: pct(i), type: WidthType.PERCENTAGE },
          shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6E6E6' } : undefined,
          children: [new Paragraph({ children: [run(c, { bold: header, size: 17 })] })],
        })),
      });
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.columns, true), ...block.rows.map((r) => row(r, false))] }), new Paragraph({ children: [] })];
    }
    case 'signatures':
      return block.captions.flatMap((caption) => [
        new Paragraph({ children: [], spacing: { before: 480 } }),
        new Paragraph({ children: [run('______________________________________________')] }),
        new Paragraph({ children: [run(caption, { size: 18 })], spacing: { after: 120 } }),
      ]);
  }
}

export async function renderDocx(model: FormModel): Promise<Buffer> {
  const stamp = model.generatedAt.toLocaleString('pt-BR', { timeZone: 'America/Sao_Paulo' });
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.title, { bold: true, size: 28 })], spacing: { after: 60 } }),
    ...(model.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.subtitle, { size: 18, color: '666666' })], spacing: { after: 240 } })] : []),
  ];
  for (const section of model.sections) {
    children.push(new Paragraph({ children: [run(section.title, { bold: true, size: 23 })], spacing: { before: 200, after: 100 }, keepNext: true }));
    for (const block of section.blocks) children.push(...blockToDocx(block));
  }
  const doc = new Document({
    creator: 'Sigilo',
    title: model.title,
    description: model.subtitle,
    sections: [{
      headers: { default: new Header({ children: [new Paragraph({ children: [run(`${model.header} — ${model.title}`, { size: 16, color: '666666' })] })] }) },
      footers: {
        default: new Footer({ children: [new Paragraph({ children: [
          run(`Gerado pelo Sigilo em ${stamp} — Página `, { size: 16, color: '666666' }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '666666', font: FONT }),
          run(' de ', { size: 16, color: '666666' }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '666666', font: FONT }),
        ] })] }),
      },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
