// Streams the plugin output {"findings":[…]} (ABI v1) straight into a host memory block, building each
// finding's JSON (and its reason) only while it is written. Two passes: the first measures the size, the
// second writes. The plugin's own memory then holds one finding's JSON at a time, so thousands of findings
// fit in a small memory limit. Everything the loop needs lives in globals (runtime "minimal": __collect()
// frees whatever globals do not reach).
import { alloc, output_set, store_u64, store_u8 } from "./env";
import { ByteWriter } from "./utf8";
import { hostReadsOutput, setHostOutput, clearHostOutput } from "./host-io";
import { Hit } from "./lexicon";

let outHits: Hit[] = [];
let outText: string = "";
let piece: ByteWriter | null = null;

const HEAD = '{"findings":[';
/**
 * Largest output left in linear memory for the host (larger output streams through Extism). Smaller than the
 * SDK's: the dictionaries leave these plugins little of their memory limit.
 */
const HOST_OUTPUT_MAX: u64 = 128 * 1024;
/** The output buffer while it is written (a global: kept alive across collections). */
let fullOut: ByteWriter | null = null;
const TAIL = "]}";

/**
 * Writes `hits` as the Extism output. `reasonOf` builds the Portuguese reason of a hit from the text.
 * Call from the entry point only, with no other live heap object on the stack (it calls __collect()).
 */
export function writeHits(hits: Hit[], text: string, reasonOf: (h: Hit, text: string) => string): void {
  outHits = hits;
  outText = text;
  piece = new ByteWriter(1024);
  const n = hits.length;
  // Sigilo host (sigilo_input_reserve was called): one pass, the output stays in linear memory, where the host
  // reads it after the call (no sizing pass, no Extism host call per 8 bytes)
  let total: u64 = <u64>(HEAD.length + TAIL.length);
  let i = 0;
  const fast = hostReadsOutput;
  // a finding takes ~150-300 bytes: skip the attempt when the output will not fit
  if (fast && <u64>n * 150 + 64 <= HOST_OUTPUT_MAX) {
    const guess = <usize>n * 256 + 64;
    const full = new ByteWriter(guess < <usize>HOST_OUTPUT_MAX ? guess : <usize>HOST_OUTPUT_MAX);
    fullOut = full;
    full.ascii(HEAD);
    for (; i < n; i++) {
      const len = buildPiece(i, reasonOf);
      total += <u64>len;
      if (total > HOST_OUTPUT_MAX) { i++; break; } // too large: size the rest, then stream through Extism
      if (full.len + <usize>len + 2 > full.cap) {
        // grow, but never past the limit (ByteWriter doubles)
        let cap = full.cap << 1;
        if (cap < full.len + <usize>len + 2) cap = full.len + <usize>len + 2;
        if (cap > <usize>HOST_OUTPUT_MAX) cap = <usize>HOST_OUTPUT_MAX;
        full.ptr = heap.realloc(full.ptr, cap);
        full.cap = cap;
      }
      memory.copy(full.ptr + full.len, piece!.ptr, <usize>len);
      full.len += <usize>len;
      if ((i & 127) == 127) __collect();
    }
    if (total <= HOST_OUTPUT_MAX) {
      full.ascii(TAIL);
      setHostOutput(full.ptr, full.len); // host-io owns the buffer now (no dispose)
      fullOut = null;
      piece!.dispose();
      piece = null;
      outHits = [];
      outText = "";
      return;
    }
    full.dispose();
    fullOut = null;
  }
  clearHostOutput();
  // pass 1: size
  for (; i < n; i++) {
    total += <u64>buildPiece(i, reasonOf);
    if ((i & 127) == 127) __collect();
  }
  // pass 2: write into the host block
  const block = alloc(total);
  let offset: u64 = 0;
  offset = copyAscii(block, offset, HEAD);
  for (let i = 0; i < n; i++) {
    const len = buildPiece(i, reasonOf);
    copyBytes(block, offset, piece!.ptr, <usize>len);
    offset += <u64>len;
    if ((i & 127) == 127) __collect();
  }
  offset = copyAscii(block, offset, TAIL);
  output_set(block, offset);
  piece!.dispose();
  piece = null;
  outHits = [];
  outText = "";
}

/** Builds the JSON of finding i (with its leading comma) into `piece`; returns its byte length. */
function buildPiece(i: i32, reasonOf: (h: Hit, text: string) => string): i32 {
  const w = piece!;
  w.len = 0;
  const h = outHits[i];
  if (i > 0) w.byte(0x2c);
  w.ascii('{"type":');
  w.jsonString(h.type);
  w.ascii(',"start":');
  w.int(h.start);
  w.ascii(',"end":');
  w.int(h.end);
  w.ascii(',"confidence":');
  w.unit(h.confidence);
  w.ascii(h.validated ? ',"validated":true' : ',"validated":false');
  w.ascii(',"reason":');
  w.jsonString(reasonOf(h, outText));
  w.byte(0x7d);
  return <i32>w.len;
}

function copyBytes(block: u64, offset: u64, ptr: usize, len: usize): void {
  let i: usize = 0;
  const whole = len & ~(<usize>7);
  while (i < whole) {
    store_u64(block + offset + <u64>i, load<u64>(ptr + i));
    i += 8;
  }
  while (i < len) {
    store_u8(block + offset + <u64>i, load<u8>(ptr + i));
    i++;
  }
}

function copyAscii(block: u64, offset: u64, s: string): u64 {
  for (let i = 0; i < s.length; i++) store_u8(block + offset + <u64>i, <u8>s.charCodeAt(i));
  return offset + <u64>s.length;
}
