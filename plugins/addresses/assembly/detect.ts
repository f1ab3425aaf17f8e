// Street-address detector. An address starts at a logradouro word (Rua, R., Avenida, Av., Travessa, Alameda,
// Praça, Estrada, Rodovia, Largo…) or after an "Endereço:" label, and runs over the street name, the number
// (123, nº 123, s/n), complements (apto, bloco, casa, sala…), bairro, city and UF, stopping before a CEP (the
// br-identifiers plugin reports it), a phone, an e-mail or the next form field. Lines "Bairro: …", "Cidade: …"
// right after an address line are part of it. Institution names alone are never reported.
import { Finding, unitAt, isDigit, isLetter, isSpace, isDash, fold, matchFold, isWordStart, isWordEnd, findKeywordBefore, keywordStart, keywordEnd } from "../../sdk/assembly";

/** Logradouro words; abbreviations need a following '.' or a capitalised street name. */
const STREET: string[] = [
  "rua", "avenida", "travessa", "alameda", "praca", "estrada", "rodovia", "largo", "beco", "viela", "ladeira",
  "passagem", "vila", "quadra", "setor", "conjunto", "residencial", "loteamento", "via", "parque", "jardim",
];
/** Of STREET, the ones that also name other things: they need a house number or an address cue. */
const WEAK_FROM = 12;
const STREET_ABBR: string[] = ["r", "av", "avda", "tv", "trav", "al", "pca", "estr", "est", "rod", "lgo", "lg", "qd", "qs"];

/** Abbreviations also written without a period ("Av Paulista", "Rod BR-101"). */
const ABBR_NO_PERIOD: string[] = ["av", "avda", "rod", "pca", "trav", "estr"];

const CUES: string[] = [
  "endereco", "end", "residente", "reside", "residem", "mora", "moro", "moram", "morador*", "domiciliad*", "localizad*",
  "situad*", "logradouro", "residencia", "domicilio",
  // "mudou pra rua …", "se mudaram para a Av. …"
  "mudou", "mudei", "mudamos", "mudaram", "mudou-se", "mudar", "mudando",
];
const LABELS: string[] = ["endereco residencial", "endereco", "end.", "logradouro", "residencia", "domicilio"];
const COMPLEMENTS: string[] = [
  "apto", "apt", "ap", "apartamento", "bloco", "bl", "casa", "sala", "sl", "conj", "conjunto", "lote", "lt", "quadra", "qd",
  "andar", "fundos", "frente", "loja", "cj", "torre", "edificio", "edf", "ed", "km", "box", "galpao", "cobertura", "condominio", "cond",
];
const STOPS: string[] = [
  "cep", "telefone", "tel", "fone", "celular", "cel", "whatsapp", "email", "e-mail", "cpf", "rg", "cns", "contato", "ponto",
  "referencia", "proximo", "proxima", "perto", "ao", "cartao", "data", "nascimento", "sexo", "naturalidade", "cor", "religiao",
  "paciente", "crm", "prontuario", "responsavel", "obs",
];
const CONT_LABELS: string[] = ["bairro", "cidade", "municipio", "complemento", "uf", "estado", "distrito", "localidade"];
const PARTICLES: string[] = ["da", "de", "do", "das", "dos", "e", "del"];
const HIGHWAY_PREFIXES: string[] = ["br", "sp", "rj", "mg", "pr", "sc", "rs", "go", "ba", "pe", "ce", "es", "ms", "mt"];
const UFS = "ac al ap am ba ce df es go ma mt ms mg pa pb pr pe pi rj rn rs ro rr sc sp se to";

let T: string = "";
let out: Finding[] = [];
let lastEnd = 0;

export function detectAddresses(text: string): Finding[] {
  T = text;
  out = [];
  lastEnd = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = unitAt(T, i);
    if (!isLetter(c) || !isWordStart(T, i)) {
      i++;
      continue;
    }
    let we = i + 1;
    while (we < n && isLetter(unitAt(T, we))) we++;
    if (i >= lastEnd) tryAt(i, we);
    i = we;
  }
  return out;
}

