// Accent- and case-insensitive multiword term matching over a tokenised text.
// Shared by the health-data and special-categories plugins (imported by relative path).
// Offsets are UTF-16 code units of the original text (AssemblyScript strings are UTF-16).

/**
 * A detection before it is written out. The Portuguese reason is built only when the output is written
 * (from `kind`, `detail` and the text), so that a document with thousands of findings fits in memory.
 */
export class Hit {
  constructor(
    public type: string,
    public start: i32,
    public end: i32,
    public confidence: f64,
    public validated: bool,
    /** Plugin-defined reason template. */
    public kind: i32 = 0,
    /** Plugin-defined detail for the template. */
    public detail: i32 = 0,
  ) {}
}

/** Lower-case, accent-stripped form of one UTF-16 code unit (Latin-1 and common Latin Extended-A). */
@inline export function foldChar(c: i32): i32 {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  return foldCharAbove(c);
}

/** foldChar for c >= 0x80. */
function foldCharAbove(c: i32): i32 {
  if (c >= 0xc0 && c <= 0xff) {
    if (c <= 0xc5 || (c >= 0xe0 && c <= 0xe5)) return 0x61; // a
    if (c == 0xc7 || c == 0xe7) return 0x63; // c
    if ((c >= 0xc8 && c <= 0xcb) || (c >= 0xe8 && c <= 0xeb)) return 0x65; // e
    if ((c >= 0xcc && c <= 0xcf) || (c >= 0xec && c <= 0xef)) return 0x69; // i
    if (c == 0xd1 || c == 0xf1) return 0x6e; // n
    if ((c >= 0xd2 && c <= 0xd6) || (c >= 0xf2 && c <= 0xf6) || c == 0xd8 || c == 0xf8) return 0x6f; // o
    if ((c >= 0xd9 && c <= 0xdc) || (c >= 0xf9 && c <= 0xfc)) return 0x75; // u
    if (c == 0xdd || c == 0xfd || c == 0xff) return 0x79; // y
    return c;
  }
  return c;
}

/** Combining diacritical marks (text in NFD form): part of the word, ignored when comparing. */
@inline export function isCombining(c: i32): bool {
  return c >= 0x300 && c <= 0x36f;
}

/** Letter or digit after folding (a-z, 0-9, or any other letter above Latin-1 we do not fold). */
@inline export function isWordChar(c: i32): bool {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return isWordCharAbove(c);
}

/** isWordChar for c >= 0x80. */
function isWordCharAbove(c: i32): bool {
  const f = foldChar(c);
  if ((f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39)) return true;
  if (isCombining(c)) return true;
  // Latin Extended / Greek letters we do not fold (rare in Portuguese text)
  if (c >= 0x100 && c <= 0x24f) return true;
  return false;
}

export function isDigitChar(c: i32): bool {
  return c >= 0x30 && c <= 0x39;
}

export function isUpperAscii(c: i32): bool {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * OCR look-alikes inside words: "L0SARTANA", "HlDR0CL0R0TlAZlDA", "c1ozapina". Returns a copy of text[0, to)
 * where, inside words that look misread (digits 0/1 among at least three letters, or a lower-case "l" in an
 * otherwise upper-case word), 0 → O and 1/l → I; every other character is unchanged, so offsets stay valid.
 * Returns "" when no word of text[from, to) looks misread.
 */
export function ocrNormalised(text: string, from: i32, to: i32): string {
  const n = to < 0 || to > text.length ? text.length : to;
  let codes: i32[] = [];
  let changed = false;
  let i = from;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) { i++; continue; }
    const s = i;
    let upper = 0, lower = 0, ells = 0, ocrDigits = 0, otherDigits = 0;
    while (i < n && isWordChar(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a) { if (c == 0x6c) ells++; lower++; } // most units: a-z first
      else if (c == 0x30 || c == 0x31) ocrDigits++;
      else if (c >= 0x32 && c <= 0x39) otherDigits++;
      else if (isUpperAscii(c) || (c >= 0xc0 && c <= 0xde)) upper++;
      else lower++;
      i++;
    }
    const letters = upper + lower;
    const digitsMisread = ocrDigits > 0 && otherDigits == 0 && letters >= 3 && !isDigitChar(text.charCodeAt(s));
    const ellsMisread = ells > 0 && ells == lower && upper >= 3;
    if (!digitsMisread && !ellsMisread) continue;
    if (!changed) {
      changed = true;
      codes = new Array<i32>(n);
      for (let k = 0; k < n; k++) unchecked(codes[k] = text.charCodeAt(k));
    }
    const up = upper >= lower;
    for (let k = s; k < i; k++) {
      const c = text.charCodeAt(k);
      if (c == 0x30) unchecked(codes[k] = up ? 0x4f : 0x6f);
      else if (c == 0x31 || (c == 0x6c && ellsMisread)) unchecked(codes[k] = up ? 0x49 : 0x69);
    }
  }
  if (!changed) return "";
  return String.fromCharCodes(codes);
}

