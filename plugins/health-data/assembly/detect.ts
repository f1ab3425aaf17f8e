// Health data detector: conditions, procedures that reveal them, CID-10 codes, medications, genetic data.
import { beginInterning, endInterning, Cell, Hit, Lexicon, Match, TableLayout, Tokens, forEachChunk, tableCells, tableLayout, foldChar, foldedBefore, foldedAfter, isWordChar, isDigitChar, isCombining, isUpperAscii, joinable, resolveOverlaps, ocrNormalised, indexOfFrom, lastIndexOfStr } from "../../sdk/assembly/lexicon";
import { CONDITIONS, PROCEDURES, QUALIFIERS, ORGANS, TUMOR_HEADS, DIAGNOSIS_LABELS, NOT_A_DIAGNOSIS } from "./vocab-conditions";
import { MEDICATIONS, SALTS } from "./vocab-medications";
import { GENETIC_TRIGGERS, GENETIC_TERMS, CARRIER_HEADS, CARRIER_STATES, CARRIER_CONDITIONS, GENETIC_TESTS, KARYOTYPE, GENE_SYMBOLS, TEST_RESULT_WORDS } from "./vocab-genetic";
import { isValidCategory, chapterOf } from "./icd10";

const K_COND: i32 = 1;
const K_TUMOR: i32 = 2;
const K_PROC: i32 = 3;
const K_ACRONYM_PROC: i32 = 4;

const G_TRIGGER: i32 = 1;
const G_TERM: i32 = 2;
const G_CARRIER: i32 = 3;
const G_TEST: i32 = 5;
const G_KARYO: i32 = 6;
const G_GENE: i32 = 7;

const LGPD = "dado de saúde, LGPD art. 5º, II";

let conditions: Lexicon | null = null;
let organs: Lexicon | null = null;
let qualifiers: Lexicon | null = null;
let medications: Lexicon | null = null;
let salts: Lexicon | null = null;
let genetic: Lexicon | null = null;
let carriers: Lexicon | null = null;
let dxLabels: Lexicon | null = null;
let notDx: Lexicon | null = null;

/** Builds the dictionaries once (kept in globals). */
export function setup(): void {
  if (carriers != null) return;
  // Each dictionary goes into a global before __collect(), so only setup garbage is freed
  // (runtime "minimal": collect only when no unrooted object is on the stack).
  beginInterning();
  conditions = new Lexicon();
  conditions!.add(TUMOR_HEADS, K_TUMOR);
  conditions!.add(CONDITIONS, K_COND);
  __collect();
  conditions!.add(PROCEDURES, K_PROC);
  organs = new Lexicon();
  organs!.add(ORGANS, 1);
  qualifiers = new Lexicon();
  qualifiers!.add(QUALIFIERS, 1);
  __collect();
  medications = new Lexicon();
  medications!.add(MEDICATIONS, 1);
  salts = new Lexicon();
  salts!.add(SALTS, 1);
  __collect();
  genetic = new Lexicon();
  genetic!.add(GENETIC_TRIGGERS, G_TRIGGER);
  genetic!.add(GENETIC_TERMS, G_TERM);
  genetic!.add(CARRIER_HEADS, G_CARRIER);
  genetic!.add(GENETIC_TESTS, G_TEST);
  genetic!.add(KARYOTYPE, G_KARYO);
  genetic!.add(GENE_SYMBOLS, G_GENE);
  carriers = new Lexicon();
  carriers!.add(CARRIER_STATES, 1);
  carriers!.add(CARRIER_CONDITIONS, 2);
  dxLabels = new Lexicon();
  dxLabels!.add(DIAGNOSIS_LABELS, 1);
  notDx = new Lexicon();
  notDx!.add(NOT_A_DIAGNOSIS, 1);
  isValidCategory(0x41, 0); // builds the CID-10 table
  endInterning();
  __collect();
}

const PREPS: string[] = ["de", "do", "da", "dos", "das", "no", "na", "em"];

/** Priority when spans overlap inside this plugin: the more specific type wins. */
function priority(type: string): i32 {
  if (type == "genetic_data") return 4;
  if (type == "icd10") return 3;
  if (type == "medication") return 2;
  return 1;
}

/** The finding's text in quotes (cut at 120 characters: the reason stays under the ABI's 500). */
function quote(text: string, start: i32, end: i32): string {
  if (end - start > 120) return "'" + text.substring(start, start + 120) + "…'";
  return "'" + text.substring(start, end) + "'";
}

const R_COND: i32 = 1, R_PROC: i32 = 2, R_MED: i32 = 3, R_ICD: i32 = 4, R_GENE: i32 = 5, R_GENE_TEST: i32 = 6, R_COND_FIELD: i32 = 7, R_MED_FIELD: i32 = 8, R_OBST: i32 = 9;

/** The Portuguese explanation of a finding. */
export function reasonOf(h: Hit, text: string): string {
  const q = quote(text, h.start, h.end);
  switch (h.kind) {
    case R_COND: return h.detail == 1
      ? "Condição de saúde " + q + " citada como negada ou descartada (ainda informação de saúde; " + LGPD + ")"
      : "Diagnóstico " + q + " (" + LGPD + ")";
    case R_PROC: return "Procedimento, tratamento ou exame " + q + " que revela condição de saúde (" + LGPD + ")";
    case R_MED: return "Medicamento " + q + " (revela tratamento de saúde; " + LGPD + ")";
    case R_ICD: {
      const letter = h.detail / 100, num = h.detail % 100;
      return "Código CID-10 " + canonicalIcd(letter, num, text.substring(h.start, h.end)) + " válido (" + chapterOf(letter, num) + "; " + LGPD + ")";
    }
    case R_GENE: return "Dado genético " + q + " (dado sensível, LGPD art. 5º, II)";
    case R_GENE_TEST: return "Exame genético " + q + " (dado sensível, LGPD art. 5º, II)";
    case R_MED_FIELD: return "Medicamento " + q + " informado em coluna de medicamentos (" + LGPD + ")";
    case R_COND_FIELD: return "Condição de saúde " + q + " informada em campo de diagnóstico (" + LGPD + ")";
    case R_OBST: return "Fórmula obstétrica " + q + " (gestações, partos e abortos; " + LGPD + ")";
  }
  return "Dado de saúde " + q + " (" + LGPD + ")";
}

