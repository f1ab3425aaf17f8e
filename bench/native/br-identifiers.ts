/**
 * Native reference of the br-identifiers plugin: the same rules as plugins/br-identifiers/assembly/*.ts
 * (and the SDK text helpers they use), written in plain TypeScript for V8, for the "WebAssembly against
 * native" benchmark. Same single pass over UTF-16 code units, no regular expressions, no per-character
 * allocation. bench/native/br-identifiers.test.ts checks that it finds exactly what the plugin finds on the
 * dev corpus; when the plugin's rules change, port the change here too.
 *
 *   import { detect } from './bench/native/br-identifiers';
 *   detect('CPF 529.982.247-25') // [{ type: 'cpf', start: 4, end: 18, confidence: 0.99, validated: true, reason: … }]
 */

export interface NativeFinding {
  type: string;
  start: number;
  end: number;
  confidence: number;
  validated: boolean;
  reason: string;
}

// ---------------------------------------------------------------- SDK text helpers (plugins/sdk/assembly/text.ts)
const isDigit = (c: number): boolean => (c - 0x30) >>> 0 < 10;
const isAsciiLetter = (c: number): boolean => ((c | 0x20) - 0x61) >>> 0 < 26;
const isUpperAscii = (c: number): boolean => (c - 0x41) >>> 0 < 26;

function isNonAsciiLetter(c: number): boolean {
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true;
  if (c >= 0x370 && c <= 0x3ff) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  return false;
}
const isLetter = (c: number): boolean => (c < 0x80 ? isAsciiLetter(c) : isNonAsciiLetter(c));
const isWordChar = (c: number): boolean => (c < 0x80 ? isAsciiLetter(c) || isDigit(c) || c === 0x5f : isNonAsciiLetter(c));

function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0b || c === 0x0c;
  return c === 0xa0 || c === 0x2007 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x85;
}
const isDash = (c: number): boolean => c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;

const FOLD_LATIN1 = new Uint8Array([
  0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x63, 0x65, 0x65, 0x65, 0x65, 0x69, 0x69, 0x69, 0x69,
  0x64, 0x6e, 0x6f, 0x6f, 0x6f, 0x6f, 0x6f, 0, 0x6f, 0x75, 0x75, 0x75, 0x75, 0x79, 0, 0x73,
  0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x63, 0x65, 0x65, 0x65, 0x65, 0x69, 0x69, 0x69, 0x69,
  0x64, 0x6e, 0x6f, 0x6f, 0x6f, 0x6f, 0x6f, 0, 0x6f, 0x75, 0x75, 0x75, 0x75, 0x79, 0, 0x79,
]);

function fold(c: number): number {
  if (c < 0x80) return isUpperAscii(c) ? c | 0x20 : c;
  if (c >= 0xc0 && c <= 0xff) {
    const f = FOLD_LATIN1[c - 0xc0] as number;
    return f !== 0 ? f : c;
  }
  if (c === 0xba) return 0x6f;
  if (c === 0xaa) return 0x61;
  return c;
}

const isWordStart = (t: string, pos: number): boolean => (pos <= 0 ? true : pos > t.length ? false : !isWordChar(t.charCodeAt(pos - 1)));
const isWordEnd = (t: string, pos: number): boolean => (pos >= t.length ? true : pos < 0 ? false : !isWordChar(t.charCodeAt(pos)));

function matchFoldLen(t: string, pos: number, word: string, m: number): number {
  const len = t.length;
  let p = pos;
  if (p < 0) return -1;
  for (let i = 0; i < m; i++) {
    const w = fold(word.charCodeAt(i));
    if (w === 0x20) {
      if (p >= len || !isSpace(t.charCodeAt(p))) return -1;
      while (p < len && isSpace(t.charCodeAt(p))) p++;
      continue;
    }
    if (p >= len) return -1;
    if (fold(t.charCodeAt(p)) !== w) return -1;
    p++;
  }
  return p;
}
const matchFold = (t: string, pos: number, word: string): number => matchFoldLen(t, pos, word, word.length);

let keywordStart = -1;
let keywordEnd = -1;

const bucketOf = (f: number, g: number): number => ((f & 31) << 5) | (g & 31);
function isSpaceKey(h: number): boolean {
  return h === (0x20 & 31) || h === (0x0a & 31) || h === (0x0d & 31) || h === (0x09 & 31) || h === (0xa0 & 31)
    || h === (0x0b & 31) || h === (0x0c & 31) || h === (0x2007 & 31) || h === (0x202f & 31) || h === (0x2028 & 31)
    || h === (0x2029 & 31) || h === (0x3000 & 31) || h === (0x85 & 31) || (h >= (0x2000 & 31) && h <= (0x200a & 31));
}

class KeywordIndex {
  readonly buckets: number[][] = Array.from({ length: 1024 }, () => []);
  maxLength = 0;
  constructor(keywords: readonly string[]) {
    for (let k = 0; k < keywords.length; k++) {
      const kw = keywords[k] as string;
      if (kw.length === 0) continue;
      if (kw.length > this.maxLength) this.maxLength = kw.length;
      const f = fold(kw.charCodeAt(0));
      if (kw.length === 1 || kw.charCodeAt(1) === 0x2a) {
        for (let g = 0; g < 32; g++) (this.buckets[bucketOf(f, g)] as number[]).push(k);
      } else {
        const g = fold(kw.charCodeAt(1));
        if (g === 0x20) {
          for (let h = 0; h < 32; h++) if (isSpaceKey(h)) (this.buckets[bucketOf(f, h)] as number[]).push(k);
        } else (this.buckets[bucketOf(f, g)] as number[]).push(k);
      }
    }
  }
}
const indexes = new Map<readonly string[], KeywordIndex>();
function indexFor(keywords: readonly string[]): KeywordIndex {
  let idx = indexes.get(keywords);
  if (!idx) indexes.set(keywords, (idx = new KeywordIndex(keywords)));
  return idx;
}
const bucketAt = (t: string, s: number, fc: number): number => bucketOf(fc, s + 1 < t.length ? fold(t.charCodeAt(s + 1)) : 0);

function matchKeyword(t: string, s: number, kw: string, firstFolded: number): number {
  const m = kw.length;
  if (m === 0 || fold(kw.charCodeAt(0)) !== firstFolded) return -1;
  if (kw.charCodeAt(m - 1) === 0x2a) {
    const e = matchFoldLen(t, s, kw, m - 1);
    if (e < 0) return -1;
    let q = e;
    while (q < t.length && isWordChar(t.charCodeAt(q))) q++;
    return q;
  }
  const e = matchFold(t, s, kw);
  if (e < 0 || !isWordEnd(t, e)) return -1;
  return e;
}

