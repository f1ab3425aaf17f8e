// Single pass over the text's UTF-16 code units. Cheap tests decide at each position whether a candidate can
// start there (a digit, '(' or '+', a council acronym, an upper-case letter of an alphanumeric CNPJ, '@');
// only candidates are examined further. No regular expressions, no allocation per character.
import { Finding, unitAt, isDigit, isAsciiLetter, isLetter, isNonAsciiLetter, isWordChar, isSpace, isDash, fold } from "../../sdk/assembly/index";
import { cpfValid, cnpjValid, cnsValid, pisValid, cnhValid, voterValid, rgSpValid } from "./checks";
import { contextBefore, ctxClass, ctxStart, ctxEnd, ctxFromHeader, prepareTable, tableDelimiter } from "./context";
import {
  K_NONE, K_CPF, K_CNPJ, K_RG, K_CNS, K_CNH, K_PIS, K_VOTER, K_MR, K_MR_WEAK, K_CEP, K_PHONE, K_NEG, RG_AFTER,
} from "./keywords";
import { findKeywordAfter, keywordStart } from "../../sdk/assembly/index";
import { tryProfessional, profAcronym, profUf, releaseProfessionalText } from "./professional";
import { tryPhone, phoneStrong, phoneDdd, validDdd, releasePhoneText } from "./phone";
import { tryEmail, emailStart } from "./email";

let text: string = "";
let n: i32 = 0;
let out: Finding[] = [];

// ---- scratch: digits and structure of the current number group ----
const DIG: usize = memory.data(64);
const MAX_DIGITS: i32 = 24;
const MAX_TOKENS: i32 = 6;
const MAX_RUNS: i32 = 16;
let ndig: i32 = 0;
// runs (maximal digit sequences) of the group
const runLen = new StaticArray<i32>(MAX_RUNS);
const runSep = new StaticArray<i32>(MAX_RUNS); // separator before the run (0 for the first run)
let nrun: i32 = 0;
// tokens: runs joined by tight separators ('.', '-', '/'); tokens are joined by spaces or one line break
const tokStart = new StaticArray<i32>(MAX_TOKENS);
const tokEnd = new StaticArray<i32>(MAX_TOKENS);
const tokDigits = new StaticArray<i32>(MAX_TOKENS); // digits up to the end of this token
const tokRuns = new StaticArray<i32>(MAX_TOKENS); // runs up to the end of this token
const tokPure = new StaticArray<bool>(MAX_TOKENS);
let ntok: i32 = 0;
/** The group's last token ends with "-X" (RG check digit X). */
let endsWithX: bool = false;

// @ts-ignore: decorator
@inline function at(i: i32): i32 {
  return i >= 0 && i < n ? unitAt(text, i) : -1;
}

// @ts-ignore: decorator
@inline function dig(i: i32): i32 {
  return <i32>load<u8>(DIG + <usize>i);
}

function emit(type: string, start: i32, end: i32, confidence: f64, validated: bool, reason: string): void {
  out.push(new Finding(type, start, end, confidence, validated, reason));
}

const CHECK_OK = " com dígitos verificadores válidos";
const CHECK_BAD = " com dígitos verificadores que não conferem";
const AFTER_WORD = ", após a palavra '";
const IN_COLUMN = ", na coluna '";
const QUOTE = "'";

// @ts-ignore: decorator
@inline function copyUnits(dst: usize, src: usize, units: i32): usize {
  memory.copy(dst, src, <usize>units << 1);
  return dst + (<usize>units << 1);
}

// Reasons repeat a lot ("CPF com dígitos verificadores válidos, após a palavra 'CPF'"): identical ones are
// shared through a small cache instead of being allocated per finding.
const reasonCache = new StaticArray<string | null>(256);

// @ts-ignore: decorator
@inline function sameUnits(a: usize, b: usize, units: i32): bool {
  return memory.compare(a, b, <usize>units << 1) == 0;
}