// Detection runs chunk by chunk; the text and the findings live in globals so that, with the "minimal"
// runtime, the garbage of each chunk can be collected between chunks (memory stays bounded).
let gText: string = "";
let gHits: Hit[] = [];
let docHasCid = false;
let table: TableLayout | null = null;

const COL_DIAGNOSIS: i32 = 1, COL_CID: i32 = 2, COL_MEDICATION: i32 = 3, COL_VACCINE: i32 = 4;

/** Kind of a table column by its header (folded words). */
function healthColumn(h: string): i32 {
  if (h.startsWith("diagnostico") || h.startsWith("hipotese") || h.startsWith("comorbidade") || h.startsWith("doenca") ||
    h.startsWith("condicao") || h.startsWith("patologia") || h.startsWith("agravo") || h == "dx" || h == "hd" || h.startsWith("problema")) return COL_DIAGNOSIS;
  if (h == "cid" || h.startsWith("cid ") || h.startsWith("cid10") || h.startsWith("codigo cid")) return COL_CID;
  if (h.startsWith("vacina") || h.startsWith("imunizante") || h.startsWith("imunobiologico")) return COL_VACCINE;
  if (h.startsWith("medicamento") || h.startsWith("medicacao") || h.startsWith("remedio") || h.startsWith("prescricao") || h.startsWith("farmaco")) return COL_MEDICATION;
  return 0;
}
const CHUNK: i32 = 16384;

/**
 * All health findings of `text`. With `collect`, garbage is collected between chunks: the caller must
 * then hold no other heap object it still needs except through `text` (true for analyze()).
 */
export function detect(text: string, collect: bool = false): Hit[] {
  setup();
  gText = text;
  gHits = [];
  docHasCid = hasCidWord(text);
  table = tableLayout(text, healthColumn);
  forEachChunk(text, CHUNK, collect, detectChunk);
  const out = resolveOverlaps(gHits, priority);
  gHits = [];
  gText = "";
  table = null;
  return out;
}

function detectChunk(from: i32, to: i32): void {
  const text = gText;
  const tokens = new Tokens(text, from, to);
  const hits: Hit[] = [];
  detectTerms(text, tokens, hits);
  // scanned documents: words misread by OCR ("L0SARTANA") are matched on a corrected copy (same offsets)
  const ocr = ocrNormalised(text, from, to);
  if (ocr.length > 0) {
    const fixed: Hit[] = [];
    detectTerms(ocr, new Tokens(ocr, from, to), fixed);
    for (let k = 0; k < fixed.length; k++) if (!overlapsAny(hits, fixed[k].start, fixed[k].end)) hits.push(fixed[k]);
  }
  detectGenetic(text, tokens, hits);
  detectLabelledDiagnoses(text, tokens, hits);
  // table cells first: a code in a "COD" column is accepted when its row holds a diagnosis cell
  if (table != null) detectTableCells(text, tokens, hits, from, to);
  detectIcd10(text, hits, from, to);
  detectObstetricFormula(text, hits, from, to);
  for (let k = 0; k < hits.length; k++) gHits.push(hits[k]);
}

/** Digits at p (at most `max`); returns their end, or p when there are none. */
function digitsEnd(text: string, p: i32, to: i32, max: i32): i32 {
  let q = p;
  while (q < to && q - p < max && isDigitChar(text.charCodeAt(q))) q++;
  return q;
}

/**
 * The obstetric formula of a pregnancy history: "G3P2A1", "G2 P1 A0", "G4P3(2N1C)A0", "G1P0": gestations,
 * parities (optionally by kind, in parentheses) and abortions. A health finding by itself.
 */
function detectObstetricFormula(text: string, hits: Hit[], from: i32, to: i32): void {
  for (let i = from; i + 3 < to; i++) {
    if (text.charCodeAt(i) != 0x47) continue; // 'G'
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    let p = digitsEnd(text, i + 1, to, 2);
    if (p == i + 1) continue;
    // written apart ("G2 P1 A0") it needs all three parts: "Sala G12 P3" is a place
    const spaced = p < to && text.charCodeAt(p) == 0x20;
    if (spaced) p++;
    if (p >= to || text.charCodeAt(p) != 0x50) continue; // 'P'
    let q = digitsEnd(text, p + 1, to, 2);
    if (q == p + 1) continue;
    let end = q;
    // "(2N1C)": births by kind
    if (q < to && text.charCodeAt(q) == 0x28) {
      let r = q + 1;
      while (r < to && r - q < 12 && (isDigitChar(text.charCodeAt(r)) || text.charCodeAt(r) == 0x43 || text.charCodeAt(r) == 0x4e || text.charCodeAt(r) == 0x56 || text.charCodeAt(r) == 0x20)) r++;
      if (r < to && text.charCodeAt(r) == 0x29) { q = r + 1; end = q; }
    }
    let a = q;
    if (a < to && text.charCodeAt(a) == 0x20) a++;
    let abortions = false;
    if (a < to && text.charCodeAt(a) == 0x41) { // 'A'
      const ae = digitsEnd(text, a + 1, to, 2);
      if (ae > a + 1) { end = ae; abortions = true; }
    }
    if (spaced && !abortions) continue;
    if (end < to && isWordChar(text.charCodeAt(end))) continue;
    hits.push(new Hit("health_condition", i, end, 0.85, false, R_OBST));
    i = end - 1;
  }
}

