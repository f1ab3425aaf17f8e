/**
 * A deterministic instruction budget ("fuel") for plugins. V8 has none, so the module is instrumented
 * before it is compiled: a mutable i64 global (exported as FUEL_EXPORT) is charged at every function entry
 * and at every loop header with the number of instructions of that function / loop body (not counting nested
 * loops, which charge for themselves), and the code traps (`unreachable`) when it drops below zero. Entry
 * functions first reset it to the budget, so each call gets the whole budget and, after the call,
 * `budget - value` is what it used.
 *
 * The unit is "static instructions per pass": a branch counts both arms and a loop iteration counts its whole
 * body, so it over-approximates executed instructions, but it is exactly the same on every machine and every
 * run for the same input. Supported: the MVP, sign extension, saturating conversions, bulk memory, reference
 * types, multi-value and tail calls. SIMD, threads and exceptions are refused (FuelError).
 */

export const FUEL_EXPORT = '__sigilo_fuel';

import { encodeU32 as u32, WasmReader } from './wasm-binary.js';

export class FuelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuelError';
  }
}

export interface FuelOptions {
  /** Instructions one call of an entry function may use. */
  budget: bigint;
  /** Exported functions that reset the budget when called (e.g. ['analyze']). */
  entries: string[];
}

export interface InstrumentedModule {
  bytes: Uint8Array;
  /** Index of the fuel global. */
  globalIndex: number;
  /** Loops instrumented (for diagnostics/tests). */
  loops: number;
}


function s64(value: bigint): number[] {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

interface Section {
  id: number;
  /** Offset of the id byte. */
  headerStart: number;
  start: number;
  end: number;
}

function sections(bytes: Uint8Array): Section[] {
  const r = new WasmReader(bytes, 8);
  const out: Section[] = [];
  while (r.pos < bytes.length) {
    const headerStart = r.pos;
    const id = r.byte();
    const size = r.u32();
    out.push({ id, headerStart, start: r.pos, end: r.pos + size });
    r.skip(size);
  }
  return out;
}

/** Skips a block type: 0x40, a value type, or a type index (s33). */
function skipBlockType(r: WasmReader): void {
  const b = r.bytes[r.pos] as number;
  if (b === 0x40 || (b >= 0x6f && b <= 0x7f) || b === 0x63 || b === 0x64) {
    r.pos++;
    if (b === 0x63 || b === 0x64) r.skipLeb(5);
    return;
  }
  r.skipLeb(5);
}

function skipMemarg(r: WasmReader): void {
  const align = r.u32();
  if (align & 0x40) r.u32(); // multi-memory: memory index
  r.u32();
}

interface Op {
  opcode: number;
  /** Offset right after the instruction (and its immediates). */
  end: number;
}

/** Reads one instruction, skipping its immediates. */
function readOp(r: WasmReader): Op {
  const op = r.byte();
  switch (op) {
    case 0x02: case 0x03: case 0x04: skipBlockType(r); break;
    case 0x0c: case 0x0d: case 0x10: case 0x12: case 0x14: case 0x15: case 0xd2: case 0xd4: case 0xd6:
    case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26:
      r.u32(); break;
    case 0x0e: {
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.u32();
      break;
    }
    case 0x11: case 0x13: r.u32(); r.u32(); break;
    case 0x1c: {
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        const t = r.byte();
        if (t === 0x63 || t === 0x64) r.skipLeb(5);
      }
      break;
    }
    case 0x3f: case 0x40: r.u32(); break;
    case 0x41: r.skipLeb(5); break;
    case 0x42: r.skipLeb(10); break;
    case 0x43: r.skip(4); break;
    case 0x44: r.skip(8); break;
    case 0xd0: r.skipLeb(5); break;
    case 0xfc: {
      const sub = r.u32();
      if (sub <= 7) break;
      if (sub === 8 || sub === 10 || sub === 12 || sub === 14) { r.u32(); r.u32(); break; }
      if (sub <= 17) { r.u32(); break; }
      throw new FuelError(`unsupported instruction 0xfc ${sub}`);
    }
    case 0xfd: throw new FuelError('SIMD is not supported by the instruction budget');
    case 0xfe: throw new FuelError('threads are not supported by the instruction budget');
    case 0x06: case 0x07: case 0x08: case 0x09: case 0x18: case 0x19: case 0x1f:
      throw new FuelError('exceptions are not supported by the instruction budget');
    default:
      if (op >= 0x28 && op <= 0x3e) skipMemarg(r);
      else if (!(op <= 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x1a || op === 0x1b || (op >= 0x45 && op <= 0xc4) || op === 0xd1 || op === 0xd3 || op === 0xd5)) {
        throw new FuelError(`unsupported opcode 0x${op.toString(16)}`);
      }
  }
  return { opcode: op, end: r.pos };
}

