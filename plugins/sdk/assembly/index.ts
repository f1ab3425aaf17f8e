// Sigilo plugin SDK for AssemblyScript (plugin ABI v1, see electron/shared/plugin-abi.ts).
//
//   import { readInput, writeFindings, Finding } from "../../sdk/assembly";
//   export function analyze(): i32 { writeFindings(detect(readInput().text)); return 0; }
//
// Build with scripts/build-plugins.mjs (runtime "minimal": garbage is collected when readInput() starts,
// so call readInput() first in each entry point, before allocating anything else).
import { alloc, error_set, output_set, store_u64, store_u8, storeBytes } from "./env";
import { Input, parseInput, loadInputBytes, inputBytesLength, inputPreloaded, reserveTextBuffer, releaseTextBuffer } from "./input";
import { ByteWriter } from "./utf8";
import { hostReadsOutput, setHostOutput, clearHostOutput, releaseHostOutput } from "./host-io";

/** Largest output left in linear memory for the host (larger output streams through Extism blocks). */
const HOST_OUTPUT_MAX: u64 = 256 * 1024;

export { Input } from "./input";
export * from "./text";

/** One finding: [start, end) in UTF-16 code units of the input text. */
export class Finding {
  constructor(
    public type: string,
    public start: i32,
    public end: i32,
    public confidence: f64,
    public validated: bool,
    public reason: string,
  ) {}
}

/**
 * Reads and parses the Extism input. Frees garbage of the previous call first. The returned text is valid
 * until the next call of readInput() (its memory is reused).
 */
export function readInput(): Input {
  releaseHostOutput();
  __collect();
  reserveTextBuffer();
  const ptr = loadInputBytes();
  if (!inputPreloaded) clearHostOutput(); // not the Sigilo host's fast path: output through Extism
  const input = parseInput(ptr, inputBytesLength);
  releaseTextBuffer();
  return input;
}

function writeFinding(w: ByteWriter, f: Finding, first: bool): void {
  if (!first) w.byte(0x2c);
  w.ascii('{"type":');
  w.jsonString(f.type);
  w.ascii(',"start":');
  w.int(f.start);
  w.ascii(',"end":');
  w.int(f.end);
  w.ascii(',"confidence":');
  w.unit(f.confidence);
  w.ascii(f.validated ? ',"validated":true' : ',"validated":false');
  if (f.reason.length > 0) {
    w.ascii(',"reason":');
    w.jsonString(f.reason);
  }
  w.byte(0x7d);
}

const HEAD = '{"findings":[';
const TAIL = "]}";
const FLUSH_AT: usize = 60 * 1024;

/**
 * Writes {"findings":[…]} as the Extism output (UTF-8, sized in bytes). For the Sigilo host (fast I/O) the
 * output up to HOST_OUTPUT_MAX is written once into a buffer the host reads from linear memory. Otherwise it
 * streams: the size is measured in a first pass, then the JSON is written to the host block through a small
 * buffer, so output of any size needs only ~64 KiB of plugin memory.
 */