/** Folded copy of a string (same length; combining marks removed, so length may shrink). */
export function foldString(s: string): string {
  return foldRange(s, 0, s.length);
}

/** Folded copy of s[from, to) (combining marks removed), written straight into the new string. */
function foldRange(s: string, from: i32, to: i32): string {
  let m = 0;
  for (let i = from; i < to; i++) if (!isCombining(s.charCodeAt(i))) m++;
  const out = changetype<string>(__new(<usize>m << 1, idof<string>()));
  const p = changetype<usize>(out);
  let k: usize = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isCombining(c)) continue;
    store<u16>(p + (k << 1), <u16>foldChar(c));
    k++;
  }
  return out;
}

/** Same result as s.indexOf(search, start); tests the first unit before comparing the rest (no call per position). */
export function indexOfFrom(s: string, search: string, start: i32 = 0): i32 {
  const m = search.length;
  if (m == 0) return 0;
  const len = s.length;
  if (len == 0) return -1;
  let i = start < 0 ? 0 : (start > len ? len : start);
  const f = search.charCodeAt(0);
  for (const last = len - m; i <= last; i++) {
    if (s.charCodeAt(i) != f) continue;
    let k = 1;
    while (k < m && s.charCodeAt(i + k) == search.charCodeAt(k)) k++;
    if (k == m) return i;
  }
  return -1;
}

/** Same result as s.lastIndexOf(search); tests the first unit before comparing the rest. */
export function lastIndexOfStr(s: string, search: string): i32 {
  const m = search.length;
  const len = s.length;
  if (m == 0) return len;
  if (len == 0) return -1;
  const f = search.charCodeAt(0);
  for (let i = len - m; i >= 0; i--) {
    if (s.charCodeAt(i) != f) continue;
    let k = 1;
    while (k < m && s.charCodeAt(i + k) == search.charCodeAt(k)) k++;
    if (k == m) return i;
  }
  return -1;
}

/** FNV-1a hash of folded characters (combining marks skipped). */
@inline function hashStep(h: u32, c: i32): u32 {
  return (h ^ <u32>c) * 16777619;
}

