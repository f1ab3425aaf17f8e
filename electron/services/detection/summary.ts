/**
 * Summary of a report's findings: repeated mentions of the same value (by type and normalised value)
 * count once. Every occurrence stays in the findings list for highlighting; this is for the overview.
 */
import type { Finding } from '../../shared/report';
import { FINDING_TYPE_INFO, isFindingType } from '../../shared/finding-types';

export interface TypeSummary {
  type: string;
  /** Portuguese label (the type itself for types outside the contract). */
  label: string;
  /** Occurrences in the text. */
  occurrences: number;
  /** Distinct values, in order of first appearance (as first written). */
  values: string[];
}

export interface FindingsSummary {
  occurrences: number;
  distinct: number;
  byType: TypeSummary[];
}

const DIGIT_TYPES = new Set(['cpf', 'cnpj', 'rg', 'cns', 'cnh', 'pis', 'voter_id', 'professional_id', 'medical_record', 'phone', 'cep', 'icd10']);

/** Normalised value used to recognise the same datum written differently. */
export function normalizeValue(type: string, text: string): string {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (DIGIT_TYPES.has(type)) {
    const alnum = folded.replace(/[^a-z0-9]/g, '');
    // 0xx area code / +55 country code do not make another phone
    return type === 'phone' ? alnum.replace(/^55(?=\d{10,11}$)/, '').replace(/^0(?=\d{10,11}$)/, '') : alnum;
  }
  return folded.replace(/[^a-z0-9@.]+/g, ' ').trim();
}

/** Deduplicated overview of findings; rejected findings are left out. */
export function summarizeFindings(findings: readonly Finding[]): FindingsSummary {
  const byType = new Map<string, { occurrences: number; values: Map<string, string> }>();
  let occurrences = 0;
  for (const f of findings) {
    if (f.decision === 'rejected') continue;
    occurrences++;
    let entry = byType.get(f.type);
    if (!entry) {
      entry = { occurrences: 0, values: new Map() };
      byType.set(f.type, entry);
    }
    entry.occurrences++;
    const key = normalizeValue(f.type, f.text);
    if (!entry.values.has(key)) entry.values.set(key, f.text);
  }
  const types: TypeSummary[] = [...byType.entries()].map(([type, e]) => ({
    type,
    label: isFindingType(type) ? FINDING_TYPE_INFO[type].label : type,
    occurrences: e.occurrences,
    values: [...e.values.values()],
  }));
  types.sort((a, b) => b.values.length - a.values.length || a.type.localeCompare(b.type));
  return { occurrences, distinct: types.reduce((n, t) => n + t.values.length, 0), byType: types };
}
