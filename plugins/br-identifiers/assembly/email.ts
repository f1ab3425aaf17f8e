// E-mail addresses, found from their '@'.
import { unitAt, isDigit, isAsciiLetter } from "../../sdk/assembly/index";

export let emailStart: i32 = -1;

function isLocalChar(c: i32): bool {
  return isAsciiLetter(c) || isDigit(c) || c == 0x2e || c == 0x5f || c == 0x25 || c == 0x2b || c == 0x2d;
}

function isDomainChar(c: i32): bool {
  return isAsciiLetter(c) || isDigit(c) || c == 0x2d || c == 0x2e;
}

/** `at` is the index of an '@'. Returns the end of the address (and sets emailStart) or -1. */
export function tryEmail(text: string, at: i32): i32 {
  const n = text.length;
  let s = at;
  while (s > 0 && at - s < 128 && isLocalChar(unitAt(text, s - 1))) s--;
  while (s < at && (unitAt(text, s) == 0x2e || unitAt(text, s) == 0x2d)) s++;
  if (s == at) return -1;
  let e = at + 1;
  while (e < n && e - at < 256 && isDomainChar(unitAt(text, e))) e++;
  // trailing punctuation is not part of the address
  while (e > at + 1 && (unitAt(text, e - 1) == 0x2e || unitAt(text, e - 1) == 0x2d)) e--;
  // needs a dot and a top-level domain of 2+ letters
  let dot = -1;
  for (let i = e - 1; i > at; i--) if (unitAt(text, i) == 0x2e) { dot = i; break; }
  if (dot < 0 || dot == at + 1 || e - dot - 1 < 2) return -1;
  for (let i = dot + 1; i < e; i++) if (!isAsciiLetter(unitAt(text, i))) return -1;
  for (let i = at + 2; i < e; i++) if (unitAt(text, i) == 0x2e && unitAt(text, i - 1) == 0x2e) return -1;
  emailStart = s;
  return e;
}
