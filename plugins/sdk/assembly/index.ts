// Sigilo plugin SDK for AssemblyScript (plugin ABI v1, see electron/shared/plugin-abi.ts).
//
//   import { readInput, writeFindings, Finding } from "../../sdk/assembly";
//   export function analyze(): i32 { writeFindings(detect(readInput().text)); return 0; }
//
// Build with scripts/build-plugins.mjs (runtime "minimal": garbage is collected when readInput() starts,
// so call readInput() first in each entry point, before allocating anything else).
import { error_set, output_set, storeBytes } from "./env";
import { Input, parseInput, loadInputBytes, inputBytesLength } from "./input";
import { ByteWriter } from "./utf8";

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

/** Reads and parses the Extism input. Frees garbage of the previous call first. */
export function readInput(): Input {
  __collect();
  const ptr = loadInputBytes();
  const input = parseInput(ptr, inputBytesLength);
  heap.free(ptr);
  return input;
}

/** Writes {"findings":[…]} as the Extism output (UTF-8, sized in bytes). */
export function writeFindings(findings: Finding[]): void {
  const n = findings.length;
  const w = new ByteWriter(64 + <usize>n * 160);
  w.ascii('{"findings":[');
  for (let i = 0; i < n; i++) {
    const f = unchecked(findings[i]);
    if (i > 0) w.byte(0x2c);
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
  w.ascii("]}");
  writeOutputBytes(w.ptr, w.len);
  w.dispose();
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