/** "<label>[ com dígitos…][, após a palavra '<context>']", shared when identical to a recent one. */
function reasonFor(label: string, validated: bool, hasCheck: bool): string {
  const check = hasCheck ? (validated ? CHECK_OK : CHECK_BAD) : "";
  const hasCtx = ctxStart >= 0 && ctxEnd > ctxStart && ctxEnd - ctxStart <= 60;
  const prefix = hasCtx ? (ctxFromHeader ? IN_COLUMN : AFTER_WORD) : "";
  const ctxLen = hasCtx ? ctxEnd - ctxStart : 0;
  const total = label.length + check.length + prefix.length + ctxLen + (hasCtx ? 1 : 0);
  const ctxPtr = changetype<usize>(text) + (<usize>(hasCtx ? ctxStart : <i32>0) << 1);
  // hash of the pieces
  let h: u32 = <u32>changetype<usize>(label) * 31 + <u32>changetype<usize>(check) * 17 + <u32>changetype<usize>(prefix) + <u32>total;
  for (let k = 0; k < ctxLen; k++) h = h * 31 + <u32>load<u16>(ctxPtr + (<usize>k << 1));
  h ^= h >> 13;
  const slot = <i32>(h & 255);
  const cached = unchecked(reasonCache[slot]);
  if (cached !== null && cached.length == total) {
    let q = changetype<usize>(cached);
    if (sameUnits(q, changetype<usize>(label), label.length)) {
      q += <usize>label.length << 1;
      if (sameUnits(q, changetype<usize>(check), check.length)) {
        q += <usize>check.length << 1;
        if (!hasCtx) return cached;
        if (sameUnits(q, changetype<usize>(prefix), prefix.length)) {
          q += <usize>prefix.length << 1;
          if (sameUnits(q, ctxPtr, ctxLen)) return cached;
        }
      }
    }
  }
  const out = __new(<usize>total << 1, idof<string>());
  let p = copyUnits(out, changetype<usize>(label), label.length);
  p = copyUnits(p, changetype<usize>(check), check.length);
  if (hasCtx) {
    p = copyUnits(p, changetype<usize>(prefix), prefix.length);
    p = copyUnits(p, ctxPtr, ctxLen);
    copyUnits(p, changetype<usize>(QUOTE), 1);
  }
  const str = changetype<string>(out);
  unchecked(reasonCache[slot] = str);
  return str;
}

/** A number may start at `i`: not glued to a preceding letter/digit or to "ABC-"/"12." prefixes. */
function startOk(i: i32): bool {
  if (i == 0) return true;
  const p = unitAt(text, i - 1);
  if (isDigit(p) || isAsciiLetter(p) || p == 0x40 || p == 0x5f) return false;
  if (i >= 2) {
    const q = unitAt(text, i - 2);
    // "ABC-123", "X/123" belong to codes; "2.123", "1,5" to decimals and versions
    if ((p == 0x2f || isDash(p)) && (isDigit(q) || isAsciiLetter(q))) return false;
    // (in a comma-separated table the comma ends the previous cell: "19.04.1982,169176976820003")
    if ((p == 0x2e || (p == 0x2c && tableDelimiter() != 0x2c)) && isDigit(q)) return false;
  }
  return true;
}

/** True at a tight separator followed by a digit (possibly after one line break). Returns the digit's index or -1. */
function tightContinuation(p: i32): i32 {
  const c = at(p);
  if (!(c == 0x2e || c == 0x2f || isDash(c))) return -1;
  let q = p + 1;
  if (isDigit(at(q))) return q;
  // "529.982.\n247-25"
  let sawBreak = false;
  while (q < n && q - p < 6) {
    const d = unitAt(text, q);
    if (d == 0x0a) { if (sawBreak) return -1; sawBreak = true; }
    else if (!(d == 0x0d || d == 0x20 || d == 0x09)) break;
    q++;
  }
  return sawBreak && isDigit(at(q)) ? q : -1;
}

/** Index of the digit starting the next token when tokens are joined by 1–2 spaces or one line break; else -1. */
function looseContinuation(p: i32): i32 {
  let q = p;
  let spaces = 0;
  let breaks = 0;
  while (q < n && q - p < 8) {
    const c = unitAt(text, q);
    if (c == 0x20 || c == 0xa0 || c == 0x09 || c == 0x202f) spaces++;
    else if (c == 0x0a) breaks++;
    else if (c != 0x0d) break;
    q++;
  }
  if (q == p || breaks > 1 || (breaks == 0 && spaces > 2)) return -1;
  return isDigit(at(q)) ? q : -1;
}

/**
 * Reads the group of tokens starting at digit `i` into DIG/runs/tokens. Returns false when the first token is
 * part of a larger code (followed by a letter, '@', or a tight separator + letter).
 */
