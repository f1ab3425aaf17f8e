// Fast reader for the plugin input JSON: {"api":1,"text":"…","language":"…","options":{…}}.
// The input is copied once from the host into unmanaged memory, strings are decoded from UTF-8 (with JSON
// escapes, \uXXXX and surrogate pairs) straight into AssemblyScript (UTF-16) strings, and the raw copy is
// freed before detection starts. Strings without escapes take an 8-bytes-at-a-time ASCII fast path.
import { input_length, input_load_u64, input_load_u8 } from "./env";

export class Input {
  api: i32 = 0;
  text: string = "";
  language: string = "";
  /** The raw JSON of "options" ("{}" when absent). */
  optionsJson: string = "{}";
}

const HI_BITS: u64 = 0x8080808080808080;
const ONES: u64 = 0x0101010101010101;

@inline function hasZeroByte(v: u64): bool {
  return ((v - ONES) & ~v & HI_BITS) != 0;
}

class Cursor {
  p: usize;
  end: usize;
  constructor(p: usize, end: usize) { this.p = p; this.end = end; }
}

function fail(what: string): void {
  throw new Error("invalid plugin input JSON: " + what);
}

@inline function isWs(b: u32): bool {
  return b == 0x20 || b == 0x0a || b == 0x0d || b == 0x09;
}

function skipWs(c: Cursor): void {
  let p = c.p;
  const end = c.end;
  while (p < end && isWs(<u32>load<u8>(p))) p++;
  c.p = p;
}

function expect(c: Cursor, b: u32): void {
  skipWs(c);
  if (c.p >= c.end || <u32>load<u8>(c.p) != b) fail("expected '" + String.fromCharCode(b) + "'");
  c.p++;
}

function hexVal(b: u32): i32 {
  if (b >= 0x30 && b <= 0x39) return <i32>(b - 0x30);
  b |= 0x20;
  if (b >= 0x61 && b <= 0x66) return <i32>(b - 0x61 + 10);
  return -1;
}

