// Birth-date detector. A date is a birth date only by its context: a keyword right before it (DN, D.N.,
// nascido(a) em, nasc., data de nascimento…) that is nearer than any keyword of another kind of date
// (atendimento, coleta, alta, impressão…), a table column titled "Nascimento"/"data_nascimento", or the age
// written right after it ("12/03/1985 (41 anos)"). Dates are numeric (12/03/1985, 12-03-1985, 12.03.1985,
// 12/03/85, 1985-03-12) or written out (12 de março de 1985, 1º de maio de 1990, 12/mar/1985); each is checked
// against the calendar and must not lie in the future (when the host passes options.today).
import { Finding, unitAt, isDigit, isLetter, isSpace, isDash, fold, matchFold, isWordEnd, findKeywordBefore, keywordStart, keywordEnd } from "../../sdk/assembly";
import { aligned, alignedHeaderColumns, hasAlignedGap, headerColumns, lineContains, scanLine } from "../../sdk/assembly/table";

const BIRTH = 0; // keywords before this index mean "birth"
const KEYWORDS: string[] = [
  // birth
  "dn", "d.n.", "d. n.", "d.n", "nasc*", "dt nasc*", "dob", "birth", "born", "natalicio", "idade", "aniversario",
  // other kinds of date
  "atendimento", "atendido", "atendida", "consulta*", "coleta*", "colhido", "colhida", "alta", "internacao", "internado", "internada",
  "admissao", "admitido", "admitida", "emissao", "emitido", "emitida", "impressao", "impresso", "impressa", "data", "entrada", "saida",
  "cadastro", "cadastrado", "exame*", "validade", "vencimento", "valido", "obito", "falecimento", "falecid*", "retorno", "agenda*",
  "liberad*", "liberacao", "assinad*", "assinatura", "realizad*", "realizacao", "cirurgia", "procedimento", "vacina*", "dose", "dum",
  "dpp", "parto", "solicitacao", "solicitad*", "pedido", "recebimento", "recebid*", "entrega", "periodo", "inicio", "termino",
  "fim", "desde", "atualizad*", "atualizacao", "revisad*", "revisao", "protocolo", "oficio", "hoje", "ultima", "ultimo", "diagnostic*",
  "sintomas", "infeccao", "contato", "visita", "sessao", "prescricao", "prescrito", "receita", "laudo", "resultado", "registrad*",
  "registro", "expedicao", "expedido", "afastamento", "atestado", "competencia", "referencia", "gerado", "gerada",
];
const N_BIRTH = 12;

const MONTHS: string[] = ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"];
const MONTHS3: string[] = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"];

let T: string = "";
let out: Finding[] = [];
let todayKey = 0; // yyyymmdd, 0 = unknown

// parsed date
let pY = 0;
let pM = 0;
let pD = 0;
let pEnd = 0;
let pShortYear = false;

// table state
let tableSep = 0;
let birthCols: u32 = 0;
// a table aligned with spaces whose header has a birth column (its fields' columns are in `aligned`)
let alignedBirthCols: u32 = 0;
let curField = 0;
let lineStart = 0;
let inQuote = false;
let headerTitles: string[] = [];
const colTitle = new StaticArray<i32>(32);

let emitting = false;
// dates reported as birth dates in the first pass: the same date elsewhere without context is one too
const MAX_BIRTH_KEYS = 4096;
const birthKeys = new StaticArray<i32>(MAX_BIRTH_KEYS);
let nBirthKeys = 0;

function isBirthKey(key: i32): bool {
  for (let i = 0; i < nBirthKeys; i++) if (unchecked(birthKeys[i]) == key) return true;
  return false;
}
let maxOtherKey = 0; // latest date of the document that is not a birth date (yyyymmdd)

export function detectBirthDates(text: string, optionsJson: string): Finding[] {
  T = text;
  out = [];
  todayKey = parseToday(optionsJson);
  // without today's date, a birth date must not be later than every other date of the document: a first
  // pass finds the latest other date, the second one reports
  maxOtherKey = 0;
  nBirthKeys = 0;
  emitting = false;
  scan();
  emitting = true;
  scan();
  return out;
}

