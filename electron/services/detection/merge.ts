/**
 * Merges the findings of every plugin run into the report's findings: one finding per span.
 * Overlapping findings are resolved by specificity (see TYPE_SPECIFICITY); the losers are kept as
 * `evidence` of the winner, so nothing a plugin said is lost.
 */
import type { PluginFinding } from '../../shared/plugin-abi';
import type { Finding } from '../../shared/report';

export interface PluginRunResult {
  /** "id@version" */
  plugin: string;
  findings: PluginFinding[];
  durationMs: number;
  error?: { code: string; message: string };
}

/**
 * How specific a type is: when two findings overlap, the higher one wins. Checked identifiers beat
 * everything; a CID-10 code beats the words around it; a diagnosis beats a person name ("doença de
 * Parkinson"); an address beats a person name inside it ("Rua Padre Anchieta").
 */
export const TYPE_SPECIFICITY: Readonly<Record<string, number>> = {
  cpf: 95, cnpj: 95, cns: 94, pis: 93, voter_id: 93, cnh: 92,
  email: 90, professional_id: 88, rg: 86, medical_record: 84,
  icd10: 82, cep: 80, birth_date: 78, phone: 76,
  genetic_data: 72, medication: 70,
  racial_ethnic_origin: 66, religious_belief: 66, sexual_orientation: 66,
  political_opinion: 65, union_membership: 65, biometric_data: 65,
  health_condition: 60, address: 55, person_name: 45,
};
const UNKNOWN_TYPE_SPECIFICITY = 10;

export function specificity(type: string, validated: boolean): number {
  return (TYPE_SPECIFICITY[type] ?? UNKNOWN_TYPE_SPECIFICITY) + (validated ? 3 : 0);
}

/** 1-based page of a text offset; pageStarts[n-1] is where page n starts (empty: everything is page 1). */
export function pageOf(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length;
  // last index whose start <= offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pageStarts[mid] ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(1, lo);
}

interface Candidate {
  finding: Finding;
  rank: number;
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.start < b.end && b.start < a.end;
}

export function mergeFindings(text: string, pageStarts: readonly number[], runs: readonly PluginRunResult[]): Finding[] {
  const candidates: Candidate[] = [];
  for (const run of runs) {
    if (run.error) continue;
    for (const f of run.findings) {
      // plugin output is validated by the host, but offsets must also fit this text
      if (!(f.start >= 0 && f.end > f.start && f.end <= text.length)) continue;
      const validated = f.validated ?? false;
      const finding: Finding = {
        type: f.type,
        text: text.slice(f.start, f.end),
        start: f.start,
        end: f.end,
        page: pageOf(pageStarts, f.start),
        confidence: f.confidence,
        validated,
        plugin: run.plugin,
        ...(f.reason ? { reason: f.reason } : {}),
      };
      candidates.push({ finding, rank: specificity(f.type, validated) });
    }
  }
  // most specific first, then most confident, then longest, then earliest
  candidates.sort((a, b) =>
    b.rank - a.rank ||
    b.finding.confidence - a.finding.confidence ||
    (b.finding.end - b.finding.start) - (a.finding.end - a.finding.start) ||
    a.finding.start - b.finding.start);
  const kept: Finding[] = [];
  for (const { finding } of candidates) {
    const winner = kept.find((k) => overlaps(k, finding));
    if (!winner) {
      kept.push(finding);
      continue;
    }
    const evidence = winner.evidence ?? [];
    const duplicate = evidence.some((e) => e.type === finding.type && e.plugin === finding.plugin) ||
      (winner.type === finding.type && winner.plugin === finding.plugin);
    if (!duplicate) {
      evidence.push({
        type: finding.type,
        plugin: finding.plugin,
        confidence: finding.confidence,
        ...(finding.reason ? { reason: finding.reason } : {}),
      });
      winner.evidence = evidence;
    }
    // the same type found by two plugins is more certain
    if (winner.type === finding.type && winner.plugin !== finding.plugin) {
      winner.confidence = Math.min(1, Math.max(winner.confidence, finding.confidence));
    }
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return kept;
}