function readGroup(i: i32): bool {
  ndig = 0; nrun = 0; ntok = 0; endsWithX = false;
  let p = i;
  while (ntok < MAX_TOKENS) {
    const ts = p;
    let pure = true;
    let sep = 0;
    // runs of this token
    while (true) {
      const rs = p;
      while (p < n && isDigit(unitAt(text, p))) {
        if (ndig < MAX_DIGITS) store<u8>(DIG + <usize>ndig, <u8>(unitAt(text, p) - 0x30));
        ndig++;
        p++;
      }
      if (nrun < MAX_RUNS) { unchecked(runLen[nrun] = p - rs); unchecked(runSep[nrun] = sep); }
      nrun++;
      const q = tightContinuation(p);
      if (q < 0) break;
      sep = unitAt(text, p);
      pure = false;
      p = q;
    }
    // "12.345.678-X", "12345678X"
    let x = false;
    if (isDash(at(p)) && (at(p + 1) | 0x20) == 0x78 && !isWordChar(at(p + 2))) { x = true; }
    const xBare = !x && (at(p) | 0x20) == 0x78 && !isWordChar(at(p + 1)) && ndig == 8 && ntok == 0;
    const after = at(p);
    const glued = isAsciiLetter(after) || after == 0x40 || after == 0x5f || isLetter(after)
      || ((after == 0x2e || after == 0x2f || isDash(after)) && isAsciiLetter(at(p + 1)) && !x);
    if (xBare) {
      unchecked(tokStart[ntok] = ts);
      unchecked(tokEnd[ntok] = p + 1);
      unchecked(tokDigits[ntok] = ndig);
      unchecked(tokRuns[ntok] = nrun);
      unchecked(tokPure[ntok] = pure);
      ntok++;
      endsWithX = true;
      break;
    }
    if (glued && !x) {
      if (ntok == 0) return false;
      // drop this token
      break;
    }
    unchecked(tokStart[ntok] = ts);
    unchecked(tokEnd[ntok] = x ? p + 2 : p);
    unchecked(tokDigits[ntok] = ndig);
    unchecked(tokRuns[ntok] = nrun);
    unchecked(tokPure[ntok] = pure);
    ntok++;
    if (x) { endsWithX = true; break; }
    if (!pure || ndig >= 16) break;
    const q = looseContinuation(p);
    if (q < 0) break;
    p = q;
  }
  return ntok > 0 && ndig <= MAX_DIGITS;
}

// ---- shapes ----
/** Number of runs in the first k tokens. */
// @ts-ignore: decorator
@inline function runsOf(k: i32): i32 { return unchecked(tokRuns[k - 1]); }
// @ts-ignore: decorator
@inline function digitsOf(k: i32): i32 { return unchecked(tokDigits[k - 1]); }

function shape2(k: i32, a: i32, b: i32): bool {
  return runsOf(k) == 2 && unchecked(runLen[0]) == a && unchecked(runLen[1]) == b;
}
function shape3(k: i32, a: i32, b: i32, c: i32): bool {
  return runsOf(k) == 3 && unchecked(runLen[0]) == a && unchecked(runLen[1]) == b && unchecked(runLen[2]) == c;
}
function shape4(k: i32, a: i32, b: i32, c: i32, d: i32): bool {
  return runsOf(k) == 4 && unchecked(runLen[0]) == a && unchecked(runLen[1]) == b && unchecked(runLen[2]) == c && unchecked(runLen[3]) == d;
}
function shape5(k: i32, a: i32, b: i32, c: i32, d: i32, e: i32): bool {
  return runsOf(k) == 5 && unchecked(runLen[0]) == a && unchecked(runLen[1]) == b && unchecked(runLen[2]) == c
    && unchecked(runLen[3]) == d && unchecked(runLen[4]) == e;
}

function isDateLike(): bool {
  // dd/mm/yyyy, dd.mm.yy, yyyy-mm-dd as the first token
  if (unchecked(tokRuns[0]) != 3 || nrun < 3) return false;
  const a = unchecked(runLen[0]), b = unchecked(runLen[1]), c = unchecked(runLen[2]);
  const s1 = unchecked(runSep[1]), s2 = unchecked(runSep[2]);
  if (s1 != s2) return false;
  if (a <= 2 && b <= 2 && (c == 4 || c == 2)) return true;
  if (a == 4 && b <= 2 && c <= 2) return true;
  return false;
}

/** Digits at DIG[from, from+m) form a Brazilian subscriber number with DDD (10 or 11 digits). */
function phoneDigits(from: i32, m: i32, allowOldMobile: bool): bool {
  if (m != 10 && m != 11) return false;
  if (!validDdd(dig(from) * 10 + dig(from + 1))) return false;
  const f = dig(from + 2);
  if (m == 11) return f == 9;
  if (f == 0 || f == 1) return false;
  if ((f == 4 || f == 3) && dig(from + 3) == 0 && dig(from + 4) == 0) return false; // 4004-, 3003- style
  return allowOldMobile || f <= 5;
}