/** True when the word "CID" (or CID10, ICD) occurs in the text. */
function hasCidWord(text: string): bool {
  const n = text.length;
  for (let i = 0; i + 2 < n; i++) {
    if (foldChar(text.charCodeAt(i)) != 0x63 || foldChar(text.charCodeAt(i + 1)) != 0x69 || foldChar(text.charCodeAt(i + 2)) != 0x64) continue;
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    // "CID10", "cid_principal"
    if (i + 3 < n && isWordChar(text.charCodeAt(i + 3)) && text.charCodeAt(i + 3) != 0x31 && text.charCodeAt(i + 3) != 0x5f) continue;
    return true;
  }
  return false;
}

/** Extends a match over qualifiers ("crônica", "grave", "em remissão"), at most two. */
function extendQualifiers(tokens: Tokens, last: i32): i32 {
  const q = qualifiers!;
  let end = last;
  for (let n = 0; n < 2; n++) {
    const i = end + 1;
    if (i >= tokens.length || !joinable(tokens.text, tokens.ends[end], tokens.starts[i])) break;
    const m = q.matchAt(tokens, i);
    if (m == null) break;
    end = m.lastToken;
  }
  return end;
}

/** True when the text right after `end` is ": <digit>" (a lab result line such as "Insulina: 12"). */
function isLabValue(text: string, end: i32): bool {
  let i = end;
  const n = text.length;
  while (i < n && (text.charCodeAt(i) == 0x20 || text.charCodeAt(i) == 0x09)) i++;
  if (i >= n || text.charCodeAt(i) != 0x3a) return false;
  i++;
  while (i < n && (text.charCodeAt(i) == 0x20 || text.charCodeAt(i) == 0x09)) i++;
  return i < n && (isDigitChar(text.charCodeAt(i)) || text.charCodeAt(i) == 0x3c || text.charCodeAt(i) == 0x3e);
}

const NEGATIONS: string[] = ["nega ", "negou ", "negando ", "sem ", "ausencia de ", "descarta", "afastad", "nao apresenta ", "nao ha ", "nao tem ", "exclui"];

/**
 * "Nega diabetes", "sem sinais de pneumonia", "descartada tuberculose": still said about the person (and
 * reported), with a lower confidence and a reason that says so.
 */
function isNegated(text: string, start: i32): bool {
  const before = foldedBefore(text, start, 40, true);
  let at = -1;
  for (let k = 0; k < NEGATIONS.length; k++) {
    const i = lastIndexOfStr(before, NEGATIONS[k]);
    if (i > at && (i == 0 || !isWordChar(before.charCodeAt(i - 1)))) at = i;
  }
  if (at < 0) return false;
  return indexOfFrom(before, ".", at) < 0 && indexOfFrom(before, ";", at) < 0 && indexOfFrom(before, " com ", at) < 0 && indexOfFrom(before, ":", at) < 0;
}

const ALLERGY_WORDS: string[] = ["alergi", "alergic", "hipersensibilidade"];

/**
 * "Alergias: dipirona", "alérgico a penicilina": the drug is not taken (the allergy is not a treatment).
 * Returns the offset of the allergy word when `start` is inside such a clause (same line, no full stop or
 * semicolon in between, at most 40 characters before), else -1.
 */
function allergyStart(text: string, start: i32): i32 {
  let lim = start - 40;
  if (lim < 0) lim = 0;
  for (let i = start - 1; i >= lim; i--) {
    const c = text.charCodeAt(i);
    if (c == 0x0a || c == 0x2e || c == 0x3b) return -1;
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    for (let k = 0; k < ALLERGY_WORDS.length; k++) if (foldedWordAt(text, i, ALLERGY_WORDS[k])) return i;
  }
  return -1;
}

/** True when the folded text at `pos` starts with `key` (folded, ASCII). */
function foldedWordAt(text: string, pos: i32, key: string): bool {
  let p = pos;
  for (let k = 0; k < key.length; k++) {
    while (p < text.length && isCombining(text.charCodeAt(p))) p++;
    if (p >= text.length || foldChar(text.charCodeAt(p)) != key.charCodeAt(k)) return false;
    p++;
  }
  return true;
}

/** "Hepatite B ...... 1ª dose", "vacina contra febre amarela": a vaccine, not the person's disease. */
function isVaccineName(text: string, start: i32, end: i32): bool {
  const before = foldedBefore(text, start, 24, true);
  if (indexOfFrom(before, "vacina") >= 0 || indexOfFrom(before, "imuniza") >= 0) return true;
  const after = foldedAfter(text, end, 40, true);
  const d = indexOfFrom(after, "dose");
  if (d < 0) return false;
  // only dots, spaces, digits and ordinal marks between the name and "dose" (a vaccination table row)
  for (let k = 0; k < d; k++) {
    const c = after.charCodeAt(k);
    if (!(c == 0x20 || c == 0x2e || c == 0x09 || c == 0x2d || c == 0x3a || isDigitChar(c) || c == 0xaa || c == 0xba || c == 0x6f || c == 0x61)) return false;
  }
  return true;
}

const NAME_PARTICLES: string[] = ["das", "dos"];

/** "Francisco das Chagas", "Maria das Dores": a capitalised one-word term after "das"/"dos" and a capitalised word is part of a name. */
function isNameParticleWord(tokens: Tokens, first: i32, last: i32): bool {
  if (first != last || first < 2) return false;
  const text = tokens.text;
  if (!isUpperAscii(foldBase(text.charCodeAt(tokens.starts[first])))) return false;
  if (!tokens.isAny(first - 1, NAME_PARTICLES)) return false;
  return isUpperAscii(foldBase(text.charCodeAt(tokens.starts[first - 2])));
}

/** Upper-case accented Latin-1 letters mapped to their ASCII capital (É → E); others unchanged. */
function foldBase(c: i32): i32 {
  if (c >= 0xc0 && c <= 0xde) return foldChar(c) - 32;
  return c;
}