function findKeywordBefore(t: string, pos: number, window: number, keywords: readonly string[]): number {
  const from = pos - window < 0 ? 0 : pos - window;
  const index = indexFor(keywords);
  let best = -1, bestEnd = -1, bestStart = -1;
  for (let s = pos - 1; s >= from; s--) {
    const c = t.charCodeAt(s);
    if (!isWordChar(c) || !isWordStart(t, s)) continue;
    const fc = fold(c);
    const bucket = index.buckets[bucketAt(t, s, fc)] as number[];
    for (let b = 0, nb = bucket.length; b < nb; b++) {
      const k = bucket[b] as number;
      const e = matchKeyword(t, s, keywords[k] as string, fc);
      if (e < 0 || e > pos) continue;
      if (e > bestEnd) { best = k; bestEnd = e; bestStart = s; }
    }
    if (best >= 0 && s + index.maxLength + 4 < bestEnd) break;
  }
  if (best >= 0) { keywordStart = bestStart; keywordEnd = bestEnd; }
  return best;
}

function findKeywordAfter(t: string, pos: number, window: number, keywords: readonly string[]): number {
  const len = t.length;
  const to = pos + window > len ? len : pos + window;
  const index = indexFor(keywords);
  for (let s = pos < 0 ? 0 : pos; s < to; s++) {
    const c = t.charCodeAt(s);
    if (!isWordChar(c) || !isWordStart(t, s)) continue;
    const fc = fold(c);
    const bucket = index.buckets[bucketAt(t, s, fc)] as number[];
    for (let b = 0, nb = bucket.length; b < nb; b++) {
      const k = bucket[b] as number;
      const e = matchKeyword(t, s, keywords[k] as string, fc);
      if (e >= 0) { keywordStart = s; keywordEnd = e; return k; }
    }
  }
  return -1;
}

// ---------------------------------------------------------------- keywords.ts
const K_NONE = 0, K_CPF = 1, K_CNPJ = 2, K_RG = 3, K_CNS = 4, K_CNH = 5, K_PIS = 6, K_VOTER = 7, K_MR = 8, K_CEP = 9, K_PHONE = 10, K_NEG = 11, K_MR_WEAK = 12;
const GROUPS: string[][] = [
  [],
  ['cpf', 'c.p.f', 'cpf/mf', 'cic', 'cadastro de pessoa fisica', 'cadastro de pessoas fisicas', 'cadastro da pessoa fisica'],
  ['cnpj', 'c.n.p.j', 'cnpj/mf', 'cadastro nacional da pessoa juridica'],
  ['rg', 'r.g', 'identidade', 'registro geral', 'cedula de identidade', 'carteira de identidade', 'rg/ssp'],
  ['cns', 'c.n.s', 'cartao sus', 'cartao do sus', 'cartao nacional de saude', 'cartao nacional do sus', 'cartao de saude', 'sus'],
  ['cnh', 'habilitacao', 'carteira de motorista', 'carteira nacional de habilitacao', 'registro da cnh'],
  ['pis', 'pasep', 'pis/pasep', 'nis', 'nit', 'pis/nis', 'nis/pis', 'pis-pasep'],
  ['titulo de eleitor', 'titulo eleitoral', 'eleitor', 'titulo'],
  ['prontuario', 'prontuarios', 'pront', 'registro hospitalar', 'numero do prontuario', 'registro do paciente', 'prontuario eletronico'],
  ['cep', 'c.e.p', 'codigo postal'],
  ['tel', 'tels', 'telefone', 'telefones', 'fone', 'fones', 'celular', 'cel', 'whatsapp', 'whats', 'zap', 'contato',
    'contatos', 'telefax', 'fax', 'ligar', 'ligue', 'ramal', 'tel/cel', 'tel/whatsapp'],
  ['pedido', 'lote', 'codigo de barras', 'barras', 'anvisa', 'protocolo', 'processo', 'oficio', 'nota fiscal', 'nf',
    'nfe', 'amostra', 'requisicao', 'guia', 'autorizacao', 'senha', 'boleto', 'pagamento', 'conta', 'agencia', 'validade',
    'fabricacao', 'serie', 'codigo', 'cod', 'ref', 'referencia', 'ean', 'gtin', 'sku', 'patrimonio', 'ordem', 'cnes',
    'regulacao', 'laudo', 'exame', 'fatura', 'contrato', 'apolice', 'matricula', 'cartao de credito', 'isbn', 'issn'],
  ['registro', 'reg', 'ficha', 'n. registro', 'no registro'],
];
const KEYWORDS: string[] = [];
const KEYWORD_CLASS: number[] = [];
for (let g = 1; g < GROUPS.length; g++) for (const w of GROUPS[g] as string[]) { KEYWORDS.push(w); KEYWORD_CLASS.push(g); }
const RG_AFTER = ['ssp', 'sds', 'sesp', 'ssp/', 'ifp', 'detran', 'pc', 'sejusp', 'segup', 'ssps'];

// ---------------------------------------------------------------- detector state
let text = '';
let n = 0;
let out: NativeFinding[] = [];

const at = (i: number): number => (i >= 0 && i < n ? text.charCodeAt(i) : -1);

// ---------------------------------------------------------------- context.ts
let ctxClass = K_NONE, ctxStart = -1, ctxEnd = -1, ctxFromHeader = false;
const WINDOW = 48;
const MAX_GAP_WORDS = 3;
let tableDelim = 0, headerStart = 0, headerEnd = 0;

function connectorGap(from: number, to: number): boolean {
  let words = 0, inWord = false, lineBreaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) return false;
    if (c === 0x3b || c === 0x09 || c === 0x7c || (c === 0x2c && tableDelim === 0x2c)) return false;
    if (c === 0x0a) { lineBreaks++; if (lineBreaks > 1) return false; }
    if (isLetter(c)) {
      if (!inWord) { words++; inWord = true; }
    } else inWord = false;
  }
  return words <= MAX_GAP_WORDS;
}

function prepareTable(): void {
  tableDelim = 0;
  let s = 0;
  while (s < n && (isSpace(text.charCodeAt(s)) || text.charCodeAt(s) === 0xfeff)) s++;
  let e = s;
  let semis = 0, tabs = 0, commas = 0, digits = 0;
  while (e < n && e - s < 4000) {
    const c = text.charCodeAt(e);
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x3b) semis++;
    else if (c === 0x09) tabs++;
    else if (c === 0x2c) commas++;
    else if (isDigit(c)) digits++;
    e++;
  }
  if (digits > 0 || e - s > 1500) return;
  // integer division, as in the plugin (i32)
  if (semis >= 1 && ((e - s) / (semis + 1) | 0) <= 40) tableDelim = 0x3b;
  else if (tabs >= 1 && ((e - s) / (tabs + 1) | 0) <= 40) tableDelim = 0x09;
  else if (commas >= 2 && ((e - s) / (commas + 1) | 0) <= 30) tableDelim = 0x2c;
  headerStart = s;
  headerEnd = e;
}