/** "111.111.111-11", "00000000": placeholders, not identifiers. */
function allSameDigits(): bool {
  const m = ndig < MAX_DIGITS ? ndig : MAX_DIGITS;
  const first = dig(0);
  for (let i = 1; i < m; i++) if (dig(i) != first) return false;
  return true;
}

/** Non-geographic service numbers: 0800, 0300, 0500, 0900, 400x, 300x. */
function isServiceNumber(): bool {
  if (ndig < 4) return false;
  const a = dig(0), b = dig(1), c = dig(2);
  if (a == 0 && (b == 8 || b == 3 || b == 5 || b == 9) && c == 0 && dig(3) == 0) return true;
  if ((a == 4 || a == 3) && b == 0 && c == 0 && unchecked(runLen[0]) == 4) return true;
  return false;
}

// ---- classification ----
let groupStart: i32 = 0;

function endOf(k: i32): i32 { return unchecked(tokEnd[k - 1]); }

/** Tries the interpretation "first k tokens" under context class ctx; emits and returns true on success. */
function classify(k: i32, ctx: i32): bool {
  const m = digitsOf(k);
  const start = groupStart;
  const end = endOf(k);
  const bare = runsOf(k) == 1;
  const xdv = endsWithX && k == ntok;
  if (xdv) {
    // only an RG can end in X
    if (ctx == K_RG || ctx == K_NONE) {
      const valid = m == 8 && rgSpValid(DIG, 8, 10);
      if (ctx == K_RG) { emit("rg", start, end, valid ? 0.99 : 0.85, valid, reasonFor("RG", valid, valid)); return true; }
      if (valid && (shape3(k, 2, 3, 3) || bare)) { emit("rg", start, end, 0.8, true, "RG (SP) com dígito verificador X válido"); return true; }
    }
    return false;
  }
  switch (ctx) {
    case K_CPF: {
      if (m == 11) {
        const v = cpfValid(DIG, 11);
        emit("cpf", start, end, v ? 0.99 : 0.55, v, reasonFor("CPF", v, true));
        return true;
      }
      if ((m == 9 || m == 10) && bare && k == 1) {
        // leading zeros lost (spreadsheets)
        const pad = 11 - m;
        memory.copy(DIG + <usize>pad, DIG, <usize>m);
        for (let z = 0; z < pad; z++) store<u8>(DIG + <usize>z, 0);
        const v = cpfValid(DIG, 11);
        memory.copy(DIG, DIG + <usize>pad, <usize>m);
        if (v) { emit("cpf", start, end, 0.9, true, reasonFor("CPF (zeros à esquerda omitidos)", true, true)); return true; }
      }
      break;
    }
    case K_CNPJ: {
      if (m == 14) {
        const v = cnpjValid(DIG, 14);
        emit("cnpj", start, end, v ? 0.99 : 0.55, v, reasonFor("CNPJ", v, true));
        return true;
      }
      break;
    }
    case K_RG: {
      if (m >= 5 && m <= 13 && !isDateLike()) {
        const v = m == 9 && rgSpValid(DIG, 8, dig(8));
        emit("rg", start, end, v ? 0.99 : 0.9, v, reasonFor(v ? "RG (SP)" : "RG", v, v));
        return true;
      }
      break;
    }
    case K_CNS: {
      if (m == 15) {
        const v = cnsValid(DIG, 15);
        emit("cns", start, end, v ? 0.99 : 0.55, v, reasonFor("CNS", v, true));
        return true;
      }
      break;
    }
    case K_CNH: {
      if (m == 11) {
        const v = cnhValid(DIG, 11);
        emit("cnh", start, end, v ? 0.99 : 0.55, v, reasonFor("CNH", v, true));
        return true;
      }
      if ((m == 9 || m == 10) && k == 1) {
        emit("cnh", start, end, 0.7, false, reasonFor("CNH (registro antigo)", false, false));
        return true;
      }
      break;
    }
    case K_PIS: {
      if (m == 11) {
        const v = pisValid(DIG, 11);
        emit("pis", start, end, v ? 0.99 : 0.55, v, reasonFor("PIS/PASEP", v, true));
        return true;
      }
      break;
    }
    case K_VOTER: {
      if (m == 12) {
        const v = voterValid(DIG, 12);
        emit("voter_id", start, end, v ? 0.99 : 0.6, v, reasonFor("Título de eleitor", v, true));
        return true;
      }
      if (m == 13 && k == 1) {
        emit("voter_id", start, end, 0.7, false, reasonFor("Título de eleitor (13 dígitos)", false, false));
        return true;
      }
      break;
    }
    case K_MR: {
      // "revisão de prontuários - 2026": a year after the plural word is not a record number
      const plural = ctxEnd > 0 && (unitAt(text, ctxEnd - 1) | 0x20) == 0x73;
      const year = m == 4 && (dig(0) == 1 && dig(1) == 9 || dig(0) == 2 && dig(1) == 0);
      if (k == 1 && m >= 4 && m <= 20 && !isDateLike() && !(plural && year)) {
        emit("medical_record", start, end, 0.85, false, reasonFor("Número de prontuário", false, false));
        return true;
      }
      break;
    }
    case K_MR_WEAK: {
      // "cpf dele pra ficha: 18673093864": a valid CPF near a weak word stays a CPF
      if (m == 11 && cpfValid(DIG, 11)) break;
      const yearLike = m == 4 && (dig(0) == 1 && dig(1) == 9 || dig(0) == 2 && dig(1) == 0);
      if (k == 1 && m >= 5 && m <= 20 && !yearLike && !isDateLike()) {
        emit("medical_record", start, end, 0.75, false, reasonFor("Número de registro do paciente", false, false));
        return true;
      }
      break;
    }
    case K_CEP: {
      if (m == 8) {
        emit("cep", start, end, 0.97, false, reasonFor("CEP", false, false));
        return true;
      }
      break;
    }
    case K_PHONE: {
      if (phoneDigits(0, m, true)) {
        emit("phone", start, end, 0.95, false, reasonFor(phoneLabel(dig(0) * 10 + dig(1)), false, false));
        return true;
      }
      if ((m == 12 || m == 13) && dig(0) == 5 && dig(1) == 5 && phoneDigits(2, m - 2, true)) {
        emit("phone", start, end, 0.95, false, reasonFor("Telefone com código do país 55", false, false));
        return true;
      }
      if ((m == 8 || m == 9) && (m == 8 ? dig(0) >= 2 : dig(0) == 9) && !(dig(0) == 4 && dig(1) == 0 && dig(2) == 0)) {
        emit("phone", start, end, 0.75, false, reasonFor("Telefone sem DDD", false, false));
        return true;
      }
      break;
    }
  }
  // no (usable) context: only numbers whose check digits or format identify them
  if (m == 11) {
    const cpfShape = bare || shape4(k, 3, 3, 3, 2) || shape2(k, 9, 2);
    const pisShape = shape4(k, 3, 5, 2, 1) || shape2(k, 10, 1);
    if (pisShape && pisValid(DIG, 11)) { emit("pis", start, end, 0.9, true, reasonFor("PIS/PASEP", true, true)); return true; }
    if (cpfShape && cpfValid(DIG, 11)) {
      emit("cpf", start, end, bare ? 0.9 : 0.95, true, reasonFor("CPF", true, true));
      return true;
    }
    if ((bare || shape2(k, 2, 9)) && phoneDigits(0, 11, false)) {
      emit("phone", start, end, ctx == K_PHONE ? 0.9 : 0.6, false, reasonFor(phoneLabel(dig(0) * 10 + dig(1)), false, false));
      return true;
    }
    return false;
  }
  if (m == 14) {
    if ((bare || shape5(k, 2, 3, 3, 4, 2) || shape2(k, 12, 2) || shape3(k, 8, 4, 2)) && cnpjValid(DIG, 14)) {
      emit("cnpj", start, end, bare ? 0.9 : 0.97, true, reasonFor("CNPJ", true, true));
      return true;
    }
    return false;
  }
  if (m == 15) {
    if ((bare || shape4(k, 3, 4, 4, 4)) && cnsValid(DIG, 15)) {
      const strong = !bare || dig(0) <= 2;
      emit("cns", start, end, strong ? 0.95 : 0.8, true, reasonFor("CNS", true, true));
      return true;
    }
    return false;
  }
  if (m == 12) {
    if ((bare || shape3(k, 4, 4, 4)) && voterValid(DIG, 12)) {
      emit("voter_id", start, end, 0.75, true, reasonFor("Título de eleitor", true, true));
      return true;
    }
    return false;
  }
  if (m == 9 && shape4(k, 2, 3, 3, 1) && unchecked(runSep[1]) == 0x2e && rgSpValid(DIG, 8, dig(8))) {
    emit("rg", start, end, 0.8, true, reasonFor("RG (SP)", true, true));
    return true;
  }
  if (m == 8 && k == 1 && (shape2(k, 5, 3) || shape3(k, 2, 3, 3)) && isDash(at(tokEnd[0] - 4)) && !(dig(0) == 0 && dig(1) == 0 && dig(2) == 0 && dig(3) == 0 && dig(4) == 0)) {
    emit("cep", start, end, 0.75, false, "CEP no formato 00000-000");
    return true;
  }
  return false;
}