/** The words of a text with their offsets; folded forms are compared in place (no per-token strings). */
export class Tokens {
  starts: i32[] = [];
  ends: i32[] = [];
  hashes: u32[] = [];
  /** Hash of the token without a final "s" (a plural: "escaras" → "escara"), or 0 when it does not end in "s". */
  singular: u32[] = [];
  /** Tokenises text[from, to) (to < 0: the end); offsets stay relative to the whole text. */
  constructor(public text: string, from: i32 = 0, to: i32 = -1) {
    const n = to < 0 || to > text.length ? text.length : to;
    // room for the usual number of words up front, written in place (grown by doubling if a text needs more)
    let room = (n > from ? (n - from) / 5 : 0) + 16;
    const starts = new Array<i32>(room), ends = new Array<i32>(room);
    const hashes = new Array<u32>(room), singular = new Array<u32>(room);
    let count = 0;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c) || isCombining(c)) { i++; continue; }
      const s = i;
      let h: u32 = 2166136261;
      let before: u32 = 0;
      let last = 0;
      let units = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        if (!isCombining(d)) { before = h; last = foldChar(d); h = hashStep(h, last); units++; }
        i++;
      }
      if (count == room) {
        room <<= 1;
        starts.length = room; ends.length = room; hashes.length = room; singular.length = room;
      }
      unchecked(starts[count] = s);
      unchecked(ends[count] = i);
      unchecked(hashes[count] = h);
      unchecked(singular[count] = units >= 5 && last == 0x73 ? before : 0);
      count++;
    }
    starts.length = count; ends.length = count; hashes.length = count; singular.length = count;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
    this.singular = singular;
  }
  get length(): i32 { return this.starts.length; }
  /** Original (unfolded) text of token i. */
  raw(i: i32): string { return this.text.substring(this.starts[i], this.ends[i]); }
  /** Folded text of token i (allocates; for setup and rare checks). */
  key(i: i32): string { return foldString(this.raw(i)); }
  /** True when token i, folded, equals `key` (already folded). */
  is(i: i32, key: string): bool {
    const text = this.text;
    let p = this.starts[i];
    const e = this.ends[i];
    let k = 0;
    const kn = key.length;
    while (p < e) {
      const c = text.charCodeAt(p++);
      if (isCombining(c)) continue;
      if (k >= kn || foldChar(c) != key.charCodeAt(k)) return false;
      k++;
    }
    return k == kn;
  }
  /** True when token i equals `raw` exactly (case-sensitive). */
  isExact(i: i32, raw: string): bool {
    const len = this.ends[i] - this.starts[i];
    if (len != raw.length) return false;
    const text = this.text;
    const s = this.starts[i];
    for (let k = 0; k < len; k++) if (text.charCodeAt(s + k) != raw.charCodeAt(k)) return false;
    return true;
  }
  /** True when token i, folded, is `key` + "s" (a plural). */
  isPluralOf(i: i32, key: string): bool {
    const text = this.text;
    let p = this.starts[i];
    const e = this.ends[i];
    let k = 0;
    const kn = key.length;
    while (p < e) {
      const c = text.charCodeAt(p++);
      if (isCombining(c)) continue;
      const f = foldChar(c);
      if (k == kn) return f == 0x73 && p == e;
      if (f != key.charCodeAt(k)) return false;
      k++;
    }
    return false;
  }
  /** True when token i is one of the folded keys. */
  isAny(i: i32, keys: string[]): bool {
    if (i < 0 || i >= this.starts.length) return false;
    for (let k = 0; k < keys.length; k++) if (this.is(i, keys[k])) return true;
    return false;
  }
  /** First token index whose start is >= offset (binary search). */
  indexAt(offset: i32): i32 {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}

export function hashKey(key: string): u32 {
  let h: u32 = 2166136261;
  for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
  return h;
}

/** True when the characters between two tokens of one term may join them (spaces, hyphen, slash, apostrophe). */
export function joinable(text: string, from: i32, to: i32): bool {
  if (to - from > 4) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c == 0x0a) { newlines++; if (newlines > 1) return false; continue; }
    if (c == 0x20 || c == 0x09 || c == 0x0d || c == 0xa0 || c == 0x2d || c == 0x2f || c == 0x27 || c == 0x2019 || c == 0x2010 || c == 0x2013) continue;
    return false;
  }
  return true;
}

/** Expands "{a|b}" groups (nested groups not supported; an empty alternative makes the group optional). */
export function expandTerm(s: string, out: string[]): void {
  const open = s.indexOf("{");
  if (open < 0) {
    out.push(normalizeSpaces(s));
    return;
  }
  const close = s.indexOf("}", open);
  const alts = s.substring(open + 1, close).split("|");
  const head = s.substring(0, open);
  const tail = s.substring(close + 1);
  for (let i = 0; i < alts.length; i++) expandTerm(head + alts[i] + tail, out);
}

function normalizeSpaces(s: string): string {
  const parts = s.split(" ");
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i++) if (parts[i].length > 0) kept.push(parts[i]);
  return kept.join(" ");
}

const codeBuf: i32[] = [];

/** Shared copies of dictionary words ("de", "doenca"… appear in hundreds of terms). */
let interned: Map<string, string> | null = null;