function headerContext(pos: number): boolean {
  if (tableDelim === 0 || pos < headerEnd) return false;
  let ls = pos;
  const limit = pos - 4000 < 0 ? 0 : pos - 4000;
  while (ls > limit && text.charCodeAt(ls - 1) !== 0x0a) ls--;
  if (ls === limit && ls > 0) return false;
  let col = 0, cellStart = ls;
  for (let i = ls; i < pos; i++) if (text.charCodeAt(i) === tableDelim) { col++; cellStart = i + 1; }
  for (let i = cellStart; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 0x22 && c !== 0x27) return false;
  }
  let c0 = headerStart, k = 0;
  while (k < col && c0 < headerEnd) {
    if (text.charCodeAt(c0) === tableDelim) k++;
    c0++;
  }
  if (k < col) return false;
  let c1 = c0;
  while (c1 < headerEnd && text.charCodeAt(c1) !== tableDelim) c1++;
  if (c1 <= c0) return false;
  const idx = findKeywordBefore(text, c1, c1 - c0, KEYWORDS);
  if (idx < 0 || keywordStart < c0) return false;
  ctxClass = KEYWORD_CLASS[idx] as number;
  ctxStart = keywordStart;
  ctxEnd = keywordEnd;
  ctxFromHeader = true;
  return true;
}

function contextBefore(pos: number): number {
  ctxClass = K_NONE; ctxStart = -1; ctxEnd = -1; ctxFromHeader = false;
  if (headerContext(pos)) return ctxClass;
  let from = pos;
  const limit = pos - WINDOW < 0 ? 0 : pos - WINDOW;
  while (from > limit && !isDigit(text.charCodeAt(from - 1))) from--;
  const idx = from < pos ? findKeywordBefore(text, pos, pos - from, KEYWORDS) : -1;
  if (idx >= 0 && connectorGap(keywordEnd, pos)) {
    ctxClass = KEYWORD_CLASS[idx] as number;
    ctxStart = keywordStart;
    ctxEnd = keywordEnd;
  }
  return ctxClass;
}

// ---------------------------------------------------------------- checks.ts (digit values in DIG)
const DIG = new Uint8Array(64);
const d = (i: number): number => DIG[i] as number;
function allSame(m: number): boolean {
  const first = d(0);
  for (let i = 1; i < m; i++) if (d(i) !== first) return false;
  return true;
}
function cpfValid(m: number): boolean {
  if (m !== 11 || allSame(11)) return false;
  let s = 0;
  for (let i = 0; i < 9; i++) s += d(i) * (10 - i);
  let r = s % 11;
  if (d(9) !== (r < 2 ? 0 : 11 - r)) return false;
  s = 0;
  for (let i = 0; i < 10; i++) s += d(i) * (11 - i);
  r = s % 11;
  return d(10) === (r < 2 ? 0 : 11 - r);
}
function cnpjValid(m: number): boolean {
  if (m !== 14 || allSame(14)) return false;
  let s = 0;
  for (let i = 0; i < 12; i++) s += d(i) * (i < 4 ? 5 - i : 13 - i);
  let r = s % 11;
  if (d(12) !== (r < 2 ? 0 : 11 - r)) return false;
  s = 0;
  for (let i = 0; i < 13; i++) s += d(i) * (i < 5 ? 6 - i : 14 - i);
  r = s % 11;
  return d(13) === (r < 2 ? 0 : 11 - r);
}
function cnsValid(m: number): boolean {
  if (m !== 15) return false;
  const first = d(0);
  if (first === 1 || first === 2) {
    if (d(11) !== 0 || d(12) !== 0 || d(13) > 1) return false;
  } else if (first < 7) return false;
  let s = 0;
  for (let i = 0; i < 15; i++) s += d(i) * (15 - i);
  return s % 11 === 0;
}
function pisValid(m: number): boolean {
  if (m !== 11 || allSame(11)) return false;
  let s = 0;
  for (let i = 0; i < 10; i++) s += d(i) * (i < 2 ? 3 - i : 11 - i);
  let dv = 11 - (s % 11);
  if (dv >= 10) dv = 0;
  return d(10) === dv;
}
function cnhValid(m: number): boolean {
  if (m !== 11 || allSame(11)) return false;
  let s = 0;
  for (let i = 0; i < 9; i++) s += d(i) * (9 - i);
  let dv1 = s % 11;
  let dsc = 0;
  if (dv1 >= 10) { dv1 = 0; dsc = 2; }
  s = 0;
  for (let i = 0; i < 9; i++) s += d(i) * (1 + i);
  const x = s % 11;
  const dv2 = x >= 10 ? 0 : x - dsc;
  if (d(9) === dv1 && d(10) === dv2) return true;
  s = 0;
  for (let i = 0; i < 9; i++) s += d(i) * (2 + i);
  let v1 = s % 11;
  if (v1 >= 10) v1 = 0;
  s = 0;
  for (let i = 0; i < 9; i++) s += d(i) * (3 + i);
  s += v1 * 2;
  let v2 = s % 11;
  if (v2 >= 10) v2 = 0;
  return d(9) === v1 && d(10) === v2;
}
function voterValid(m: number): boolean {
  if (m !== 12) return false;
  const uf = d(8) * 10 + d(9);
  if (uf < 1 || uf > 28) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += d(i) * (2 + i);
  let r = s % 11;
  const dv1 = r === 10 ? 0 : r === 0 && uf <= 2 ? 1 : r;
  if (d(10) !== dv1) return false;
  r = (d(8) * 7 + d(9) * 8 + dv1 * 9) % 11;
  const dv2 = r === 10 ? 0 : r === 0 && uf <= 2 ? 1 : r;
  return d(11) === dv2;
}
function rgSpValid(m: number, dv: number): boolean {
  if (m !== 8 || allSame(8)) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += d(i) * (2 + i);
  let e = 11 - (s % 11);
  if (e === 11) e = 0;
  return dv === e;
}