/** Examines the number group at digit `i`; returns the index where scanning continues. */
function scanNumber(i: i32): i32 {
  if (!readGroup(i)) {
    // skip the whole glued code
    let p = i;
    while (p < n && (isWordChar(unitAt(text, p)) || ((unitAt(text, p) == 0x2e || unitAt(text, p) == 0x2f || isDash(unitAt(text, p))) && isWordChar(at(p + 1))))) p++;
    return p;
  }
  const lastEnd = unchecked(tokEnd[ntok - 1]);
  if (ndig < 4) return lastEnd;
  if (allSameDigits()) return lastEnd;
  if (isServiceNumber()) return lastEnd;
  if (isDateLike()) return unchecked(tokEnd[0]);
  groupStart = i;
  let ctx = contextBefore(text, i);
  if (ctx == K_NEG) return lastEnd;
  if (ctx == K_NONE) {
    // "12.345.678-9 SSP/SP"
    const e = unchecked(tokEnd[0]);
    if (findKeywordAfter(text, e, 3, RG_AFTER) >= 0 && keywordStart <= e + 2) ctx = K_RG;
  }
  for (let k = ntok; k >= 1; k--) {
    if (k > 1 && !unchecked(tokPure[k - 2])) continue;
    if (classify(k, ctx)) return endOf(k);
  }
  return unchecked(tokEnd[0]);
}