function scan(): void {
  headerTitles = [];
  tableSep = 0;
  birthCols = 0;
  alignedBirthCols = 0;
  const n = T.length;
  let prevEnd = 0;
  startLine(0);
  let i = 0;
  while (i < n) {
    const c = unitAt(T, i);
    if (c == 0x0a) {
      curField = 0;
      inQuote = false;
      startLine(i + 1);
      i++;
      continue;
    }
    if (tableSep != 0 && c == 0x22) inQuote = !inQuote;
    if (tableSep != 0 && c == tableSep && !inQuote) {
      curField++;
      i++;
      continue;
    }
    if (isLetter(c)) {
      // a word: a date written out in words starts with a number word ("vinte e três de maio de mil…")
      if ((i == 0 || !isDigit(unitAt(T, i - 1))) && mayBeNumberWord(i) && parseWordDate(i)) {
        consider(i, pEnd, prevEnd);
        prevEnd = i = pEnd;
        continue;
      }
      i++;
      while (i < n && isLetter(unitAt(T, i))) i++;
      continue;
    }
    if (!isDigit(c) || (i > 0 && (isDigit(unitAt(T, i - 1)) || isLetter(unitAt(T, i - 1))))) {
      i++;
      continue;
    }
    if (!parseDate(i)) {
      while (i < n && isDigit(unitAt(T, i))) i++;
      continue;
    }
    consider(i, pEnd, prevEnd);
    prevEnd = i = pEnd;
  }
}

/** The date just parsed at [s, e): reported when it is a birth date, else remembered if it is the latest other one. */
function consider(s: i32, e: i32, prevEnd: i32): void {
  if (validDate() && !classify(s, e, prevEnd)) {
    const key = pY * 10000 + pM * 100 + pD;
    if (key > maxOtherKey) maxOtherKey = key;
  }
}

function parseToday(json: string): i32 {
  const k = json.indexOf("\"today\"");
  if (k < 0) return 0;
  let p = k + 7;
  const n = json.length;
  while (p < n && (unitAt(json, p) == 0x3a || unitAt(json, p) == 0x20 || unitAt(json, p) == 0x22)) p++;
  let v = 0;
  let digits = 0;
  while (p < n && digits < 8) {
    const c = unitAt(json, p);
    if (isDigit(c)) { v = v * 10 + (c - 0x30); digits++; }
    else if (c != 0x2d) break;
    p++;
  }
  return digits == 8 ? v : 0;
}

function startLine(ls: i32): void {
  lineStart = ls;
  curField = 0;
  const line = scanLine(T, ls);
  const le = line.end;
  if (tableSep != 0) {
    if (lineContains(T, ls, le, tableSep)) return;
    tableSep = 0;
    birthCols = 0;
  }
  const sep = line.sep;
  if (alignedBirthCols != 0) {
    // the aligned table goes on while its rows keep their gaps of spaces
    if (sep == 0 && hasAlignedGap(T, ls, le)) return;
    alignedBirthCols = 0;
  }
  if (line.digits >= 4) return; // a header row holds column titles, not dates or numbers
  if (sep == 0) {
    if (hasAlignedGap(T, ls, le)) alignedBirthCols = alignedHeaderColumns(T, ls, le, isBirthHeader, recordBirthColumn);
    return;
  }
  const mask = headerColumns(T, ls, le, sep, isBirthHeader, recordBirthColumn);
  if (mask != 0) {
    tableSep = sep;
    birthCols = mask;
  }
}

function recordBirthColumn(field: i32, a: i32, b: i32): void {
  unchecked(colTitle[field] = headerTitles.length);
  headerTitles.push("Data na coluna '" + T.substring(a, b) + "' da tabela");
}

/** A column title about birth: contains "nasc" ("Data de nasc.", "data_nascimento", "DtNasc"), or is DN / D.N. / DOB. */
function isBirthHeader(a: i32, b: i32): bool {
  if (b - a > 40) return false;
  for (let i = a; i + 4 <= b; i++) if (matchFold(T, i, "nasc") >= 0) return true;
  const len = b - a;
  if (len == 2 && matchFold(T, a, "dn") == b) return true;
  if (matchFold(T, a, "d.n.") == b || matchFold(T, a, "d.n") == b) return true;
  if (len == 3 && matchFold(T, a, "dob") == b) return true;
  return false;
}

@inline function digitAt(p: i32): i32 {
  return p < T.length && isDigit(unitAt(T, p)) ? unitAt(T, p) - 0x30 : -1;
}