// ---------------------------------------------------------------- phone.ts
const DDD_OK = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 1, 1, 0, 1, 0, 0, 1, 1, 0,
  0, 1, 1, 1, 1, 1, 0, 1, 1, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 1, 0, 1, 1, 1, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 1, 0, 1, 1, 1, 0, 1, 0, 1,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
]);
const validDdd = (ddd: number): boolean => ddd >= 0 && ddd < 100 && DDD_OK[ddd] !== 0;
let phoneDdd = 0;
let phoneStrong = false;
const isBlankPhone = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x202f;
function skipBlanks(p: number, max: number): number {
  let q = p;
  while (q - p < max && isBlankPhone(at(q))) q++;
  return q;
}
function digitRun(p: number): number {
  let q = p;
  while (isDigit(at(q))) q++;
  return q - p;
}
function num(p: number, k: number): number {
  let v = 0;
  for (let i = 0; i < k; i++) v = v * 10 + (text.charCodeAt(p + i) - 0x30);
  return v;
}

function tryPhone(i: number): number {
  let p = i;
  let strong = false, cc = false;
  if (at(p) === 0x2b) {
    p = skipBlanks(p + 1, 1);
    if (at(p) !== 0x35 || at(p + 1) !== 0x35) return -1;
    p += 2;
    cc = true;
    strong = true;
    const q = skipBlanks(p, 2);
    if (q === p && (isDash(at(p)) || at(p) === 0x2e)) p++; else p = q;
  }
  let ddd = -1;
  if (at(p) === 0x28) {
    p = skipBlanks(p + 1, 1);
    if (at(p) === 0x30 && (at(p + 1) | 0x20) === 0x78 && (at(p + 2) | 0x20) === 0x78) p = skipBlanks(p + 3, 1);
    else if (at(p) === 0x30 && isBlankPhone(at(p + 1)) && (at(p + 2) | 0x20) === 0x78 && (at(p + 3) | 0x20) === 0x78) p = skipBlanks(p + 4, 1);
    if (at(p) === 0x30 && digitRun(p) === 3) p++;
    if (digitRun(p) !== 2) return -1;
    ddd = num(p, 2);
    p = skipBlanks(p + 2, 1);
    if (at(p) !== 0x29) return -1;
    p++;
    strong = true;
  } else {
    if (!isDigit(at(p))) return -1;
    const r = digitRun(p);
    if (cc) {
      if (r === 2) { ddd = num(p, 2); p += 2; }
      else if (r === 10 || r === 11) { ddd = num(p, 2); p += 2; }
      else if (r === 3 && at(p) === 0x30) { ddd = num(p + 1, 2); p += 3; }
      else return -1;
    } else if (r === 3 && at(p) === 0x30) { ddd = num(p + 1, 2); p += 3; }
    else if (r === 2) { ddd = num(p, 2); p += 2; }
    else return -1;
  }
  if (!validDdd(ddd)) return -1;
  const afterDdd = p;
  p = skipBlanks(p, 2);
  if (p === afterDdd && (isDash(at(p)) || at(p) === 0x2e)) p = skipBlanks(p + 1, 1);
  const hadSep = p > afterDdd;
  if (!hadSep && !strong && !cc) return -1;
  const s0 = p;
  let r1 = digitRun(p);
  let digits = 0;
  const first = at(p) - 0x30;
  if (r1 === 1 && first === 9 && isBlankPhone(at(p + 1)) && digitRun(p + 2) === 4) {
    p += 2;
    r1 = 4;
    digits = 1;
  }
  if (r1 === 4 || r1 === 5) {
    p += r1;
    digits += r1;
    const sp = at(p);
    let q: number;
    if (isDash(sp) || sp === 0x2e) q = p + 1;
    else if (isBlankPhone(sp)) q = p + 1;
    else return -1;
    if (digitRun(q) !== 4) return -1;
    p = q + 4;
    digits += 4;
  } else if (r1 === 8 || r1 === 9) {
    p += r1;
    digits = r1;
  } else return -1;
  if (digits === 9 && first !== 9) return -1;
  if (digits === 8) {
    if (first < 2) return -1;
    if ((first === 4 || first === 3) && at(s0 + 1) === 0x30 && at(s0 + 2) === 0x30) return -1;
    if (!strong && first > 5 && !hadSep) return -1;
  }
  const after = at(p);
  if (isWordChar(after) || after === 0x40) return -1;
  if ((isDash(after) || after === 0x2e || after === 0x2f) && isDigit(at(p + 1))) return -1;
  phoneDdd = ddd;
  phoneStrong = strong;
  return p;
}

// ---------------------------------------------------------------- professional.ts
const ACRONYMS = ['crefito', 'crefono', 'crmv', 'crm', 'coren', 'crbm', 'crbio', 'crp', 'cro', 'crfa', 'crf', 'crn', 'cress',
  'cref', 'crtr', 'crq', 'crea', 'cau', 'oab', 'rqe', 'coffito', 'cfm'];
const UFS = 'ACALAPAMBACEDFESGOMAMTMSMGPAPBPRPEPIRJRNRSRORRSCSPSETO';
let profAcronym = '';
let profUf = '';
const isBlankProf = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x09;

function ufAt(p: number): boolean {
  const a = at(p), b = at(p + 1);
  if (a < 0 || b < 0) return false;
  if (isLetter(at(p + 2)) || isDigit(at(p + 2))) return false;
  const A = fold(a) - 0x20, B = fold(b) - 0x20;
  if (A < 0x41 || A > 0x5a || B < 0x41 || B > 0x5a) return false;
  for (let i = 0; i < UFS.length; i += 2) {
    if (UFS.charCodeAt(i) === A && UFS.charCodeAt(i + 1) === B) {
      profUf = String.fromCharCode(A, B);
      return true;
    }
  }
  return false;
}

function skipNumberWord(p: number): number {
  let q = p;
  if (fold(at(q)) !== 0x6e) return p;
  const e1 = matchFold(text, q, 'numero');
  if (e1 >= 0) q = e1;
  else {
    const e2 = matchFold(text, q, 'num');
    if (e2 >= 0 && !isLetter(at(e2))) q = e2;
    else {
      const c = at(q + 1);
      if (c === 0xba || c === 0xb0 || c === 0x6f || c === 0x4f) {
        if (isLetter(at(q + 2)) && at(q + 2) !== 0xba) return p;
        q += 2;
      } else if (c === 0x2e) q += 1;
      else return p;
    }
  }
  while (isBlankProf(at(q)) || at(q) === 0x2e || at(q) === 0x3a) q++;
  return q;
}

