// Person-name detector. One streaming pass splits the text into word tokens (kept per paragraph in fixed
// buffers), groups capitalised words joined by single spaces and name particles (da, de, dos…) into runs, and
// accepts a run as a name when a cue says so (Paciente:, Dra., mãe, "…, portador do CPF", a chat speaker, a
// "nome" table column) or when the dictionary of Brazilian given names and surnames does. Runs left undecided
// are kept (as word ranges) and accepted at the end when they are partial mentions ("Ana Laura" after or
// before "Ana Laura Lins Reis") of names accepted in the pass.
import { Finding, unitAt, isLetter, isDigit, isSpace, isDash, matchFold } from "../../sdk/assembly";
import { headerColumns, lineContains, scanLine } from "../../sdk/assembly/table";
import { Dict, foldHash, HashSet } from "./dict";
import {
  GIVEN_NAMES, SURNAMES, CUE_WORDS, TITLES, ARTICLES, PARTICLES, PLACE_WORDS, EPONYM_HEADS, EPONYMS,
  STOP_WORDS, PLACE_NAMES, FOLLOW_WORDS, NAME_HEADERS, AMBIGUOUS_GIVEN,
} from "./names-data";

// Dictionary flags.
const D_GIVEN = 1;
const D_SURN = 2;
const D_CUE = 4;
const D_TITLE = 8;
const D_ARTICLE = 16;
const D_PART = 32;
const D_PLACE = 64;
const D_EPOHEAD = 128;
const D_EPONYM = 256;
const D_STOP = 512;
const D_PLACENAME = 1024;
const D_FOLLOW = 2048;
const D_HEADER = 4096;
const D_AMBIG = 8192;

const WORDS = new Dict(
  [GIVEN_NAMES, SURNAMES, CUE_WORDS, TITLES, ARTICLES, PARTICLES, PLACE_WORDS, EPONYM_HEADS, EPONYMS, STOP_WORDS, PLACE_NAMES, FOLLOW_WORDS, NAME_HEADERS, AMBIGUOUS_GIVEN],
  [D_GIVEN, D_SURN, D_CUE, D_TITLE, D_ARTICLE, D_PART, D_PLACE, D_EPOHEAD, D_EPONYM, D_STOP, D_PLACENAME, D_FOLLOW, D_HEADER, D_AMBIG],
);

// Token flags.
const T_WORD = 1;
const T_NUM = 2;
const T_TITLE = 4; // Upper-case initial, then lower case
const T_CAPS = 8; // all upper case, 2+ letters
const T_LOWER = 16;
const T_FIELD = 32; // in a "nome" column of a table
const T_INITIAL = 64; // single upper-case letter

// Separator flags (what lies between the previous token and this one).
const S_NL1 = 1;
const S_NL2 = 2;
const S_MULTI = 4; // 2+ spaces or a tab
const S_COLON = 8;
const S_COMMA = 16;
const S_PERIOD = 32;
const S_DASH = 64;
const S_PAREN = 128;
const S_SEMI = 256;
const S_OTHER = 512;
const S_NONE = 1024; // tokens touch
const S_BRACKET = 2048;
const S_SLASH = 4096;
const S_QUOTE = 8192;
const S_START = 16384; // first token of the text

const CAP = 2048;
const tS = new StaticArray<i32>(CAP);
const tE = new StaticArray<i32>(CAP);
const tF = new StaticArray<i32>(CAP);
const tSep = new StaticArray<i32>(CAP);
const tD = new StaticArray<i32>(CAP); // dictionary flags, -1 = not looked up yet
const tAux = new StaticArray<i32>(CAP); // T_FIELD tokens: index of the column's reason in headerTitles
let headerTitles: string[] = [];
const colTitle = new StaticArray<i32>(32);
let nTok = 0;

let T: string = "";
let out: Finding[] = [];
// Undecided runs: word ranges (particles dropped) of each run, as [dStart[r], dStart[r + 1]) in dWordS/dWordE.
const MAX_DEFERRED = 4096;
const MAX_DEFERRED_WORDS = 12288;
const dRunFirst = new StaticArray<i32>(MAX_DEFERRED + 1);
const dWordS = new StaticArray<i32>(MAX_DEFERRED_WORDS);
const dWordE = new StaticArray<i32>(MAX_DEFERRED_WORDS);
let nDeferred = 0;
let nDeferredWords = 0;
/** Folded hashes of the words of names accepted in pass 1, and of their first words. */
const nameWords = new HashSet(8192);
const firstWords = new HashSet(4096);

// Table state: separator char of the current table and bit mask of its name columns.
let tableSep = 0;
let nameCols: u32 = 0;
let curField = 0;
let inQuote = false;
let headerStart = 0;
let headerEnd = 0;

// @ts-ignore: decorator
@inline function dict(k: i32): i32 {
  let d = unchecked(tD[k]);
  if (d < 0) {
    d = WORDS.lookup(T, unchecked(tS[k]), unchecked(tE[k]));
    unchecked(tD[k] = d);
  }
  return d;
}

function isUpperUnit(c: i32): bool {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0xc0 && c <= 0xde) return c != 0xd7;
  if (c >= 0x100 && c <= 0x17f) return (c & 1) == 0;
  return false;
}

function isLowerUnit(c: i32): bool {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  if (c >= 0xdf && c <= 0xff) return c != 0xf7;
  if (c >= 0x100 && c <= 0x17f) return (c & 1) == 1;
  return false;
}

export function detectNames(text: string): Finding[] {
  T = text;
  out = [];
  headerTitles = [];
  nameWords.clear();
  firstWords.clear();
  nDeferred = 0;
  nDeferredWords = 0;
  soS = -1;
  tokenize();
  resolveDeferred();
  out.sort((x, y) => x.start - y.start);
  return out;
}

/** Scans the line starting at `ls`: detects table headers with a name column and table rows. */
function startLine(ls: i32): void {
  const line = scanLine(T, ls);
  const le = line.end;
  curField = 0;
  if (tableSep != 0) {
    if (lineContains(T, ls, le, tableSep)) return;
    tableSep = 0;
    nameCols = 0;
  }
  const sep = line.sep;
  if (sep == 0 || line.digits >= 4) return; // a header row holds column titles, not dates or numbers
  // header: some field is a name column title
  const mask = headerColumns(T, ls, le, sep, isNameHeader, recordNameColumn);
  if (mask != 0) {
    tableSep = sep;
    nameCols = mask;
    headerStart = ls;
    headerEnd = le;
  }
}

function isNameHeader(a: i32, b: i32): bool {
  return (WORDS.lookup(T, a, b) & D_HEADER) != 0;
}

function recordNameColumn(field: i32, a: i32, b: i32): void {
  unchecked(colTitle[field] = headerTitles.length);
  headerTitles.push("Nome na coluna '" + T.substring(a, b) + "' da tabela");
}

