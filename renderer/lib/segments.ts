/**
 * Splits a document's text into plain runs and highlighted findings. Findings are sorted by start;
 * one that overlaps an earlier one is not highlighted a second time (it stays in the side list).
 */
import type { Finding } from '../../electron/shared/report.js';

export type Segment =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'finding'; text: string; start: number; index: number; finding: Finding };

export function segmentText(text: string, findings: readonly Finding[]): Segment[] {
  const order = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.end > finding.start && finding.start < text.length)
    .sort((a, b) => a.finding.start - b.finding.start || b.finding.end - a.finding.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const { finding, index } of order) {
    if (finding.start < pos) continue;
    const end = Math.min(finding.end, text.length);
    if (finding.start > pos) out.push({ kind: 'text', text: text.slice(pos, finding.start), start: pos });
    out.push({ kind: 'finding', text: text.slice(finding.start, end), start: finding.start, index, finding });
    pos = end;
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos), start: pos });
  return out;
}

/** Indexes of findings in reading order (the order keyboard navigation follows). */
export function readingOrder(findings: readonly Finding[]): number[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || a.i - b.i).map(({ i }) => i);
}