function detectTerms(text: string, tokens: Tokens, hits: Hit[]): void {
  const c = conditions!, m = medications!, s = salts!, o = organs!;
  let i = 0;
  while (i < tokens.length) {
    const cm = c.matchAt(tokens, i);
    let mm = m.matchAt(tokens, i);
    let medStart = -1;
    if (mm == null) {
      // "cloridrato de sertralina"
      const sm = s.matchAt(tokens, i);
      if (sm != null && sm.lastToken + 2 < tokens.length && tokens.is(sm.lastToken + 1, "de")) {
        const inner = m.matchAt(tokens, sm.lastToken + 2);
        if (inner != null) { mm = inner; medStart = tokens.starts[i]; }
      }
    }
    if (mm != null && (cm == null || mm.end >= cm.end)) {
      const start = medStart >= 0 ? medStart : mm.start;
      if (!isLabValue(text, mm.end)) {
        // "alérgica a penicilina": the drug is not a treatment (and the corpus convention does not report the allergy)
        if (allergyStart(text, start) < 0) hits.push(new Hit("medication", start, mm.end, 0.9, false, R_MED));
      }
      i = mm.lastToken + 1;
      continue;
    }
    if (cm != null && (isNameParticleWord(tokens, cm.firstToken, cm.lastToken) || isVaccineName(text, cm.start, cm.end) ||
      (cm.entry.exact.length > 0 && isLabValue(text, cm.end)))) { i = cm.lastToken + 1; continue; }
    if (cm != null) {
      let last = cm.lastToken;
      if (cm.entry.kind == K_TUMOR) {
        // "neoplasia maligna" + "da próstata"
        const p = last + 1;
        if (p + 1 < tokens.length && tokens.isAny(p, PREPS) && joinable(text, tokens.ends[last], tokens.starts[p]) &&
          joinable(text, tokens.ends[p], tokens.starts[p + 1])) {
          const om = o.matchAt(tokens, p + 1);
          if (om != null) last = om.lastToken;
        }
      }
      last = extendQualifiers(tokens, last);
      const end = tokens.ends[last];
      const isProc = cm.entry.kind == K_PROC;
      const acronym = cm.entry.exact.length > 0;
      const conf = acronym ? 0.75 : (isProc ? 0.8 : 0.9);
      const negated = !isProc && isNegated(text, cm.start);
      hits.push(new Hit("health_condition", cm.start, end, negated ? 0.6 : conf, false, isProc ? R_PROC : R_COND, negated ? 1 : 0));
      i = last + 1;
      continue;
    }
    i++;
  }
}

// ---------------------------------------------------------------- genetic data

/** An allele suffix after a hyphen: upper-case letters and digits with at least one letter (B27, DQ2, E4). */
function isAlleleSuffix(tokens: Tokens, i: i32): bool {
  if (i >= tokens.length) return false;
  const s = tokens.starts[i], e = tokens.ends[i];
  if (e - s < 1 || e - s > 8) return false;
  let letters = 0;
  for (let k = s; k < e; k++) {
    const c = tokens.text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) letters++;
    else if (!(c >= 0x30 && c <= 0x39)) return false;
  }
  return letters >= 1;
}

/** A gene symbol: 2–10 characters, upper-case letters and digits, at least two letters (BRCA1, CFTR, TP53). */
function isGeneSymbol(tokens: Tokens, i: i32): bool {
  if (i >= tokens.length) return false;
  const s = tokens.starts[i], e = tokens.ends[i];
  const len = e - s;
  if (len < 2 || len > 10) return false;
  let letters = 0;
  for (let k = s; k < e; k++) {
    const c = tokens.text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) letters++;
    else if (!(c >= 0x30 && c <= 0x39)) return false;
  }
  return letters >= 2;
}

const GENE_LINK: string[] = ["no", "do", "em", "de", "na", "da", "nos", "dos", "gene", "genes", "germinativa", "somatica", "patogenica", "heterozigotica", "homozigotica", "heterozigose", "homozigose", "para"];

/** End token of "no gene BRCA2" / "BRCA1" / "HLA-B27" after token `after`, or -1. */
function geneAfter(tokens: Tokens, after: i32): i32 {
  let i = after + 1;
  let steps = 0;
  while (i < tokens.length && steps < 4 && joinable(tokens.text, tokens.ends[i - 1], tokens.starts[i])) {
    if (isGeneSymbol(tokens, i)) {
      // HLA-B27: symbol "HLA" + "-" + "B27"
      if (i + 1 < tokens.length && isAlleleSuffix(tokens, i + 1) && tokens.starts[i + 1] - tokens.ends[i] == 1 && tokens.text.charCodeAt(tokens.ends[i]) == 0x2d) return i + 1;
      return i;
    }
    if (!tokens.isAny(i, GENE_LINK)) return -1;
    i++;
    steps++;
  }
  return -1;
}