function internKey(k: string): string {
  if (interned == null) return k;
  const m = interned!;
  if (m.has(k)) return m.get(k);
  m.set(k, k);
  return k;
}

/** Starts sharing identical dictionary words between terms (call before building dictionaries). */
export function beginInterning(): void {
  // the words are shared in wordChars (storeWord); the term's key strings themselves are setup garbage
  if (wordOffsets == null) wordOffsets = new Map<string, i32>();
}
/** Drops the sharing table (the words stay shared); collect afterwards to free it. */
export function endInterning(): void { interned = null; wordOffsets = null; }

/** Splits a term into folded word keys (same tokenisation as the text) and, if asked, the raw words. */
export function splitTerm(term: string, keys: string[], raw: string[] | null): void {
  const n = term.length;
  let i = 0;
  while (i < n) {
    const c = term.charCodeAt(i);
    if (!isWordChar(c) || isCombining(c)) { i++; continue; }
    const s = i;
    codeBuf.length = 0;
    while (i < n) {
      const d = term.charCodeAt(i);
      if (!isWordChar(d)) break;
      if (!isCombining(d)) codeBuf.push(foldChar(d));
      i++;
    }
    keys.push(internKey(String.fromCharCodes(codeBuf)));
    if (raw != null) raw.push(term.substring(s, i));
  }
}

/** Splits a term into folded word keys (same tokenisation as the text). */
export function termKeys(term: string): string[] {
  const t = new Tokens(term);
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) out.push(t.key(i));
  return out;
}

const NO_EXACT: string[] = [];

// The dictionaries live in a few flat arrays rather than one object per term: the "minimal" runtime's
// collector visits every live object at each collection (several per call), and thousands of entries,
// word arrays and index buckets used to cost more than the matching itself.

/** Characters of every dictionary word (folded keys, and the raw words of case-exact terms), shared by all lexicons. */
const wordChars: u16[] = [];
/** While interning (setup): offset in wordChars of each word already stored. */
let wordOffsets: Map<string, i32> | null = null;

/** Offset in wordChars of `w` (stored once while interning). */
function storeWord(w: string): i32 {
  if (wordOffsets != null && wordOffsets!.has(w)) return wordOffsets!.get(w);
  const off = wordChars.length;
  for (let k = 0; k < w.length; k++) wordChars.push(<u16>w.charCodeAt(k));
  if (wordOffsets != null) wordOffsets!.set(w, off);
  return off;
}

/** The stored word at [off, off + len) as a string (allocates; for the rare callers of Entry.keys/exact). */
function wordString(off: i32, len: i32): string {
  return String.UTF16.decodeUnsafe(wordChars.dataStart + (<usize>off << 1), <usize>len << 1);
}

/** True when token i, folded, equals the stored word at [off, off + len) (as Tokens.is). */
function tokenIsWord(tokens: Tokens, i: i32, off: i32, len: i32): bool {
  const text = tokens.text;
  let p = unchecked(tokens.starts[i]);
  const e = unchecked(tokens.ends[i]);
  const base = wordChars.dataStart + (<usize>off << 1);
  let k = 0;
  while (p < e) {
    const c = text.charCodeAt(p++);
    if (isCombining(c)) continue;
    if (k >= len || foldChar(c) != <i32>load<u16>(base + (<usize>k << 1))) return false;
    k++;
  }
  return k == len;
}

/** True when token i, folded, is the stored word + "s" (as Tokens.isPluralOf). */
function tokenIsPluralOfWord(tokens: Tokens, i: i32, off: i32, len: i32): bool {
  const text = tokens.text;
  let p = unchecked(tokens.starts[i]);
  const e = unchecked(tokens.ends[i]);
  const base = wordChars.dataStart + (<usize>off << 1);
  let k = 0;
  while (p < e) {
    const c = text.charCodeAt(p++);
    if (isCombining(c)) continue;
    const f = foldChar(c);
    if (k == len) return f == 0x73 && p == e;
    if (f != <i32>load<u16>(base + (<usize>k << 1))) return false;
    k++;
  }
  return false;
}