/** Reads 1..max digits at p; sets numEnd; returns the value or -1. */
let numEnd = 0;
function readNum(p: i32, min: i32, max: i32): i32 {
  let v = 0;
  let k = 0;
  while (k < max && digitAt(p + k) >= 0) {
    v = v * 10 + digitAt(p + k);
    k++;
  }
  if (k < min || digitAt(p + k) >= 0) return -1;
  numEnd = p + k;
  return v;
}

function parseDate(p: i32): bool {
  const n = T.length;
  pCompact = false;
  // without separators, "DN 12031985" (ddmmyyyy) or "19850312": only right after a birth keyword (see classify)
  if (compactDate(p)) return true;
  // ISO yyyy-mm-dd, and yyyy/mm/dd, yyyy.mm.dd
  const a = readNum(p, 1, 4);
  if (a < 0) return false;
  const aEnd = numEnd;
  const aLen = aEnd - p;
  if (aLen == 4 && aEnd < n && (unitAt(T, aEnd) == 0x2d || unitAt(T, aEnd) == 0x2f || unitAt(T, aEnd) == 0x2e)) {
    const sep = unitAt(T, aEnd);
    const m = readNum(aEnd + 1, 2, 2);
    if (m >= 0 && numEnd < n && unitAt(T, numEnd) == sep) {
      const d = readNum(numEnd + 1, 2, 2);
      if (d >= 0 && !continuesNumber(numEnd)) {
        pY = a; pM = m; pD = d; pEnd = numEnd; pShortYear = false;
        return true;
      }
    }
    return false;
  }
  if (aLen > 2) return false;
  if (spacedNumeric(a, aEnd)) return true;
  let q = aEnd;
  // ordinal "1º", "1o", "1°"
  if (q < n && (unitAt(T, q) == 0xba || unitAt(T, q) == 0xb0 || unitAt(T, q) == 0x6f) && (q + 1 >= n || !isLetter(unitAt(T, q + 1)))) q++;
  if (q >= n) return false;
  const c = unitAt(T, q);
  // numeric d/m/y
  if ((c == 0x2f || c == 0x2d || c == 0x2e) && q == aEnd) {
    const m = readNum(q + 1, 1, 2);
    if (m >= 0) {
      const sepEnd = numEnd;
      if (sepEnd < n && unitAt(T, sepEnd) == c) {
        const y = readNum(sepEnd + 1, 2, 4);
        if (y >= 0 && (numEnd - sepEnd - 1 == 4 || numEnd - sepEnd - 1 == 2) && !continuesNumber(numEnd)) {
          pD = a; pM = m; pY = y; pEnd = numEnd; pShortYear = numEnd - sepEnd - 1 == 2;
          return true;
        }
      }
      return false;
    }
    // 12/mar/1985
    const mm = monthAt(q + 1);
    if (mm > 0 && monthEnd < n && (unitAt(T, monthEnd) == c || unitAt(T, monthEnd) == 0x20)) {
      const y = readNum(monthEnd + 1, 2, 4);
      if (y >= 0 && !continuesNumber(numEnd)) {
        pD = a; pM = mm; pY = y; pEnd = numEnd; pShortYear = numEnd - monthEnd - 1 == 2;
        return true;
      }
    }
    return false;
  }
  // written: "12 de março de 1985", "12 março 1985", "1º de maio, 1990"
  if (!isSpace(c)) return false;
  let r = skipSpaces(q);
  let e = matchFold(T, r, "de");
  if (e >= 0 && isSpace(unitAt(T, e))) r = skipSpaces(e);
  const mm = monthAt(r);
  if (mm <= 0) return false;
  r = monthEnd;
  if (r < n && unitAt(T, r) == 0x2e) r++;
  let r2 = skipSpaces(r);
  e = matchFold(T, r2, "de");
  if (e >= 0 && e < n && isSpace(unitAt(T, e))) r2 = skipSpaces(e);
  else if (r2 < n && (unitAt(T, r2) == 0x2c || unitAt(T, r2) == 0x2f)) r2 = skipSpaces(r2 + 1);
  if (r2 == r && !(r < n && isSpace(unitAt(T, r)))) return false;
  return readYear(r2, a, mm);
}

/** The year at p, in digits (4) or in words ("mil novecentos e setenta"); on success sets the parsed date. */
function readYear(p: i32, d: i32, m: i32): bool {
  let y = readNum(p, 4, 4);
  if (y >= 0) {
    if (continuesNumber(numEnd)) return false;
  } else {
    y = readWordNumber(p, 4);
    if (y < 1000) return false;
    numEnd = wordEnd;
  }
  pD = d; pM = m; pY = y; pEnd = numEnd; pShortYear = false;
  return true;
}