function isUpperStart(p: i32): bool {
  if (p >= T.length) return false;
  const c = unitAt(T, p);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

function wordIn(s: i32, e: i32, list: string[]): i32 {
  for (let k = 0; k < list.length; k++) {
    const w = unchecked(list[k]);
    if (w.length != e - s) continue;
    if (matchFold(T, s, w) == e) return k;
  }
  return -1;
}

function tryAt(s: i32, we: i32): void {
  const n = T.length;
  const capital = isUpperStart(s);
  // "Endereço: …" label
  {
    for (let k = 0; k < LABELS.length; k++) {
      const e = matchFold(T, s, unchecked(LABELS[k]));
      if (e < 0) continue;
      let p = e;
      while (p < n && (unitAt(T, p) == 0x20 || unitAt(T, p) == 0x2e)) p++;
      if (p < n && (unitAt(T, p) == 0x3a || (isDash(unitAt(T, p)) && unitAt(T, p - 1) == 0x20))) {
        p = skipBlank(p + 1);
        // a logradouro word right after the label is handled by the street parser with the label as cue
        let q = p;
        while (q < n && isLetter(unitAt(T, q))) q++;
        if (q > p && (wordIn(p, q, STREET) >= 0 || wordIn(p, q, STREET_ABBR) >= 0)) {
          if (streetAt(p, q, T.substring(s, e))) return;
        }
        const end = parseFree(p);
        if (end > p) emit(p, end, 0.85, "Endereço após '" + T.substring(s, e) + "'");
        return;
      }
    }
  }
  if (wordIn(s, we, STREET) >= 0 || wordIn(s, we, STREET_ABBR) >= 0) streetAt(s, we, "");
}

/** Address starting with the logradouro word [s, we). `label` is the form label before it, if any. */
function streetAt(s: i32, we: i32, label: string): bool {
  const n = T.length;
  const full = wordIn(s, we, STREET);
  const capital = isUpperStart(s);
  let p = we;
  const abbr = full < 0;
  if (p < n && unitAt(T, p) == 0x2e) p++;
  else if (abbr && wordIn(s, we, ABBR_NO_PERIOD) < 0) return false; // "R Tiradentes": too ambiguous without the period
  if (p >= n || unitAt(T, p) != 0x20) return false;
  while (p < n && unitAt(T, p) == 0x20) p++;
  if (p >= n) return false;
  // cue before ("residente à", "mora na", "Endereço:")
  let cue = label;
  if (cue.length == 0) {
    let from = s - 50;
    if (from < 0) from = 0;
    for (let k = s - 1; k > from; k--) if (unitAt(T, k) == 0x0a) { from = k + 1; break; }
    if (findKeywordBefore(T, s, s - from, CUES) >= 0) cue = T.substring(keywordStart, keywordEnd);
  }
  if (!capital && cue.length == 0) return false;
  // street name
  const c0 = unitAt(T, p);
  if (!(isUpperStart(p) || isDigit(c0) || (!capital && isLetter(c0)))) {
    // "Rua sem nome", "Rua das Flores"
    let pe = p;
    while (pe < n && isLetter(unitAt(T, pe))) pe++;
    if (matchFold(T, p, "sem nome") < 0 && !(isParticle(p, pe) && pe + 1 < n && unitAt(T, pe) == 0x20 && isUpperStart(pe + 1))) return false;
  }
  let nameEnd = -1;
  let lastWordStart = -1;
  let words = 0;
  let hasNumber = false;
  let end = -1;
  let q = p;
  while (q < n && words < 10) {
    const c = unitAt(T, q);
    if (isLetter(c)) {
      let e = q + 1;
      while (e < n && (isLetter(unitAt(T, e)) || unitAt(T, e) == 0x27)) e++;
      if (isNumberMark(q, e)) break;
      if (words > 0 && wordIn(q, e, STOPS) >= 0) break;
      if (words > 0 && !isUpperStart(q) && !isParticle(q, e) && capital) break;
      words++;
      lastWordStart = q;
      nameEnd = e;
      q = e;
    } else if (isDigit(c)) {
      let e = q;
      while (e < n && isDigit(unitAt(T, e))) e++;
      // "Rua 7 de Setembro", "Rua 25 de Março", "Rodovia BR 101"
      const de = e < n && unitAt(T, e) == 0x20 ? matchFold(T, e + 1, "de ") : -1;
      if (words == 0 || de >= 0 || (words == 1 && wordIn(p, nameEnd, HIGHWAY_PREFIXES) >= 0)) {
        words++;
        nameEnd = e;
        q = e;
      } else break;
    } else break;
    // one space (or a hyphen inside a name: "BR-101") to the next word; abbreviated titles keep their period
    // ("Rua Dr. João Pessoa", "Av. Eng. Luís Carlos Berrini", "Rua N. Sra. de Fátima")
    if (q < n && unitAt(T, q) == 0x2e && nameEnd - lastWordStart <= 4 && isUpperStart(lastWordStart) && q + 2 < n && unitAt(T, q + 1) == 0x20 && isUpperStart(q + 2)) {
      nameEnd = q + 1;
      q += 2;
    } else if (q < n && unitAt(T, q) == 0x20 && q + 1 < n && !isSpace(unitAt(T, q + 1))) q++;
    else if (q < n && isDash(unitAt(T, q)) && q + 1 < n && (isLetter(unitAt(T, q + 1)) || isDigit(unitAt(T, q + 1)))) q++;
    else break;
  }
  if (words == 0 || nameEnd < 0) return false;
  end = nameEnd;
  // number
  let r = skipSep(end, false);
  const num = parseNumber(r);
  if (num > 0) {
    hasNumber = true;
    end = num;
  }
  // complements, bairro, city, UF
  let comps = 0;
  let hasUf = false;
  while (comps < 6) {
    let sepEnd = skipSep(end, true);
    if (sepEnd < 0) {
      // "Alameda Santos 200 conj. 12", "… São Paulo SP": a complement or UF after a single space
      if (end + 1 < n && unitAt(T, end) == 0x20 && isLetter(unitAt(T, end + 1))) {
        let we2 = end + 1;
        while (we2 < n && isLetter(unitAt(T, we2))) we2++;
        if (wordIn(end + 1, we2, COMPLEMENTS) >= 0 || (we2 - end - 1 == 2 && isUpperStart(end + 1) && isUpperStart(end + 2) && isUf(end + 1))) sepEnd = end + 1;
      }
      if (sepEnd < 0) break;
    }
    const ce = component(sepEnd, hasNumber, !capital);
    if (ce < 0) break;
    if (compKind == 2 && !hasNumber) hasNumber = true;
    end = ce;
    comps++;
    if (compKind == 3) { hasUf = true; break; }
  }
  // "Número: 233   Bairro: …" fields after the street, on its line or the next ones
  contNumber = false;
  end = continuationLines(end);
  if (contNumber) hasNumber = true;
  const weak = full >= WEAK_FROM || (abbr && !hasNumber);
  if (!hasNumber && cue.length == 0 && !(hasUf && comps >= 2)) return false;
  if (weak && !hasNumber && cue.length == 0) return false;
  const kw = T.substring(s, we < n && unitAt(T, we) == 0x2e ? we + 1 : we);
  let reason = label.length > 0 ? "Endereço após '" + label + "', iniciado por '" + kw + "'" : "Endereço iniciado por '" + kw + "'";
  if (label.length == 0 && cue.length > 0) reason += " após '" + cue + "'";
  if (hasNumber) reason += ", com número";
  const conf = hasNumber ? (comps > 0 ? 0.95 : 0.9) : 0.8;
  emit(s, end, conf, reason);
  return true;
}

function isParticle(s: i32, e: i32): bool {
  return wordIn(s, e, PARTICLES) >= 0;
}

/** "nº", "n.", "n°", "no.", "num.", "número" at [s, e). */
function isNumberMark(s: i32, e: i32): bool {
  const len = e - s;
  if (len == 1 && fold(unitAt(T, s)) == 0x6e) {
    const c = e < T.length ? unitAt(T, e) : 0;
    return c == 0xba || c == 0xb0 || c == 0x2e || c == 0x20 && e + 1 < T.length && isDigit(unitAt(T, e + 1));
  }
  if (len == 2 && unitAt(T, s + 1) == 0xba) return true;
  if (len == 2 && matchFold(T, s, "no") == e && e < T.length && unitAt(T, e) == 0x2e) return true;
  if (matchFold(T, s, "numero") == e || matchFold(T, s, "num") == e || matchFold(T, s, "nro") == e) return true;
  return false;
}

/** Skips ", " / " - " / " " (single-line) after position p; with `required`, a separator must be present. */
function skipSep(p: i32, required: bool): i32 {
  const n = T.length;
  let q = p;
  let spaces = 0;
  while (q < n && unitAt(T, q) == 0x20) { q++; spaces++; }
  if (spaces >= 2) return required ? -1 : p;
  let found = false;
  if (q < n) {
    const c = unitAt(T, q);
    if (c == 0x2c || isDash(c) || c == 0x2f || c == 0x3b) {
      if (c == 0x3b && required) return -1;
      found = true;
      q++;
    }
  }
  if (!found) return required ? -1 : (spaces == 1 ? q : p);
  let sp2 = 0;
  while (q < n && unitAt(T, q) == 0x20) { q++; sp2++; }
  if (sp2 >= 2) return -1;
  return q;
}

/** House number at p ("123", "123-A", "nº 123", "n. 45", "s/n"); returns its end or -1. */
function parseNumber(p: i32): i32 {
  const n = T.length;
  if (p < 0 || p >= n) return -1;
  let q = p;
  if (isLetter(unitAt(T, q))) {
    let e = q;
    while (e < n && isLetter(unitAt(T, e))) e++;
    if (matchFold(T, q, "s/n") >= 0) {
      let r = q + 3;
      if (r < n && (unitAt(T, r) == 0xba || unitAt(T, r) == 0xb0)) r++;
      return r;
    }
    if (e - q == 2 && matchFold(T, q, "sn") == e) return e;
    if (!isNumberMark(q, e)) return -1;
    q = e;
    while (q < n && (unitAt(T, q) == 0xba || unitAt(T, q) == 0xb0 || unitAt(T, q) == 0x2e || unitAt(T, q) == 0x3a)) q++;
    while (q < n && unitAt(T, q) == 0x20) q++;
  }
  if (q >= n || !isDigit(unitAt(T, q))) return -1;
  let e = q;
  while (e < n && (isDigit(unitAt(T, e)) || (unitAt(T, e) == 0x2e && e + 1 < n && isDigit(unitAt(T, e + 1))))) e++;
  if (e - q > 6) return -1;
  // CEP-like (5 digits + dash + 3) is not a house number
  if (e - q == 5 && e + 1 < n && isDash(unitAt(T, e)) && isDigit(unitAt(T, e + 1))) return -1;
  // letter suffix "123A", "123-B"
  if (e < n && isUpperStart(e) && (e + 1 >= n || !isLetter(unitAt(T, e + 1)))) e++;
  else if (e + 1 < n && isDash(unitAt(T, e)) && isUpperStart(e + 1) && (e + 2 >= n || !isLetter(unitAt(T, e + 2)))) e += 2;
  return e;
}

let compKind = 0; // 1 complement, 2 number, 3 UF, 4 bairro/city

/** One address component at p; returns its end or -1 (stop: CEP, phone, lower-case prose… — lower-case words
 * only when the whole address is written in lower case, `lower`). */
function component(p: i32, hasNumber: bool, lower: bool): i32 {
  const n = T.length;
  if (p >= n) return -1;
  const c = unitAt(T, p);
  if (isDigit(c)) {
    if (hasNumber) return -1;
    const e = parseNumber(p);
    if (e < 0) return -1;
    compKind = 2;
    return e;
  }
  if (!isLetter(c)) return -1;
  let e = p;
  while (e < n && isLetter(unitAt(T, e))) e++;
  // UF
  if (e - p == 2 && ((isUpperStart(p) && isUpperStart(p + 1)) || lower) && isUf(p) && (e >= n || !isLetter(unitAt(T, e)))) {
    compKind = 3;
    return e;
  }
  if (wordIn(p, e, STOPS) >= 0) return -1;
  if (!hasNumber && parseNumber(p) > 0) {
    compKind = 2;
    return parseNumber(p);
  }
  const complement = wordIn(p, e, COMPLEMENTS) >= 0;
  if (lower && !complement && (isParticle(p, e) || e - p <= 2)) return -1; // "…, e trabalho na…": prose, not a bairro
  if (!complement && !lower && !isUpperStart(p) && matchFold(T, p, "bairro") != e) return -1;
  // words up to the next separator
  let q = e;
  let last = e;
  let words = 1;
  const maxWords = lower ? 4 : 8;
  while (q < n && words < maxWords) {
    const d = unitAt(T, q);
    if (d == 0x20 && q + 1 < n && unitAt(T, q + 1) != 0x20) {
      const r = q + 1;
      const f = unitAt(T, r);
      if (isDash(f) || f == 0x2c) break;
      let re = r;
      if (isLetter(f)) {
        while (re < n && (isLetter(unitAt(T, re)) || unitAt(T, re) == 0x27)) re++;
        if (wordIn(r, re, STOPS) >= 0) break;
        if (!complement && !lower && !isUpperStart(r) && !isParticle(r, re)) break;
      } else if (isDigit(f)) {
        while (re < n && (isDigit(unitAt(T, re)) || isLetter(unitAt(T, re)))) re++;
        if (!complement && !lower && !isUpperStart(p)) break;
      } else if (f == 0x28 || f == 0x29) break;
      else break;
      q = re;
      last = re;
      words++;
      continue;
    }
    if (d == 0x2e && complement && q + 1 < n && unitAt(T, q + 1) == 0x20) { q++; continue; } // "ap. 12"
    // a complement whose number went to the next line (scanned forms: "455 ap\n301 Centro")
    if (d == 0x0a && complement && words == 1 && q + 1 < n && isDigit(unitAt(T, q + 1))) {
      let re = q + 1;
      while (re < n && (isDigit(unitAt(T, re)) || isLetter(unitAt(T, re)))) re++;
      q = re;
      last = re;
      words++;
      continue;
    }
    if (d == 0x3a && complement) { q++; continue; }
    break;
  }
  compKind = complement ? 1 : 4;
  // "Rod. BR-116, km 45": the kilometre is the address's position, as a house number is
  if (complement && matchFold(T, p, "km") == e && last > e) compKind = 2;
  return last;
}

function isUf(p: i32): bool {
  const a = fold(unitAt(T, p)), b = fold(unitAt(T, p + 1));
  for (let k = 0; k + 1 < UFS.length; k += 3) {
    if (unitAt(UFS, k) == a && unitAt(UFS, k + 1) == b) return true;
  }
  return false;
}

/**
 * Extends `end` over the form fields that continue the address: "Número: 233", "Complemento: fundos",
 * "Bairro: …", "Cidade/Município: …", "UF: …" after a gap of spaces (or a tab) on the same line, or at the start
 * of the next lines (several fields a line). Stops before a CEP, at a blank line or at any other field.
 */
function continuationLines(end: i32): i32 {
  const n = T.length;
  let e = end;
  while (true) {
    let p = e;
    let gap = 0;
    while (p < n && (unitAt(T, p) == 0x20 || unitAt(T, p) == 0x2c || unitAt(T, p) == 0x09)) {
      gap += unitAt(T, p) == 0x09 ? 2 : unitAt(T, p) == 0x20 ? 1 : 0;
      p++;
    }
    if (p < n && (unitAt(T, p) == 0x0a || unitAt(T, p) == 0x0d)) {
      while (p < n && (unitAt(T, p) == 0x0a || unitAt(T, p) == 0x0d)) {
        if (unitAt(T, p) == 0x0a && p > e && unitAt(T, p - 1) == 0x0a) return e; // blank line
        p++;
      }
      while (p < n && unitAt(T, p) == 0x20) p++;
    } else if (gap < 2) return e;
    const value = labelledValue(p);
    if (value < 0) return e;
    e = value;
  }
}

/** Set by labelledValue() when a continuation field was the house number. */
let contNumber = false;

/** A field "Bairro: Centro" / "Número: 233" / "Nº 233" / "UF: PR" at p: returns the end of its value, or -1. */
function labelledValue(p: i32): i32 {
  const n = T.length;
  let q = p;
  while (q < n && isLetter(unitAt(T, q))) q++;
  if (q == p) return -1;
  const number = isNumberMark(p, q) || matchFold(T, p, "n") == q && q < n && (unitAt(T, q) == 0xba || unitAt(T, q) == 0xb0);
  if (!number && wordIn(p, q, CONT_LABELS) < 0) return -1;
  while (q < n && (unitAt(T, q) == 0xba || unitAt(T, q) == 0xb0 || unitAt(T, q) == 0x2e)) q++;
  while (q < n && unitAt(T, q) == 0x20) q++;
  if (q >= n || (unitAt(T, q) != 0x3a && !isDash(unitAt(T, q)) && !(number && isDigit(unitAt(T, q))))) return -1;
  if (unitAt(T, q) == 0x3a || isDash(unitAt(T, q))) q++;
  const v = skipBlank(q);
  if (number) {
    const ne = parseNumber(v);
    if (ne > 0) contNumber = true;
    return ne;
  }
  // "UF: SP" (too short for a free value)
  if (v + 2 <= n && isLetter(unitAt(T, v)) && isLetter(unitAt(T, v + 1)) && (v + 2 == n || !isLetter(unitAt(T, v + 2))) && isUf(v)) return v + 2;
  const end = parseFree(v);
  return end <= v ? -1 : end;
}

function skipBlank(p: i32): i32 {
  while (p < T.length && (unitAt(T, p) == 0x20 || unitAt(T, p) == 0x09)) p++;
  return p;
}

/** Free-form address text after a label: up to a CEP, phone, another field (2+ spaces) or the line end. */
function parseFree(p: i32): i32 {
  const n = T.length;
  let q = p;
  let end = p;
  while (q < n) {
    const c = unitAt(T, q);
    if (c == 0x0a || c == 0x0d || c == 0x09) break;
    if (c == 0x20 && q + 1 < n && unitAt(T, q + 1) == 0x20) break;
    if (isLetter(c) && isWordStart(T, q)) {
      let e = q;
      while (e < n && isLetter(unitAt(T, e))) e++;
      if (wordIn(q, e, STOPS) >= 0 && q > p) break;
      q = e;
      end = e;
      continue;
    }
    if (isDigit(c)) {
      // CEP: 5 digits, optional dash/dot, 3 digits
      let e = q;
      while (e < n && isDigit(unitAt(T, e))) e++;
      if (e - q == 8 || (e - q == 5 && e + 3 < n && (isDash(unitAt(T, e)) || unitAt(T, e) == 0x2e) && isDigit(unitAt(T, e + 1)) && isDigit(unitAt(T, e + 3)))) break;
      if (e - q == 2 && e + 4 < n && unitAt(T, e) == 0x2e && isDigit(unitAt(T, e + 1))) break; // 12.345-678
      q = e;
      end = e;
      continue;
    }
    q++;
    if (c != 0x20 && c != 0x2c && !isDash(c) && c != 0x2f && c != 0x3b) end = q;
  }
  // trim trailing separators
  while (end > p && (unitAt(T, end - 1) == 0x20 || unitAt(T, end - 1) == 0x2c || isDash(unitAt(T, end - 1)) || unitAt(T, end - 1) == 0x2e || unitAt(T, end - 1) == 0x3b || unitAt(T, end - 1) == 0x2f)) end--;
  if (end - p < 3) return -1;
  let letters = false;
  for (let k = p; k < end; k++) if (isLetter(unitAt(T, k))) { letters = true; break; }
  return letters ? end : -1;
}

function emit(s: i32, e: i32, conf: f64, reason: string): void {
  if (e <= s) return;
  out.push(new Finding("address", s, e, conf, false, reason));
  lastEnd = e;
}
