/**
 * A small reader/rewriter for the WebAssembly binary format: just enough to list a module's
 * imports with their function signatures and to cap its linear memory.
 *
 * Extism's JS SDK does not limit a module's own linear memory, so before compiling a plugin we
 * rewrite the `maximum` of its memory (declared in the memory section or imported) to
 * min(declared, limit). A module whose initial size already exceeds the limit is refused.
 */

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'ref';

export interface FuncType {
  params: ValType[];
  results: ValType[];
}

export type WasmImport =
  | { module: string; name: string; kind: 'function'; type: FuncType | undefined }
  | { module: string; name: string; kind: 'table' | 'memory' | 'global' | 'tag' };

export interface MemoryInfo {
  /** Where it was declared. */
  source: 'section' | 'import';
  initialPages: number;
  /** Declared maximum before rewriting (undefined = unbounded). */
  declaredMaxPages: number | undefined;
}

export interface WasmInspection {
  imports: WasmImport[];
  memories: MemoryInfo[];
  hasStartSection: boolean;
}

export class WasmFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WasmFormatError';
  }
}

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION_TYPE = 1;
const SECTION_IMPORT = 2;
const SECTION_MEMORY = 5;
const SECTION_START = 8;

const VALTYPES: Record<number, ValType> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'ref', 0x6f: 'ref' };

/** A cursor over a module's bytes: LEB128 integers, names, value types. Also used by the fuel injector. */
export class WasmReader {
  pos: number;
  constructor(readonly bytes: Uint8Array, start = 0, readonly end = bytes.length) {
    this.pos = start;
  }
  byte(): number {
    if (this.pos >= this.end) throw new WasmFormatError('unexpected end of module');
    return this.bytes[this.pos++] as number;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (result > 0xffffffff) throw new WasmFormatError('LEB128 u32 out of range');
        return result;
      }
      shift += 7;
    }
    throw new WasmFormatError('LEB128 u32 too long');
  }
  /** Signed LEB128 up to 33 bits (heap types); only the length matters here. */
  s33(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return b & 0x40 ? result - 2 ** shift : result;
    }
    throw new WasmFormatError('LEB128 s33 too long');
  }
  /** Skips a LEB128 of up to `maxBytes` bytes (signed or not: only its length matters). */
  skipLeb(maxBytes: number): void {
    for (let i = 0; i < maxBytes; i++) if ((this.byte() & 0x80) === 0) return;
    throw new WasmFormatError('LEB128 too long');
  }
  skip(n: number): void {
    if (this.pos + n > this.end) throw new WasmFormatError('unexpected end of module');
    this.pos += n;
  }
  name(): string {
    const len = this.u32();
    if (this.pos + len > this.end) throw new WasmFormatError('name runs past its section');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return text;
  }
  valType(): ValType {
    const b = this.byte();
    if (b === 0x63 || b === 0x64) {
      this.s33();
      return 'ref';
    }
    const t = VALTYPES[b];
    if (!t) throw new WasmFormatError(`unsupported value type 0x${b.toString(16)}`);
    return t;
  }
}

export function encodeU32(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

interface Limits {
  flags: number;
  min: number;
  max: number | undefined;
  /** Byte range of the limits in the module. */
  start: number;
  end: number;
}

function readMemoryLimits(r: WasmReader): Limits {
  const start = r.pos;
  const flags = r.byte();
  if (flags & 0x02) throw new WasmFormatError('shared memory is not supported');
  if (flags & 0x04) throw new WasmFormatError('64-bit memory is not supported');
  if (flags & ~0x01) throw new WasmFormatError(`unsupported memory flags 0x${flags.toString(16)}`);
  const min = r.u32();
  const max = flags & 0x01 ? r.u32() : undefined;
  return { flags, min, max, start, end: r.pos };
}

function skipTableType(r: WasmReader): void {
  r.valType();
  const flags = r.byte();
  r.u32();
  if (flags & 0x01) r.u32();
}

function readFuncType(r: WasmReader): FuncType {
  const form = r.byte();
  if (form !== 0x60) throw new WasmFormatError(`unsupported type form 0x${form.toString(16)}`);
  const params: ValType[] = [];
  for (let n = r.u32(); n > 0; n--) params.push(r.valType());
  const results: ValType[] = [];
  for (let n = r.u32(); n > 0; n--) results.push(r.valType());
  return { params, results };
}

interface Section {
  id: number;
  /** Byte offset of the section id. */
  start: number;
  contentStart: number;
  end: number;
}

function readSections(bytes: Uint8Array): Section[] {
  if (bytes.length < 8 || MAGIC_AND_VERSION.some((b, i) => bytes[i] !== b)) {
    throw new WasmFormatError('not a WebAssembly module (bad magic or version)');
  }
  const r = new WasmReader(bytes, 8);
  const sections: Section[] = [];
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    const contentStart = r.pos;
    const end = contentStart + size;
    if (end > bytes.length) throw new WasmFormatError(`section ${id} runs past the end of the module`);
    sections.push({ id, start, contentStart, end });
    r.pos = end;
  }
  return sections;
}