function tryProfessional(i: number): number {
  let acrEnd = -1;
  let acr = -1;
  let wl = 0;
  while (wl < 8 && isLetter(at(i + wl))) wl++;
  if (wl < 3 || wl > 7) return -1;
  for (let k = 0; k < ACRONYMS.length; k++) {
    if ((ACRONYMS[k] as string).length !== wl) continue;
    const e = matchFold(text, i, ACRONYMS[k] as string);
    if (e < 0) continue;
    if (isLetter(at(e))) continue;
    acrEnd = e;
    acr = k;
    break;
  }
  if (acr < 0) return -1;
  profUf = '';
  let p = acrEnd;
  let q = p;
  while (isBlankProf(at(q))) q++;
  if (isDash(at(q)) || at(q) === 0x2f || at(q) === 0x3a) q++;
  while (isBlankProf(at(q))) q++;
  if (q - p <= 4 && ufAt(q)) {
    p = q + 2;
    while (isBlankProf(at(p))) p++;
    if (isDash(at(p)) || at(p) === 0x3a || at(p) === 0x2f) p++;
    while (isBlankProf(at(p))) p++;
  } else {
    p = q;
  }
  p = skipNumberWord(p);
  const numStart = p;
  let digits = 0;
  for (;;) {
    while (isDigit(at(p))) { p++; digits++; }
    const c = at(p);
    if ((c === 0x2e || c === 0x2f || isDash(c)) && isDigit(at(p + 1))) { p++; continue; }
    break;
  }
  if (digits < 2 || digits > 10 || p === numStart) return -1;
  if (isLetter(at(p)) && !isDash(at(p))) return -1;
  let end = p;
  if (profUf.length === 0) {
    let s = p;
    if (isDash(at(s)) || at(s) === 0x2f) s++;
    else if (isBlankProf(at(s))) s++;
    if (s > p && ufAt(s)) end = s + 2;
  }
  if (isDash(at(end))) {
    let s = end + 1;
    while (s - end <= 4 && ((at(s) >= 0x41 && at(s) <= 0x5a) || (at(s) >= 0x61 && at(s) <= 0x7a))) s++;
    if (s > end + 1 && s - end <= 4 && !isWordChar(at(s))) end = s;
  }
  if (isDigit(at(end))) return -1;
  profAcronym = text.substring(i, acrEnd).toUpperCase();
  return end;
}

// ---------------------------------------------------------------- email.ts
let emailStart = -1;
const isLocalChar = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
const isDomainChar = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || c === 0x2d || c === 0x2e;

function tryEmail(atPos: number): number {
  let s = atPos;
  while (s > 0 && atPos - s < 128 && isLocalChar(text.charCodeAt(s - 1))) s--;
  while (s < atPos && (text.charCodeAt(s) === 0x2e || text.charCodeAt(s) === 0x2d)) s++;
  if (s === atPos) return -1;
  let e = atPos + 1;
  while (e < n && e - atPos < 256 && isDomainChar(text.charCodeAt(e))) e++;
  while (e > atPos + 1 && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d)) e--;
  let dot = -1;
  for (let i = e - 1; i > atPos; i--) if (text.charCodeAt(i) === 0x2e) { dot = i; break; }
  if (dot < 0 || dot === atPos + 1 || e - dot - 1 < 2) return -1;
  for (let i = dot + 1; i < e; i++) if (!isAsciiLetter(text.charCodeAt(i))) return -1;
  for (let i = atPos + 2; i < e; i++) if (text.charCodeAt(i) === 0x2e && text.charCodeAt(i - 1) === 0x2e) return -1;
  emailStart = s;
  return e;
}

// ---------------------------------------------------------------- detect.ts
const MAX_DIGITS = 24, MAX_TOKENS = 6, MAX_RUNS = 16;
let ndig = 0;
const runLen = new Int32Array(MAX_RUNS);
const runSep = new Int32Array(MAX_RUNS);
let nrun = 0;
const tokStart = new Int32Array(MAX_TOKENS);
const tokEnd = new Int32Array(MAX_TOKENS);
const tokDigits = new Int32Array(MAX_TOKENS);
const tokRuns = new Int32Array(MAX_TOKENS);
const tokPure = new Uint8Array(MAX_TOKENS);
let ntok = 0;
let endsWithX = false;

function emit(type: string, start: number, end: number, confidence: number, validated: boolean, reason: string): void {
  out.push({ type, start, end, confidence, validated, reason });
}

const CHECK_OK = ' com dígitos verificadores válidos';
const CHECK_BAD = ' com dígitos verificadores que não conferem';
const AFTER_WORD = ", após a palavra '";
const IN_COLUMN = ", na coluna '";

function reasonFor(label: string, validated: boolean, hasCheck: boolean): string {
  const check = hasCheck ? (validated ? CHECK_OK : CHECK_BAD) : '';
  const hasCtx = ctxStart >= 0 && ctxEnd > ctxStart && ctxEnd - ctxStart <= 60;
  if (!hasCtx) return label + check;
  return `${label}${check}${ctxFromHeader ? IN_COLUMN : AFTER_WORD}${text.substring(ctxStart, ctxEnd)}'`;
}

function startOk(i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (isDigit(p) || isAsciiLetter(p) || p === 0x40 || p === 0x5f) return false;
  if (i >= 2) {
    const q = text.charCodeAt(i - 2);
    if ((p === 0x2f || isDash(p)) && (isDigit(q) || isAsciiLetter(q))) return false;
    if ((p === 0x2e || p === 0x2c) && isDigit(q)) return false;
  }
  return true;
}

function tightContinuation(p: number): number {
  const c = at(p);
  if (!(c === 0x2e || c === 0x2f || isDash(c))) return -1;
  let q = p + 1;
  if (isDigit(at(q))) return q;
  let sawBreak = false;
  while (q < n && q - p < 6) {
    const x = text.charCodeAt(q);
    if (x === 0x0a) { if (sawBreak) return -1; sawBreak = true; }
    else if (!(x === 0x0d || x === 0x20 || x === 0x09)) break;
    q++;
  }
  return sawBreak && isDigit(at(q)) ? q : -1;
}

function looseContinuation(p: number): number {
  let q = p, spaces = 0, breaks = 0;
  while (q < n && q - p < 8) {
    const c = text.charCodeAt(q);
    if (c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x202f) spaces++;
    else if (c === 0x0a) breaks++;
    else if (c !== 0x0d) break;
    q++;
  }
  if (q === p || breaks > 1 || (breaks === 0 && spaces > 2)) return -1;
  return isDigit(at(q)) ? q : -1;
}

