// Finds what a number's surroundings say it is: a context word just before it (with only connector words in
// between), or the header of its column when the text is a delimited table (CSV/TSV export).
import { findKeywordBefore, keywordStart, keywordEnd, unitAt, isDigit, isLetter, isSpace } from "../../sdk/assembly/index";
import { KEYWORDS, KEYWORD_CLASS, K_NONE } from "./keywords";

/** Class (K_*) of the context found by the last call, its keyword span, and whether it came from a column header. */
export let ctxClass: i32 = K_NONE;
export let ctxStart: i32 = -1;
export let ctxEnd: i32 = -1;
export let ctxFromHeader: bool = false;

const WINDOW: i32 = 48;
const MAX_GAP_WORDS: i32 = 3;

/** True when text[from, to) holds no digits and at most MAX_GAP_WORDS words ("do", "nº", "dela é"…). */
function connectorGap(text: string, from: i32, to: i32): bool {
  let words = 0;
  let inWord = false;
  let lineBreaks = 0;
  for (let i = from; i < to; i++) {
    const c = unitAt(text, i);
    if (isDigit(c)) return false;
    // a table cell boundary: the word belongs to another cell
    if (c == 0x3b || c == 0x09 || c == 0x7c || (c == 0x2c && tableDelim == 0x2c)) return false;
    if (c == 0x0a) { lineBreaks++; if (lineBreaks > 1) return false; }
    if (isLetter(c)) {
      if (!inWord) { words++; inWord = true; }
    } else inWord = false;
  }
  return words <= MAX_GAP_WORDS;
}

// ---- delimited tables ----
let tableDelim: i32 = 0;

/** The cell delimiter of the text's table (';', tab or ','), or 0 when the text is not a delimited table. */
export function tableDelimiter(): i32 {
  return tableDelim;
}
let headerStart: i32 = 0;
let headerEnd: i32 = 0;

/** Looks at the first line of the text: if it looks like a table header, remembers it. */
export function prepareTable(text: string): void {
  tableDelim = 0;
  const n = text.length;
  let s = 0;
  while (s < n && (isSpace(unitAt(text, s)) || unitAt(text, s) == 0xfeff)) s++;
  let e = s;
  let semis = 0, tabs = 0, commas = 0, digits = 0;
  while (e < n && e - s < 4000) {
    const c = unitAt(text, e);
    if (c == 0x0a || c == 0x0d) break;
    if (c == 0x3b) semis++;
    else if (c == 0x09) tabs++;
    else if (c == 0x2c) commas++;
    else if (isDigit(c)) digits++;
    e++;
  }
  // a header: short cells, no digits
  if (digits > 0 || e - s > 1500) return;
  if (semis >= 1 && (e - s) / (semis + 1) <= 40) tableDelim = 0x3b;
  else if (tabs >= 1 && (e - s) / (tabs + 1) <= 40) tableDelim = 0x09;
  else if (commas >= 2 && (e - s) / (commas + 1) <= 30) tableDelim = 0x2c;
  headerStart = s;
  headerEnd = e;
}

/** Finds the header cell of the column holding `pos`; returns false when not in a table row. */
function headerContext(text: string, pos: i32): bool {
  if (tableDelim == 0 || pos < headerEnd) return false;
  // start of the line
  let ls = pos;
  const limit = pos - 4000 < 0 ? 0 : pos - 4000;
  while (ls > limit && unitAt(text, ls - 1) != 0x0a) ls--;
  if (ls == limit && ls > 0) return false;
  let col = 0;
  let cellStart = ls;
  for (let i = ls; i < pos; i++) if (unitAt(text, i) == tableDelim) { col++; cellStart = i + 1; }
  // the number must open its cell (only spaces or a quote before it)
  for (let i = cellStart; i < pos; i++) {
    const c = unitAt(text, i);
    if (!isSpace(c) && c != 0x22 && c != 0x27) return false;
  }
  // header cell `col`
  let c0 = headerStart;
  let k = 0;
  while (k < col && c0 < headerEnd) {
    if (unitAt(text, c0) == tableDelim) k++;
    c0++;
  }
  if (k < col) return false;
  let c1 = c0;
  while (c1 < headerEnd && unitAt(text, c1) != tableDelim) c1++;
  if (c1 <= c0) return false;
  const idx = findKeywordBefore(text, c1, c1 - c0, KEYWORDS);
  if (idx < 0 || keywordStart < c0) return false;
  ctxClass = unchecked(KEYWORD_CLASS[idx]);
  ctxStart = keywordStart;
  ctxEnd = keywordEnd;
  ctxFromHeader = true;
  return true;
}

/** Sets ctxClass/ctxStart/ctxEnd for a number starting at `pos`; returns ctxClass. */
export function contextBefore(text: string, pos: i32): i32 {
  ctxClass = K_NONE;
  ctxStart = -1;
  ctxEnd = -1;
  ctxFromHeader = false;
  // in a table row, the column header says what the cell holds
  if (headerContext(text, pos)) return ctxClass;
  // the gap between keyword and number holds no digits: look back only to the previous digit
  let from = pos;
  const limit = pos - WINDOW < 0 ? 0 : pos - WINDOW;
  while (from > limit && !isDigit(unitAt(text, from - 1))) from--;
  const idx = from < pos ? findKeywordBefore(text, pos, pos - from, KEYWORDS) : -1;
  if (idx >= 0 && connectorGap(text, keywordEnd, pos)) {
    ctxClass = unchecked(KEYWORD_CLASS[idx]);
    ctxStart = keywordStart;
    ctxEnd = keywordEnd;
  }
  return ctxClass;
}
