/** Which values a redaction removes, and where they are in a text. */
import type { Finding } from '../../shared/report.js';
import type { Pseudonymizer } from './pseudonymizer.js';
import { replacementText, type RedactionMode } from './replacement.js';
import { findValueMatches, mergeRanges, skeletonOf, skeletonString, type Skeleton } from './text-match.js';

export interface RedactionTarget {
  type: string;
  /** The value as found (a finding's text). */
  value: string;
  /** Page where the finding was reported, when known (1-based). */
  page?: number;
}

/** Accepted findings (absent decision = accepted) become targets; duplicates (same type and normalised value) merge. */
export function targetsFromFindings(findings: ReadonlyArray<Pick<Finding, 'type' | 'text' | 'decision'> & { page?: number }>): RedactionTarget[] {
  const seen = new Map<string, RedactionTarget>();
  for (const f of findings) {
    if (f.decision === 'rejected') continue;
    const key = skeletonString(f.text);
    if (key.length === 0) continue;
    const id = `${f.type}\u0000${key}`;
    if (!seen.has(id)) seen.set(id, { type: f.type, value: f.text, ...(f.page ? { page: f.page } : {}) });
  }
  // Longest first, so that a full name wins over a first name when both cover the same span.
  return [...seen.values()].sort((a, b) => skeletonString(b.value).length - skeletonString(a.value).length);
}

export interface PlannedReplacement {
  start: number;
  end: number;
  /** The target that covers the span (the longest one when several overlap). */
  target: RedactionTarget;
}

export interface ReplacementPlan {
  replacements: PlannedReplacement[];
  /** Indexes of targets found at least once. */
  found: Set<number>;
}

/** Finds every target in `text` and merges overlapping spans (the longest target names the span). */
export function planReplacements(text: string, targets: readonly RedactionTarget[], skeleton: Skeleton = skeletonOf(text)): ReplacementPlan {
  const matches = findValueMatches(text, targets.map((t) => t.value), skeleton);
  const found = new Set(matches.map((m) => m.needle));
  const byLength = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start));
  const merged = mergeRanges(byLength.map((m) => ({ start: m.start, end: m.end, needle: m.needle })));
  const replacements = merged.map((r) => {
    // the longest match that starts inside the merged span names it
    const owner = byLength.find((m) => m.start >= r.start && m.end <= r.end) ?? byLength.find((m) => m.start < r.end && m.end > r.start)!;
    return { start: r.start, end: r.end, target: targets[owner.needle]! };
  });
  return { replacements, found };
}

/** Applies a plan to a plain string. */
export function applyToString(text: string, plan: readonly PlannedReplacement[], mode: RedactionMode, pseudonyms: Pseudonymizer): string {
  let out = '';
  let at = 0;
  for (const r of plan) {
    out += text.slice(at, r.start) + replacementText(r.target.type, r.target.value, mode, pseudonyms);
    at = r.end;
  }
  return out + text.slice(at);
}