function readGroup(i: number): boolean {
  ndig = 0; nrun = 0; ntok = 0; endsWithX = false;
  let p = i;
  while (ntok < MAX_TOKENS) {
    const ts = p;
    let pure = true;
    let sep = 0;
    for (;;) {
      const rs = p;
      while (p < n && isDigit(text.charCodeAt(p))) {
        if (ndig < MAX_DIGITS) DIG[ndig] = text.charCodeAt(p) - 0x30;
        ndig++;
        p++;
      }
      if (nrun < MAX_RUNS) { runLen[nrun] = p - rs; runSep[nrun] = sep; }
      nrun++;
      const q = tightContinuation(p);
      if (q < 0) break;
      sep = text.charCodeAt(p);
      pure = false;
      p = q;
    }
    const x = isDash(at(p)) && (at(p + 1) | 0x20) === 0x78 && !isWordChar(at(p + 2));
    const xBare = !x && (at(p) | 0x20) === 0x78 && !isWordChar(at(p + 1)) && ndig === 8 && ntok === 0;
    const after = at(p);
    const glued = isAsciiLetter(after) || after === 0x40 || after === 0x5f || isLetter(after)
      || ((after === 0x2e || after === 0x2f || isDash(after)) && isAsciiLetter(at(p + 1)) && !x);
    if (xBare) {
      tokStart[ntok] = ts; tokEnd[ntok] = p + 1; tokDigits[ntok] = ndig; tokRuns[ntok] = nrun; tokPure[ntok] = pure ? 1 : 0;
      ntok++;
      endsWithX = true;
      break;
    }
    if (glued && !x) {
      if (ntok === 0) return false;
      break;
    }
    tokStart[ntok] = ts; tokEnd[ntok] = x ? p + 2 : p; tokDigits[ntok] = ndig; tokRuns[ntok] = nrun; tokPure[ntok] = pure ? 1 : 0;
    ntok++;
    if (x) { endsWithX = true; break; }
    if (!pure || ndig >= 16) break;
    const q = looseContinuation(p);
    if (q < 0) break;
    p = q;
  }
  return ntok > 0 && ndig <= MAX_DIGITS;
}

const runsOf = (k: number): number => tokRuns[k - 1] as number;
const digitsOf = (k: number): number => tokDigits[k - 1] as number;
const endOf = (k: number): number => tokEnd[k - 1] as number;
const shape2 = (k: number, a: number, b: number): boolean => runsOf(k) === 2 && runLen[0] === a && runLen[1] === b;
const shape3 = (k: number, a: number, b: number, c: number): boolean => runsOf(k) === 3 && runLen[0] === a && runLen[1] === b && runLen[2] === c;
const shape4 = (k: number, a: number, b: number, c: number, e: number): boolean =>
  runsOf(k) === 4 && runLen[0] === a && runLen[1] === b && runLen[2] === c && runLen[3] === e;
const shape5 = (k: number, a: number, b: number, c: number, e: number, f: number): boolean =>
  runsOf(k) === 5 && runLen[0] === a && runLen[1] === b && runLen[2] === c && runLen[3] === e && runLen[4] === f;

function isDateLike(): boolean {
  if (tokRuns[0] !== 3 || nrun < 3) return false;
  const a = runLen[0] as number, b = runLen[1] as number, c = runLen[2] as number;
  if (runSep[1] !== runSep[2]) return false;
  if (a <= 2 && b <= 2 && (c === 4 || c === 2)) return true;
  if (a === 4 && b <= 2 && c <= 2) return true;
  return false;
}

function phoneDigits(from: number, m: number, allowOldMobile: boolean): boolean {
  if (m !== 10 && m !== 11) return false;
  if (!validDdd(d(from) * 10 + d(from + 1))) return false;
  const f = d(from + 2);
  if (m === 11) return f === 9;
  if (f === 0 || f === 1) return false;
  if ((f === 4 || f === 3) && d(from + 3) === 0 && d(from + 4) === 0) return false;
  return allowOldMobile || f <= 5;
}

function allSameDigits(): boolean {
  const m = ndig < MAX_DIGITS ? ndig : MAX_DIGITS;
  const first = d(0);
  for (let i = 1; i < m; i++) if (d(i) !== first) return false;
  return true;
}

function isServiceNumber(): boolean {
  if (ndig < 4) return false;
  const a = d(0), b = d(1), c = d(2);
  if (a === 0 && (b === 8 || b === 3 || b === 5 || b === 9) && c === 0 && d(3) === 0) return true;
  if ((a === 4 || a === 3) && b === 0 && c === 0 && runLen[0] === 4) return true;
  return false;
}

let groupStart = 0;

