/**
 * Tolerant location of finding values in text: case and accents are folded and separators (spaces,
 * punctuation, line breaks) are ignored, so "529.982.247-25" matches "52998224725" and
 * "doença de  Alzheimer" matches "Doença de Alzheimer". A match must not start or end inside a word.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface ValueMatch extends TextRange {
  /** Index of the needle (value) that matched. */
  needle: number;
}

/** Folds one character: lower case, accents removed. Returns '' for separators. */
export function foldChar(ch: string): string {
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return /^[\p{L}\p{N}]+$/u.test(base) ? base : '';
}

const foldCache = new Map<string, string>();
function foldCached(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = foldChar(ch);
    if (foldCache.size < 10_000) foldCache.set(ch, folded);
  }
  return folded;
}

/** The alphanumeric skeleton of a text, with the original index of each skeleton character. */
export interface Skeleton {
  chars: string;
  /** origin[i] = index in the original text of skeleton char i. */
  origin: number[];
}

export function skeletonOf(text: string): Skeleton {
  let chars = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = foldCached(ch);
    for (const f of folded) {
      chars += f;
      origin.push(i);
    }
    i += ch.length;
  }
  return { chars, origin };
}

export function skeletonString(value: string): string {
  return skeletonOf(value).chars;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Index just after the code point that starts at `index`. */
function afterCodePoint(text: string, index: number): number {
  const cp = text.codePointAt(index);
  return index + (cp !== undefined && cp > 0xffff ? 2 : 1);
}

/**
 * Finds every occurrence of each needle in `text` (tolerant, see above). Overlapping matches of
 * different needles are all returned; callers merge them.
 */
export function findValueMatches(text: string, needles: readonly string[], skeleton: Skeleton = skeletonOf(text)): ValueMatch[] {
  const out: ValueMatch[] = [];
  needles.forEach((needle, n) => {
    const key = skeletonString(needle);
    if (key.length === 0) return;
    // punctuation that opens or closes the value, e.g. "(16) 98530-8597" or "+55 …", is part of it
    const lead = (/^[^\p{L}\p{N}]+/u.exec(needle)?.[0] ?? '').trim();
    const trail = (/[^\p{L}\p{N}]+$/u.exec(needle)?.[0] ?? '').trim();
    let from = 0;
    for (;;) {
      const at = skeleton.chars.indexOf(key, from);
      if (at < 0) break;
      from = at + 1;
      const start = skeleton.origin[at]!;
      const end = afterCodePoint(text, skeleton.origin[at + key.length - 1]!);
      // Word boundaries in the original text: no letter/digit glued before or after the match.
      if (isWordChar(prevChar(text, start)) || isWordChar(String.fromCodePoint(text.codePointAt(end) ?? 32))) continue;
      const from0 = lead && text.slice(start - lead.length, start) === lead ? start - lead.length : start;
      const to0 = trail && text.slice(end, end + trail.length) === trail ? end + trail.length : end;
      out.push({ start: from0, end: to0, needle: n });
    }
  });
  return out;
}

function prevChar(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const len = prevLen(text, index);
  return text.slice(index - len, index);
}
function prevLen(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? 2 : 1;
}
/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges<T extends TextRange>(ranges: readonly T[]): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      if (r.end > last.end) last.end = r.end;
    } else out.push({ ...r });
  }
  return out;
}

/**
 * Smallest edit distance between `needle` and any substring of `hay` (approximate substring match).
 * Returns the distance and where the best substring ends.
 */
export function approximateSubstring(needle: string, hay: string): { distance: number; end: number } {
  const m = needle.length;
  let prev = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = { distance: m, end: 0 };
  for (let j = 1; j <= hay.length; j++) {
    const cur = new Array<number>(m + 1);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const cost = needle[i - 1] === hay[j - 1] ? 0 : 1;
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + cost);
    }
    if (cur[m]! < best.distance) best = { distance: cur[m]!, end: j };
    prev = cur;
  }
  return best;
}