function hex4(p: usize, end: usize): i32 {
  if (p + 4 > end) return -1;
  const a = hexVal(load<u8>(p)), b = hexVal(load<u8>(p + 1)), c = hexVal(load<u8>(p + 2)), d = hexVal(load<u8>(p + 3));
  if ((a | b | c | d) < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

/** Byte address of the closing quote of the string starting at `p` (just after its opening quote), or `end`. */
function stringEnd(p: usize, end: usize): usize {
  while (p < end) {
    while (p + 8 <= end) {
      const w = load<u64>(p);
      if (hasZeroByte(w ^ 0x2222222222222222) || hasZeroByte(w ^ 0x5c5c5c5c5c5c5c5c)) break;
      p += 8;
    }
    if (p >= end) return end;
    const b = <u32>load<u8>(p);
    if (b == 0x22) return p;
    p += b == 0x5c ? 2 : 1;
  }
  return end;
}

/** A string buffer allocated before the raw input (see readInput), used for "text"; 0 when consumed. */
let reserved: usize = 0;
let reservedBytes: usize = 0;

/** Decodes the JSON string whose opening quote was just consumed; leaves the cursor after the closing quote. */
function readString(c: Cursor, useReserved: bool = false): string {
  const start = c.p;
  const end = stringEnd(start, c.end);
  if (end >= c.end) fail("unterminated string");
  // Upper bound: one UTF-16 unit per byte; shrunk in place at the end.
  let out: usize;
  if (useReserved && reserved != 0 && reservedBytes >= (end - start) << 1) {
    out = reserved;
    reserved = 0;
  } else out = __new((end - start) << 1, idof<string>());
  let o = out;
  let p = start;
  while (p < end) {
    // fast path: 8 ASCII bytes with no quote and no backslash
    while (p + 8 <= end) {
      const w = load<u64>(p);
      if ((w & HI_BITS) != 0 || hasZeroByte(w ^ 0x2222222222222222) || hasZeroByte(w ^ 0x5c5c5c5c5c5c5c5c)) break;
      store<u64>(o, (w & 0xff) | ((w & 0xff00) << 8) | ((w & 0xff0000) << 16) | ((w & 0xff000000) << 24));
      store<u64>(o + 8, ((w >> 32) & 0xff) | (((w >> 32) & 0xff00) << 8) | (((w >> 32) & 0xff0000) << 16) | (((w >> 32) & 0xff000000) << 24));
      o += 16;
      p += 8;
    }
    if (p >= end) break;
    let b = <u32>load<u8>(p);
    if (b < 0x80) {
      if (b == 0x5c) {
        if (p + 1 >= end) break;
        const e = <u32>load<u8>(p + 1);
        let u: u32 = 0;
        p += 2;
        if (e == 0x6e) u = 0x0a;
        else if (e == 0x74) u = 0x09;
        else if (e == 0x72) u = 0x0d;
        else if (e == 0x22 || e == 0x5c || e == 0x2f) u = e;
        else if (e == 0x62) u = 0x08;
        else if (e == 0x66) u = 0x0c;
        else if (e == 0x75) {
          const h = hex4(p, end);
          if (h < 0) fail("bad \\u escape");
          u = <u32>h;
          p += 4;
        } else fail("bad escape");
        store<u16>(o, <u16>u);
        o += 2;
        continue;
      }
      store<u16>(o, <u16>b);
      o += 2;
      p++;
      continue;
    }
    // multi-byte UTF-8 (invalid sequences become U+FFFD, one per byte)
    if (b >= 0xc2 && b < 0xe0 && p + 1 < end) {
      const b1 = <u32>load<u8>(p + 1);
      if ((b1 & 0xc0) == 0x80) {
        store<u16>(o, <u16>(((b & 0x1f) << 6) | (b1 & 0x3f)));
        o += 2; p += 2; continue;
      }
    } else if (b >= 0xe0 && b < 0xf0 && p + 2 < end) {
      const b1 = <u32>load<u8>(p + 1), b2 = <u32>load<u8>(p + 2);
      if ((b1 & 0xc0) == 0x80 && (b2 & 0xc0) == 0x80) {
        const cp = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        if (cp >= 0x800 && (cp < 0xd800 || cp >= 0xe000)) {
          store<u16>(o, <u16>cp);
          o += 2; p += 3; continue;
        }
      }
    } else if (b >= 0xf0 && b < 0xf5 && p + 3 < end) {
      const b1 = <u32>load<u8>(p + 1), b2 = <u32>load<u8>(p + 2), b3 = <u32>load<u8>(p + 3);
      if ((b1 & 0xc0) == 0x80 && (b2 & 0xc0) == 0x80 && (b3 & 0xc0) == 0x80) {
        const cp = ((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
        if (cp >= 0x10000 && cp < 0x110000) {
          const v = cp - 0x10000;
          store<u16>(o, <u16>(0xd800 + (v >> 10)));
          store<u16>(o + 2, <u16>(0xdc00 + (v & 0x3ff)));
          o += 4; p += 4; continue;
        }
      }
    }
    store<u16>(o, 0xfffd);
    o += 2;
    p++;
  }
  c.p = end + 1;
  const size = o - out;
  if (out == changetype<usize>(textBuffer)) {
    // the persistent text buffer keeps its capacity; only its length changes
    store<u32>(out - 4, <u32>size);
  } else out = __renew(out, size);
  return changetype<string>(out);
}

/** Skips any JSON value; returns nothing (cursor after it). */
function skipValue(c: Cursor, depth: i32): void {
  if (depth > 512) fail("nesting too deep");
  skipWs(c);
  if (c.p >= c.end) fail("unexpected end");
  const b = <u32>load<u8>(c.p);
  if (b == 0x22) {
    c.p++;
    let p = c.p;
    const end = c.end;
    while (p < end) {
      const x = <u32>load<u8>(p);
      if (x == 0x5c) { p += 2; continue; }
      if (x == 0x22) break;
      p++;
    }
    if (p >= end) fail("unterminated string");
    c.p = p + 1;
    return;
  }
  if (b == 0x7b || b == 0x5b) {
    const close: u32 = b == 0x7b ? 0x7d : 0x5d;
    c.p++;
    skipWs(c);
    if (c.p < c.end && <u32>load<u8>(c.p) == close) { c.p++; return; }
    while (true) {
      if (b == 0x7b) { expect(c, 0x22); c.p--; skipValue(c, depth + 1); expect(c, 0x3a); }
      skipValue(c, depth + 1);
      skipWs(c);
      if (c.p >= c.end) fail("unexpected end");
      const x = <u32>load<u8>(c.p);
      c.p++;
      if (x == close) return;
      if (x != 0x2c) fail("expected ',' or closing bracket");
    }
  }
  // number, true, false, null
  let p = c.p;
  while (p < c.end) {
    const x = <u32>load<u8>(p);
    if (x == 0x2c || x == 0x7d || x == 0x5d || isWs(x)) break;
    p++;
  }
  if (p == c.p) fail("unexpected character");
  c.p = p;
}

/** Compares the key starting at c.p (just after its opening quote) with an ASCII name; consumes it. */
function readKey(c: Cursor): string {
  // keys are short: decode normally
  return readString(c);
}

function parseInt32(c: Cursor): i32 {
  skipWs(c);
  const start = c.p;
  skipValue(c, 0);
  let v: i32 = 0;
  for (let p = start; p < c.p; p++) {
    const d = <i32>load<u8>(p) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
    if (v > 1000000) return -1;
  }
  return v;
}

/** Decodes a UTF-8 byte range (no escapes processed) into a string. */
function rawToString(start: usize, end: usize): string {
  return String.UTF8.decodeUnsafe(start, end - start, false);
}

export function parseInput(ptr: usize, len: usize): Input {
  const input = new Input();
  const c = new Cursor(ptr, ptr + len);
  // optional UTF-8 BOM
  if (len >= 3 && load<u8>(ptr) == 0xef && load<u8>(ptr + 1) == 0xbb && load<u8>(ptr + 2) == 0xbf) c.p += 3;
  expect(c, 0x7b);
  skipWs(c);
  if (c.p < c.end && <u32>load<u8>(c.p) == 0x7d) { c.p++; return input; }
  while (true) {
    expect(c, 0x22);
    const key = readKey(c);
    expect(c, 0x3a);
    skipWs(c);
    if (key == "text" || key == "language") {
      if (c.p >= c.end || <u32>load<u8>(c.p) != 0x22) fail("\"" + key + "\" must be a string");
      c.p++;
      const s = readString(c, key == "text");
      if (key == "text") input.text = s; else input.language = s;
    } else if (key == "options") {
      const start = c.p;
      skipValue(c, 0);
      input.optionsJson = rawToString(start, c.p);
    } else if (key == "api") {
      input.api = parseInt32(c);
    } else {
      skipValue(c, 0);
    }
    skipWs(c);
    if (c.p >= c.end) fail("unexpected end");
    const x = <u32>load<u8>(c.p);
    c.p++;
    if (x == 0x7d) break;
    if (x != 0x2c) fail("expected ',' or '}'");
  }
  return input;
}

/**
 * Reserves the buffer the text will be decoded into (2 bytes per input byte, an upper bound), before the raw
 * input is copied: calls then reuse the same two memory areas instead of fragmenting the heap.
 */
export function reserveTextBuffer(): void {
  const need = <usize>input_length() << 1;
  if (textBuffer === null || textCapacity < need) {
    textBuffer = null;
    textCapacity = 0;
    __collect();
    textBuffer = changetype<string>(__new(need, idof<string>()));
    textCapacity = need;
  }
  reserved = changetype<usize>(textBuffer);
  reservedBytes = textCapacity;
}

// Persistent buffers reused by every call (so large inputs do not fragment the heap call after call).
// The text string returned by readInput() lives in textBuffer: it is valid until the next readInput().
let textBuffer: string | null = null;
let textCapacity: usize = 0;
let rawBuffer: usize = 0;
let rawCapacity: usize = 0;

/** Drops the reservation when the input had no "text". */
export function releaseTextBuffer(): void {
  reserved = 0;
  reservedBytes = 0;
}

/** Length the host wrote into the raw buffer itself for the coming call (see host-io.ts), or -1. */
let preloaded: isize = -1;
/** The last input was written by the host (fast path), not copied through host calls. */
export let inputPreloaded: bool = false;

function ensureRaw(len: usize): void {
  if (rawCapacity < len + 8) {
    if (rawBuffer != 0) heap.free(rawBuffer);
    rawBuffer = heap.alloc(len + 8);
    rawCapacity = len + 8;
  }
}

/** For the host fast path: the raw buffer, sized for `len` bytes the host is about to write there. */
export function reserveRawInput(len: usize): usize {
  ensureRaw(len);
  preloaded = <isize>len;
  return rawBuffer;
}

/** Copies the Extism input into the persistent raw buffer (do not free it). */
export function loadInputBytes(): usize {
  const len = <usize>input_length();
  if (preloaded == <isize>len) {
    // the host already wrote the input here (sigilo_input_reserve)
    preloaded = -1;
    inputPreloaded = true;
    inputBytesLength = len;
    return rawBuffer;
  }
  preloaded = -1;
  inputPreloaded = false;
  ensureRaw(len);
  const ptr = rawBuffer;
  const whole = len & ~(<usize>7);
  let i: usize = 0;
  while (i < whole) {
    store<u64>(ptr + i, input_load_u64(<u64>i));
    i += 8;
  }
  while (i < len) {
    store<u8>(ptr + i, input_load_u8(<u64>i));
    i++;
  }
  inputBytesLength = len;
  return ptr;
}

export let inputBytesLength: usize = 0;