// ---- alphanumeric CNPJ ----
// @ts-ignore: decorator
@inline function isCnpjChar(c: i32): bool {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a);
}

/** "12.ABC.345/01DE-35" or "12ABC34501DE35" (with at least one letter); emits and returns the end, or -1. */
function tryAlnumCnpj(i: i32): i32 {
  // cheap shape test first: "XX." (formatted) or two digits at +12/+13 then a word end (bare)
  const formattedShape = at(i + 2) == 0x2e && at(i + 6) == 0x2e && at(i + 10) == 0x2f;
  if (!formattedShape && !(isDigit(at(i + 12)) && isDigit(at(i + 13)) && !isWordChar(at(i + 14)))) return -1;
  if (!startOk(i) && !(i > 0 && !isWordChar(unitAt(text, i - 1)))) return -1;
  let p = i;
  let m = 0;
  let letters = 0;
  // formatted: positions of separators after 2, 5, 8, 12 characters
  const formatted = at(i + 2) == 0x2e;
  if (formatted) {
    // XX.XXX.XXX/XXXX-DD
    if (i + 18 > n) return -1;
    if (at(i + 6) != 0x2e || at(i + 10) != 0x2f || !isDash(at(i + 15))) return -1;
    for (let j = 0; j < 18; j++) {
      if (j == 2 || j == 6 || j == 10 || j == 15) continue;
      const c = unitAt(text, i + j);
      if (!isCnpjChar(c)) return -1;
      if (j >= 16 && !isDigit(c)) return -1;
      if (!isDigit(c)) letters++;
      store<u8>(DIG + <usize>m, <u8>(c - 0x30));
      m++;
    }
    p = i + 18;
  } else {
    if (i + 14 > n) return -1;
    for (let j = 0; j < 14; j++) {
      const c = unitAt(text, i + j);
      if (!isCnpjChar(c)) return -1;
      if (j >= 12 && !isDigit(c)) return -1;
      if (!isDigit(c)) letters++;
      store<u8>(DIG + <usize>m, <u8>(c - 0x30));
      m++;
    }
    p = i + 14;
  }
  if (letters == 0 || isWordChar(at(p))) return -1;
  const valid = cnpjValid(DIG, 14);
  const ctx = contextBefore(text, i);
  if (!valid && !(ctx == K_CNPJ && formatted)) return -1;
  emit("cnpj", i, p, valid ? (ctx == K_CNPJ ? 0.99 : 0.95) : 0.55, valid, reasonFor("CNPJ alfanumérico", valid, true));
  return p;
}