interface ParsedModule {
  sections: Section[];
  imports: WasmImport[];
  /** Memories with the byte range of their limits. */
  memories: Array<MemoryInfo & { limits: Limits; section: Section }>;
  hasStartSection: boolean;
}

function parse(bytes: Uint8Array): ParsedModule {
  const sections = readSections(bytes);
  let types: FuncType[] | undefined;
  const imports: WasmImport[] = [];
  const memories: ParsedModule['memories'] = [];
  let hasStartSection = false;
  for (const section of sections) {
    const r = new WasmReader(bytes, section.contentStart, section.end);
    if (section.id === SECTION_TYPE) {
      // Types using the GC proposal's encodings are not understood; signatures are then unknown.
      try {
        const list: FuncType[] = [];
        for (let n = r.u32(); n > 0; n--) list.push(readFuncType(r));
        types = list;
      } catch {
        types = undefined;
      }
    } else if (section.id === SECTION_IMPORT) {
      for (let n = r.u32(); n > 0; n--) {
        const module = r.name();
        const name = r.name();
        const kind = r.byte();
        switch (kind) {
          case 0x00: {
            const index = r.u32();
            imports.push({ module, name, kind: 'function', type: types?.[index] });
            break;
          }
          case 0x01:
            skipTableType(r);
            imports.push({ module, name, kind: 'table' });
            break;
          case 0x02: {
            const limits = readMemoryLimits(r);
            imports.push({ module, name, kind: 'memory' });
            memories.push({ source: 'import', initialPages: limits.min, declaredMaxPages: limits.max, limits, section });
            break;
          }
          case 0x03:
            r.valType();
            r.byte();
            imports.push({ module, name, kind: 'global' });
            break;
          case 0x04:
            r.byte();
            r.u32();
            imports.push({ module, name, kind: 'tag' });
            break;
          default:
            throw new WasmFormatError(`unknown import kind 0x${kind.toString(16)}`);
        }
      }
    } else if (section.id === SECTION_MEMORY) {
      for (let n = r.u32(); n > 0; n--) {
        const limits = readMemoryLimits(r);
        memories.push({ source: 'section', initialPages: limits.min, declaredMaxPages: limits.max, limits, section });
      }
    } else if (section.id === SECTION_START) {
      hasStartSection = true;
    }
  }
  return { sections, imports, memories, hasStartSection };
}

/** Lists imports (with signatures when the type section is plain MVP) and memories. */
export function inspectWasm(bytes: Uint8Array): WasmInspection {
  const { imports, memories, hasStartSection } = parse(bytes);
  return {
    imports,
    memories: memories.map(({ source, initialPages, declaredMaxPages }) => ({ source, initialPages, declaredMaxPages })),
    hasStartSection,
  };
}

export class MemoryLimitError extends Error {
  constructor(message: string, readonly initialPages: number, readonly limitPages: number) {
    super(message);
    this.name = 'MemoryLimitError';
  }
}

export interface CappedModule {
  bytes: Uint8Array;
  inspection: WasmInspection;
  /** The effective maximum of the (single) memory after rewriting, or undefined if the module has none. */
  maxPages: number | undefined;
}

/**
 * Rewrites the maximum of every linear memory to min(declared, limitPages).
 * Throws MemoryLimitError if a memory's initial size exceeds the limit, WasmFormatError on a malformed
 * module or on more than one memory.
 */
export function capMemory(bytes: Uint8Array, limitPages: number): CappedModule {
  const parsed = parse(bytes);
  const inspection = inspectWasm(bytes);
  if (parsed.memories.length > 1) throw new WasmFormatError('more than one linear memory is not supported');
  const memory = parsed.memories[0];
  if (!memory) return { bytes, inspection, maxPages: undefined };
  if (memory.initialPages > limitPages) {
    throw new MemoryLimitError(
      `initial memory ${memory.initialPages} pages exceeds the limit of ${limitPages} pages`,
      memory.initialPages,
      limitPages,
    );
  }
  const newMax = memory.declaredMaxPages === undefined ? limitPages : Math.min(memory.declaredMaxPages, limitPages);
  if (memory.declaredMaxPages === newMax) return { bytes, inspection, maxPages: newMax };

  const newLimits = [0x01, ...encodeU32(memory.initialPages), ...encodeU32(newMax)];
  const { section, limits } = memory;
  const content = concat([
    bytes.subarray(section.contentStart, limits.start),
    Uint8Array.from(newLimits),
    bytes.subarray(limits.end, section.end),
  ]);
  const out = concat([
    bytes.subarray(0, section.start),
    Uint8Array.of(section.id, ...encodeU32(content.length)),
    content,
    bytes.subarray(section.end),
  ]);
  return { bytes: out, inspection, maxPages: newMax };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