function tokenize(): void {
  const n = T.length;
  tableSep = 0;
  nameCols = 0;
  nTok = 0;
  let sep = S_START;
  let spaces = 0;
  let nl = 0;
  startLine(0);
  let i = 0;
  while (i < n) {
    const c = unitAt(T, i);
    const letter = isLetter(c);
    if (letter || isDigit(c)) {
      let j = i + 1;
      let flags = 0;
      if (letter) {
        let up = isUpperUnit(c) ? 1 : 0;
        let low = isLowerUnit(c) ? 1 : 0;
        let lettersN = 1;
        let apos = false;
        while (j < n) {
          const d = unitAt(T, j);
          if (isLetter(d)) {
            if (isUpperUnit(d)) up++;
            else if (isLowerUnit(d)) low++;
            lettersN++;
            j++;
          } else if ((d == 0x27 || d == 0x2019) && j + 1 < n && isLetter(unitAt(T, j + 1)) && j - i <= 2) {
            j++; // D'Ávila, d'Arc
            apos = true;
          } else break;
        }
        ocrD = -1;
        if (j < n && (unitAt(T, j) == 0x30 || unitAt(T, j) == 0x31)) {
          // "CARL0S", "P1NHEIR0", "Mauríci0": 0 for O and 1 for I inside a word read by OCR
          const oj = ocrWordEnd(i, j);
          if (oj > j) {
            const d = ocrLookup(i, oj);
            if ((d & (D_GIVEN | D_SURN)) != 0) {
              for (let q = j; q < oj; q++) {
                const d2 = unitAt(T, q);
                if (isUpperUnit(d2)) up++;
                else if (isLowerUnit(d2)) low++;
                lettersN++;
              }
              if (low == 0) up += 2; // the digits stand for capitals
              j = oj;
              ocrD = d;
            }
          }
        }
        if (ocrD < 0 && low > 0 && up >= 2 && isUpperUnit(c) && onlyLowerL(i, j)) {
          // "SlLVA", "CAMlLA": a lower-case l read for a capital I in a word in capitals
          const w = T.substring(i, j).replaceAll("l", "I");
          const d = WORDS.lookup(w, 0, w.length);
          if ((d & (D_GIVEN | D_SURN)) != 0) {
            up += low;
            low = 0;
            ocrD = d;
          }
        }
        flags = T_WORD;
        if (isUpperUnit(c)) {
          if (lettersN == 1) flags |= T_INITIAL;
          else if (low == 0) flags |= T_CAPS;
          else if (up == 1 || (up == 2 && (low >= 3 || apos))) flags |= T_TITLE;
        } else if (isLowerUnit(c) && up == 0) flags |= T_LOWER;
      } else {
        while (j < n && isDigit(unitAt(T, j))) j++;
        flags = T_NUM;
      }
      if ((sep & (S_NL1 | S_NL2 | S_START)) == 0 && spaces == 0 && nl == 0 && (sep & ~S_NONE) == 0) sep |= S_NONE;
      let aux = 0;
      if (tableSep != 0 && curField < 32 && (nameCols & ((<u32>1) << curField)) != 0 && !(i >= headerStart && i < headerEnd)) {
        flags |= T_FIELD;
        aux = unchecked(colTitle[curField]);
      }
      if ((sep & S_NL2) != 0) processSegment();
      else if (nTok == CAP) flushFull();
      unchecked(tS[nTok] = i);
      unchecked(tE[nTok] = j);
      unchecked(tF[nTok] = flags);
      unchecked(tSep[nTok] = sep);
      // mixed-case words ("sR", "iPhone") are never cues, particles or names
      unchecked(tD[nTok] = (flags & (T_TITLE | T_CAPS | T_LOWER | T_INITIAL)) == 0 ? 0 : -1);
      unchecked(tAux[nTok] = aux);
      if (ocrD >= 0 && (flags & T_WORD) != 0) unchecked(tD[nTok] = ocrD);
      ocrD = -1;
      nTok++;
      sep = 0;
      spaces = 0;
      nl = 0;
      i = j;
      continue;
    }
    if (c == 0x0a) {
      nl++;
      sep |= nl >= 2 ? S_NL2 : S_NL1;
      spaces = 0;
      inQuote = false;
      startLine(i + 1);
    } else if (c == 0x0d) {
      // part of CRLF
    } else if (c == 0x20 || c == 0xa0) {
      spaces++;
      if (spaces >= 2) sep |= S_MULTI;
    } else if (c == 0x09) {
      sep |= S_MULTI;
    } else if (c == 0x3a) sep |= S_COLON;
    else if (c == 0x2c) sep |= S_COMMA;
    else if (c == 0x2e) sep |= S_PERIOD;
    else if (isDash(c)) sep |= S_DASH;
    else if (c == 0x28 || c == 0x29) sep |= S_PAREN;
    else if (c == 0x3b) sep |= S_SEMI;
    else if (c == 0x5b || c == 0x5d) sep |= S_BRACKET;
    else if (c == 0x2f) sep |= S_SLASH;
    else if (c == 0x22 || c == 0x27 || c == 0x201c || c == 0x201d || c == 0x2018 || c == 0x2019) sep |= S_QUOTE;
    else if (isSpace(c)) {
      if (c == 0x2028 || c == 0x2029 || c == 0x0c) sep |= S_NL2;
    } else sep |= S_OTHER;
    if (tableSep != 0 && c == 0x22) inQuote = !inQuote;
    if (tableSep != 0 && c == tableSep && !inQuote) curField++;
    i++;
  }
  processSegment();
}

let ocrD = -1;

/** End of a word that continues past `j` with letters and isolated 0/1 digits ("CARL0S"), or `j`. */
function ocrWordEnd(i: i32, j: i32): i32 {
  const n = T.length;
  let q = j;
  let digits = 0;
  while (q < n) {
    const c = unitAt(T, q);
    if (isLetter(c)) { q++; continue; }
    if (c == 0x30 || c == 0x31) {
      if (q > i && isDigit(unitAt(T, q - 1))) return j; // "10", "101": a number, not a misread letter
      digits++;
      q++;
      continue;
    }
    break;
  }
  if (q < n && isDigit(unitAt(T, q))) return j;
  if (digits > 2 || q - i - digits < 3) return j;
  return q;
}

/** Every lower-case letter of text[a, b) is an "l". */
function onlyLowerL(a: i32, b: i32): bool {
  for (let q = a; q < b; q++) {
    const c = unitAt(T, q);
    if (isLowerUnit(c) && c != 0x6c) return false;
  }
  return true;
}

/** Dictionary flags of text[a, b) read with 0 as O and 1 as I (or l). */
function ocrLookup(a: i32, b: i32): i32 {
  const w = T.substring(a, b).replaceAll("0", "o");
  const wi = w.replaceAll("1", "i");
  const d = WORDS.lookup(wi, 0, wi.length);
  if ((d & (D_GIVEN | D_SURN)) != 0 || !w.includes("1")) return d;
  const wl = w.replaceAll("1", "l"); // "Si1va": 1 for l
  return WORDS.lookup(wl, 0, wl.length);
}

// @ts-ignore: decorator
@inline function joinedBySpace(k: i32): bool {
  // token k follows token k-1 separated by exactly one space (possibly a hyphen for compound words)
  const s = unchecked(tSep[k]);
  return s == 0 || s == S_DASH && unchecked(tS[k]) - unchecked(tE[k - 1]) == 1;
}

function isNameWord(k: i32, caps: bool): bool {
  const f = unchecked(tF[k]);
  if (caps) return (f & T_CAPS) != 0;
  return (f & T_TITLE) != 0;
}

function isParticle(k: i32, caps: bool): bool {
  const f = unchecked(tF[k]);
  if (caps) {
    if ((f & T_CAPS) == 0 && (f & T_INITIAL) == 0) return false;
  } else if ((f & T_LOWER) == 0) return false;
  return (dict(k) & D_PART) != 0;
}

/** The token buffer is full inside one paragraph: process it up to the last line start (or sentence end) and
 * keep the rest, so that no run loses the cue on its own line. */
