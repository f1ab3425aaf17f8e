// Brazilian phone numbers written with a DDD that is marked as such: "+55 11 98765-4321", "(11) 3456-7890",
// "(011) 98765 4321", "11 98765-4321", "+5511987654321". Bare digit strings are classified by detect.ts
// (they compete with CPF/PIS/CNH).
import { unitAt, isDigit, isWordChar, isDash } from "../../sdk/assembly/index";

export let phoneDdd: i32 = 0;
/** Written with "+55" or parentheses. */
export let phoneStrong: bool = false;

const DDD_OK: StaticArray<u8> = [
  //0 1 2 3 4 5 6 7 8 9
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 1x
  0, 1, 1, 0, 1, 0, 0, 1, 1, 0, // 2x
  0, 1, 1, 1, 1, 1, 0, 1, 1, 0, // 3x
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 4x
  0, 1, 0, 1, 1, 1, 0, 0, 0, 0, // 5x
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 6x
  0, 1, 0, 1, 1, 1, 0, 1, 0, 1, // 7x
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 8x
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 9x
];

/** Area codes (DDD) in use in Brazil. */
export function validDdd(ddd: i32): bool {
  return ddd >= 0 && ddd < 100 && unchecked(DDD_OK[ddd]) != 0;
}

let t: string = "";

/** Forgets the text of the last call (lets the collector free it). */
export function releasePhoneText(): void {
  t = "";
}
let len: i32 = 0;

// @ts-ignore: decorator
@inline function at(i: i32): i32 {
  return i >= 0 && i < len ? unitAt(t, i) : -1;
}

function isBlank(c: i32): bool {
  return c == 0x20 || c == 0xa0 || c == 0x09 || c == 0x202f;
}

function skipBlanks(p: i32, max: i32): i32 {
  let q = p;
  while (q - p < max && isBlank(at(q))) q++;
  return q;
}

function digitRun(p: i32): i32 {
  let q = p;
  while (isDigit(at(q))) q++;
  return q - p;
}

/** Number value of the digits [p, p+k). */
function num(p: i32, k: i32): i32 {
  let v = 0;
  for (let i = 0; i < k; i++) v = v * 10 + (unitAt(t, p + i) - 0x30);
  return v;
}

/** Parses a phone at `i` ('+', '(' or a digit); returns its end or -1. `validDdd` decides area codes. */
export function tryPhone(text: string, i: i32): i32 {
  t = text;
  len = text.length;
  let p = i;
  let strong = false;
  let cc = false;
  if (at(p) == 0x2b) {
    p = skipBlanks(p + 1, 1);
    if (at(p) != 0x35 || at(p + 1) != 0x35) return -1;
    p += 2;
    cc = true;
    strong = true;
    const q = skipBlanks(p, 2);
    if (q == p && (isDash(at(p)) || at(p) == 0x2e)) p++; else p = q;
  }
  let paren = false;
  let ddd = -1;
  if (at(p) == 0x28) {
    p = skipBlanks(p + 1, 1);
    // "(0xx11)", "(0 xx 11)"
    if (at(p) == 0x30 && (at(p + 1) | 0x20) == 0x78 && (at(p + 2) | 0x20) == 0x78) p = skipBlanks(p + 3, 1);
    else if (at(p) == 0x30 && isBlank(at(p + 1)) && (at(p + 2) | 0x20) == 0x78 && (at(p + 3) | 0x20) == 0x78) p = skipBlanks(p + 4, 1);
    if (at(p) == 0x30 && digitRun(p) == 3) p++;
    if (digitRun(p) != 2) return -1;
    ddd = num(p, 2);
    p = skipBlanks(p + 2, 1);
    if (at(p) != 0x29) return -1;
    p++;
    paren = true;
    strong = true;
  } else {
    if (!isDigit(at(p))) return -1;
    const r = digitRun(p);
    if (cc) {
      // "+55 11 98765-4321" or "+5511987654321"
      if (r == 2) { ddd = num(p, 2); p += 2; }
      else if (r == 10 || r == 11) { ddd = num(p, 2); p += 2; }
      else if (r == 3 && at(p) == 0x30) { ddd = num(p + 1, 2); p += 3; }
      else return -1;
    } else {
      if (r == 3 && at(p) == 0x30) { ddd = num(p + 1, 2); p += 3; }
      else if (r == 2) { ddd = num(p, 2); p += 2; }
      else return -1;
    }
  }
  if (!validDdd(ddd)) return -1;
  // separator between DDD and the subscriber number
  const afterDdd = p;
  p = skipBlanks(p, 2);
  if (p == afterDdd && (isDash(at(p)) || at(p) == 0x2e)) p = skipBlanks(p + 1, 1);
  const hadSep = p > afterDdd;
  if (!hadSep && !strong && !cc) return -1;
  // subscriber: 9dddd-dddd, dddd-dddd, 9 dddd-dddd, 9dddddddd, dddddddd
  const s0 = p;
  let r1 = digitRun(p);
  let digits = 0;
  let first = at(p) - 0x30;
  if (r1 == 1 && first == 9 && isBlank(at(p + 1)) && digitRun(p + 2) == 4) {
    p += 2;
    r1 = 4;
    digits = 1;
  }
  if (r1 == 4 || r1 == 5) {
    p += r1;
    digits += r1;
    const sp = at(p);
    let q = p;
    if (isDash(sp) || sp == 0x2e) q = p + 1;
    else if (isBlank(sp)) q = p + 1;
    else return -1;
    if (digitRun(q) != 4) return -1;
    p = q + 4;
    digits += 4;
  } else if (r1 == 8 || r1 == 9) {
    p += r1;
    digits = r1;
  } else return -1;
  if (digits == 9 && first != 9) return -1;
  if (digits == 8) {
    if (first < 2) return -1;
    // 4004-xxxx, 3003-xxxx: non-geographic service numbers
    if ((first == 4 || first == 3) && at(s0 + 1) == 0x30 && at(s0 + 2) == 0x30) return -1;
    if (!strong && first > 5 && !hadSep) return -1;
  }
  const after = at(p);
  if (isWordChar(after) || after == 0x40) return -1;
  if ((isDash(after) || after == 0x2e || after == 0x2f) && isDigit(at(p + 1))) return -1;
  phoneDdd = ddd;
  phoneStrong = strong;
  return p;
}
