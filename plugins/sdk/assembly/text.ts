// Text helpers for detectors working on UTF-16 code units (JavaScript string indices).
// All take code units as i32; none allocates.

/** Code unit at `pos` without bounds checks (caller guarantees 0 <= pos < text.length). */
// @ts-ignore: decorator
@inline export function unitAt(text: string, pos: i32): i32 {
  return <i32>load<u16>(changetype<usize>(text) + (<usize>pos << 1));
}

/** Code unit at `pos`, or -1 outside the string. */
export function charAt(text: string, pos: i32): i32 {
  if (pos < 0 || pos >= text.length) return -1;
  return <i32>load<u16>(changetype<usize>(text) + (<usize>pos << 1));
}

// @ts-ignore: decorator
@inline export function isDigit(c: i32): bool {
  return <u32>(c - 0x30) < 10;
}

// @ts-ignore: decorator
@inline export function isAsciiLetter(c: i32): bool {
  return <u32>((c | 0x20) - 0x61) < 26;
}

// @ts-ignore: decorator
@inline export function isUpperAscii(c: i32): bool {
  return <u32>(c - 0x41) < 26;
}

/** Letters: ASCII, Latin-1 letters (À–ÿ except × ÷), Latin Extended-A/B, combining accents, Greek. */
// @ts-ignore: decorator
@inline export function isLetter(c: i32): bool {
  return c < 0x80 ? isAsciiLetter(c) : isNonAsciiLetter(c);
}

/** `isLetter` for code units >= 0x80. */
export function isNonAsciiLetter(c: i32): bool {
  if (c < 0xc0) return c == 0xaa || c == 0xb5 || c == 0xba;
  if (c <= 0x24f) return c != 0xd7 && c != 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true; // combining diacritics (decomposed accents)
  if (c >= 0x370 && c <= 0x3ff) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  return false;
}

/** Letter, digit or underscore. */
// @ts-ignore: decorator
@inline export function isWordChar(c: i32): bool {
  return c < 0x80 ? (isAsciiLetter(c) || isDigit(c) || c == 0x5f) : isNonAsciiLetter(c);
}

/** Space, tab, line breaks, NBSP and other Unicode spaces. */
export function isSpace(c: i32): bool {
  if (c <= 0x20) return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09 || c == 0x0b || c == 0x0c;
  return c == 0xa0 || c == 0x2007 || c == 0x202f || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x3000 || c == 0x85;
}