function charge(global: number, cost: number): number[] {
  return [
    0x23, ...u32(global), 0x42, ...s64(BigInt(cost)), 0x7d, 0x24, ...u32(global),
    0x23, ...u32(global), 0x42, 0x00, 0x53, 0x04, 0x40, 0x00, 0x0b,
  ];
}

/** Instruments one function body (locals + code); returns the new body bytes and its loop count. */
function instrumentBody(bytes: Uint8Array, start: number, end: number, global: number, reset: bigint | undefined): { body: number[]; loops: number } {
  const r = new WasmReader(bytes, start, end);
  const groups = r.u32();
  for (let i = 0; i < groups; i++) {
    r.u32();
    const t = r.byte();
    if (t === 0x63 || t === 0x64) r.skipLeb(5);
  }
  const codeStart = r.pos;
  // pass 1: instruction counts per region (function top level, each loop body), keyed by insertion offset
  const costs = new Map<number, number>([[codeStart, 0]]);
  const stack: Array<{ loopAt: number | undefined }> = [];
  let region = codeStart;
  const regions: number[] = [codeStart];
  while (r.pos < end) {
    const op = readOp(r);
    costs.set(region, (costs.get(region) ?? 0) + 1);
    if (op.opcode === 0x03) {
      stack.push({ loopAt: op.end });
      regions.push(op.end);
      region = op.end;
      costs.set(region, 0);
    } else if (op.opcode === 0x02 || op.opcode === 0x04) {
      stack.push({ loopAt: undefined });
    } else if (op.opcode === 0x0b) {
      const frame = stack.pop();
      if (frame?.loopAt !== undefined) {
        regions.pop();
        region = regions[regions.length - 1] as number;
      }
    }
  }
  // pass 2: copy, inserting the charges
  const out: number[] = Array.from(bytes.subarray(start, codeStart));
  if (reset !== undefined) out.push(0x42, ...s64(reset), 0x24, ...u32(global));
  out.push(...charge(global, costs.get(codeStart) ?? 1));
  let loops = 0;
  const r2 = new WasmReader(bytes, codeStart, end);
  while (r2.pos < end) {
    const from = r2.pos;
    const op = readOp(r2);
    for (let i = from; i < op.end; i++) out.push(bytes[i] as number);
    if (op.opcode === 0x03) {
      loops++;
      out.push(...charge(global, Math.max(1, costs.get(op.end) ?? 1)));
    }
  }
  return { body: out, loops };
}

function section(id: number, content: number[]): number[] {
  return [id, ...u32(content.length), ...content];
}