function flushFull(): void {
  let m = CAP - 1;
  while (m > CAP / 2 && (unchecked(tSep[m]) & S_NL1) == 0) m--;
  if (m <= CAP / 2) {
    m = CAP - 1;
    while (m > CAP / 2 && (unchecked(tSep[m]) & (S_PERIOD | S_SEMI)) == 0) m--;
    if (m <= CAP / 2) m = CAP - 16;
  }
  m = processTokens(m);
  soS = -1;
  if (m >= nTok) { nTok = 0; return; }
  const rest = nTok - m;
  for (let i = 0; i < rest; i++) {
    unchecked(tS[i] = tS[m + i]);
    unchecked(tE[i] = tE[m + i]);
    unchecked(tF[i] = tF[m + i]);
    unchecked(tSep[i] = tSep[m + i]);
    unchecked(tD[i] = tD[m + i]);
    unchecked(tAux[i] = tAux[m + i]);
  }
  unchecked(tSep[0] = tSep[0] | S_NL2); // nothing before this token is visible any more
  nTok = rest;
}

/** A closing formula alone on the last line of the previous paragraph ("Atenciosamente,"), or -1. */
let soS = -1;
let soE = -1;

function processSegment(): void {
  processTokens(nTok);
  soS = -1;
  const p = nTok - 1;
  if (p >= 0 && (unchecked(tSep[p]) & (S_NL1 | S_NL2 | S_START)) != 0 && isSignOff(p)) {
    soS = unchecked(tS[p]);
    soE = unchecked(tE[p]);
  }
  nTok = 0;
}

/** Finds names in runs starting at tokens [0, limit) of the buffer (runs may look further ahead); returns the
 * index of the first token not consumed. */
function processTokens(limit: i32): i32 {
  const n = nTok;
  let k = 0;
  while (k < limit) {
    const f = unchecked(tF[k]);
    if ((f & T_CAPS) != 0 && capsBreaks(k) && (dict(k) & (D_TITLE | D_CUE)) == 0) {
      k++; // in capitals, function words ("QUE", "PELA", "PORTADOR") never start a name
      continue;
    }
    if ((f & (T_TITLE | T_CAPS)) != 0) {
      const caps = (f & T_CAPS) != 0;
      // extend the run
      let j = k + 1;
      let last = k; // last name word
      // right after a cue ("Paciente: KLEBERSON DE MARIA SANTOS") an unknown word + "DE" + a given name is one name
      let cued = -1;
      while (j < n) {
        if (!joinedBySpace(j) && !nlContinues(j, caps)) break;
        const mi = middleInitialEnd(j, last, caps);
        if (mi > 0) {
          // "Renata M. Dias", "José A. B. Silva", "José A Silva": middle initials between two name words
          last = mi;
          j = mi + 1;
          continue;
        }
        if (isNameWord(j, caps)) {
          if (unchecked(tSep[j]) == S_NL1 && (dict(last) & D_STOP) != 0) break;
          if (caps && capsBreaks(j)) break;
          if (caps && unknownThenOf(last, j)) {
            if (cued < 0) cued = cueBefore(k) ? 1 : 0;
            if (cued == 0) break;
          }
          last = j;
          j++;
          continue;
        }
        if (isParticle(j, caps) && j + 1 < n && (joinedBySpace(j + 1) || nlContinues(j + 1, caps)) && isNameWord(j + 1, caps)) {
          if (isAndParticle(j) && !andJoins(last, j + 1)) break;
          if (caps && unknownThenOf(last, j)) {
            if (cued < 0) cued = cueBefore(k) ? 1 : 0;
            if (cued == 0) break;
          }
          j++;
          continue;
        }
        break;
      }
      if (caps) {
        const e = invertedName(k, last + 1);
        if (e > 0) { k = e; continue; }
      }
      evaluate(k, last + 1, caps);
      k = last + 1;
      continue;
    }
    if ((f & (T_LOWER | T_FIELD)) == (T_LOWER | T_FIELD)) {
      const e = lowerFieldName(k);
      if (e > k) { k = e; continue; }
    }
    if ((f & T_LOWER) != 0 && (dict(k) & D_GIVEN) != 0) {
      const e = lowerSpeaker(k);
      if (e > k) { k = e; continue; }
      const e2 = lowerFullName(k);
      if (e2 > k) { k = e2; continue; }
    }
    if ((f & T_LOWER) != 0 && ((dict(k) & D_GIVEN) != 0 || unknownBeforeSurname(k)) && lowerCueBefore(k)) {
      let j = k + 1;
      let last = k;
      while (j < n && unchecked(tSep[j]) == 0 && (unchecked(tF[j]) & T_LOWER) != 0) {
        const d = dict(j);
        if ((d & (D_GIVEN | D_SURN)) != 0 && (d & D_STOP) == 0) { last = j; j++; continue; }
        if ((d & D_PART) != 0 && !isAndParticle(j) && j + 1 < n && unchecked(tSep[j + 1]) == 0 && (dict(j + 1) & (D_GIVEN | D_SURN)) != 0) { j++; continue; }
        break;
      }
      {
        emit(k, last + 1, 0.8, "Nome próprio em minúsculas após '" + T.substring(cueS, cueE) + "'");
        remember(k, last + 1);
      }
      k = last + 1;
      continue;
    }
    k++;
  }
  return k;
}

/** "[12/03/2026 10:21] joana: …": a sender written in lower case in a chat export (known given name first). Emits
 * the name and returns the token after it, or k. */
function lowerSpeaker(k: i32): i32 {
  let j = k + 1;
  while (j < nTok && j - k < 4 && unchecked(tSep[j]) == 0 && (unchecked(tF[j]) & T_LOWER) != 0 && (dict(j) & (D_GIVEN | D_SURN | D_PART)) != 0) j++;
  while (j > k + 1 && (dict(j - 1) & D_PART) != 0 && (dict(j - 1) & (D_GIVEN | D_SURN)) == 0) j--;
  if (!speakerAt(k, j)) return k;
  emit(k, j, 0.85, "Nome de quem escreve na conversa (em minúsculas)");
  remember(k, j);
  return j;
}

/** "SILVA, José Carlos" / "SOUZA, Ana M.": surnames in capitals, a comma, then given names, at the start of a line,
 * cell or field. Emits the whole inverted name and returns the token after it, or 0. */
function invertedName(a: i32, b: i32): i32 {
  if (a > 0 && (unchecked(tSep[a]) & (S_NL1 | S_NL2 | S_START | S_COLON | S_MULTI)) == 0) return 0;
  if (b >= nTok || unchecked(tSep[b]) != S_COMMA || unchecked(tS[b]) - unchecked(tE[b - 1]) != 2) return 0;
  for (let k = a; k < b; k++) {
    const d = dict(k);
    if ((d & D_PART) != 0 && k > a) continue;
    if ((d & D_SURN) == 0 || (d & (D_STOP | D_CUE | D_PLACE | D_TITLE)) != 0) return 0;
  }
  const d0 = dict(b);
  if ((unchecked(tF[b]) & T_TITLE) == 0 || (d0 & D_GIVEN) == 0 || (d0 & (D_AMBIG | D_STOP | D_CUE)) != 0) return 0;
  let j = b + 1;
  let last = b;
  while (j < nTok) {
    const mi = middleInitialEnd(j, last, false);
    if (mi > 0) { last = mi; j = mi + 1; continue; }
    if (!joinedBySpace(j)) break;
    if ((unchecked(tF[j]) & T_TITLE) != 0 && (dict(j) & (D_GIVEN | D_SURN)) != 0) { last = j; j++; continue; }
    if (isParticle(j, false) && j + 1 < nTok && joinedBySpace(j + 1) && (unchecked(tF[j + 1]) & T_TITLE) != 0) { j++; continue; }
    break;
  }
  emit(a, last + 1, 0.85, "Nome invertido (SOBRENOME, Nome)");
  remember(b, last + 1);
  return last + 1;
}

