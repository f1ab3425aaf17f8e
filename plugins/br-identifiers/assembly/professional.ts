// Professional council registrations: "CRM-SP 123456", "CRM/SP 123.456", "CRM 123456 SP", "CRM 42757/GO",
// "COREN-RJ 123456-ENF", "CRP 06/12345", "CREFITO-3/12345-F", "CRM nº 12345", "OAB/SP 123.456".
import { unitAt, isDigit, isLetter, isWordChar, isDash, fold, matchFold } from "../../sdk/assembly/index";

export let profStart: i32 = -1;
export let profAcronym: string = "";
export let profUf: string = "";

// longest first where one is a prefix of another
const ACRONYMS: string[] = [
  "crefito", "crefono", "crmv", "crm", "coren", "crbm", "crbio", "crp", "cro", "crfa", "crf", "crn", "cress",
  "cref", "crtr", "crq", "crea", "cau", "oab", "rqe", "coffito", "cfm",
];

const UFS = "ACALAPAMBACEDFESGOMAMTMSMGPAPBPRPEPIRJRNRSRORRSCSPSETO";

let t: string = "";

/** Forgets the text of the last call (lets the collector free it). */
export function releaseProfessionalText(): void {
  t = "";
}
let len: i32 = 0;

// @ts-ignore: decorator
@inline function at(i: i32): i32 {
  return i >= 0 && i < len ? unitAt(t, i) : -1;
}

function isBlank(c: i32): bool {
  return c == 0x20 || c == 0xa0 || c == 0x09;
}

/** A two-letter UF at p (any case) not followed by a letter: returns true and sets profUf. */
function ufAt(p: i32): bool {
  const a = at(p), b = at(p + 1);
  if (a < 0 || b < 0) return false;
  if (isLetter(at(p + 2)) || isDigit(at(p + 2))) return false;
  const A = fold(a) - 0x20, B = fold(b) - 0x20; // upper case
  if (A < 0x41 || A > 0x5a || B < 0x41 || B > 0x5a) return false;
  for (let i = 0; i < UFS.length; i += 2) {
    if (unitAt(UFS, i) == A && unitAt(UFS, i + 1) == B) {
      profUf = String.fromCharCode(A) + String.fromCharCode(B);
      return true;
    }
  }
  return false;
}

/** Skips "nº", "n°", "no", "n.", "num.", "número", "numero" and following blanks/':'/'.'. */
function skipNumberWord(p: i32): i32 {
  let q = p;
  const f = fold(at(q));
  if (f != 0x6e) return p;
  const e1 = matchFold(t, q, "numero");
  if (e1 >= 0) q = e1;
  else {
    const e2 = matchFold(t, q, "num");
    if (e2 >= 0 && !isLetter(at(e2))) q = e2;
    else {
      const c = at(q + 1);
      if (c == 0xba || c == 0xb0 || c == 0x6f || c == 0x4f) {
        if (isLetter(at(q + 2)) && at(q + 2) != 0xba) return p;
        q += 2;
      } else if (c == 0x2e) q += 1;
      else return p;
    }
  }
  while (isBlank(at(q)) || at(q) == 0x2e || at(q) == 0x3a) q++;
  return q;
}

/** Parses a registration at the word starting at `i`; returns its end or -1. */
export function tryProfessional(text: string, i: i32): i32 {
  t = text;
  len = text.length;
  let acrEnd = -1;
  let acr = -1;
  // letters of the word (acronyms are followed by a non-letter)
  let wl = 0;
  while (wl < 8 && isLetter(at(i + wl))) wl++;
  if (wl < 3 || wl > 7) return -1;
  for (let k = 0; k < ACRONYMS.length; k++) {
    if (unchecked(ACRONYMS[k]).length != wl) continue;
    const e = matchFold(text, i, unchecked(ACRONYMS[k]));
    if (e < 0) continue;
    // the acronym must end the word, or be followed by a region like "CREFITO3"
    if (isLetter(at(e))) continue;
    acrEnd = e;
    acr = k;
    break;
  }
  if (acr < 0) return -1;
  // acronyms must be written in capitals (or all lower case); "Crm" in prose is fine too, "cro" inside words is not
  profUf = "";
  let p = acrEnd;
  let region = -1;
  // "-SP", "/SP", " SP", ": ", "-3/"
  let q = p;
  while (isBlank(at(q))) q++;
  if (isDash(at(q)) || at(q) == 0x2f || at(q) == 0x3a) q++;
  while (isBlank(at(q))) q++;
  if (q - p <= 4 && ufAt(q)) {
    p = q + 2;
    while (isBlank(at(p))) p++;
    if (isDash(at(p)) || at(p) == 0x3a || at(p) == 0x2f) p++;
    while (isBlank(at(p))) p++;
  } else {
    p = q;
    // a numbered region before the number: "CREFITO-7 221890-TO", "CRN-3 44512"
    if (q > acrEnd && isDigit(at(q))) {
      let r = q + (isDigit(at(q + 1)) ? 2 : 1);
      if (isBlank(at(r))) {
        while (isBlank(at(r))) r++;
        let d = r;
        while (isDigit(at(d))) d++;
        if (d - r >= 3) p = r;
      }
    }
  }
  p = skipNumberWord(p);
  // the number: digits with '.', one '/' or '-' between digit groups ("06/12345", "12.345", "3/12345")
  const numStart = p;
  let digits = 0;
  while (true) {
    while (isDigit(at(p))) { p++; digits++; }
    const c = at(p);
    if ((c == 0x2e || c == 0x2f || isDash(c)) && isDigit(at(p + 1))) { p++; continue; }
    break;
  }
  if (digits < 2 || digits > 10 || p == numStart) return -1;
  if (isLetter(at(p)) && !isDash(at(p))) return -1;
  let end = p;
  // suffix UF: "/GO", " SP", "-SP"
  if (profUf.length == 0) {
    let s = p;
    if (isDash(at(s)) || at(s) == 0x2f) s++;
    else if (isBlank(at(s))) s++;
    if (s > p && ufAt(s)) end = s + 2;
  }
  // category suffix: "-ENF", "-TE", "-AE", "-F", "-P"
  if (isDash(at(end))) {
    let s = end + 1;
    while (s - end <= 4 && ((at(s) >= 0x41 && at(s) <= 0x5a) || (at(s) >= 0x61 && at(s) <= 0x7a))) s++;
    if (s > end + 1 && s - end <= 4 && !isWordChar(at(s))) end = s;
  }
  if (isDigit(at(end))) return -1;
  profStart = i;
  profAcronym = text.substring(i, acrEnd).toUpperCase();
  region = 0;
  return end;
}