// ---- dates written in words: "vinte e três de maio de mil novecentos e setenta",
// "aos cinco dias do mês de março do ano de dois mil e um", "primeiro de abril de 1980"

const NUMBER_WORDS: string[] = [
  "um", "uma", "primeiro", "dois", "duas", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze",
  "treze", "quatorze", "catorze", "quinze", "dezesseis", "dezasseis", "dezessete", "dezassete", "dezoito", "dezenove", "dezanove",
  "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa", "cem", "cento", "duzentos", "trezentos",
  "quatrocentos", "quinhentos", "seiscentos", "setecentos", "oitocentos", "novecentos", "mil",
];
const NUMBER_VALUES: i32[] = [
  1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
  13, 14, 14, 15, 16, 16, 17, 17, 18, 19, 19,
  20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 200, 300,
  400, 500, 600, 700, 800, 900, 1000,
];

/** The first three letters (folded; 0 past the word's end) of every number word, as a set: a cheap filter. */
const PREFIXES = new StaticArray<bool>(27 * 27 * 27);
let prefixesBuilt = false;

@inline function letterCode(c: i32): i32 {
  const f = fold(c);
  return f >= 0x61 && f <= 0x7a ? f - 0x60 : 0;
}

function prefixKey(s: string, p: i32): i32 {
  let key = 0;
  let ended = false;
  for (let k = 0; k < 3; k++) {
    const code = ended || p + k >= s.length ? 0 : letterCode(s.charCodeAt(p + k));
    if (code == 0) ended = true;
    key = key * 27 + code;
  }
  return key;
}

/** True when the word at p starts like a number word (then numberWordAt() decides). */
function mayBeNumberWord(p: i32): bool {
  if (!prefixesBuilt) {
    for (let k = 0; k < NUMBER_WORDS.length; k++) unchecked(PREFIXES[prefixKey(unchecked(NUMBER_WORDS[k]), 0)] = true);
    prefixesBuilt = true;
  }
  return unchecked(PREFIXES[prefixKey(T, p)]);
}

let wordEnd = 0;
/** The number word at p (whole word), or -1; sets wordEnd. */
function numberWordAt(p: i32): i32 {
  if (p >= T.length) return -1;
  const f = fold(unitAt(T, p));
  for (let k = 0; k < NUMBER_WORDS.length; k++) {
    const w = unchecked(NUMBER_WORDS[k]);
    if (w.charCodeAt(0) != f) continue;
    const e = matchFold(T, p, w);
    if (e >= 0 && isWordEnd(T, e)) { wordEnd = e; return unchecked(NUMBER_VALUES[k]); }
  }
  return -1;
}

/**
 * A number written in words at p, up to `maxWords` words (joined by spaces or " e "): "vinte e três" = 23,
 * "mil novecentos e setenta e cinco" = 1975, "dois mil e dez" = 2010. Returns -1 if none; sets wordEnd.
 */
function readWordNumber(p: i32, maxWords: i32): i32 {
  let v = numberWordAt(p);
  if (v < 0) return -1;
  let total = 0;
  let current = 0;
  let words = 0;
  let end = wordEnd;
  for (;;) {
    if (v == 1000) { total += (current == 0 ? 1 : current) * 1000; current = 0; } else current += v;
    words++;
    end = wordEnd;
    if (words >= maxWords) break;
    // next word: after spaces, optionally "e"
    let q = skipSpaces(end);
    if (q == end) break;
    const eAt = matchFold(T, q, "e");
    if (eAt >= 0 && isWordEnd(T, eAt)) q = skipSpaces(eAt);
    v = numberWordAt(q);
    if (v < 0) break;
  }
  wordEnd = end;
  return total + current;
}

/** Skips the word `w` (and the spaces after it) at p; returns where the next word starts, or -1. */
function skipWord(p: i32, w: string): i32 {
  const e = matchFold(T, p, w);
  if (e < 0 || !isWordEnd(T, e)) return -1;
  return skipSpaces(e);
}