/** "EM FACE DE MARCOS ANTÔNIO", "TERMO DE MARIA": in capitals, an unknown word, then "de" and a given name, are two things. */
function unknownThenOf(last: i32, j: i32): bool {
  if (j + 1 >= nTok || (dict(j) & D_PART) == 0 || isAndParticle(j)) return false;
  if ((dict(last) & (D_GIVEN | D_SURN | D_CUE | D_TITLE | D_PART)) != 0) return false;
  const d = dict(j + 1);
  return (d & D_GIVEN) != 0 && (d & D_AMBIG) == 0 && (unchecked(tF[j + 1]) & T_CAPS) != 0 && unchecked(tSep[j + 1]) == 0;
}

/** Token j starts middle initials ("M. " / "A. B. " / "A ") between name word `last` and a name word: returns the
 * index of that name word, or -1. */
function middleInitialEnd(j: i32, last: i32, caps: bool): i32 {
  if ((unchecked(tF[j]) & T_INITIAL) == 0 || unchecked(tSep[j]) != 0) return -1;
  if ((dict(last) & (D_GIVEN | D_SURN)) == 0) return -1;
  let q = j;
  while (q + 1 < nTok && q - j < 2 && (unchecked(tF[q + 1]) & T_INITIAL) != 0 && unchecked(tSep[q + 1]) == S_PERIOD
    && unchecked(tS[q + 1]) - unchecked(tE[q]) == 2) q++;
  const w = q + 1;
  if (w >= nTok || !isNameWord(w, caps)) return -1;
  const sn = unchecked(tSep[w]);
  const gap = unchecked(tS[w]) - unchecked(tE[q]);
  // with a period ("M. Dias"); without one only in mixed case ("José A Silva"): "MARIA E SILVA" reads as "and"
  if (!(sn == S_PERIOD && gap == 2) && !(sn == 0 && !caps && gap == 1 && q == j)) return -1;
  if ((dict(w) & (D_GIVEN | D_SURN)) == 0) return -1;
  return caps && capsBreaks(w) ? -1 : w;
}

/** Lower-case words in a table's name column ("joana d'arc silveira" under "usuario"): a name when one word is a
 * known given name or surname and none is a label or clinical word. Returns the token after the name, or k. */
function lowerFieldName(k: i32): i32 {
  let j = k;
  let known = 0, words = 0;
  while (j < nTok && (unchecked(tF[j]) & (T_LOWER | T_FIELD)) == (T_LOWER | T_FIELD) && (j == k || unchecked(tSep[j]) == 0)) {
    const d = dict(j);
    if ((d & D_PART) != 0 && j > k) { j++; continue; }
    if ((d & (D_GIVEN | D_SURN)) != 0) known++;
    else if ((d & (D_STOP | D_CUE | D_PLACE | D_TITLE | D_EPOHEAD | D_ARTICLE)) != 0 || looksLikeAdjective(j) || unchecked(tE[j]) - unchecked(tS[j]) < 2) return k;
    words++;
    j++;
  }
  while (j > k + 1 && (dict(j - 1) & D_PART) != 0) j--;
  // the name fills its cell: nothing but the next field follows on the line
  if (j < nTok && unchecked(tSep[j]) == 0 && (unchecked(tF[j]) & T_FIELD) != 0) return k;
  if (words < 2 || words > 6 || known == 0 || (dict(k) & (D_GIVEN | D_SURN)) == 0) return k;
  emit(k, j, 0.85, headerTitles[unchecked(tAux[k])]);
  remember(k, j);
  return j;
}

/** "leito 12 jose aparecido ferreira passou": three or more lower-case words that are all known given names or
 * surnames (particles allowed), the first a given name and the last a surname, read as a name without a cue. */
function lowerFullName(k: i32): i32 {
  const d0 = dict(k);
  if ((d0 & (D_AMBIG | D_STOP | D_CUE | D_PLACE | D_ARTICLE | D_PART)) != 0) return k;
  let j = k + 1;
  let last = k;
  let words = 1;
  while (j < nTok && unchecked(tSep[j]) == 0 && (unchecked(tF[j]) & T_LOWER) != 0) {
    const d = dict(j);
    if ((d & (D_GIVEN | D_SURN)) != 0 && (d & (D_STOP | D_CUE | D_PLACE | D_ARTICLE)) == 0) { last = j; words++; j++; continue; }
    if ((d & D_PART) != 0 && !isAndParticle(j) && j + 1 < nTok && unchecked(tSep[j + 1]) == 0 && (dict(j + 1) & (D_GIVEN | D_SURN)) != 0) { j++; continue; }
    break;
  }
  if (words < 3 || words > 6 || (dict(last) & D_SURN) == 0 || placeWordNear(k)) return k;
  emit(k, last + 1, 0.75, "Sequência de nome e sobrenomes brasileiros em minúsculas");
  remember(k, last + 1);
  return last + 1;
}

/** "rua jose maria pereira", "escola estadual joao batista silva": a street or institution word just before. */
function placeWordNear(k: i32): bool {
  for (let p = k - 1; p >= 0 && p >= k - 3; p--) {
    if ((unchecked(tSep[p + 1]) & (S_NL1 | S_NL2 | S_COMMA | S_SEMI | S_COLON | S_DASH | S_PAREN)) != 0) return false;
    const d = dict(p);
    if ((d & D_PLACE) != 0 && (d & D_GIVEN) == 0) return true;
  }
  return false;
}

/** "a paciente deneval moura": an unknown lower-case word followed by a known surname. */
function unknownBeforeSurname(k: i32): bool {
  if (dict(k) != 0 || unchecked(tE[k]) - unchecked(tS[k]) < 3 || k + 1 >= nTok) return false;
  if (unchecked(tSep[k + 1]) != 0 || (unchecked(tF[k + 1]) & T_LOWER) == 0) return false;
  let s = k + 1;
  // "joselita dos santos": through a particle
  if ((dict(s) & D_PART) != 0 && !isAndParticle(s) && s + 1 < nTok && unchecked(tSep[s + 1]) == 0 && (unchecked(tF[s + 1]) & T_LOWER) != 0) s++;
  const d = dict(s);
  return (d & D_SURN) != 0 && (d & (D_STOP | D_CUE)) == 0 && !looksLikeAdjective(k) && !endsWithAny(k, VERB_ENDINGS);
}

/** Endings of verb forms frequent after "o paciente …" (relatou, ficou, morreu, caiu, estava, tinha, chegando). */
const VERB_ENDINGS: string[] = ["ou", "eu", "iu", "ava", "ia", "ando", "endo", "indo", "ido", "ida", "am", "em", "aram", "eram"];

function endsWithAny(k: i32, endings: string[]): bool {
  const s = unchecked(tS[k]);
  const e = unchecked(tE[k]);
  for (let i = 0; i < endings.length; i++) {
    const w = unchecked(endings[i]);
    const p = e - w.length;
    if (p > s && matchFold(T, p, w) == e) return true;
  }
  return false;
}

/** In text written in capitals every word is capitalised: a function word, label or clinical word ends a name. */
function capsBreaks(k: i32): bool {
  const d = dict(k);
  if ((d & (D_GIVEN | D_SURN | D_PART | D_PLACE | D_EPOHEAD | D_TITLE)) != 0) return false;
  return (d & (D_ARTICLE | D_STOP | D_CUE | D_FOLLOW)) != 0 || looksLikeAdjective(k) || endsWithAny(k, VERB_ENDINGS);
}