/** True when token i equals the stored raw word exactly (as Tokens.isExact). */
function tokenIsExactWord(tokens: Tokens, i: i32, off: i32, len: i32): bool {
  const s = unchecked(tokens.starts[i]);
  if (unchecked(tokens.ends[i]) - s != len) return false;
  const text = tokens.text;
  const base = wordChars.dataStart + (<usize>off << 1);
  for (let k = 0; k < len; k++) if (text.charCodeAt(s + k) != <i32>load<u16>(base + (<usize>k << 1))) return false;
  return true;
}

/** A StaticArray of n × -1. */
function emptySlots(n: i32): StaticArray<i32> {
  const a = new StaticArray<i32>(n);
  for (let k = 0; k < n; k++) unchecked(a[k] = -1);
  return a;
}

/** A dictionary term (a view of its lexicon's flat tables, made for a match). */
export class Entry {
  constructor(public lexicon: Lexicon, public id: i32) {}
  /** Caller-defined tag given to Lexicon.add. */
  get kind(): i32 { return this.lexicon.kindOf(this.id); }
  /** Folded word keys of the term (allocates). */
  get keys(): string[] { return this.lexicon.wordsOf(this.id, false); }
  /** Original words when the term must match case exactly (acronyms), else empty (allocates). */
  get exact(): string[] { return this.lexicon.wordsOf(this.id, true); }
}

export class Match {
  constructor(public start: i32, public end: i32, public firstToken: i32, public lastToken: i32, public entry: Entry) {}
}

/**
 * A dictionary of multiword terms. Lines of `list` are terms; "{a|b}" groups expand; a leading "="
 * makes the term case-sensitive (for acronyms such as HAS or HSH). `kind` is a caller-defined tag.
 */
export class Lexicon {
  /** Per entry: kind, word count n, exact flag, n × (offset, length, hash) of the folded keys, then, if exact, n × (offset, length) of the raw words. */
  data: i32[] = [];
  /** Start of each entry in `data`. */
  entryAt: i32[] = [];
  /** Next entry with the same first-word hash (insertion order), -1 at the end. */
  nextSame: i32[] = [];
  /** Open-addressing index: hash of the first word → first and last entry of its chain (-1: empty slot). */
  slotHash: StaticArray<u32> = new StaticArray<u32>(64);
  slotHead: StaticArray<i32> = emptySlots(64);
  slotTail: StaticArray<i32> = emptySlots(64);
  slotsUsed: i32 = 0;
  /**
   * One bit per value of the low 14 bits of this lexicon's first-word hashes: a token whose bit is clear
   * starts no term here, and most tokens are rejected with this one load instead of a hash-table probe.
   */
  firstWordBits: StaticArray<u8> = new StaticArray<u8>(2048);

  @inline private mayStartTerm(h: u32): bool {
    return (<u32>unchecked(this.firstWordBits[<i32>((h >> 3) & 0x7ff)]) & (<u32>1 << (h & 7))) != 0;
  }

  add(list: string, kind: i32): void {
    const lines = list.split("\n");
    for (let l = 0; l < lines.length; l++) {
      let line = lines[l].trim();
      if (line.length == 0 || line.charCodeAt(0) == 0x23) continue; // '#' comment
      let exact = false;
      if (line.charCodeAt(0) == 0x3d) { exact = true; line = line.substring(1); }
      const terms: string[] = [];
      expandTerm(line, terms);
      for (let t = 0; t < terms.length; t++) this.addTerm(terms[t], kind, exact);
    }
  }