/** Hyphen-like characters: - ‐ ‑ ‒ – — − */
export function isDash(c: i32): bool {
  return c == 0x2d || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// @ts-ignore: decorator
@inline export function toLowerAscii(c: i32): i32 {
  return isUpperAscii(c) ? c | 0x20 : c;
}

// Folding table for U+00C0..U+00FF: base lower-case ASCII letter, or 0 to keep the unit.
const FOLD_LATIN1: usize = memory.data<u8>([
  // C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
  0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x63, 0x65, 0x65, 0x65, 0x65, 0x69, 0x69, 0x69, 0x69,
  // D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
  0x64, 0x6e, 0x6f, 0x6f, 0x6f, 0x6f, 0x6f, 0, 0x6f, 0x75, 0x75, 0x75, 0x75, 0x79, 0, 0x73,
  // E0 à á â ã ä å æ ç è é ê ë ì í î ï
  0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x63, 0x65, 0x65, 0x65, 0x65, 0x69, 0x69, 0x69, 0x69,
  // F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
  0x64, 0x6e, 0x6f, 0x6f, 0x6f, 0x6f, 0x6f, 0, 0x6f, 0x75, 0x75, 0x75, 0x75, 0x79, 0, 0x79,
]);

/** Lower-cases ASCII and folds accented Latin-1 letters to their base letter (Á→a, ç→c, º→o, ª→a). */
export function fold(c: i32): i32 {
  if (c < 0x80) return toLowerAscii(c);
  if (c >= 0xc0 && c <= 0xff) {
    const f = <i32>load<u8>(FOLD_LATIN1 + <usize>(c - 0xc0));
    return f != 0 ? f : c;
  }
  if (c == 0xba) return 0x6f; // º
  if (c == 0xaa) return 0x61; // ª
  return c;
}

/** True when no word character precedes `pos`. */
export function isWordStart(text: string, pos: i32): bool {
  if (pos <= 0) return true;
  if (pos > text.length) return false;
  return !isWordChar(unitAt(text, pos - 1));
}

/** True when no word character follows position `pos` (i.e. text[pos] is not a word char). */
export function isWordEnd(text: string, pos: i32): bool {
  if (pos >= text.length) return true;
  if (pos < 0) return false;
  return !isWordChar(unitAt(text, pos));
}

/**
 * Case- and accent-insensitive match of `word` at `pos` ("CPF", "cpf" and "Cpf" all match "cpf";
 * "prontuário" matches "prontuario"). A space in `word` matches one or more whitespace units.
 * Returns the end position of the match, or -1.
 */
export function matchFold(text: string, pos: i32, word: string): i32 {
  return matchFoldLen(text, pos, word, word.length);
}

/** `matchFold` with only the first `m` units of `word`. */
export function matchFoldLen(text: string, pos: i32, word: string, m: i32): i32 {
  const n = text.length;
  let p = pos;
  if (p < 0) return -1;
  for (let i = 0; i < m; i++) {
    const w = fold(unitAt(word, i));
    if (w == 0x20) {
      if (p >= n || !isSpace(unitAt(text, p))) return -1;
      while (p < n && isSpace(unitAt(text, p))) p++;
      continue;
    }
    if (p >= n) return -1;
    if (fold(unitAt(text, p)) != w) return -1;
    p++;
  }
  return p;
}

/** Case- and accent-insensitive `text.startsWith(word, pos)`. */
export function startsWithFold(text: string, pos: i32, word: string): bool {
  return matchFold(text, pos, word) >= 0;
}

/** `startsWithFold` that also requires word boundaries on both sides. */
export function isWordAt(text: string, pos: i32, word: string): bool {
  if (!isWordStart(text, pos)) return false;
  const e = matchFold(text, pos, word);
  return e >= 0 && isWordEnd(text, e);
}

/** Start of the keyword found by the last successful `findKeywordBefore` / `findKeywordAfter`. */
export let keywordStart: i32 = -1;
/** End of the keyword found by the last successful `findKeywordBefore` / `findKeywordAfter`. */
export let keywordEnd: i32 = -1;

/**
 * Keywords bucketed by their first two (folded) code units, built once per keyword array. Stored flat
 * (bucket b holds items[start[b] .. start[b + 1]), in keyword order): two static arrays instead of 1,024
 * managed ones, so the collection that runs at every readInput() has almost nothing to visit here.
 */
class KeywordIndex {
  start: StaticArray<i32> = new StaticArray<i32>(1025);
  items: StaticArray<i32> = new StaticArray<i32>(0);
  maxLength: i32 = 0;
  constructor(keywords: string[]) {
    const counts = new StaticArray<i32>(1024);
    for (let pass = 0; pass < 2; pass++) {
      // pass 0 counts the entries of each bucket; pass 1 fills them (counts[] then holds the next free slot)
      if (pass == 1) {
        let total = 0;
        for (let b = 0; b < 1024; b++) {
          unchecked(this.start[b] = total);
          total += unchecked(counts[b]);
          unchecked(counts[b] = unchecked(this.start[b]));
        }
        unchecked(this.start[1024] = total);
        this.items = new StaticArray<i32>(total);
      }
      for (let k = 0; k < keywords.length; k++) {
        const kw = unchecked(keywords[k]);
        if (kw.length == 0) continue;
        if (kw.length > this.maxLength) this.maxLength = kw.length;
        const f = fold(unitAt(kw, 0));
        if (kw.length == 1 || unitAt(kw, 1) == 0x2a) {
          // one-letter keyword or "x*": any second unit
          for (let g = 0; g < 32; g++) this.add(counts, pass, bucketOf(f, g), k);
        } else {
          let g = fold(unitAt(kw, 1));
          if (g == 0x20) {
            for (let h = 0; h < 32; h++) if (isSpaceKey(h)) this.add(counts, pass, bucketOf(f, h), k);
          } else this.add(counts, pass, bucketOf(f, g), k);
        }
      }
    }
  }

  private add(counts: StaticArray<i32>, pass: i32, bucket: i32, k: i32): void {
    if (pass == 0) unchecked(counts[bucket] = unchecked(counts[bucket]) + 1);
    else {
      const at = unchecked(counts[bucket]);
      unchecked(this.items[at] = k);
      unchecked(counts[bucket] = at + 1);
    }
  }
}

// @ts-ignore: decorator
@inline function bucketOf(f: i32, g: i32): i32 {
  return ((f & 31) << 5) | (g & 31);
}

/** Keys (low 5 bits) of the whitespace units a space in a keyword may match. */
function isSpaceKey(h: i32): bool {
  return h == (0x20 & 31) || h == (0x0a & 31) || h == (0x0d & 31) || h == (0x09 & 31) || h == (0xa0 & 31)
    || h == (0x0b & 31) || h == (0x0c & 31) || h == (0x2007 & 31) || h == (0x202f & 31) || h == (0x2028 & 31)
    || h == (0x2029 & 31) || h == (0x3000 & 31) || h == (0x85 & 31) || (h >= (0x2000 & 31) && h <= (0x200a & 31));
}

// @ts-ignore: decorator
@inline function bucketAt(text: string, s: i32, fc: i32): i32 {
  const g = s + 1 < text.length ? fold(unitAt(text, s + 1)) : 0;
  return bucketOf(fc, g);
}

const indexes = new Map<usize, KeywordIndex>();

function indexOf(keywords: string[]): KeywordIndex {
  const key = changetype<usize>(keywords);
  if (indexes.has(key)) return indexes.get(key);
  const idx = new KeywordIndex(keywords);
  indexes.set(key, idx);
  return idx;
}

/**
 * Looks for one of `keywords` (whole words, case/accent-insensitive; a trailing '*' in a keyword allows any
 * word continuation, e.g. "prontu*") ending within `window` code units before `pos`. Returns the index of the
 * nearest keyword found (the one ending closest to `pos`), or -1. Sets `keywordStart`/`keywordEnd`.
 * The keyword array must not change after its first use (an index of it is cached).
 */
export function findKeywordBefore(text: string, pos: i32, window: i32, keywords: string[]): i32 {
  const from = pos - window < 0 ? 0 : pos - window;
  const index = indexOf(keywords);
  let best = -1;
  let bestEnd = -1;
  let bestStart = -1;
  for (let s = pos - 1; s >= from; s--) {
    const c = unitAt(text, s);
    if (!isWordChar(c) || !isWordStart(text, s)) continue;
    const fc = fold(c);
    const bi = bucketAt(text, s, fc);
    const items = index.items;
    for (let b = unchecked(index.start[bi]), nb = unchecked(index.start[bi + 1]); b < nb; b++) {
      const k = unchecked(items[b]);
      const e = matchKeyword(text, s, unchecked(keywords[k]), fc);
      if (e < 0 || e > pos) continue;
      if (e > bestEnd) { best = k; bestEnd = e; bestStart = s; }
    }
    // a keyword starting further left could still end closer to pos only if it is long
    if (best >= 0 && s + index.maxLength + 4 < bestEnd) break;
  }
  if (best >= 0) { keywordStart = bestStart; keywordEnd = bestEnd; }
  return best;
}

/** Like `findKeywordBefore` but for keywords starting within `window` units after `pos`; nearest first. */
export function findKeywordAfter(text: string, pos: i32, window: i32, keywords: string[]): i32 {
  const n = text.length;
  const to = pos + window > n ? n : pos + window;
  const index = indexOf(keywords);
  for (let s = pos < 0 ? 0 : pos; s < to; s++) {
    const c = unitAt(text, s);
    if (!isWordChar(c) || !isWordStart(text, s)) continue;
    const fc = fold(c);
    const bi = bucketAt(text, s, fc);
    const items = index.items;
    for (let b = unchecked(index.start[bi]), nb = unchecked(index.start[bi + 1]); b < nb; b++) {
      const k = unchecked(items[b]);
      const e = matchKeyword(text, s, unchecked(keywords[k]), fc);
      if (e >= 0) { keywordStart = s; keywordEnd = e; return k; }
    }
  }
  return -1;
}

function matchKeyword(text: string, s: i32, kw: string, firstFolded: i32): i32 {
  const m = kw.length;
  if (m == 0 || fold(unitAt(kw, 0)) != firstFolded) return -1;
  const prefix = unitAt(kw, m - 1) == 0x2a;
  if (prefix) {
    const e = matchFoldLen(text, s, kw, m - 1);
    if (e < 0) return -1;
    let q = e;
    while (q < text.length && isWordChar(unitAt(text, q))) q++;
    return q;
  }
  const e = matchFold(text, s, kw);
  if (e < 0 || !isWordEnd(text, e)) return -1;
  return e;
}