/** Part of an e-mail address or a dotted identifier ("CRISTIANE.FERRARI@…", "FRANCISCA54@…"): not a name. */
function inEmail(a: i32, b: i32): bool {
  const s = unchecked(tS[a]);
  const e = unchecked(tE[b - 1]);
  const n = T.length;
  // the non-space chunk around the run holds an '@', or the run is glued to '.', '_' or digits
  let p = e;
  while (p < n && p - e < 64) {
    const c = unitAt(T, p);
    if (c == 0x40) return true;
    if (isSpace(c) || c == 0x2c || c == 0x3b || c == 0x29 || c == 0x3e) break;
    p++;
  }
  p = s - 1;
  while (p >= 0 && s - p < 64) {
    const c = unitAt(T, p);
    if (c == 0x40) return true;
    if (isSpace(c) || c == 0x2c || c == 0x3b || c == 0x28 || c == 0x3c || c == 0x3a) break;
    p--;
  }
  if (e < n) {
    const c = unitAt(T, e);
    if (c == 0x5f || isDigit(c)) return true;
    if (c == 0x2e && e + 1 < n && (isLetter(unitAt(T, e + 1)) || isDigit(unitAt(T, e + 1)))) return true;
  }
  return false;
}

/** A name broken across lines: the next line starts with a known surname that is not a label ("Filho(a):"). */
function nlContinues(j: i32, caps: bool): bool {
  if (unchecked(tSep[j]) != S_NL1 || !isNameWord(j, caps)) return false;
  const d = dict(j);
  if ((d & D_SURN) == 0 || (d & (D_CUE | D_STOP | D_PLACE)) != 0) return false;
  if (j + 1 < nTok && (unchecked(tSep[j + 1]) & (S_COLON | S_PAREN)) != 0) return false;
  return true;
}

function isAndParticle(k: i32): bool {
  return unchecked(tE[k]) - unchecked(tS[k]) == 1;
}

/** "e" joins surnames ("Souza e Silva") but not two people ("Maria e João"). */
function andJoins(prev: i32, next: i32): bool {
  const a = dict(prev), b = dict(next);
  return (a & D_SURN) != 0 && (b & D_SURN) != 0 && (b & D_GIVEN) == 0;
}

let cueS = 0;
let cueE = 0;

/** Lower-case name after a cue: "a paciente maria souza", "aqui é a maria", "me chamo joão". */
function lowerCueBefore(k: i32): bool {
  let p = k - 1;
  let steps = 0;
  while (p >= 0 && steps < 3) {
    const sp = unchecked(tSep[p + 1]);
    const d = dict(p);
    if ((sp & (S_NL1 | S_NL2 | S_SEMI)) != 0) return false;
    if ((sp & S_PERIOD) != 0 && (d & D_TITLE) == 0) return false; // "o sr. raimundo nonato"
    const len = unchecked(tE[p]) - unchecked(tS[p]);
    if (p == k - 1 && sp == 0 && p > 0 && unchecked(tSep[p]) == 0 && (tokIs(p, "de") || tokIs(p, "do") || tokIs(p, "da")) && isKinWord(p - 1)) {
      // "filha de joselita dos santos"
      cueS = unchecked(tS[p - 1]); cueE = unchecked(tE[p]);
      return true;
    }
    if (p == k - 1 && sp == 0 && isGreeting(p) && (dict(k) & D_AMBIG) == 0
      && (p == 0 || (unchecked(tSep[p]) & (S_NL1 | S_NL2 | S_START | S_PERIOD | S_COMMA | S_COLON)) != 0)) {
      // "oi marcos, tudo bem"
      cueS = unchecked(tS[p]); cueE = unchecked(tE[p]);
      return true;
    }
    if (p == k - 1 && sp == 0 && tokIs(p, "seu") && (dict(k) & D_AMBIG) == 0) {
      // "o seu joão piorou": "seu" as the popular form of "senhor" (before a given name only: "seu filho" is not one)
      cueS = unchecked(tS[p]); cueE = unchecked(tE[p]);
      return true;
    }
    if (p == k - 1 && sp == 0 && p > 0 && (unchecked(tF[p]) & T_NUM) != 0 && unchecked(tSep[p]) == 0 && isBedWord(p - 1) && (dict(k) & D_AMBIG) == 0) {
      // "leito 4 jose ferreira": a bed number, then the patient
      cueS = unchecked(tS[p - 1]); cueE = unchecked(tE[p]);
      return true;
    }
    if (len == 1 && unitAt(T, unchecked(tS[p])) == 0x65 && p > 0 && sp == 0 && unchecked(tSep[p]) == 0 && tokIs(p - 1, "aqui")) {
      // "aqui e a rosa maria": "é" typed without its accent
      cueS = unchecked(tS[p - 1]); cueE = unchecked(tE[p]);
      return true;
    }
    if (len == 1 && unitAt(T, unchecked(tS[p])) == 0xe9) {
      // "é": aqui é, nome é
      if (p > 0) {
        const dp = dict(p - 1);
        const w0 = unitAt(T, unchecked(tS[p - 1]));
        if ((dp & D_CUE) != 0 || w0 == 0x61 || w0 == 0x41) { cueS = unchecked(tS[p - 1]); cueE = unchecked(tE[p]); return true; }
      }
      return false;
    }
    if ((d & (D_CUE | D_TITLE)) != 0 && (d & D_ARTICLE) == 0) {
      cueS = unchecked(tS[p]);
      cueE = unchecked(tE[p]);
      if ((sp & S_PERIOD) != 0 && cueE < T.length && unitAt(T, cueE) == 0x2e) cueE++;
      return true;
    }
    if ((d & D_ARTICLE) == 0) return false;
    p--;
    steps++;
  }
  return false;
}

