// Benchmark entry (not part of the plugin): exposes detect() to JS directly, without the Extism kernel, to
// measure the detector's own throughput. Built by bench-core.mjs into dist/tmp.
import { detect } from "../assembly/detect";

let stored: string = "";

/** Copies the text into wasm memory once (outside the timed part). */
export function setText(text: string): void {
  stored = text;
}

export function detectStored(): i32 {
  return detect(stored).length;
}

export function collect(): void {
  __collect();
}
