// Optional fast input/output with the Sigilo plugin host. The Extism ABI moves data one host call per 8 bytes;
// the Sigilo host instead, before a call, asks for a buffer in linear memory (sigilo_input_reserve) and
// writes the input there itself, and after the call reads writeFindings' output straight from linear memory
// (sigilo_output_ptr/len). A host that never calls these (stock Extism, tests) gets the standard ABI path.
// Plugin entry files re-export the three functions:
//   export { sigilo_input_reserve, sigilo_output_ptr, sigilo_output_len } from "../../sdk/assembly/host-io";
import { reserveRawInput } from "./input";

/** Set by sigilo_input_reserve for the coming call: writeFindings leaves its output in linear memory. */
export let hostReadsOutput: bool = false;
let outPtr: usize = 0;
let outLen: usize = 0;

export function sigilo_input_reserve(length: u32): usize {
  hostReadsOutput = true;
  outLen = 0;
  return reserveRawInput(<usize>length);
}

export function sigilo_output_ptr(): usize {
  return outPtr;
}

export function sigilo_output_len(): usize {
  return outLen;
}

/**
 * The output is the `length` bytes at `ptr` (a heap.alloc'ed buffer this module now owns and frees at the
 * next output): the host reads it after the call.
 */
export function setHostOutput(ptr: usize, length: usize): void {
  if (outPtr != 0 && outPtr != ptr) heap.free(outPtr);
  outPtr = ptr;
  outLen = length;
  hostReadsOutput = false;
}

/**
 * Frees the previous call's output (the host read it right after that call), keeping this call's mode: with
 * a small memory limit the buffer should not stay allocated through the next call's detection.
 */
export function releaseHostOutput(): void {
  if (outPtr != 0) heap.free(outPtr);
  outPtr = 0;
  outLen = 0;
}

export function clearHostOutput(): void {
  hostReadsOutput = false;
}