/** Decides whether tokens [a, b) (a run of capitalised words) are a person's name, and emits it. */
function evaluate(a0: i32, b0: i32, caps: bool): void {
  let a = a0;
  let b = b0;
  let cue = 0; // 0 none, 1 title/role word inside the run
  let cueText = "";
  let cueTok = -1;
  // leading titles and role words ("Dr", "PACIENTE", "Mãe") are cues, not part of the name
  while (a < b) {
    const d = dict(a);
    if ((d & (D_TITLE | D_CUE)) != 0 && (d & D_GIVEN) == 0) {
      cue = 1;
      cueText = T.substring(unchecked(tS[a]), unchecked(tE[a]));
      cueTok = a;
      a++;
      if (a < b && isParticle(a, caps)) {
        // "RN de Maria Silva" is a name; "Testemunha de Jeová", "Mãe de Deus" are not
        if (a + 1 >= b || ((dict(a + 1) & D_GIVEN) == 0 && !kinOfFullName(cueTok, a + 1, b))) return;
        a++;
      }
      continue;
    }
    break;
  }
  if (a + 1 < b && isGreeting(a)) a++; // "Oi Marcos": the greeting starts the capitalised run
  // "AVALIAÇÃO DE FRANCISCO DAS CHAGAS LIMA": in capitals the run may start with the particle after a broken word
  if (caps && a + 1 < b && cue == 0 && (dict(a) & D_PART) != 0 && (dict(a) & D_GIVEN) == 0) a++;
  if (a >= b) return;
  if (inEmail(a, b)) return;
  // institutions, streets, diseases named after people: the whole run is not a person
  const d0 = dict(a);
  if ((d0 & (D_PLACE | D_EPOHEAD)) != 0 && (d0 & D_GIVEN) == 0) return;
  if (placeBefore(a)) return;
  // cut at the first stop word ("Felícia Moreira Data de nascimento")
  for (let k = a + 1; k < b; k++) {
    const d = dict(k);
    if ((d & D_PART) != 0 || (unchecked(tF[k]) & T_INITIAL) != 0) continue;
    if ((d & (D_STOP | D_CUE | D_TITLE)) != 0 && (d & (D_GIVEN | D_SURN)) == 0) { b = k; break; }
  }
  while (b > a && isParticle(b - 1, caps)) b--;
  if (b <= a) return;
  if ((dict(a) & D_STOP) != 0 && (dict(a) & (D_GIVEN | D_SURN)) == 0) return;
  // count words
  let words = 0, given = 0, surn = 0, unknown = 0, eponyms = 0;
  for (let k = a; k < b; k++) {
    const d = dict(k);
    if ((d & D_PART) != 0 && (unchecked(tF[k]) & T_LOWER) != 0) continue;
    if (caps && (d & D_PART) != 0 && k > a) continue;
    if ((unchecked(tF[k]) & T_INITIAL) != 0 && k > a) continue; // middle initial
    words++;
    if ((d & D_GIVEN) != 0) given++;
    if ((d & D_SURN) != 0) surn++;
    if ((d & (D_GIVEN | D_SURN)) == 0) unknown++;
    if ((d & D_EPONYM) != 0 && (d & (D_GIVEN | D_SURN)) == 0) eponyms++;
  }
  if (words == 0) return;
  if (b - a >= 2 && (WORDS.lookup(T, unchecked(tS[a]), unchecked(tE[b - 1])) & D_PLACENAME) != 0) return;
  const firstGiven = (dict(a) & D_GIVEN) != 0;

  // cues around the run
  let reason = "";
  let conf = 0.0;
  if (cue == 1) {
    reason = "Nome próprio após '" + cueText + "'";
    conf = 0.93;
  } else if (cueBefore(a)) {
    reason = "Nome próprio após '" + T.substring(cueS, cueE) + "'";
    conf = 0.93;
  } else if (firstGiven && (greetingBefore(a) || signOffBefore(a, b))) {
    reason = "Nome próprio após '" + T.substring(cueS, cueE) + "'";
    conf = 0.88;
  } else if (speakerAt(a, b) && (given + surn > 0 || words == 1)) {
    reason = "Nome de quem escreve na conversa";
    conf = 0.9;
  } else if ((unchecked(tF[a]) & T_FIELD) != 0) {
    reason = headerTitles[unchecked(tAux[a])];
    conf = 0.93;
  } else if (given + surn > 0 && (firstGiven || words >= 2) && roleLineAfter(a, b)) {
    reason = "Nome próprio seguido de '" + T.substring(cueS, cueE) + "'";
    conf = 0.88;
  } else if (followAt(b) && (!followVerb || firstGiven) && (given + surn > 0 || words >= 2)) {
    reason = "Nome próprio seguido de '" + T.substring(cueS, cueE) + "'";
    conf = 0.9;
  }
  if (conf > 0) {
    if (eponyms == words) return;
    if (!firstGiven && unknown == words && words == 1 && caps && !titleRightBefore(a)) return; // "PACIENTE: SIM", but "SRA. IVONETE"
    // "Paciente Hipertenso, Diabético": an unknown adjective-like word is not a name
    if ((dict(a) & (D_GIVEN | D_SURN)) == 0 && looksLikeAdjective(a)) return;
    {
      if (firstGiven || given + surn > 0) conf += 0.04;
      emit(a, b, conf, reason);
      remember(a, b);
    }
    return;
  }
  // no cue: the dictionary decides; unknown capitalised words after the last known one are not part of it
  while (b - a >= 2 && (dict(b - 1) & (D_GIVEN | D_SURN)) == 0) {
    b--;
    words--;
    unknown--;
    while (b > a && isParticle(b - 1, caps)) b--;
  }
  if (words >= 2 && firstGiven && given + surn >= 2 && eponyms == 0) {
    {
      emit(a, b, surn > 0 ? 0.88 : 0.75, surn > 0 ? "Nome e sobrenome brasileiros" : "Nomes próprios brasileiros em sequência");
      remember(a, b);
    }
    return;
  }
  if (words == 2 && !caps && unknown == 1 && (dict(a) & (D_GIVEN | D_SURN)) == 0 && (dict(b - 1) & D_SURN) != 0 && midSentence(a)
    && unchecked(tE[a]) - unchecked(tS[a]) >= 3) {
    // "conversei com Deoclécio Matos": an unknown capitalised word and a surname in the middle of a sentence
    emit(a, b, 0.7, "Palavra com inicial maiúscula seguida de sobrenome brasileiro");
    remember(a, b);
    return;
  }
  if (words == 1 && !caps && firstGiven && (dict(a) & D_AMBIG) == 0 && midSentence(a) && partialSingleOk(a)) {
    // "recebido por Jaqueline em 12/03", "conversei com Marta"
    emit(a, b, 0.65, "Nome próprio brasileiro no meio da frase");
    remember(a, b);
    return;
  }
  if (words >= 3 && surn >= 2 && given + surn >= words - 1 && eponyms == 0 && !caps) {
    {
      emit(a, b, 0.75, "Sequência de nome próprio com sobrenomes brasileiros");
      remember(a, b);
    }
    return;
  }
  // maybe a partial mention of a name found elsewhere in the document: decided at the end
  if (words > 4 || (words == 1 && !partialSingleOk(a)) || unchecked(tE[a]) - unchecked(tS[a]) < 3) return;
  if (nDeferred >= MAX_DEFERRED || nDeferredWords + words > MAX_DEFERRED_WORDS) return;
  unchecked(dRunFirst[nDeferred] = nDeferredWords);
  for (let k = a; k < b; k++) {
    if (((dict(k) & D_PART) != 0 || (unchecked(tF[k]) & T_INITIAL) != 0) && k > a) continue;
    unchecked(dWordS[nDeferredWords] = tS[k]);
    unchecked(dWordE[nDeferredWords] = tE[k]);
    nDeferredWords++;
  }
  nDeferred++;
  unchecked(dRunFirst[nDeferred] = nDeferredWords);
}

/** A single given name is a mention of a known person unless it reads as a place ("Local: Vitória, 12/03"). */
function partialSingleOk(a: i32): bool {
  if (a > 0) {
    const sp = unchecked(tSep[a]);
    if (sp == 0) {
      const d = dict(a - 1);
      if (tokIs(a - 1, "em") || tokIs(a - 1, "de") || tokIs(a - 1, "para") || (d & D_PLACE) != 0) return false;
    }
  }
  if (a + 1 < nTok) {
    const sn = unchecked(tSep[a + 1]);
    if ((sn & S_COMMA) != 0 && (unchecked(tF[a + 1]) & T_NUM) != 0) return false; // "Vitória, 21/10/2026"
    if ((sn & S_DASH) != 0 && (unchecked(tF[a + 1]) & T_CAPS) != 0 && unchecked(tE[a + 1]) - unchecked(tS[a + 1]) == 2) return false; // "Vitória - ES"
    if ((sn & S_SLASH) != 0) return false;
  }
  return true;
}

/** The token right before the run (joined by a space, maybe through "de"/"da") names a place or a disease. */
function placeBefore(a: i32): bool {
  if (a == 0) return false;
  let p = a - 1;
  let sp = unchecked(tSep[a]);
  if ((sp & ~(S_PERIOD)) != 0 && sp != 0) return false;
  let d = dict(p);
  if ((d & D_TITLE) != 0 && (sp & S_PERIOD) != 0) {
    // "Rua Dr. Fulano", "UBS Dr. Fulano"
    if (p == 0 || (unchecked(tSep[p]) != 0 && unchecked(tSep[p]) != S_PERIOD)) return false;
    return (dict(p - 1) & D_PLACE) != 0 && (dict(p - 1) & D_GIVEN) == 0;
  }
  if (sp != 0) return false;
  // "a técnica Jéssica": a role word right before the name; eponyms take "de" ("técnica de Mohs")
  if ((d & D_CUE) != 0 && (d & D_PLACE) == 0) return false;
  if ((d & D_PART) != 0 && (unchecked(tF[p]) & T_LOWER) != 0 && p > 0 && unchecked(tSep[p]) == 0) {
    p--;
    d = dict(p);
  }
  return ((d & (D_PLACE | D_EPOHEAD)) != 0 && (d & D_GIVEN) == 0);
}