export function writeFindings(findings: Finding[]): void {
  const n = findings.length;
  if (hostReadsOutput) {
    // Sigilo host: write the whole output, in one pass, into linear memory, where the host reads it
    // (host-io.ts); past HOST_OUTPUT_MAX the attempt is dropped and the output streams through Extism below
    const guess = <usize>n * 160 + 64;
    const out = new ByteWriter(guess < <usize>HOST_OUTPUT_MAX ? guess : <usize>HOST_OUTPUT_MAX);
    const piece = new ByteWriter(1024); // one finding (grows if needed)
    out.ascii(HEAD);
    let fits = true;
    for (let i = 0; i < n; i++) {
      piece.len = 0;
      writeFinding(piece, unchecked(findings[i]), i == 0);
      const need = out.len + piece.len + <usize>TAIL.length;
      if (<u64>need > HOST_OUTPUT_MAX) { fits = false; break; }
      if (need > out.cap) {
        // grow (doubling), never past HOST_OUTPUT_MAX
        let cap = out.cap << 1;
        if (cap < need) cap = need;
        if (cap > <usize>HOST_OUTPUT_MAX) cap = <usize>HOST_OUTPUT_MAX;
        out.ptr = heap.realloc(out.ptr, cap);
        out.cap = cap;
      }
      memory.copy(out.ptr + out.len, piece.ptr, piece.len);
      out.len += piece.len;
    }
    piece.dispose();
    if (fits) {
      out.ascii(TAIL);
      setHostOutput(out.ptr, out.len); // host-io owns the buffer now (no dispose)
      return;
    }
    out.dispose();
  }
  const w = new ByteWriter(FLUSH_AT + 4096);
  // pass 1: size
  let total: u64 = <u64>(HEAD.length + TAIL.length);
  for (let i = 0; i < n; i++) {
    w.len = 0;
    writeFinding(w, unchecked(findings[i]), i == 0);
    total += <u64>w.len;
  }
  clearHostOutput();
  // pass 2: write
  const block = alloc(total);
  let written: u64 = 0;
  w.len = 0;
  w.ascii(HEAD);
  for (let i = 0; i < n; i++) {
    writeFinding(w, unchecked(findings[i]), i == 0);
    if (w.len >= FLUSH_AT) {
      copyToBlock(block + written, w.ptr, w.len);
      written += <u64>w.len;
      w.len = 0;
    }
  }
  w.ascii(TAIL);
  copyToBlock(block + written, w.ptr, w.len);
  written += <u64>w.len;
  w.dispose();
  if (written != total) {
    setError("internal error: output size mismatch");
    unreachable();
  }
  output_set(block, total);
}

function copyToBlock(dst: u64, ptr: usize, len: usize): void {
  let i: usize = 0;
  const whole = len & ~(<usize>7);
  while (i < whole) {
    store_u64(dst + <u64>i, load<u64>(ptr + i));
    i += 8;
  }
  while (i < len) {
    store_u8(dst + <u64>i, load<u8>(ptr + i));
    i++;
  }
}

/** Sets raw bytes as the Extism output. */
export function writeOutputBytes(ptr: usize, len: usize): void {
  const block = storeBytes(ptr, len);
  output_set(block, <u64>len);
}

/** Sets a UTF-8 string as the Extism output. */
export function writeOutputString(s: string): void {
  const buf = String.UTF8.encode(s);
  writeOutputBytes(changetype<usize>(buf), <usize>buf.byteLength);
}

/** Reports an error to the host (the call then fails with this message); return non-zero afterwards. */
export function setError(message: string): void {
  const buf = String.UTF8.encode(message);
  error_set(storeBytes(changetype<usize>(buf), <usize>buf.byteLength));
}

export const LOG_DEBUG: i32 = 0;
export const LOG_INFO: i32 = 1;
export const LOG_WARN: i32 = 2;
export const LOG_ERROR: i32 = 3;

// Host function granted by the "log" capability. Imported only by plugins that call log().
// ABI: sigilo_log(level: i32, message: u64 /* Extism block holding UTF-8 text */): void
// @ts-ignore: decorator
@external("extism:host/user", "sigilo_log")
declare function sigilo_log(level: i32, message: u64): void;

/** Logs a message through the host (requires the "log" capability in plugin.json). */
export function log(level: i32, message: string): void {
  const buf = String.UTF8.encode(message);
  sigilo_log(level, storeBytes(changetype<usize>(buf), <usize>buf.byteLength));
}

/**
 * Abort handler wired by the build (`--use abort=plugins/sdk/assembly/index/sdkAbort`): reports the message
 * through error_set, then traps.
 */
export function sdkAbort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  let text = "plugin aborted";
  if (message !== null) text += ": " + message;
  if (fileName !== null) text += " (" + fileName + ":" + line.toString() + ":" + column.toString() + ")";
  setError(text);
  unreachable();
}