function detectGenetic(text: string, tokens: Tokens, hits: Hit[]): void {
  const g = genetic!, cc = carriers!;
  const found: Hit[] = [];
  const tests: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = g.matchAt(tokens, i);
    if (m == null) { i++; continue; }
    const kind = m.entry.kind;
    let last = m.lastToken;
    let ok = true;
    if (kind == G_TRIGGER) {
      const gEnd = geneAfter(tokens, last);
      if (gEnd >= 0) last = gEnd;
      else ok = m.entry.keys.length > 1; // "variante patogênica" stands alone; "mutação" needs a gene
    } else if (kind == G_GENE) {
      // HLA-B27, BRCA1: symbol with an allele suffix
      if (last + 1 < tokens.length && tokens.starts[last + 1] - tokens.ends[last] == 1 && tokens.text.charCodeAt(tokens.ends[last]) == 0x2d && isAlleleSuffix(tokens, last + 1)) last++;
    } else if (kind == G_CARRIER) {
      // "portador de anemia falciforme (traço HbAS)"
      const cm = last + 1 < tokens.length ? cc.matchAt(tokens, last + 1) : null;
      if (cm == null || !joinable(text, tokens.ends[last], cm.start)) ok = false;
      else if (cm.entry.kind == 2 && !carrierQualified(text, m.start, tokens.ends[cm.lastToken])) ok = false; // has the disease
      else {
        last = cm.lastToken;
        const gEnd = cm.entry.kind == 1 ? geneAfter(tokens, last) : -1; // "portadora de mutação no gene CFTR"
        if (gEnd >= 0) last = gEnd;
      }
    } else if (kind == G_KARYO) {
      // "cariótipo 47,XX,+21" / "cariótipo: 46,XY"
      let p = tokens.ends[last];
      while (p < text.length && (text.charCodeAt(p) == 0x20 || text.charCodeAt(p) == 0x3a)) p++;
      let q = p;
      let digits = 0;
      while (q < text.length && q - p < 60) {
        const ch = text.charCodeAt(q);
        if (isDigitChar(ch)) digits++;
        if (isWordChar(ch) || ch == 0x2c || ch == 0x2b || ch == 0x2d || ch == 0x28 || ch == 0x29 || ch == 0x3b || ch == 0x2e) q++;
        else break;
      }
      while (q > p && (text.charCodeAt(q - 1) == 0x2e || text.charCodeAt(q - 1) == 0x2c || text.charCodeAt(q - 1) == 0x3b)) q--;
      if (digits > 0 && q > p) {
        found.push(new Hit("genetic_data", m.start, q, 0.95, false, R_GENE));
        i = tokens.indexAt(q);
        continue;
      }
      ok = false;
    } else if (kind == G_TEST) {
      tests.push(m);
      i = last + 1;
      continue;
    }
    if (!ok) { i++; continue; }
    let end = tokens.ends[last];
    // trailing parenthesis that describes the trait: "(traço HbAS)"
    let p = end;
    while (p < text.length && text.charCodeAt(p) == 0x20) p++;
    if (p < text.length && text.charCodeAt(p) == 0x28) {
      const close = text.indexOf(")", p);
      if (close > p && close - p < 40) {
        const inner = foldedAfter(text, p, close - p, true);
        if (inner.includes("traco") || inner.includes("hb") || inner.includes("heterozig") || inner.includes("homozig")) end = close + 1;
      }
    }
    found.push(new Hit("genetic_data", m.start, end, 0.9, false, R_GENE));
    i = tokens.indexAt(end);
  }
  // a genetic test counts by itself only when its result is not reported right after it
  for (let t = 0; t < tests.length; t++) {
    const tm = tests[t];
    let covered = false;
    for (let k = 0; k < found.length; k++) {
      const f = found[k];
      if (f.start >= tm.end && f.start - tm.end < 120) { covered = true; break; }
    }
    if (!covered && testResultAfter(tokens, tm.lastToken)) found.push(new Hit("genetic_data", tm.start, tm.end, 0.8, false, R_GENE_TEST));
  }
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    // "…no gene BRCA1, em heterozigose": the zygosity describes the variant just reported, not a second finding
    if (k > 0 && isZygosity(text, f.start, f.end) && zygosityFollows(text, found[k - 1].end, f.start)) continue;
    hits.push(f);
  }
}

/** "portador assintomático de…", "portadora de anemia falciforme (traço HbAS)", "… heterozigoto": carrier status. */
function carrierQualified(text: string, start: i32, end: i32): bool {
  if (foldedAfter(text, start, end - start, true).includes("assintom")) return true;
  const after = foldedAfter(text, end, 40, true);
  return after.includes("traco") || after.includes("heterozig") || after.includes("(hb");
}

/** A result word within the few tokens after a genetic test ("exame genético positivo para…"). */
function testResultAfter(tokens: Tokens, last: i32): bool {
  for (let i = last + 1; i < tokens.length && i <= last + 4; i++) {
    if (!joinable(tokens.text, tokens.ends[i - 1], tokens.starts[i])) return false;
    if (tokens.isAny(i, TEST_RESULT_WORDS)) return true;
  }
  return false;
}

function isZygosity(text: string, start: i32, end: i32): bool {
  const w = foldedAfter(text, start, end - start, true);
  return w.startsWith("heterozigo") || w.startsWith("homozigo");
}

/** Only a comma, spaces and "em" lie between the previous finding and the zygosity word. */
function zygosityFollows(text: string, prevEnd: i32, start: i32): bool {
  if (start < prevEnd || start - prevEnd > 8) return false;
  const gap = foldedAfter(text, prevEnd, start - prevEnd, true);
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c != 0x20 && c != 0x2c && c != 0x65 && c != 0x6d) return false; // ' ', ',', 'e', 'm'
  }
  return true;
}

// ---------------------------------------------------------------- CID-10

/** True when the line holding `pos` contains a health term already found. */
function lineHasHealthHit(text: string, pos: i32, hits: Hit[]): bool {
  let ls = pos, le = pos;
  while (ls > 0 && text.charCodeAt(ls - 1) != 0x0a) ls--;
  while (le < text.length && text.charCodeAt(le) != 0x0a) le++;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    if (h.start >= ls && h.end <= le && h.type != "medication") return true;
  }
  return false;
}

function isCellEdge(c: i32): bool {
  return c == 0x3b || c == 0x2c || c == 0x09 || c == 0x0a || c == 0x0d || c == 0x7c || c == 0x22;
}