/** A role/title word right before the run, or a form label ending in ':' that contains one. */
function cueBefore(a: i32): bool {
  if (a == 0) return false;
  const sa = unchecked(tSep[a]);
  if ((sa & (S_NL2 | S_SEMI | S_BRACKET)) != 0) return false;
  const labelled = (sa & S_COLON) != 0;
  if ((sa & S_NL1) != 0 && !labelled) return false;
  let p = a - 1;
  let steps = 0;
  while (p >= 0 && steps < 5) {
    const d = dict(p);
    const f = unchecked(tF[p]);
    if ((f & T_WORD) == 0) return false;
    if ((unchecked(tSep[p]) & S_PAREN) != 0 && unchecked(tE[p]) - unchecked(tS[p]) == 1 && p > 0 && (tokIs(p, "a") || tokIs(p, "o"))) {
      // "Sr(a). Maria", "filho(a) Pedro": skip the gender mark
      p--;
      continue;
    }
    if (p == a - 1 && (sa & S_PERIOD) != 0 && (d & D_TITLE) == 0 && !isAbbrevCue(p)) return false; // "Pct. Antônio"
    if ((d & (D_CUE | D_TITLE)) != 0 && ((d & D_ARTICLE) == 0 || (d & D_TITLE) != 0)) {
      // "eu" only as "Eu, Fulano"
      cueS = unchecked(tS[p]);
      cueE = unchecked(tE[p]);
      if (unchecked(tSep[p + 1]) == S_PERIOD || ((unchecked(tSep[p + 1]) & S_PERIOD) != 0 && (d & D_TITLE) != 0)) cueE++;
      return true;
    }
    if (!labelled && (d & D_ARTICLE) == 0) return false;
    const sp = unchecked(tSep[p]);
    if ((sp & (S_NL1 | S_NL2 | S_START)) != 0) return false;
    if (!labelled && (sp & (S_PERIOD | S_SEMI | S_COLON)) != 0) return false;
    p--;
    steps++;
  }
  return false;
}

/** Kinship words whose "de" introduces a person even when the first name is not in the dictionary. */
const KIN_WORDS: string[] = ["filho", "filha", "mae", "pai", "esposa", "esposo", "genitora", "genitor", "neto", "neta", "irmao", "irma", "viuva", "viuvo", "companheira", "companheiro"];

/** "FILHA DE JOSELITA DOS SANTOS": after a kinship word and "de", two or more words ending in a known surname. */
function isKinWord(k: i32): bool {
  for (let i = 0; i < KIN_WORDS.length; i++) if (tokIs(k, unchecked(KIN_WORDS[i]))) return true;
  return false;
}

function kinOfFullName(cue: i32, a: i32, b: i32): bool {
  if (!isKinWord(cue)) return false;
  let words = 0;
  let lastD = 0;
  for (let k = a; k < b; k++) {
    const d = dict(k);
    if ((d & D_PART) != 0 && k > a) continue;
    if ((d & (D_GIVEN | D_SURN)) == 0 && looksLikeAdjective(k)) return false;
    words++;
    lastD = d;
  }
  return words >= 2 && (lastD & D_SURN) != 0;
}

const GREETINGS: string[] = ["oi", "ola", "prezado", "prezada", "caro", "cara", "querido", "querida"];
const SIGN_OFFS: string[] = ["att", "atte", "atenciosamente", "cordialmente", "abracos", "abraco", "abs", "obrigado", "obrigada", "grato", "grata", "saudacoes"];

/** "Oi Marcos, tudo bem?", "Prezada Ana,": a greeting right before the name. */
function greetingBefore(a: i32): bool {
  if (a == 0) return false;
  const sa = unchecked(tSep[a]);
  if (sa != 0) return false;
  const p = a - 1;
  if (!isGreeting(p)) return false;
  // the greeting opens its sentence or line
  if (p > 0 && (unchecked(tSep[p]) & (S_NL1 | S_NL2 | S_START | S_PERIOD | S_COMMA)) == 0 && (unchecked(tF[p - 1]) & T_WORD) != 0) return false;
  cueS = unchecked(tS[p]);
  cueE = unchecked(tE[p]);
  return true;
}

function isGreeting(k: i32): bool {
  for (let i = 0; i < GREETINGS.length; i++) if (tokIs(k, unchecked(GREETINGS[i]))) return true;
  return false;
}

/** "Att.,\nSimone", "Abraços,\nMarta Lima": a name alone on the line after a closing formula. */
function signOffBefore(a: i32, b: i32): bool {
  // the name ends its line
  if (b < nTok && (unchecked(tSep[b]) & (S_NL1 | S_NL2)) == 0) return false;
  const sa = unchecked(tSep[a]);
  if (a == 0) {
    // "Atenciosamente,\n\nSimone": the formula ended the previous paragraph
    if (soS < 0 || (sa & S_NL2) == 0) return false;
    cueS = soS;
    cueE = soE;
    return true;
  }
  // on the next line, or after a comma ("Abraços, Marta")
  if ((sa & (S_NL1 | S_COMMA)) == 0) return false;
  const p = a - 1;
  // the formula starts its line or sentence
  if ((unchecked(tSep[p]) & (S_NL1 | S_NL2 | S_START | S_PERIOD)) == 0) return false;
  if (!isSignOff(p)) return false;
  cueS = unchecked(tS[p]);
  cueE = unchecked(tE[p]);
  return true;
}

function isSignOff(p: i32): bool {
  for (let i = 0; i < SIGN_OFFS.length; i++) if (tokIs(p, unchecked(SIGN_OFFS[i]))) return true;
  return false;
}

const BED_WORDS: string[] = ["leito", "lt", "box", "quarto", "qto", "apto", "cama"];

function isBedWord(p: i32): bool {
  for (let i = 0; i < BED_WORDS.length; i++) if (tokIs(p, unchecked(BED_WORDS[i]))) return true;
  return false;
}

/** Professions written after a name ("Simone - Enfermeira"). */
const ROLE_WORDS: string[] = ["enfermeira", "enfermeiro", "tecnica", "tecnico", "medica", "medico", "fisioterapeuta", "psicologa", "psicologo",
  "nutricionista", "farmaceutica", "farmaceutico", "dentista", "fonoaudiologa", "fonoaudiologo", "terapeuta", "plantonista", "residente",
  "recepcionista", "atendente", "coordenadora", "coordenador", "cirurgia", "cirurgiao", "pediatra", "obstetra", "psiquiatra", "cardiologista"];

function isRoleWord(k: i32): bool {
  for (let i = 0; i < ROLE_WORDS.length; i++) if (tokIs(k, unchecked(ROLE_WORDS[i]))) return true;
  return false;
}

/** Offices signed under a name in letters (besides ROLE_WORDS). */
const OFFICE_WORDS: string[] = ["promotor", "promotora", "defensor", "defensora", "juiz", "juiza", "delegado", "delegada", "conselheiro",
  "conselheira", "assistente", "coordenadora", "coordenador", "diretor", "diretora", "secretario", "secretaria", "procurador", "procuradora",
  "escrivao", "escriva", "perito", "perita", "analista", "supervisor", "supervisora", "gerente", "presidente", "relator", "relatora"];