  addTerm(term: string, kind: i32, exact: bool): void {
    const keys: string[] = [];
    const exactTokens: string[] = exact ? [] : NO_EXACT;
    splitTerm(term, keys, exact ? exactTokens : null);
    if (keys.length == 0) return;
    const id = this.entryAt.length;
    const d = this.data;
    this.entryAt.push(d.length);
    this.nextSame.push(-1);
    d.push(kind);
    d.push(keys.length);
    d.push(exact ? 1 : 0);
    for (let k = 0; k < keys.length; k++) { d.push(storeWord(keys[k])); d.push(keys[k].length); d.push(<i32>hashKey(keys[k])); }
    if (exact) for (let k = 0; k < exactTokens.length; k++) { d.push(storeWord(exactTokens[k])); d.push(exactTokens[k].length); }
    const h = hashKey(keys[0]);
    const bit = <i32>((h >> 3) & 0x7ff);
    this.firstWordBits[bit] = this.firstWordBits[bit] | <u8>(<u32>1 << (h & 7));
    const slot = this.slotOf(h);
    if (this.slotHead[slot] < 0) {
      this.slotHash[slot] = h;
      this.slotHead[slot] = id;
      this.slotTail[slot] = id;
      this.slotsUsed++;
      if (this.slotsUsed * 2 > this.slotHash.length) this.rehash();
    } else {
      this.nextSame[this.slotTail[slot]] = id;
      this.slotTail[slot] = id;
    }
  }

  /** Slot of hash h: the one holding it, or the empty slot where it goes. */
  private slotOf(h: u32): i32 {
    const mask = this.slotHash.length - 1;
    let s = <i32>(h & <u32>mask);
    while (unchecked(this.slotHead[s]) >= 0 && unchecked(this.slotHash[s]) != h) s = (s + 1) & mask;
    return s;
  }

  private rehash(): void {
    const oldHash = this.slotHash, oldHead = this.slotHead, oldTail = this.slotTail;
    const size = oldHash.length << 1;
    this.slotHash = new StaticArray<u32>(size);
    this.slotHead = emptySlots(size);
    this.slotTail = emptySlots(size);
    for (let k = 0; k < oldHash.length; k++) {
      if (oldHead[k] < 0) continue;
      const s = this.slotOf(oldHash[k]);
      this.slotHash[s] = oldHash[k];
      this.slotHead[s] = oldHead[k];
      this.slotTail[s] = oldTail[k];
    }
  }

  kindOf(id: i32): i32 { return this.data[this.entryAt[id]]; }

  /** The folded keys (or, with `exact`, the raw words of a case-exact term; empty otherwise) of entry id. */
  wordsOf(id: i32, exact: bool): string[] {
    const d = this.data;
    const at = this.entryAt[id];
    const n = d[at + 1];
    const out: string[] = [];
    if (exact && d[at + 2] == 0) return out;
    const base = at + 3 + (exact ? 3 * n : 0);
    const step = exact ? 2 : 3;
    for (let k = 0; k < n; k++) out.push(wordString(d[base + step * k], d[base + step * k + 1]));
    return out;
  }

  /**
   * Longest entry matching at token i, or null. Failing that, the plural of a term: every word may carry a
   * final "s" ("crises convulsivas", "escaras"); terms matched case-exactly (acronyms) have no plural.
   */
  matchAt(tokens: Tokens, i: i32): Match | null {
    const hs = tokens.hashes;
    const inRange = <u32>i < <u32>hs.length;
    const h = inRange ? unchecked(hs[i]) : hs[i]; // (the checked read throws as before when out of range)
    const m = this.mayStartTerm(h) ? this.matchKey(tokens, i, h, false) : null;
    const single = unchecked(tokens.singular[i]);
    if (m != null || single == 0 || !this.mayStartTerm(single)) return m;
    return this.matchKey(tokens, i, single, true);
  }