function detectIcd10(text: string, hits: Hit[], from: i32, to: i32): void {
  const n = to;
  const found: Hit[] = [];
  let lastEnd = -100;
  for (let i = from; i + 2 < n; i++) {
    let letter = text.charCodeAt(i);
    // cheapest tests first (a letter then two digits); then the character before
    const lower = letter >= 0x61 && letter <= 0x7a;
    if (!((letter >= 0x41 && letter <= 0x5a) || lower)) continue;
    if (!isDigitChar(text.charCodeAt(i + 1)) || !isDigitChar(text.charCodeAt(i + 2))) continue;
    if (i > 0 && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) == 0x2e)) continue;
    let end = i + 3;
    if (end < n && text.charCodeAt(end) == 0x2e && end + 1 < n && isDigitChar(text.charCodeAt(end + 1))) {
      end += 2;
      if (end < n && isDigitChar(text.charCodeAt(end))) end++;
      if (end < n && isDigitChar(text.charCodeAt(end))) continue; // a longer number, not a code
    }
    if (end < n && (isWordChar(text.charCodeAt(end)) || (text.charCodeAt(end) == 0x2c && end + 1 < n && isDigitChar(text.charCodeAt(end + 1))))) continue;
    if (end < n && text.charCodeAt(end) == 0x2e && end + 1 < n && isDigitChar(text.charCodeAt(end + 1))) continue;
    // a hyphen or slash before joins it to another word (COREN-A12, 2026/A10), except after "CID"
    const up = lower ? letter - 32 : letter;
    const num = (text.charCodeAt(i + 1) - 0x30) * 10 + (text.charCodeAt(i + 2) - 0x30);
    if (!isValidCategory(up, num)) continue;
    if (table != null && overlapsAny(hits, i, end, "icd10")) { i = end - 1; continue; } // already read in a CID column
    const before = foldedBefore(text, i, 24, true);
    const afterCid = endsWithCid(before);
    const chained = i - lastEnd <= 5 && i - lastEnd > 0 && isChainGap(text, lastEnd, i);
    let accept = false;
    let conf = 0.85;
    if (afterCid || chained) { accept = true; conf = 0.97; }
    else if (!lower) {
      if (i > 0 && text.charCodeAt(i - 1) == 0x2d && i > 1 && isWordChar(text.charCodeAt(i - 2))) continue;
      const cell = (i == 0 || isCellEdge(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) == 0x20) && (end == n || isCellEdge(text.charCodeAt(end)) || text.charCodeAt(end) == 0x20);
      const paren = i > 0 && text.charCodeAt(i - 1) == 0x28 && end < n && text.charCodeAt(end) == 0x29;
      if ((paren || cell) && lineHasHealthHit(text, i, hits)) accept = true;
      else if (docHasCid && cell && (i == 0 || text.charCodeAt(i - 1) != 0x20 || text.charCodeAt(end) != 0x20) && lineHasDelimiter(text, i)) accept = true;
    }
    if (accept && !afterCid && !chained && isPlaceWord(before)) accept = false;
    if (!accept) continue;
    found.push(new Hit("icd10", i, end, conf, true, R_ICD, up * 100 + num));
    lastEnd = end;
    i = end - 1;
  }
  detectLooseIcd10(text, found, from, to);
  detectOcrIcd10(text, hits, found, from, to);
  for (let k = 0; k < found.length; k++) hits.push(found[k]);
}

/** The code as the CID-10 table writes it, from its category and the text found: "f 32.1" → "F32.1", "f321" → "F32.1". */
function canonicalIcd(letter: i32, num: i32, raw: string): string {
  // the category's two digits are the first two after the letter; what follows is the subcategory
  let seen = 0;
  let rest = "";
  for (let k = 1; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (!isDigitChar(c)) continue;
    seen++;
    if (seen > 2) rest += String.fromCharCode(c);
  }
  const head = String.fromCharCode(letter) + (num < 10 ? "0" : "") + num.toString();
  return rest.length > 0 ? head + "." + rest : head;
}

/**
 * Codes typed loosely, accepted only right after "CID": a space after the letter ("CID: F 32.1", "CID F 32"),
 * or no dot before the subcategory ("cid10 f321", "CID F321"). The category must exist.
 */
function detectLooseIcd10(text: string, found: Hit[], from: i32, to: i32): void {
  for (let i = from; i + 3 < to; i++) {
    const letter = text.charCodeAt(i);
    const lower = letter >= 0x61 && letter <= 0x7a;
    if (!((letter >= 0x41 && letter <= 0x5a) || lower)) continue;
    if (i > 0 && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) == 0x2e)) continue;
    let d = i + 1;
    const spaced = text.charCodeAt(d) == 0x20;
    if (spaced) d++;
    if (d + 1 >= to || !isDigitChar(text.charCodeAt(d)) || !isDigitChar(text.charCodeAt(d + 1))) continue;
    let end = d + 2;
    if (spaced) {
      // "F 32" or "F 32.1"
      if (end + 1 < to && text.charCodeAt(end) == 0x2e && isDigitChar(text.charCodeAt(end + 1))) end += 2;
    } else {
      // "f321": exactly one more digit, no dot
      if (end >= to || !isDigitChar(text.charCodeAt(end))) continue;
      end++;
    }
    if (end < to && (isWordChar(text.charCodeAt(end)) || ((text.charCodeAt(end) == 0x2e || text.charCodeAt(end) == 0x2c) && end + 1 < to && isDigitChar(text.charCodeAt(end + 1))))) continue;
    const up = lower ? letter - 32 : letter;
    const num = (text.charCodeAt(d) - 0x30) * 10 + (text.charCodeAt(d + 1) - 0x30);
    if (!isValidCategory(up, num)) continue;
    if (!endsWithCid(foldedBefore(text, i, 24, true))) continue;
    found.push(new Hit("icd10", i, end, 0.9, true, R_ICD, up * 100 + num));
    i = end - 1;
  }
}

/**
 * Scanned text: the letter of a code read as a digit ("CID: 163.9", "isquêmico (163.9)" for I63.9, "O09.9"
 * as "009.9"). Accepted only in the code's full form (digit, two digits, '.', digit) and right after "CID"
 * or in parentheses after a diagnosis on the same line, and only when the corrected code is a valid category.
 */
