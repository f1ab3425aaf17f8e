// Streams the plugin output {"findings":[…]} (ABI v1), building each reason only while it is written and
// collecting garbage as it goes, so that thousands of findings fit in a small memory limit.
// Everything the loop needs lives in globals (runtime "minimal": __collect frees what globals do not reach).
import { writeOutputBytes } from "../../sdk/assembly";
import { ByteWriter } from "../../sdk/assembly/utf8";
import { Hit } from "./lexicon";

let outHits: Hit[] = [];
let outText: string = "";
let writer: ByteWriter | null = null;

/**
 * Writes `hits` as the Extism output. `reasonOf` builds the Portuguese reason of a hit from the text.
 * Call from the entry point only, with no other live heap object on the stack (it calls __collect()).
 */
export function writeHits(hits: Hit[], text: string, reasonOf: (h: Hit, text: string) => string): void {
  outHits = hits;
  outText = text;
  const n = hits.length;
  // about 250 bytes a finding (reason included): sized up front to avoid copying a large buffer
  writer = new ByteWriter(64 + <usize>n * 256);
  writer!.ascii('{"findings":[');
  for (let i = 0; i < n; i++) {
    writeOne(i, reasonOf);
    if ((i & 255) == 255) __collect();
  }
  writer!.ascii("]}");
  writeOutputBytes(writer!.ptr, writer!.len);
  writer!.dispose();
  writer = null;
  outHits = [];
  outText = "";
}

function writeOne(i: i32, reasonOf: (h: Hit, text: string) => string): void {
  const w = writer!;
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
}