  private matchKey(tokens: Tokens, i: i32, key: u32, plural: bool): Match | null {
    const slot = this.slotOf(key);
    let id = unchecked(this.slotHead[slot]);
    if (id < 0) return null;
    const d = this.data;
    const count = tokens.length;
    let bestId = -1, bestEnd = 0, bestLast = 0;
    for (; id >= 0; id = unchecked(this.nextSame[id])) {
      const at = unchecked(this.entryAt[id]);
      const n = unchecked(d[at + 1]);
      if (i + n > count) continue;
      const exact = unchecked(d[at + 2]) != 0;
      if (plural && exact) continue;
      let ok = true;
      for (let j = 0; j < n; j++) {
        const ti = i + j;
        const off = unchecked(d[at + 3 + 3 * j]), len = unchecked(d[at + 4 + 3 * j]), wh = <u32>unchecked(d[at + 5 + 3 * j]);
        // the token's hash (or, for a plural, its hash without the final "s") must be the word's: cheap rejection
        const same = unchecked(tokens.hashes[ti]) == wh && tokenIsWord(tokens, ti, off, len);
        if (!same && !(plural && len >= 4 && unchecked(tokens.singular[ti]) == wh && tokenIsPluralOfWord(tokens, ti, off, len))) { ok = false; break; }
        if (exact && !tokenIsExactWord(tokens, ti, unchecked(d[at + 3 + 3 * n + 2 * j]), unchecked(d[at + 4 + 3 * n + 2 * j]))) { ok = false; break; }
        if (j > 0 && !joinable(tokens.text, unchecked(tokens.ends[ti - 1]), unchecked(tokens.starts[ti]))) { ok = false; break; }
      }
      if (!ok) continue;
      const end = unchecked(tokens.ends[i + n - 1]);
      if (bestId < 0 || end > bestEnd) { bestId = id; bestEnd = end; bestLast = i + n - 1; }
    }
    if (bestId < 0) return null;
    return new Match(tokens.starts[i], bestEnd, i, bestLast, new Entry(this, bestId));
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: Tokens): Match[] {
    const out: Match[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.matchAt(tokens, i);
      if (m != null) { out.push(m); i = m.lastToken + 1; } else i++;
    }
    return out;
  }
}

/** Folded text of the `before` characters preceding `pos` (same line only when sameLine). */
export function foldedBefore(text: string, pos: i32, before: i32, sameLine: bool): string {
  let s = pos - before;
  if (s < 0) s = 0;
  if (sameLine) {
    for (let i = pos - 1; i >= s; i--) if (text.charCodeAt(i) == 0x0a) { s = i + 1; break; }
  }
  return foldRange(text, s, pos);
}

export function foldedAfter(text: string, pos: i32, after: i32, sameLine: bool): string {
  let e = pos + after;
  if (e > text.length) e = text.length;
  if (sameLine) {
    for (let i = pos; i < e; i++) if (text.charCodeAt(i) == 0x0a) { e = i; break; }
  }
  return foldRange(text, pos, e);
}

/** Removes overlapping hits: earlier start first; on overlap keeps the higher priority, then the longer one. */
export function resolveOverlaps(hits: Hit[], priority: (t: string) => i32): Hit[] {
  const sorted = hits.slice(0);
  sorted.sort((a: Hit, b: Hit): i32 => a.start != b.start ? a.start - b.start : b.end - a.end);
  const out: Hit[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i];
    if (out.length > 0) {
      const last = out[out.length - 1];
      if (h.start < last.end) {
        const ph = priority(h.type), pl = priority(last.type);
        if (ph > pl || (ph == pl && h.end - h.start > last.end - last.start)) out[out.length - 1] = h;
        continue;
      }
    }
    out.push(h);
  }
  return out;
}

/**
 * End of the chunk that starts at `from`: about `size` characters, cut after a line break (or a space)
 * so that terms are not split.
 */
export function chunkEnd(text: string, from: i32, size: i32): i32 {
  const n = text.length;
  if (n - from <= size) return n;
  const to = from + size;
  const half = from + (size >> 1);
  for (let i = to; i > half; i--) if (text.charCodeAt(i - 1) == 0x0a) return i;
  for (let i = to; i > half; i--) if (text.charCodeAt(i - 1) == 0x20) return i;
  return to;
}

/**
 * Runs `detectChunk(from, to)` over `text` in chunks of about `size` characters (see chunkEnd). With `collect`,
 * garbage is collected after each chunk: the detector keeps what it found in module globals meanwhile.
 */
export function forEachChunk(text: string, size: i32, collect: bool, detectChunk: (from: i32, to: i32) => void): void {
  let from = 0;
  while (from < text.length) {
    const to = chunkEnd(text, from, size);
    detectChunk(from, to);
    if (collect) __collect();
    from = to;
  }
}

// ---------------------------------------------------------------- delimited tables (CSV, TSV)

/** A cell of a table column the caller asked for. */
export class Cell {
  constructor(public column: i32, public start: i32, public end: i32) {}
}