/** Instruments a module (see the file comment). Throws FuelError for what it does not support. */
export function injectFuel(bytes: Uint8Array, options: FuelOptions): InstrumentedModule {
  if (options.budget <= 0n) throw new FuelError('budget must be positive');
  const all = sections(bytes);
  let importedFuncs = 0;
  let importedGlobals = 0;
  let definedGlobals = 0;
  const entryFuncs = new Set<number>();
  for (const s of all) {
    const r = new WasmReader(bytes, s.start, s.end);
    if (s.id === 2) {
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0x00) { importedFuncs++; r.u32(); }
        else if (kind === 0x01) { r.byte(); const f = r.u32(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 0x02) { const f = r.u32(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 0x03) { importedGlobals++; const t = r.byte(); if (t === 0x63 || t === 0x64) r.skipLeb(5); r.byte(); }
        else if (kind === 0x04) { r.byte(); r.u32(); }
        else throw new FuelError(`unknown import kind ${kind}`);
      }
    } else if (s.id === 6) {
      definedGlobals = r.u32();
    } else if (s.id === 7) {
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        const name = r.name();
        const kind = r.byte();
        const index = r.u32();
        if (kind === 0x00 && options.entries.includes(name)) entryFuncs.add(index);
      }
    }
  }
  const globalIndex = importedGlobals + definedGlobals;
  const fuelGlobal = [0x7e, 0x01, 0x42, ...s64(options.budget), 0x0b];
  const fuelExport = [...u32(FUEL_EXPORT.length), ...new TextEncoder().encode(FUEL_EXPORT), 0x03, ...u32(globalIndex)];

  const out: number[] = [...bytes.subarray(0, 8)];
  let loops = 0;
  let wroteGlobal = false;
  let wroteExport = false;
  // where a missing global (6) / export (7) section goes: before the first section that must follow it
  const ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
  const rank = (id: number) => ORDER.indexOf(id);
  const flushBefore = (id: number) => {
    if (id === 0) return;
    if (!wroteGlobal && rank(id) > rank(6)) {
      out.push(...section(6, [...u32(1), ...fuelGlobal]));
      wroteGlobal = true;
    }
    if (!wroteExport && rank(id) > rank(7)) {
      out.push(...section(7, [...u32(1), ...fuelExport]));
      wroteExport = true;
    }
  };
  for (const s of all) {
    flushBefore(s.id);
    const r = new WasmReader(bytes, s.start, s.end);
    if (s.id === 6) {
      const n = r.u32();
      out.push(...section(6, [...u32(n + 1), ...bytes.subarray(r.pos, s.end), ...fuelGlobal]));
      wroteGlobal = true;
    } else if (s.id === 7) {
      const n = r.u32();
      out.push(...section(7, [...u32(n + 1), ...bytes.subarray(r.pos, s.end), ...fuelExport]));
      wroteExport = true;
    } else if (s.id === 10) {
      const n = r.u32();
      const content: number[] = [...u32(n)];
      for (let i = 0; i < n; i++) {
        const size = r.u32();
        const bodyStart = r.pos;
        r.skip(size);
        const { body, loops: l } = instrumentBody(bytes, bodyStart, bodyStart + size, globalIndex, entryFuncs.has(importedFuncs + i) ? options.budget : undefined);
        loops += l;
        content.push(...u32(body.length), ...body);
      }
      out.push(...section(10, content));
    } else {
      out.push(...bytes.subarray(s.headerStart, s.end));
    }
  }
  flushBefore(11);
  const result = new Uint8Array(out);
  if (!WebAssembly.validate(result)) throw new FuelError('instrumented module does not validate');
  return { bytes: result, globalIndex, loops };
}

/**
 * The last call's count: instructions used (the budget minus what is left in the exported global) and whether
 * it ran out (the counter went below zero: the call trapped). Undefined for a module without the counter.
 */
export function fuelState(exports: WebAssembly.Exports, budget: bigint): { used: bigint; exceeded: boolean } | undefined {
  const g = exports[FUEL_EXPORT];
  if (!(g instanceof WebAssembly.Global)) return undefined;
  const left = g.value as bigint;
  return { used: budget - (left < 0n ? 0n : left), exceeded: left < 0n };
}

/** Instructions used by the last call (see fuelState). */
export function fuelUsed(exports: WebAssembly.Exports, budget: bigint): bigint | undefined {
  return fuelState(exports, budget)?.used;
}