function parseWordDate(p: i32): bool {
  const d = readWordNumber(p, 2);
  if (d < 1 || d > 31) return false;
  let r = skipSpaces(wordEnd);
  if (r == wordEnd) return false;
  // "… dias do mês de", "… dia do mês de"
  let k = skipWord(r, "dias");
  if (k < 0) k = skipWord(r, "dia");
  if (k >= 0) {
    const m = skipWord(k, "do");
    if (m < 0) return false;
    const mes = skipWord(m, "mes");
    if (mes < 0) return false;
    r = mes;
  }
  const de = skipWord(r, "de");
  if (de >= 0) r = de;
  const mm = monthAt(r);
  if (mm <= 0) return false;
  r = skipSpaces(monthEnd);
  // "de 1970", "de mil…", "do ano de …"
  let y = skipWord(r, "de");
  if (y < 0) {
    const doAno = skipWord(r, "do");
    if (doAno < 0) return false;
    const ano = skipWord(doAno, "ano");
    if (ano < 0) return false;
    y = skipWord(ano, "de");
    if (y < 0) return false;
  }
  return readYear(y, d, mm);
}

/** Set by compactDate(): the date had no separators, so only a birth keyword right before makes it one. */
let pCompact = false;

@inline function digitPair(p: i32): i32 {
  return (unitAt(T, p) - 0x30) * 10 + unitAt(T, p + 1) - 0x30;
}

/** Eight digits that read as a valid date: ddmmyyyy, else yyyymmdd (19xx/20xx). */
function compactDate(p: i32): bool {
  if (p + 8 > T.length) return false;
  for (let k = 0; k < 8; k++) if (!isDigit(unitAt(T, p + k))) return false;
  if (p + 8 < T.length && (isDigit(unitAt(T, p + 8)) || continuesNumber(p + 8))) return false;
  const d = digitPair(p), m = digitPair(p + 2), y = digitPair(p + 4) * 100 + digitPair(p + 6);
  pEnd = p + 8; pShortYear = false; pCompact = true;
  if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1880 && y <= 2100) { pD = d; pM = m; pY = y; return true; }
  const y2 = digitPair(p) * 100 + digitPair(p + 2), m2 = digitPair(p + 4), d2 = digitPair(p + 6);
  if (y2 >= 1880 && y2 <= 2100 && m2 >= 1 && m2 <= 12 && d2 >= 1 && d2 <= 31) { pD = d2; pM = m2; pY = y2; return true; }
  pCompact = false;
  return false;
}

/** OCR and typing variants with spaces around the separators: "12 / 03 / 1985", "12/03/ 1985" (4-digit year). */
function spacedNumeric(a: i32, aEnd: i32): bool {
  const n = T.length;
  let q = aEnd;
  let spaced = false;
  if (q < n && unitAt(T, q) == 0x20) { q++; spaced = true; }
  if (q >= n) return false;
  const c = unitAt(T, q);
  if (c != 0x2f && c != 0x2d && c != 0x2e) return false;
  q++;
  if (q < n && unitAt(T, q) == 0x20) { q++; spaced = true; }
  const m = readNum(q, 1, 2);
  if (m < 0) return false;
  q = numEnd;
  if (q < n && unitAt(T, q) == 0x20) { q++; spaced = true; }
  if (q >= n || unitAt(T, q) != c) return false;
  q++;
  if (q < n && unitAt(T, q) == 0x20) { q++; spaced = true; }
  if (!spaced) return false;
  const y = readNum(q, 4, 4);
  if (y < 0 || continuesNumber(numEnd)) return false;
  pD = a; pM = m; pY = y; pEnd = numEnd; pShortYear = false;
  return true;
}

function continuesNumber(p: i32): bool {
  // "12/03/1985/2" or "12.03.1985.4" are not dates
  if (p + 1 < T.length) {
    const c = unitAt(T, p);
    if ((c == 0x2f || c == 0x2e || c == 0x2d) && isDigit(unitAt(T, p + 1))) return true;
  }
  return p < T.length && isLetter(unitAt(T, p));
}

function skipSpaces(p: i32): i32 {
  const n = T.length;
  while (p < n && (unitAt(T, p) == 0x20 || unitAt(T, p) == 0xa0 || unitAt(T, p) == 0x09)) p++;
  return p;
}

let monthEnd = 0;
/** Month name (full or 3-letter) at p, 1..12, or 0. */
function monthAt(p: i32): i32 {
  if (p >= T.length || !isLetter(unitAt(T, p))) return 0;
  for (let m = 0; m < 12; m++) {
    let e = matchFold(T, p, unchecked(MONTHS[m]));
    if (e >= 0 && isWordEnd(T, e)) { monthEnd = e; return m + 1; }
    e = matchFold(T, p, unchecked(MONTHS3[m]));
    if (e >= 0 && isWordEnd(T, e)) { monthEnd = e; return m + 1; }
  }
  return 0;
}