function lineEnd(text: string, from: i32): i32 {
  const i = text.indexOf("\n", from);
  return i < 0 ? text.length : i;
}

function countChar(text: string, from: i32, to: i32, c: i32): i32 {
  let n = 0;
  let quoted = false;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i);
    if (d == 0x22) quoted = !quoted;
    else if (d == c && !quoted) n++;
  }
  return n;
}

/** Header cell folded to words ("Raça/Cor" → "raca cor"). */
function headerKey(text: string, s: i32, e: i32): string {
  const codes: i32[] = [];
  let space = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isCombining(c)) continue;
    // "cid_principal", "dt_nasc": an underscore separates words in exported headers
    if (isWordChar(c) && c != 0x5f) {
      if (space && codes.length > 0) codes.push(0x20);
      space = false;
      codes.push(foldChar(c));
    } else space = true;
  }
  return String.fromCharCodes(codes);
}

/** Delimiter and wanted columns of a delimited table. */
export class TableLayout {
  constructor(public delim: i32, public kinds: i32[], public firstRow: i32) {}
}

/**
 * The layout of the text as a delimited table (CSV/TSV), when its first line has a delimiter (";", tab
 * or ",") repeated as often on the next line and `columnKind` maps some header to a non-zero kind.
 */
export function tableLayout(text: string, columnKind: (header: string) => i32): TableLayout | null {
  let hs = 0;
  const n = text.length;
  while (hs < n && (text.charCodeAt(hs) == 0x0a || text.charCodeAt(hs) == 0x0d || text.charCodeAt(hs) == 0xfeff)) hs++;
  const he = lineEnd(text, hs);
  const cands: i32[] = [0x3b, 0x09, 0x2c];
  let delim = 0, best = 0;
  for (let k = 0; k < cands.length; k++) {
    const c = countChar(text, hs, he, cands[k]);
    if (c > best) { best = c; delim = cands[k]; }
  }
  if (best < 1) return null;
  const secondStart = he + 1;
  if (secondStart >= n || countChar(text, secondStart, lineEnd(text, secondStart), delim) != best) return null;
  const kinds: i32[] = [];
  let any = false;
  let s = hs;
  for (let i = hs; i <= he; i++) {
    if (i == he || text.charCodeAt(i) == delim) {
      let e = i;
      if (e > s && text.charCodeAt(e - 1) == 0x0d) e--;
      const k = columnKind(headerKey(text, s, e));
      kinds.push(k);
      if (k != 0) any = true;
      s = i + 1;
    }
  }
  return any ? new TableLayout(delim, kinds, he + 1) : null;
}

/** Cells of the wanted columns in the rows that start in [from, to). */
export function tableCells(text: string, layout: TableLayout, from: i32, to: i32): Cell[] {
  const out: Cell[] = [];
  const n = text.length;
  const delim = layout.delim, kinds = layout.kinds;
  let ls = from < layout.firstRow ? layout.firstRow : from;
  // rows start after a line break
  if (ls > layout.firstRow && text.charCodeAt(ls - 1) != 0x0a) ls = lineEnd(text, ls) + 1;
  while (ls < to && ls < n) {
    const le = lineEnd(text, ls);
    let col = 0;
    let cs = ls;
    let quoted = false;
    for (let i = ls; i <= le; i++) {
      const c = i < le ? text.charCodeAt(i) : -1;
      if (c == 0x22) { quoted = !quoted; continue; }
      if (i == le || (c == delim && !quoted)) {
        if (col < kinds.length && kinds[col] != 0) {
          let a = cs, b = i;
          while (a < b && (text.charCodeAt(a) == 0x20 || text.charCodeAt(a) == 0x22)) a++;
          while (b > a && (text.charCodeAt(b - 1) == 0x20 || text.charCodeAt(b - 1) == 0x22 || text.charCodeAt(b - 1) == 0x0d)) b--;
          if (b > a) out.push(new Cell(kinds[col], a, b));
        }
        col++;
        cs = i + 1;
      }
    }
    ls = le + 1;
  }
  return out;
}