function detectOcrIcd10(text: string, hits: Hit[], found: Hit[], from: i32, to: i32): void {
  for (let i = from; i + 4 < to; i++) {
    const c = text.charCodeAt(i);
    if (c != 0x31 && c != 0x30) continue;
    if (i > 0 && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) == 0x2e || text.charCodeAt(i - 1) == 0x2c)) continue;
    if (!isDigitChar(text.charCodeAt(i + 1)) || !isDigitChar(text.charCodeAt(i + 2)) || text.charCodeAt(i + 3) != 0x2e || !isDigitChar(text.charCodeAt(i + 4))) continue;
    const end = i + 5;
    if (end < text.length && (isWordChar(text.charCodeAt(end)) || text.charCodeAt(end) == 0x2c || (text.charCodeAt(end) == 0x2e && end + 1 < text.length && isDigitChar(text.charCodeAt(end + 1))))) continue;
    const letter = c == 0x31 ? 0x49 : 0x4f;
    const num = (text.charCodeAt(i + 1) - 0x30) * 10 + (text.charCodeAt(i + 2) - 0x30);
    if (!isValidCategory(letter, num)) continue;
    const afterCid = endsWithCid(foldedBefore(text, i, 24, true));
    const paren = i > 0 && text.charCodeAt(i - 1) == 0x28 && end < text.length && text.charCodeAt(end) == 0x29 && lineHasHealthHit(text, i, hits);
    if (!afterCid && !paren) continue;
    found.push(new Hit("icd10", i, end, 0.7, true, R_ICD, letter * 100 + num));
    i = end - 1;
  }
}

const CID_QUALIFIERS: string[] = ["principal", "secundario", "secundaria", "associado", "associada", "provavel", "definitivo", "autorizado", "do diagnostico"];

/** "... CID", "CID-10:", "CID 10 -", "(CID", "CID principal:" right before a code. */
function endsWithCid(before: string): bool {
  let j = before.length;
  // skip separators
  while (j > 0) {
    const c = before.charCodeAt(j - 1);
    if (c == 0x20 || c == 0x3a || c == 0x2d || c == 0x28 || c == 0x09 || c == 0xa0 || c == 0x3d || c == 0x23 || c == 0x2013) j--;
    else break;
  }
  // optional "10"
  if (j >= 2 && before.charCodeAt(j - 1) == 0x30 && before.charCodeAt(j - 2) == 0x31) {
    j -= 2;
    while (j > 0 && (before.charCodeAt(j - 1) == 0x2d || before.charCodeAt(j - 1) == 0x20)) j--;
  }
  if (j < 3) return false;
  // "CID principal:", "CID secundário -"
  for (let q = 0; q < CID_QUALIFIERS.length; q++) {
    const w = CID_QUALIFIERS[q];
    if (j > w.length && before.substring(j - w.length, j) == w && before.charCodeAt(j - w.length - 1) == 0x20) {
      j -= w.length + 1;
      while (j > 0 && (before.charCodeAt(j - 1) == 0x20 || before.charCodeAt(j - 1) == 0x2d)) j--;
      if (j >= 2 && before.charCodeAt(j - 1) == 0x30 && before.charCodeAt(j - 2) == 0x31) {
        j -= 2;
        while (j > 0 && (before.charCodeAt(j - 1) == 0x2d || before.charCodeAt(j - 1) == 0x20)) j--;
      }
      break;
    }
  }
  if (j >= 4 && before.charCodeAt(j - 1) == 0x73) j--; // "CIDs"
  const word = before.substring(j - 3, j);
  // "ClD", "C1D": the word misread by OCR
  if (word != "cid" && word != "cld" && word != "c1d") return false;
  return j == 3 || !isWordChar(before.charCodeAt(j - 4));
}

const PLACE_WORDS: string[] = ["sala", "leito", "quarto", "bloco", "apto", "apartamento", "ala", "box", "consultorio", "andar", "lote", "placa", "modelo", "versao", "setor", "ramal", "casa", "loja", "torre", "lt", "qd", "quadra", "conjunto", "enfermaria", "vaga"];

/** "Leito A15", "sala B20": a place, not a code. */
function isPlaceWord(before: string): bool {
  let j = before.length;
  while (j > 0 && (before.charCodeAt(j - 1) == 0x20 || before.charCodeAt(j - 1) == 0x3a || before.charCodeAt(j - 1) == 0x2e || before.charCodeAt(j - 1) == 0x2d)) j--;
  let k = j;
  while (k > 0 && isWordChar(before.charCodeAt(k - 1))) k--;
  const word = before.substring(k, j);
  for (let i = 0; i < PLACE_WORDS.length; i++) if (word == PLACE_WORDS[i]) return true;
  return false;
}

/** Separators between codes of one list: ", ", " / ", " e ", "; ", " + ". */
function isChainGap(text: string, from: i32, to: i32): bool {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c == 0x20 || c == 0x2c || c == 0x2f || c == 0x3b || c == 0x2b || c == 0x65) continue;
    return false;
  }
  return true;
}

function lineHasDelimiter(text: string, pos: i32): bool {
  let ls = pos, le = pos;
  while (ls > 0 && text.charCodeAt(ls - 1) != 0x0a) ls--;
  while (le < text.length && text.charCodeAt(le) != 0x0a) le++;
  for (let k = ls; k < le; k++) {
    const c = text.charCodeAt(k);
    if (c == 0x3b || c == 0x09 || c == 0x7c) return true;
  }
  return false;
}

// ---------------------------------------------------------------- labelled diagnoses

function overlapsAny(hits: Hit[], start: i32, end: i32, type: string = ""): bool {
  for (let k = hits.length - 1; k >= 0; k--) {
    const h = hits[k];
    if (h.start < end && start < h.end && (type.length == 0 || h.type == type)) return true;
  }
  return false;
}

/**
 * "Comorbidades: HAS, gota e tendinopatia do supraespinhal": each item of a diagnosis field is a health
 * condition even when the vocabulary does not know it.
 */