function validDate(): bool {
  if (pShortYear) {
    // two-digit year: the most recent past century
    const ty = todayKey > 0 ? (todayKey / 10000) % 100 : 30;
    pY += pY <= ty ? 2000 : 1900;
  }
  if (pY < 1880 || pY > 2100 || pM < 1 || pM > 12 || pD < 1) return false;
  let dim = 31;
  if (pM == 4 || pM == 6 || pM == 9 || pM == 11) dim = 30;
  else if (pM == 2) dim = (pY % 4 == 0 && (pY % 100 != 0 || pY % 400 == 0)) ? 29 : 28;
  if (pD > dim) return false;
  if (todayKey > 0 && pY * 10000 + pM * 100 + pD > todayKey) return false;
  return true;
}

/** Reports the date at [s, e) when its context makes it a birth date; returns whether it is one. */
function classify(s: i32, e: i32, prevEnd: i32): bool {
  // table cell
  if (tableSep != 0 && curField < 32) {
    if ((birthCols & ((<u32>1) << curField)) != 0) {
      emit(s, e, 0.93, headerTitles[unchecked(colTitle[curField])]);
      return true;
    }
    return false;
  }
  // a cell under the birth column of a table aligned with spaces (other cells: the usual context rules)
  if (alignedBirthCols != 0) {
    const field = aligned.fieldAt(s - lineStart);
    if (field < 32 && (alignedBirthCols & ((<u32>1) << field)) != 0) {
      emit(s, e, 0.9, headerTitles[unchecked(colTitle[field])]);
      return true;
    }
  }
  // keyword before, on the same line (or a label ending the previous line), after the previous date
  let from = lineStart;
  if (from > 0 && s - from < 3) {
    // "Data de nascimento:\n12/03/1985"
    let p = from - 1;
    while (p > 0 && (unitAt(T, p - 1) == 0x20 || unitAt(T, p - 1) == 0x0d)) p--;
    if (p > 0 && unitAt(T, p - 1) == 0x3a) {
      from = p - 1;
      while (from > 0 && unitAt(T, from - 1) != 0x0a) from--;
    }
  }
  if (from < prevEnd) from = prevEnd;
  if (s - from > 80) from = s - 80;
  const k = findKeywordBefore(T, s, s - from, KEYWORDS);
  if (k >= 0 && k < N_BIRTH) {
    emit(s, e, pShortYear || pCompact ? 0.85 : 0.95, "Data após '" + T.substring(keywordStart, keywordEnd) + "'");
    return true;
  }
  if (k >= 0 || pCompact) return false;
  if (emitting && nBirthKeys > 0 && isBirthKey(pY * 10000 + pM * 100 + pD)) {
    emit(s, e, 0.85, "Mesma data de nascimento citada antes no documento");
    return true;
  }
  // age right after: "12/03/1985 (41 anos)", "12/03/1985, 41 anos"
  const n = T.length;
  let p = e;
  let hops = 0;
  while (p < n && hops < 4 && (unitAt(T, p) == 0x20 || unitAt(T, p) == 0x28 || unitAt(T, p) == 0x2c || isDash(unitAt(T, p)))) { p++; hops++; }
  const age = readNum(p, 1, 3);
  if (age >= 0 && age <= 130) {
    const q = skipSpaces(numEnd);
    const ae = matchFold(T, q, "anos");
    if (ae >= 0 && isWordEnd(T, ae)) {
      if (todayKey > 0) {
        const diff = <i32>(todayKey / 10000) - pY - age;
        if (diff < 0 || diff > 1) return false;
      }
      emit(s, e, 0.8, "Data seguida da idade ('" + T.substring(p, ae) + "')");
      return true;
    }
  }
  return false;
}

function emit(s: i32, e: i32, conf: f64, reason: string): void {
  if (!emitting) {
    const key = pY * 10000 + pM * 100 + pD;
    if (nBirthKeys < MAX_BIRTH_KEYS && !isBirthKey(key)) { unchecked(birthKeys[nBirthKeys] = key); nBirthKeys++; }
    return;
  }
  if (todayKey == 0 && maxOtherKey > 0 && pY * 10000 + pM * 100 + pD > maxOtherKey) return;
  out.push(new Finding("birth_date", s, e, conf, true, reason));
}
