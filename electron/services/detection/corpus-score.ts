/**
 * Accuracy of findings against a labelled corpus (labels.json: `{ documents: [{ file, dataSubject, entities }] }`),
 * with the matching rules of the project's scorer (/work/shared/eval/score.mjs, see the report contract):
 * identifiers by their characters, phones by their last 10+ digits, names and addresses by word overlap,
 * birth dates by the date they denote, health terms and special categories by containment. Health terms
 * found in a document without a data subject (a protocol, a leaflet) are not counted as false positives.
 * Used by the regression tests that hold the detectors to a floor on held-out documents.
 */
import { z } from 'zod';

export const SCORED_TYPES = ['cpf', 'cnpj', 'rg', 'cns', 'cnh', 'pis', 'voter_id', 'professional_id', 'medical_record', 'email', 'phone',
  'cep', 'address', 'person_name', 'birth_date', 'health_condition', 'icd10', 'medication', 'racial_ethnic_origin', 'religious_belief',
  'sexual_orientation', 'genetic_data'] as const;
const HEALTH_TERMS = new Set<string>(['health_condition', 'icd10', 'medication', 'genetic_data']);

export const LabelledCorpusSchema = z.object({
  documents: z.array(z.object({
    file: z.string().min(1),
    genre: z.string().optional(),
    format: z.string().optional(),
    dataSubject: z.boolean(),
    entities: z.array(z.object({ type: z.string(), value: z.string().min(1), iso: z.string().optional() })),
    text: z.string(),
  })),
});
export type LabelledCorpus = z.infer<typeof LabelledCorpusSchema>;
type Gold = LabelledCorpus['documents'][number]['entities'][number];

export interface Counts { tp: number; fp: number; fn: number }
export interface Prf extends Counts { p: number; r: number; f1: number }
export interface CorpusScore {
  overall: Prf;
  types: Record<string, Prf>;
  falsePositives: string[];
  falseNegatives: string[];
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
const alnum = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');
const digits = (s: string) => s.replace(/\D/g, '');
const STOP = new Set(['de', 'da', 'do', 'das', 'dos', 'e', 'sr', 'sra', 'dr', 'dra', 'paciente', 'a', 'o']);
const tokens = (s: string) => new Set(fold(s).replace(/[^a-z0-9 ]/g, ' ').split(' ').filter((t) => t && !STOP.has(t)));
function jaccard(a: string, b: string): number {
  const A = tokens(a), B = tokens(b);
  if (!A.size || !B.size) return 0;
  let i = 0;
  for (const t of A) if (B.has(t)) i++;
  return i / (A.size + B.size - i);
}
const MONTHS = ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
function isoDate(s: string): string | null {
  const f = fold(s);
  let m = f.match(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = f.match(/(\d{1,2})\s+de\s+([a-z]+)\s+de\s+(\d{4})/);
  if (m && MONTHS.includes(m[2]!)) return `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

export function matches(type: string, gold: Gold, pred: string): boolean {
  switch (type) {
    case 'cpf': case 'cnpj': case 'rg': case 'cns': case 'cnh': case 'pis': case 'voter_id': case 'cep': case 'medical_record': {
      const g = alnum(gold.value), p = alnum(pred);
      return p === g || (p.includes(g) && g.length >= 0.8 * p.length) || (g.includes(p) && p.length >= 0.8 * g.length);
    }
    case 'professional_id': { const g = digits(gold.value); return g.length > 0 && digits(pred) === g; }
    case 'phone': {
      const g = digits(gold.value), p = digits(pred);
      const [s, l] = g.length <= p.length ? [g, p] : [p, g];
      return s.length >= 10 && l.endsWith(s);
    }
    case 'email': return fold(pred).replace(/[<>()\s]/g, '') === fold(gold.value);
    case 'birth_date': return isoDate(pred) === gold.iso;
    case 'icd10': return alnum(pred).replace(/^cid10?/, '') === alnum(gold.value);
    case 'person_name': return jaccard(gold.value, pred) >= 0.66;
    case 'address': return jaccard(gold.value, pred) >= 0.5;
    default: {
      const g = fold(gold.value), p = fold(pred);
      return p.includes(g) || (g.includes(p) && p.length >= 4) || jaccard(g, p) >= 0.5;
    }
  }
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const p = tp + fp ? tp / (tp + fp) : (fn ? 0 : 1);
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
}

/** Scores the findings (`file` → found type and text) against the labelled documents. */
export function scoreCorpus(corpus: LabelledCorpus, found: ReadonlyMap<string, ReadonlyArray<{ type: string; text: string }>>): CorpusScore {
  const stat = new Map<string, Counts>(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const falsePositives: string[] = [], falseNegatives: string[] = [];
  for (const d of corpus.documents) {
    const preds = found.get(d.file) ?? [];
    for (const type of SCORED_TYPES) {
      const golds: Gold[] = [];
      for (const g of d.entities.filter((e) => e.type === type)) if (!golds.some((x) => matches(type, x, g.value))) golds.push(g);
      const seen: string[] = [];
      for (const p of preds.filter((f) => f.type === type)) if (!seen.some((s) => fold(s) === fold(p.text))) seen.push(p.text);
      const hit = new Set<number>();
      const s = stat.get(type)!;
      for (const p of seen) {
        const i = golds.findIndex((g) => matches(type, g, p));
        if (i >= 0) hit.add(i);
        else if (!(HEALTH_TERMS.has(type) && !d.dataSubject)) { s.fp++; falsePositives.push(`${d.file} ${type}: ${p}`); }
      }
      golds.forEach((g, i) => { if (!hit.has(i)) falseNegatives.push(`${d.file} ${type}: ${g.value}`); });
      s.tp += hit.size;
      s.fn += golds.length - hit.size;
    }
  }
  const total = [...stat.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    overall: prf(total),
    types: Object.fromEntries([...stat].map(([t, c]) => [t, prf(c)])),
    falsePositives, falseNegatives,
  };
}