function classify(k: number, ctx: number): boolean {
  const m = digitsOf(k);
  const start = groupStart;
  const end = endOf(k);
  const bare = runsOf(k) === 1;
  if (endsWithX && k === ntok) {
    if (ctx === K_RG || ctx === K_NONE) {
      const valid = m === 8 && rgSpValid(8, 10);
      if (ctx === K_RG) { emit('rg', start, end, valid ? 0.99 : 0.85, valid, reasonFor('RG', valid, valid)); return true; }
      if (valid && (shape3(k, 2, 3, 3) || bare)) { emit('rg', start, end, 0.8, true, 'RG (SP) com dígito verificador X válido'); return true; }
    }
    return false;
  }
  switch (ctx) {
    case K_CPF:
      if (m === 11) {
        const v = cpfValid(11);
        emit('cpf', start, end, v ? 0.99 : 0.55, v, reasonFor('CPF', v, true));
        return true;
      }
      if ((m === 9 || m === 10) && bare && k === 1) {
        const pad = 11 - m;
        DIG.copyWithin(pad, 0, m);
        DIG.fill(0, 0, pad);
        const v = cpfValid(11);
        DIG.copyWithin(0, pad, pad + m);
        if (v) { emit('cpf', start, end, 0.9, true, reasonFor('CPF (zeros à esquerda omitidos)', true, true)); return true; }
      }
      break;
    case K_CNPJ:
      if (m === 14) {
        const v = cnpjValid(14);
        emit('cnpj', start, end, v ? 0.99 : 0.55, v, reasonFor('CNPJ', v, true));
        return true;
      }
      break;
    case K_RG:
      if (m >= 5 && m <= 13 && !isDateLike()) {
        const v = m === 9 && rgSpValid(8, d(8));
        emit('rg', start, end, v ? 0.99 : 0.9, v, reasonFor(v ? 'RG (SP)' : 'RG', v, v));
        return true;
      }
      break;
    case K_CNS:
      if (m === 15) {
        const v = cnsValid(15);
        emit('cns', start, end, v ? 0.99 : 0.55, v, reasonFor('CNS', v, true));
        return true;
      }
      break;
    case K_CNH:
      if (m === 11) {
        const v = cnhValid(11);
        emit('cnh', start, end, v ? 0.99 : 0.55, v, reasonFor('CNH', v, true));
        return true;
      }
      if ((m === 9 || m === 10) && k === 1) {
        emit('cnh', start, end, 0.7, false, reasonFor('CNH (registro antigo)', false, false));
        return true;
      }
      break;
    case K_PIS:
      if (m === 11) {
        const v = pisValid(11);
        emit('pis', start, end, v ? 0.99 : 0.55, v, reasonFor('PIS/PASEP', v, true));
        return true;
      }
      break;
    case K_VOTER:
      if (m === 12) {
        const v = voterValid(12);
        emit('voter_id', start, end, v ? 0.99 : 0.6, v, reasonFor('Título de eleitor', v, true));
        return true;
      }
      if (m === 13 && k === 1) {
        emit('voter_id', start, end, 0.7, false, reasonFor('Título de eleitor (13 dígitos)', false, false));
        return true;
      }
      break;
    case K_MR:
      if (k === 1 && m >= 4 && m <= 20 && !isDateLike()) {
        emit('medical_record', start, end, 0.85, false, reasonFor('Número de prontuário', false, false));
        return true;
      }
      break;
    case K_MR_WEAK: {
      const yearLike = m === 4 && ((d(0) === 1 && d(1) === 9) || (d(0) === 2 && d(1) === 0));
      if (k === 1 && m >= 5 && m <= 20 && !yearLike && !isDateLike()) {
        emit('medical_record', start, end, 0.75, false, reasonFor('Número de registro do paciente', false, false));
        return true;
      }
      break;
    }
    case K_CEP:
      if (m === 8) {
        emit('cep', start, end, 0.97, false, reasonFor('CEP', false, false));
        return true;
      }
      break;
    case K_PHONE:
      if (phoneDigits(0, m, true)) {
        emit('phone', start, end, 0.95, false, reasonFor(phoneLabel(d(0) * 10 + d(1)), false, false));
        return true;
      }
      if ((m === 12 || m === 13) && d(0) === 5 && d(1) === 5 && phoneDigits(2, m - 2, true)) {
        emit('phone', start, end, 0.95, false, reasonFor('Telefone com código do país 55', false, false));
        return true;
      }
      if ((m === 8 || m === 9) && (m === 8 ? d(0) >= 2 : d(0) === 9) && !(d(0) === 4 && d(1) === 0 && d(2) === 0)) {
        emit('phone', start, end, 0.75, false, reasonFor('Telefone sem DDD', false, false));
        return true;
      }
      break;
  }
  if (m === 11) {
    const cpfShape = bare || shape4(k, 3, 3, 3, 2) || shape2(k, 9, 2);
    const pisShape = shape4(k, 3, 5, 2, 1) || shape2(k, 10, 1);
    if (pisShape && pisValid(11)) { emit('pis', start, end, 0.9, true, reasonFor('PIS/PASEP', true, true)); return true; }
    if (cpfShape && cpfValid(11)) {
      emit('cpf', start, end, bare ? 0.9 : 0.95, true, reasonFor('CPF', true, true));
      return true;
    }
    if ((bare || shape2(k, 2, 9)) && phoneDigits(0, 11, false)) {
      emit('phone', start, end, ctx === K_PHONE ? 0.9 : 0.6, false, reasonFor(phoneLabel(d(0) * 10 + d(1)), false, false));
      return true;
    }
    return false;
  }
  if (m === 14) {
    if ((bare || shape5(k, 2, 3, 3, 4, 2) || shape2(k, 12, 2) || shape3(k, 8, 4, 2)) && cnpjValid(14)) {
      emit('cnpj', start, end, bare ? 0.9 : 0.97, true, reasonFor('CNPJ', true, true));
      return true;
    }
    return false;
  }
  if (m === 15) {
    if ((bare || shape4(k, 3, 4, 4, 4)) && cnsValid(15)) {
      const strong = !bare || d(0) <= 2;
      emit('cns', start, end, strong ? 0.95 : 0.8, true, reasonFor('CNS', true, true));
      return true;
    }
    return false;
  }
  if (m === 12) {
    if ((bare || shape3(k, 4, 4, 4)) && voterValid(12)) {
      emit('voter_id', start, end, 0.75, true, reasonFor('Título de eleitor', true, true));
      return true;
    }
    return false;
  }
  if (m === 9 && shape4(k, 2, 3, 3, 1) && runSep[1] === 0x2e && rgSpValid(8, d(8))) {
    emit('rg', start, end, 0.8, true, reasonFor('RG (SP)', true, true));
    return true;
  }
  if (m === 8 && k === 1 && (shape2(k, 5, 3) || shape3(k, 2, 3, 3)) && isDash(at((tokEnd[0] as number) - 4))
    && !(d(0) === 0 && d(1) === 0 && d(2) === 0 && d(3) === 0 && d(4) === 0)) {
    emit('cep', start, end, 0.75, false, 'CEP no formato 00000-000');
    return true;
  }
  return false;
}

function scanNumber(i: number): number {
  if (!readGroup(i)) {
    let p = i;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (isWordChar(c) || ((c === 0x2e || c === 0x2f || isDash(c)) && isWordChar(at(p + 1)))) p++;
      else break;
    }
    return p;
  }
  const lastEnd = tokEnd[ntok - 1] as number;
  if (ndig < 4) return lastEnd;
  if (allSameDigits()) return lastEnd;
  if (isServiceNumber()) return lastEnd;
  if (isDateLike()) return tokEnd[0] as number;
  groupStart = i;
  let ctx = contextBefore(i);
  if (ctx === K_NEG) return lastEnd;
  if (ctx === K_NONE) {
    const e = tokEnd[0] as number;
    if (findKeywordAfter(text, e, 3, RG_AFTER) >= 0 && keywordStart <= e + 2) ctx = K_RG;
  }
  for (let k = ntok; k >= 1; k--) {
    if (k > 1 && tokPure[k - 2] === 0) continue;
    if (classify(k, ctx)) return endOf(k);
  }
  return tokEnd[0] as number;
}

const isCnpjChar = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a);