const dddLabels = new StaticArray<string | null>(100);
function phoneLabel(ddd: i32): string {
  const l = unchecked(dddLabels[ddd]);
  if (l !== null) return l;
  const s = "Telefone com DDD " + ddd.toString();
  unchecked(dddLabels[ddd] = s);
  return s;
}

function emitPhone(start: i32, end: i32): void {
  const ctx = contextBefore(text, start);
  if (!phoneStrong && ctx == K_NEG) return;
  const conf = phoneStrong ? (ctx == K_PHONE ? 0.99 : 0.95) : (ctx == K_PHONE ? 0.95 : 0.85);
  emit("phone", start, end, conf, false, reasonFor(phoneLabel(phoneDdd), false, false));
}

// ---- main ----
function sortFindings(): void {
  // insertion sort by start: findings are nearly in order already
  for (let a = 1; a < out.length; a++) {
    const f = unchecked(out[a]);
    let b = a - 1;
    while (b >= 0 && unchecked(out[b]).start > f.start) {
      unchecked(out[b + 1] = out[b]);
      b--;
    }
    unchecked(out[b + 1] = f);
  }
}

// ASCII classes for the main loop: 0 nothing starts here, 1 digit, 2 letter, 3 '(' or '+', 4 '@', 5 '_'
const CLASS: usize = memory.data(128);
function initClasses(): void {
  for (let c = 0x30; c <= 0x39; c++) store<u8>(CLASS + <usize>c, 1);
  for (let c = 0x41; c <= 0x5a; c++) { store<u8>(CLASS + <usize>c, 2); store<u8>(CLASS + <usize>(c + 0x20), 2); }
  store<u8>(CLASS + 0x28, 3);
  store<u8>(CLASS + 0x2b, 3);
  store<u8>(CLASS + 0x40, 4);
  store<u8>(CLASS + 0x5f, 5);
}
initClasses();

/** At a letter starting a word: council registrations and alphanumeric CNPJs. Returns the end or -1. */
function atWordStart(i: i32, c: i32): i32 {
  const f = fold(c);
  const g = i + 1 < n ? fold(unitAt(text, i + 1)) : 0;
  if ((f == 0x63 && (g == 0x72 || g == 0x6f || g == 0x61 || g == 0x66)) || (f == 0x6f && g == 0x61) || (f == 0x72 && g == 0x71)) {
    const e = tryProfessional(text, i);
    if (e > 0) {
      const hasUf = profUf.length > 0;
      emit("professional_id", i, e, hasUf ? 0.95 : 0.85, false,
        "Registro profissional " + profAcronym + (hasUf ? " com UF " + profUf : ""));
      return e;
    }
  }
  if (c >= 0x41 && c <= 0x5a) {
    const e = tryAlnumCnpj(i);
    if (e > 0) return e;
    return tryUfPrefixedRg(i);
  }
  return -1;
}

const UF_CODES = "ACALAPAMBACEDFESGOMAMTMSMGPAPBPRPEPIRJRNRSRORRSCSPSETO";

/** "RG MG-12.345.678", "RG: SP 12.345.678-9": an RG written after its state's code. */
function tryUfPrefixedRg(i: i32): i32 {
  const a = at(i), b = at(i + 1);
  if (!(b >= 0x41 && b <= 0x5a)) return -1;
  if (!isDigit(at(i + 3)) && !isDigit(at(i + 4))) return -1;
  let ok = false;
  for (let k = 0; k < UF_CODES.length; k += 2) {
    if (unitAt(UF_CODES, k) == a && unitAt(UF_CODES, k + 1) == b) { ok = true; break; }
  }
  if (!ok) return -1;
  let p = i + 2;
  if (isDash(at(p)) || at(p) == 0x2e || at(p) == 0x20) p++;
  if (at(p) == 0x20) p++;
  if (!isDigit(at(p))) return -1;
  if (contextBefore(text, i) != K_RG) return -1;
  if (!readGroup(p)) return -1;
  const m = unchecked(tokDigits[0]);
  if (m < 5 || m > 12 || isDateLike()) return -1;
  const end = unchecked(tokEnd[0]);
  const v = m == 9 && !endsWithX && rgSpValid(DIG, 8, dig(8)) || (m == 8 && endsWithX && rgSpValid(DIG, 8, 10));
  emit("rg", i, end, v ? 0.99 : 0.9, v, reasonFor(v ? "RG (SP)" : "RG", v, v));
  return end;
}

