/**
 * The neutral form model: a title and sections of blocks. Each form is built once as a model and
 * rendered to PDF (render-pdf.ts) or DOCX (render-docx.ts).
 */
export type FormBlock =
  | { kind: 'paragraph'; text: string; bold?: boolean; small?: boolean }
  /** A highlighted clause (LGPD art. 8º, § 1º: consent clause stands out): bold text in a box. */
  | { kind: 'highlight'; text: string }
  | { kind: 'fields'; fields: Array<{ label: string; value: string }> }
  | { kind: 'list'; items: string[] }
  /** widths: relative column widths. */
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  /** Signature lines, each with the caption printed under the line. */
  | { kind: 'signatures'; captions: string[] };

export interface FormSection {
  title: string;
  blocks: FormBlock[];
}

export interface FormModel {
  title: string;
  subtitle?: string;
  /** Printed in every page header (e.g. the controller's name). */
  header: string;
  sections: FormSection[];
  /** Generation date, printed in the footer. */
  generatedAt: Date;
}

/** All the text of a model, in reading order (for tests and accessibility). */
export function formText(model: FormModel): string {
  const out: string[] = [model.title, model.subtitle ?? '', model.header];
  for (const section of model.sections) {
    out.push(section.title);
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph': case 'highlight': out.push(block.text); break;
        case 'fields': for (const f of block.fields) out.push(`${f.label}: ${f.value}`); break;
        case 'list': out.push(...block.items); break;
        case 'table': out.push(block.columns.join(' '), ...block.rows.map((r) => r.join(' '))); break;
        case 'signatures': out.push(...block.captions); break;
      }
    }
  }
  return out.join('\n');
}