function tryAlnumCnpj(i: number): number {
  const formattedShape = at(i + 2) === 0x2e && at(i + 6) === 0x2e && at(i + 10) === 0x2f;
  if (!formattedShape && !(isDigit(at(i + 12)) && isDigit(at(i + 13)) && !isWordChar(at(i + 14)))) return -1;
  if (!startOk(i) && !(i > 0 && !isWordChar(text.charCodeAt(i - 1)))) return -1;
  let p: number;
  let m = 0, letters = 0;
  const formatted = at(i + 2) === 0x2e;
  if (formatted) {
    if (i + 18 > n) return -1;
    if (at(i + 6) !== 0x2e || at(i + 10) !== 0x2f || !isDash(at(i + 15))) return -1;
    for (let j = 0; j < 18; j++) {
      if (j === 2 || j === 6 || j === 10 || j === 15) continue;
      const c = text.charCodeAt(i + j);
      if (!isCnpjChar(c)) return -1;
      if (j >= 16 && !isDigit(c)) return -1;
      if (!isDigit(c)) letters++;
      DIG[m++] = c - 0x30;
    }
    p = i + 18;
  } else {
    if (i + 14 > n) return -1;
    for (let j = 0; j < 14; j++) {
      const c = text.charCodeAt(i + j);
      if (!isCnpjChar(c)) return -1;
      if (j >= 12 && !isDigit(c)) return -1;
      if (!isDigit(c)) letters++;
      DIG[m++] = c - 0x30;
    }
    p = i + 14;
  }
  if (letters === 0 || isWordChar(at(p))) return -1;
  const valid = cnpjValid(14);
  const ctx = contextBefore(i);
  if (!valid && !(ctx === K_CNPJ && formatted)) return -1;
  emit('cnpj', i, p, valid ? (ctx === K_CNPJ ? 0.99 : 0.95) : 0.55, valid, reasonFor('CNPJ alfanumérico', valid, true));
  return p;
}

const dddLabels: Array<string | undefined> = new Array(100);
function phoneLabel(ddd: number): string {
  return (dddLabels[ddd] ??= `Telefone com DDD ${ddd}`);
}

function emitPhone(start: number, end: number): void {
  const ctx = contextBefore(start);
  if (!phoneStrong && ctx === K_NEG) return;
  const conf = phoneStrong ? (ctx === K_PHONE ? 0.99 : 0.95) : ctx === K_PHONE ? 0.95 : 0.85;
  emit('phone', start, end, conf, false, reasonFor(phoneLabel(phoneDdd), false, false));
}

function sortFindings(): void {
  for (let a = 1; a < out.length; a++) {
    const f = out[a] as NativeFinding;
    let b = a - 1;
    while (b >= 0 && (out[b] as NativeFinding).start > f.start) {
      out[b + 1] = out[b] as NativeFinding;
      b--;
    }
    out[b + 1] = f;
  }
}

// 0 nothing starts here, 1 digit, 2 letter, 3 '(' or '+', 4 '@', 5 '_'
const CLASS = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) { CLASS[c] = 2; CLASS[c + 0x20] = 2; }
CLASS[0x28] = 3; CLASS[0x2b] = 3; CLASS[0x40] = 4; CLASS[0x5f] = 5;

function atWordStart(i: number, c: number): number {
  const f = fold(c);
  const g = i + 1 < n ? fold(text.charCodeAt(i + 1)) : 0;
  if ((f === 0x63 && (g === 0x72 || g === 0x6f || g === 0x61 || g === 0x66)) || (f === 0x6f && g === 0x61) || (f === 0x72 && g === 0x71)) {
    const e = tryProfessional(i);
    if (e > 0) {
      const hasUf = profUf.length > 0;
      emit('professional_id', i, e, hasUf ? 0.95 : 0.85, false, `Registro profissional ${profAcronym}${hasUf ? ` com UF ${profUf}` : ''}`);
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

function tryUfPrefixedRg(i: number): number {
  const a = at(i), b = at(i + 1);
  if (!(b >= 0x41 && b <= 0x5a)) return -1;
  if (!isDigit(at(i + 3)) && !isDigit(at(i + 4))) return -1;
  let ok = false;
  for (let k = 0; k < UFS.length; k += 2) {
    if (UFS.charCodeAt(k) === a && UFS.charCodeAt(k + 1) === b) { ok = true; break; }
  }
  if (!ok) return -1;
  let p = i + 2;
  if (isDash(at(p)) || at(p) === 0x2e || at(p) === 0x20) p++;
  if (at(p) === 0x20) p++;
  if (!isDigit(at(p))) return -1;
  if (contextBefore(i) !== K_RG) return -1;
  if (!readGroup(p)) return -1;
  const m = tokDigits[0] as number;
  if (m < 5 || m > 12 || isDateLike()) return -1;
  const end = tokEnd[0] as number;
  const v = (m === 9 && !endsWithX && rgSpValid(8, d(8))) || (m === 8 && endsWithX && rgSpValid(8, 10));
  emit('rg', i, end, v ? 0.99 : 0.9, v, reasonFor(v ? 'RG (SP)' : 'RG', v, v));
  return end;
}

/** Finds Brazilian identifiers in `input`, sorted by start (UTF-16 offsets), exactly as the br-identifiers plugin. */
export function detect(input: string): NativeFinding[] {
  text = input;
  n = input.length;
  out = [];
  prepareTable();
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    let cls: number;
    if (c < 0x80) {
      cls = CLASS[c] as number;
      if (cls === 0) { i++; continue; }
    } else if (isNonAsciiLetter(c)) cls = 2;
    else { i++; continue; }

    if (cls === 2) {
      if (i === 0 || !isWordChar(input.charCodeAt(i - 1))) {
        const e = atWordStart(i, c);
        if (e > 0) { i = e; continue; }
      }
      let prev = c;
      i++;
      while (i < n) {
        const x = input.charCodeAt(i);
        if (x < 0x80) {
          const k = CLASS[x] as number;
          if (k === 2 || k === 5) { prev = x; i++; continue; }
          if (k === 1 && prev !== 0xba && prev !== 0xaa) { prev = x; i++; continue; }
          break;
        }
        if (!isNonAsciiLetter(x)) break;
        prev = x;
        i++;
      }
      continue;
    }
    if (cls === 1) {
      if (!startOk(i)) {
        while (i < n && isDigit(input.charCodeAt(i))) i++;
        continue;
      }
      let e = tryAlnumCnpj(i);
      if (e > 0) { i = e; continue; }
      e = tryPhone(i);
      if (e > 0) { emitPhone(i, e); i = e; continue; }
      i = scanNumber(i);
      continue;
    }
    if (cls === 3) {
      const e = tryPhone(i);
      if (e > 0) { emitPhone(i, e); i = e; continue; }
      i++;
      continue;
    }
    if (cls === 4) {
      const e = tryEmail(i);
      if (e > 0) {
        emit('email', emailStart, e, 0.97, false, 'Endereço de e-mail');
        i = e;
        continue;
      }
    }
    i++;
  }
  sortFindings();
  const result = out;
  out = [];
  text = '';
  return result;
}