/** O/o, I/l read by OCR inside a number ("Pront.: OO45821", "CPF 4l2.…"). */
// @ts-ignore: decorator
@inline function isOcrDigitLetter(c: i32): bool {
  return c == 0x4f || c == 0x6f || c == 0x49 || c == 0x6c;
}

/**
 * Scanned text: a run of digits, separators (. - /) and the letters O, o, I, l that holds at least four digits,
 * at most one such letter per two digits and no other letter around it is a number misread by OCR. Returns
 * a copy with those letters replaced by 0 and 1 (same length, so offsets stay valid), or `raw` when none.
 */
function ocrDigits(raw: string): string {
  const len = raw.length;
  let codes: i32[] = [];
  let changed = false;
  let i = 0;
  while (i < len) {
    const c = unitAt(raw, i);
    if (!(isDigit(c) || isOcrDigitLetter(c))) { i++; continue; }
    if (i > 0 && isLetter(unitAt(raw, i - 1))) { i++; while (i < len && isLetter(unitAt(raw, i))) i++; continue; }
    const s = i;
    let digits = 0, letters = 0;
    while (i < len) {
      const d = unitAt(raw, i);
      if (isDigit(d)) digits++;
      else if (isOcrDigitLetter(d)) letters++;
      else if (!((d == 0x2e || d == 0x2d || d == 0x2f) && i + 1 < len && (isDigit(unitAt(raw, i + 1)) || isOcrDigitLetter(unitAt(raw, i + 1))))) break;
      i++;
    }
    if (letters == 0 || digits < 4 || letters * 2 > digits || (i < len && isLetter(unitAt(raw, i)))) continue;
    if (!changed) {
      changed = true;
      codes = new Array<i32>(len);
      for (let k = 0; k < len; k++) unchecked(codes[k] = unitAt(raw, k));
    }
    for (let k = s; k < i; k++) {
      const d = unitAt(raw, k);
      if (d == 0x4f || d == 0x6f) unchecked(codes[k] = 0x30);
      else if (d == 0x49 || d == 0x6c) unchecked(codes[k] = 0x31);
    }
  }
  return changed ? String.fromCharCodes(codes) : raw;
}

export function detect(raw: string): Finding[] {
  const input = ocrDigits(raw);
  text = input;
  n = input.length;
  out = new Array<Finding>();
  prepareTable(input);
  let i = 0;
  while (i < n) {
    const c = unitAt(input, i);
    let cls = 0;
    if (c < 0x80) {
      cls = <i32>load<u8>(CLASS + <usize>c);
      if (cls == 0) { i++; continue; }
    } else if (isNonAsciiLetter(c)) cls = 2;
    else { i++; continue; }

    if (cls == 2) {
      if (i == 0 || !isWordChar(unitAt(input, i - 1))) {
        const e = atWordStart(i, c);
        if (e > 0) { i = e; continue; }
      }
      // skip the rest of the word (digits glued to letters are not numbers of their own, except after º/ª)
      let prev = c;
      i++;
      while (i < n) {
        const d = unitAt(input, i);
        if (d < 0x80) {
          const k = <i32>load<u8>(CLASS + <usize>d);
          if (k == 2 || k == 5) { prev = d; i++; continue; }
          if (k == 1 && prev != 0xba && prev != 0xaa) { prev = d; i++; continue; }
          break;
        }
        if (!isNonAsciiLetter(d)) break;
        prev = d;
        i++;
      }
      continue;
    }
    if (cls == 1) {
      if (!startOk(i)) {
        while (i < n && isDigit(unitAt(input, i))) i++;
        continue;
      }
      let e = tryAlnumCnpj(i);
      if (e > 0) { i = e; continue; }
      e = tryPhone(input, i);
      if (e > 0) { emitPhone(i, e); i = e; continue; }
      i = scanNumber(i);
      continue;
    }
    if (cls == 3) {
      const e = tryPhone(input, i);
      if (e > 0) { emitPhone(i, e); i = e; continue; }
      i++;
      continue;
    }
    if (cls == 4) {
      const e = tryEmail(input, i);
      if (e > 0) {
        emit("email", emailStart, e, 0.97, false, "Endereço de e-mail");
        i = e;
        continue;
      }
    }
    i++;
  }
  sortFindings();
  // drop references to this call's text so the next call's collection can free it
  const result = out;
  out = new Array<Finding>();
  text = "";
  releasePhoneText();
  releaseProfessionalText();
  return result;
}