function detectLabelledDiagnoses(text: string, tokens: Tokens, hits: Hit[]): void {
  const labels = dxLabels!, neg = notDx!;
  const n = text.length;
  const found: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const lm = labels.matchAt(tokens, i);
    if (lm == null) { i++; continue; }
    // the label must be followed by ":" (or " - ") on the same line
    let p = lm.end;
    while (p < n && (text.charCodeAt(p) == 0x20 || text.charCodeAt(p) == 0x09)) p++;
    const sep = p < n ? text.charCodeAt(p) : 0;
    if (sep != 0x3a && sep != 0x2d && sep != 0x2013) { i = lm.lastToken + 1; continue; }
    p++;
    let items = 0;
    while (p < n && items < 8) {
      while (p < n && (text.charCodeAt(p) == 0x20 || text.charCodeAt(p) == 0x09)) p++;
      const start = p;
      let end = p;
      let stop = false;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c == 0x0a || c == 0x0d || c == 0x3b || c == 0x28 || c == 0x29 || c == 0x3a || c == 0x5b) { stop = true; break; }
        if (c == 0x2e && !(end + 1 < n && isDigitChar(text.charCodeAt(end + 1)))) { stop = true; break; }
        if (c == 0x2c || c == 0x2f || c == 0x2b) break;
        // " e " separates items; " - " ends the value
        if (c == 0x20 && end + 2 < n && (text.charCodeAt(end + 1) == 0x65 || text.charCodeAt(end + 1) == 0x45) && text.charCodeAt(end + 2) == 0x20) break;
        if (c == 0x20 && end + 2 < n && (text.charCodeAt(end + 1) == 0x2d || text.charCodeAt(end + 1) == 0x2013) && text.charCodeAt(end + 2) == 0x20) { stop = true; break; }
        end++;
      }
      let e = end;
      while (e > start && (text.charCodeAt(e - 1) == 0x20 || text.charCodeAt(e - 1) == 0x09)) e--;
      if (e > start) considerItem(text, tokens, hits, found, neg, start, e);
      items++;
      if (stop || end >= n) break;
      // skip the separator (",", "/", "+" or " e ")
      p = text.charCodeAt(end) == 0x20 ? end + 2 : end + 1;
    }
    i = tokens.indexAt(p);
    if (i <= lm.lastToken) i = lm.lastToken + 1;
  }
  for (let k = 0; k < found.length; k++) hits.push(found[k]);
}

function considerItem(text: string, tokens: Tokens, hits: Hit[], found: Hit[], neg: Lexicon, start: i32, end: i32): void {
  if (overlapsAny(hits, start, end)) return;
  const first = tokens.indexAt(start);
  if (first >= tokens.length || tokens.starts[first] >= end) return;
  if (neg.matchAt(tokens, first) != null) return;
  // 1–6 words, starting with a letter, with a word of at least 3 letters
  let words = 0;
  let longest = 0;
  for (let k = first; k < tokens.length && tokens.starts[k] < end; k++) {
    words++;
    const len = tokens.ends[k] - tokens.starts[k];
    if (len > longest) longest = len;
  }
  if (words == 0 || words > 6 || longest < 3) return;
  const c = text.charCodeAt(start);
  if (isDigitChar(c) || !isWordChar(c)) return;
  found.push(new Hit("health_condition", start, end, 0.65, false, R_COND_FIELD));
}

// ---------------------------------------------------------------- table columns

/** Cells under a "diagnóstico"/"medicamento" header are health data even when the vocabulary does not know them. */
/**
 * An item of a CID column ("E11.9", "f32.1", "I10", "E119"): a code by its place in the table, whatever the rest of
 * the row holds, when its category exists.
 */
function cidCellItem(text: string, a: i32, b: i32, found: Hit[]): void {
  const letter = text.charCodeAt(a);
  const lower = letter >= 0x61 && letter <= 0x7a;
  if (!((letter >= 0x41 && letter <= 0x5a) || lower) || b - a < 3) return;
  if (!isDigitChar(text.charCodeAt(a + 1)) || !isDigitChar(text.charCodeAt(a + 2))) return;
  let e = a + 3;
  if (e < b && text.charCodeAt(e) == 0x2e) {
    if (e + 1 >= b || !isDigitChar(text.charCodeAt(e + 1))) return;
    e += 2;
    if (e < b && isDigitChar(text.charCodeAt(e))) e++;
  } else if (e < b && isDigitChar(text.charCodeAt(e))) e++;
  if (e != b) return;
  const up = lower ? letter - 32 : letter;
  const num = (text.charCodeAt(a + 1) - 0x30) * 10 + (text.charCodeAt(a + 2) - 0x30);
  if (!isValidCategory(up, num)) return;
  found.push(new Hit("icd10", a, b, 0.95, true, R_ICD, up * 100 + num));
}

function detectTableCells(text: string, tokens: Tokens, hits: Hit[], from: i32, to: i32): void {
  const cells = tableCells(text, table!, from, to);
  const neg = notDx!;
  const found: Hit[] = [];
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (c.column == COL_VACCINE) {
      // "Influenza", "Covid-19 reforço" under a vaccine header name the vaccine, not the person's disease
      for (let h = hits.length - 1; h >= 0; h--) {
        const x = hits[h];
        if (x.type == "health_condition" && x.start >= c.start && x.end <= c.end) hits.splice(h, 1);
      }
      continue;
    }
    // items of the cell: "HAS, DM2" / "losartana + anlodipino"
    let p = c.start;
    while (p < c.end) {
      let e = p;
      while (e < c.end) {
        const ch = text.charCodeAt(e);
        if (ch == 0x2c || ch == 0x2b || ch == 0x2f || ch == 0x7c) break;
        e++;
      }
      let a = p, b = e;
      while (a < b && text.charCodeAt(a) == 0x20) a++;
      while (b > a && text.charCodeAt(b - 1) == 0x20) b--;
      if (b > a && !overlapsAny(hits, a, b)) {
        if (c.column == COL_CID) cidCellItem(text, a, b, found);
        else if (c.column == COL_DIAGNOSIS) considerItem(text, tokens, hits, found, neg, a, b);
        else {
          const first = tokens.indexAt(a);
          if (first < tokens.length && tokens.starts[first] < b && b - a <= 80 && neg.matchAt(tokens, first) == null && !isDigitChar(text.charCodeAt(a))) {
            found.push(new Hit("medication", a, b, 0.65, false, R_MED_FIELD));
          }
        }
      }
      p = e + 1;
    }
  }
  for (let k = 0; k < found.length; k++) hits.push(found[k]);
}