/** "KLEBERSON ASTOLFO VIANA\nPROMOTOR DE JUSTIÇA", "Cleidiane Sousa\nEnfermeira - COREN": a line holding only the
 * run, followed by a line starting with a profession or office (not a field label "Médico:"). */
function roleLineAfter(a: i32, b: i32): bool {
  if (b >= nTok || unchecked(tSep[b]) != S_NL1) return false;
  if (a > 0 && (unchecked(tSep[a]) & (S_NL1 | S_NL2 | S_START)) == 0) return false;
  if (b + 1 < nTok && (unchecked(tSep[b + 1]) & S_COLON) != 0) return false;
  let ok = isRoleWord(b);
  for (let i = 0; !ok && i < OFFICE_WORDS.length; i++) if (tokIs(b, unchecked(OFFICE_WORDS[i]))) ok = true;
  if (!ok) return false;
  cueS = unchecked(tS[b]);
  cueE = unchecked(tE[b]);
  return true;
}

/** Abbreviated role words written with a period ("Pct. Antônio", "Enf. Carla", "Téc. Rui"). */
const ABBREV_CUES: string[] = ["pct", "pcte", "pacte", "pac", "enf", "enfa", "tec", "psic"];

function isAbbrevCue(p: i32): bool {
  if (unchecked(tE[p]) >= T.length || unitAt(T, unchecked(tE[p])) != 0x2e) return false;
  for (let i = 0; i < ABBREV_CUES.length; i++) if (tokIs(p, unchecked(ABBREV_CUES[i]))) return true;
  return false;
}

/** "SRA. IVONETE": a courtesy or professional title with its period right before the token. */
function titleRightBefore(a: i32): bool {
  return a > 0 && unchecked(tSep[a]) == S_PERIOD && (dict(a - 1) & D_TITLE) != 0;
}

/** "[03/02/2026 08:13] Rosa: …" or "03/02/2026 08:13 - Rosa: …": the name before ':' after a timestamp. */
function speakerAt(a: i32, b: i32): bool {
  if (b >= nTok || (unchecked(tSep[b]) & S_COLON) == 0) return false;
  if (a == 0 || (unchecked(tSep[a]) & (S_NL1 | S_NL2)) != 0) return false;
  let nums = 0;
  let p = a - 1;
  while (p >= 0) {
    if ((unchecked(tF[p]) & T_NUM) != 0) nums++;
    else if (!tokIs(p, "am") && !tokIs(p, "pm")) break; // WhatsApp exports may put AM/PM after the time
    if ((unchecked(tSep[p]) & (S_NL1 | S_NL2 | S_START | S_BRACKET)) != 0) { p--; break; }
    p--;
  }
  const first = p + 1;
  if (nums < 2) return false;
  // the timestamp starts a line or a bracket: "[03/02/2026 08:13] Rosa:" even when lines were joined
  return first == 0 || (unchecked(tSep[first]) & (S_NL1 | S_NL2 | S_START | S_BRACKET)) != 0;
}

let followVerb = false;

/** ", portador do CPF", " - CRM", " (CRM", ", 49 anos", ", RG" after the run. */
function followAt(b: i32): bool {
  if (b >= nTok) return false;
  const s = unchecked(tSep[b]);
  if ((s & (S_NL2 | S_PERIOD | S_COLON)) != 0) return false;
  if ((s & (S_COMMA | S_DASH | S_PAREN)) == 0 && s != 0) return false;
  const f = unchecked(tF[b]);
  if ((f & T_NUM) != 0) {
    if (b + 1 < nTok && unchecked(tSep[b + 1]) == 0) {
      if (tokIs(b + 1, "anos") && (s & S_COMMA) != 0) { cueS = unchecked(tS[b]); cueE = unchecked(tE[b + 1]); return true; }
    }
    return false;
  }
  followVerb = false;
  if ((s & (S_COMMA | S_DASH)) != 0 && isRoleWord(b)) {
    // "Simone - Enfermeira", "Paulo Reis, fisioterapeuta"
    cueS = unchecked(tS[b]);
    cueE = unchecked(tE[b]);
    return true;
  }
  if ((dict(b) & D_FOLLOW) != 0) {
    if (s == 0) {
      // only verbs of reporting directly after the name ("Ana refere", "Maria ligou"), and only after a given name
      if ((unchecked(tF[b]) & T_LOWER) == 0) return false;
      followVerb = true;
    }
    cueS = unchecked(tS[b]);
    cueE = unchecked(tE[b]);
    return true;
  }
  return false;
}

/** Accepts undecided runs whose first word starts a name found in the document and whose other words belong to one. */
function resolveDeferred(): void {
  if (firstWords.size == 0) return;
  for (let r = 0; r < nDeferred; r++) {
    const w0 = unchecked(dRunFirst[r]);
    const w1 = unchecked(dRunFirst[r + 1]);
    if (!firstWords.has(foldHash(T, unchecked(dWordS[w0]), unchecked(dWordE[w0])))) continue;
    let ok = true;
    for (let w = w0 + 1; w < w1; w++) {
      if (!nameWords.has(foldHash(T, unchecked(dWordS[w]), unchecked(dWordE[w])))) { ok = false; break; }
    }
    if (ok) out.push(new Finding("person_name", unchecked(dWordS[w0]), unchecked(dWordE[w1 - 1]), 0.8, false, "Parte de um nome já identificado no documento"));
  }
}

const ADJ_ENDINGS: string[] = ["ico", "ica", "icos", "icas", "oso", "osa", "ado", "ada", "ados", "adas", "ivo", "iva", "ente", "ante", "avel", "ivel", "ario", "ismo", "cao", "coes", "mento", "enso", "ensa", "tico", "tica", "ido", "ida", "idos", "idas"];

/** Unknown word with an ending typical of adjectives and clinical nouns (diabético, hipertensa, internado, gastrite). */
function looksLikeAdjective(k: i32): bool {
  const s = unchecked(tS[k]);
  const e = unchecked(tE[k]);
  for (let i = 0; i < ADJ_ENDINGS.length; i++) {
    const w = unchecked(ADJ_ENDINGS[i]);
    const p = e - w.length;
    if (p > s + 1 && matchFold(T, p, w) == e) return true;
  }
  return false;
}

/** The token follows a lower-case word of the same sentence (not the start of a sentence, line or field). */
function midSentence(a: i32): bool {
  if (a == 0) return false;
  const sp = unchecked(tSep[a]);
  if (sp != 0 && sp != S_COMMA) return false;
  return (unchecked(tF[a - 1]) & T_LOWER) != 0;
}

/** Token k is `word` (case/accent-insensitive). */
function tokIs(k: i32, word: string): bool {
  return unchecked(tE[k]) - unchecked(tS[k]) == word.length && matchFold(T, unchecked(tS[k]), word) == unchecked(tE[k]);
}

function remember(a: i32, b: i32): void {
  let first = true;
  for (let k = a; k < b; k++) {
    if (((dict(k) & D_PART) != 0 || (unchecked(tF[k]) & T_INITIAL) != 0) && k > a) continue;
    const h = foldHash(T, unchecked(tS[k]), unchecked(tE[k]));
    nameWords.add(h);
    if (first) { firstWords.add(h); first = false; }
  }
}

function emit(a: i32, b: i32, conf: f64, reason: string): void {
  out.push(new Finding("person_name", unchecked(tS[a]), unchecked(tE[b - 1]), conf > 0.99 ? 0.99 : conf, false, reason));
}
