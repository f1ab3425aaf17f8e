/**
 * One instantiated plugin (an Extism foreground plugin over a pre-compiled, memory-capped module) and
 * the per-call path: encode the ABI input, call the entry, enforce output/alloc limits, decode and
 * validate the output. Runs inside a plugin worker thread (and in-process in tests/benchmarks).
 *
 * Infinite loops are NOT handled here (a synchronous wasm call cannot be interrupted from its own
 * thread): the worker pool terminates the worker thread on timeout.
 */
import createPlugin, { type CallContext, type Plugin } from '@extism/extism';
import { PluginOutputSchema, type PluginFinding } from '../shared/plugin-abi.js';
import { fastPluginOutput } from '../shared/plugin-output-check.js';
import type { Capability, PluginLimits } from '../shared/plugin-manifest.js';
import { HOST_USER_NAMESPACE, LOG_LEVELS, type PluginLogLevel } from '../shared/plugin-host-functions.js';
import { fuelState } from './fuel.js';
import type { PluginCallErrorCode } from './host-protocol.js';

export interface InstanceSpec {
  key: string;
  module: WebAssembly.Module;
  entry: string;
  limits: PluginLimits;
  /** Declared AND granted; only these host functions are linked. */
  capabilities: Capability[];
}

export interface HostCallbacks {
  log(key: string, level: PluginLogLevel, message: string): void;
  audit(key: string, event: Record<string, unknown>): void;
}

/** `instructions`: what the call used, for a plugin with an instruction budget (limits.instructions). */
export type CallOutcome =
  | { ok: true; findings: PluginFinding[]; durationMs: number; memoryPages: number; instructions?: number }
  | { ok: false; code: PluginCallErrorCode; message: string; durationMs: number; memoryPages: number; instructions?: number };

const MAX_LOG_CHARS = 4000;
const MAX_AUDIT_BYTES = 16 * 1024;
/** Log/audit messages forwarded per call; beyond this they are dropped (with one notice). */
const MAX_HOST_CALLS_PER_CALL = 200;
const PAGE = 65536;

interface CallBudget {
  used: number;
  max: number;
  hostCalls: number;
  /** The current call's input (also stored in the SDK as the input block). */
  input: DataView | undefined;
  inputLength: bigint;
  /** Views of Extism blocks touched during the current call, by block index. */
  views: Map<number, DataView>;
}

const ADDRESS_MASK = (1n << 48n) - 1n;

class AllocLimitError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

/** Builds the ABI v1 input bytes once (reusable across plugins for the same text). */
export function encodeAnalyzeInput(text: string, language: string, options: Record<string, unknown>): Uint8Array {
  return encoder.encode(JSON.stringify({ api: 1, text, language, options }));
}

/**
 * The SDK's optional fast I/O (plugins/sdk/assembly/host-io.ts): the host writes the input into linear memory
 * and reads the output from there, instead of the plugin moving both through one host call per 8 bytes.
 */
interface FastIo {
  reserve: (length: number) => number;
  outputPtr: () => number;
  outputLen: () => number;
}

function fastIoOf(exports: WebAssembly.Exports): FastIo | undefined {
  const { sigilo_input_reserve: reserve, sigilo_output_ptr: outputPtr, sigilo_output_len: outputLen } = exports;
  if (typeof reserve !== 'function' || typeof outputPtr !== 'function' || typeof outputLen !== 'function') return undefined;
  return { reserve: reserve as FastIo['reserve'], outputPtr: outputPtr as FastIo['outputPtr'], outputLen: outputLen as FastIo['outputLen'] };
}

export class PluginInstance {
  #plugin: Plugin;
  #memory: WebAssembly.Memory | undefined;
  readonly #spec: InstanceSpec;
  readonly #budget: CallBudget;
  readonly #fastIo: FastIo | undefined;
  readonly #exports: WebAssembly.Exports;
  /** The instruction budget of a module instrumented with one (limits.instructions); reset by each call. */
  readonly #fuelBudget: bigint | undefined;

  private constructor(spec: InstanceSpec, plugin: Plugin, exports: WebAssembly.Exports, budget: CallBudget) {
    this.#spec = spec;
    this.#plugin = plugin;
    this.#memory = exports.memory instanceof WebAssembly.Memory ? exports.memory : undefined;
    this.#budget = budget;
    this.#fastIo = this.#memory ? fastIoOf(exports) : undefined;
    this.#exports = exports;
    this.#fuelBudget = spec.limits.instructions !== undefined ? BigInt(spec.limits.instructions) : undefined;
  }

  static async create(spec: InstanceSpec, callbacks: HostCallbacks): Promise<PluginInstance> {
    // Blocks the plugin allocates through Extism live in JS ArrayBuffers outside linear memory: cap them too.
    const budget: CallBudget = { used: 0, max: spec.limits.memoryPages * PAGE + spec.limits.maxOutputBytes, hostCalls: 0, input: undefined, inputLength: 0n, views: new Map() };
    type HostFn = (ctx: CallContext, ...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- SDK signature
    const user: Record<string, HostFn> = {};
    /** false when the per-call quota is exhausted (the message is then dropped). */
    const countHostCall = (): boolean => {
      budget.hostCalls++;
      if (budget.hostCalls === MAX_HOST_CALLS_PER_CALL + 1) callbacks.log(spec.key, 'warn', `more than ${MAX_HOST_CALLS_PER_CALL} log/audit messages in one call; the rest are dropped`);
      return budget.hostCalls <= MAX_HOST_CALLS_PER_CALL;
    };
    if (spec.capabilities.includes('log')) {
      user.sigilo_log = (ctx: CallContext, level: number | bigint, addr: bigint) => {
        if (!countHostCall()) return;
        const text = ctx.read(addr)?.text() ?? '';
        const name: PluginLogLevel = LOG_LEVELS[Number(level)] ?? 'info';
        callbacks.log(spec.key, name, text.length > MAX_LOG_CHARS ? `${text.slice(0, MAX_LOG_CHARS)}…` : text);
      };
    }
    if (spec.capabilities.includes('audit')) {
      user.sigilo_audit = (ctx: CallContext, addr: bigint) => {
        if (!countHostCall()) return;
        const out = ctx.read(addr);
        if (!out || out.bytes().byteLength > MAX_AUDIT_BYTES) return;
        try {
          const event: unknown = JSON.parse(out.text());
          if (event && typeof event === 'object' && !Array.isArray(event)) callbacks.audit(spec.key, event as Record<string, unknown>);
        } catch {
          // a malformed audit event is dropped; the call itself goes on
        }
      };
    }
    const views = budget.views;
    const view = (ctx: CallContext, addr: bigint): DataView | undefined => {
      const idx = Number(addr >> 48n);
      let v = views.get(idx);
      if (v === undefined) {
        const out = ctx.read(addr);
        if (!out) return undefined;
        v = new DataView(out.arrayBuffer());
        views.set(idx, v);
      }
      return v;
    };
    const offset = (addr: bigint): number => (addr < ADDRESS_MASK ? Number(addr) : Number(addr & ADDRESS_MASK));
    // Extism's memory model, but on the hot path without its per-call BigInt masking and lookups: the input
    // is served from our own bytes and blocks are reached through cached views (same buffers as the SDK's).
    const env: Record<string, HostFn> = {
      alloc: (ctx: CallContext, size: bigint) => {
        const n = Number(size);
        if (!(n >= 0) || budget.used + n > budget.max) throw new AllocLimitError(`alloc of ${n} bytes exceeds the plugin memory budget`);
        budget.used += n;
        return ctx.alloc(size);
      },
      input_length: () => budget.inputLength,
      input_load_u8: (_ctx: CallContext, addr: bigint) => (budget.input as DataView).getUint8(offset(addr)),
      input_load_u64: (_ctx: CallContext, addr: bigint) => (budget.input as DataView).getBigUint64(offset(addr), true),
      load_u8: (ctx: CallContext, addr: bigint) => view(ctx, addr)?.getUint8(offset(addr)) ?? 0,
      load_u64: (ctx: CallContext, addr: bigint) => view(ctx, addr)?.getBigUint64(offset(addr), true) ?? 0n,
      store_u8: (ctx: CallContext, addr: bigint, n: number) => view(ctx, addr)?.setUint8(offset(addr), n),
      store_u64: (ctx: CallContext, addr: bigint, n: bigint) => view(ctx, addr)?.setBigUint64(offset(addr), n, true),
      // No network, ever (the SDK's default would only log an error).
      http_request: () => {
        throw new Error('http_request is not allowed');
      },
    };
    const plugin = await createPlugin(
      { wasm: [{ name: 'main', module: spec.module }] },
      {
        useWasi: false,
        allowedHosts: [],
        allowedPaths: {},
        logger: silentLogger(spec.key, callbacks),
        functions: { 'extism:host/env': env, ...(Object.keys(user).length > 0 ? { [HOST_USER_NAMESPACE]: user } : {}) },
        fetch: () => Promise.reject(new Error('network disabled')),
      },
    );
    const instance = await plugin.getInstance('main');
    return new PluginInstance(spec, plugin, instance.exports, budget);
  }

  get key(): string {
    return this.#spec.key;
  }

  /** Current linear memory size in 64 KiB pages (0 if the module has no exported memory). */
  memoryPages(): number {
    return this.#memory ? this.#memory.buffer.byteLength / PAGE : 0;
  }

  /**
   * Calls the entry with pre-encoded input and validates the output against the text.
   * Never throws: every failure is an outcome with a code and a Portuguese message.
   */
  async analyze(input: Uint8Array, textLength: number): Promise<CallOutcome> {
    const budget = this.#budget;
    // Extism adopts an ArrayBuffer-backed Uint8Array's whole buffer as the input block (no copy).
    if (input.byteOffset !== 0 || input.byteLength !== input.buffer.byteLength || !(input.buffer instanceof ArrayBuffer)) input = input.slice();
    budget.used = 0; // the input block is ours, not the plugin's allocation
    budget.hostCalls = 0;
    budget.input = new DataView(input.buffer, input.byteOffset, input.byteLength);
    budget.inputLength = BigInt(input.byteLength);
    const started = performance.now();
    const fast = this.#writeInputFast(input);
    let bytes: Uint8Array;
    try {
      const out = await this.#plugin.call(['main', this.#spec.entry], input);
      bytes = out ? out.bytes() : fast ? this.#readOutputFast() : new Uint8Array(0);
    } catch (err) {
      const durationMs = performance.now() - started;
      const used = this.#instructionsUsed();
      if (used?.exceeded) {
        return { ok: false, code: 'INSTRUCTIONS', message: `O plugin excedeu o limite de ${this.#fuelBudget} instruções por chamada e foi interrompido.`, durationMs, memoryPages: this.memoryPages(), instructions: used.count };
      }
      return { ok: false, ...this.#classify(err), durationMs, memoryPages: this.memoryPages(), ...(used ? { instructions: used.count } : {}) };
    } finally {
      budget.views.clear();
      budget.input = undefined;
      // Frees the call's Extism blocks; synchronous despite returning a promise.
      void this.#plugin.reset();
    }
    const durationMs = performance.now() - started;
    const memoryPages = this.memoryPages();
    const used = this.#instructionsUsed();
    const counted = used ? { instructions: used.count } : {};
    if (bytes.byteLength > this.#spec.limits.maxOutputBytes) {
      return { ok: false, code: 'OUTPUT_TOO_LARGE', message: `A saída do plugin (${bytes.byteLength} bytes) excede o limite de ${this.#spec.limits.maxOutputBytes} bytes.`, durationMs, memoryPages, ...counted };
    }
    const decoded = decodeOutput(bytes, textLength);
    return decoded.ok
      ? { ok: true, findings: decoded.findings, durationMs, memoryPages, ...counted }
      : { ok: false, code: 'BAD_OUTPUT', message: decoded.message, durationMs, memoryPages, ...counted };
  }

  /**
   * Instructions the last call used (budget minus what is left on the counter), or undefined for a plugin
   * without a budget. `exceeded`: the counter went below zero, i.e. the call trapped for running out.
   */
  #instructionsUsed(): { count: number; exceeded: boolean } | undefined {
    if (this.#fuelBudget === undefined) return undefined;
    const state = fuelState(this.#exports, this.#fuelBudget);
    return state && { count: Number(state.used), exceeded: state.exceeded };
  }

  /** Writes the input into the plugin's own buffer (SDK fast path); false when the plugin has none or it failed. */
  #writeInputFast(input: Uint8Array): boolean {
    const io = this.#fastIo;
    const memory = this.#memory;
    if (!io || !memory) return false;
    try {
      const ptr = io.reserve(input.byteLength);
      if (!(ptr > 0) || ptr + input.byteLength > memory.buffer.byteLength) return false;
      new Uint8Array(memory.buffer, ptr, input.byteLength).set(input);
      return true;
    } catch {
      return false; // e.g. no memory left for the buffer: the call copies the input the standard way
    }
  }

  /** Output the SDK left in linear memory (empty if none). Only called right after the call. */
  #readOutputFast(): Uint8Array {
    const io = this.#fastIo;
    const memory = this.#memory;
    if (!io || !memory) return new Uint8Array(0);
    const ptr = io.outputPtr();
    const len = io.outputLen();
    if (!(len > 0) || !(ptr > 0) || ptr + len > memory.buffer.byteLength) return new Uint8Array(0);
    return new Uint8Array(memory.buffer, ptr, len).slice();
  }

  #classify(err: unknown): { code: PluginCallErrorCode; message: string } {
    const detail = err instanceof Error ? err.message : String(err);
    if (err instanceof AllocLimitError) return { code: 'MEMORY', message: `O plugin excedeu o limite de memória (${detail}).` };
    if (detail.startsWith('Plugin-originated error:')) {
      return { code: 'PLUGIN_ERROR', message: `O plugin relatou um erro: ${detail.slice('Plugin-originated error:'.length).trim().slice(0, 500)}` };
    }
    const max = this.#memoryMaxPages();
    if (err instanceof WebAssembly.RuntimeError && max !== undefined && this.memoryPages() >= max) {
      return { code: 'MEMORY', message: `O plugin excedeu o limite de memória de ${max} páginas (${detail}).` };
    }
    if (err instanceof RangeError && /memory/i.test(detail)) return { code: 'MEMORY', message: `O plugin excedeu o limite de memória (${detail}).` };
    return { code: 'TRAP', message: `O plugin falhou durante a execução (${detail}).` };
  }

  #memoryMaxPages(): number | undefined {
    return this.#memory ? this.#spec.limits.memoryPages : undefined;
  }

  async close(): Promise<void> {
    await this.#plugin.close();
  }
}

function silentLogger(key: string, callbacks: HostCallbacks): Console {
  // Extism's own log_* env functions and internal errors go to the same log channel as sigilo_log.
  const at = (level: PluginLogLevel) => (...args: unknown[]) => callbacks.log(key, level, args.map(String).join(' ').slice(0, MAX_LOG_CHARS));
  return { ...console, debug: at('debug'), info: at('info'), log: at('info'), warn: at('warn'), error: at('error') };
}

/** Parses and validates a plugin's output bytes; offsets must satisfy 0 <= start < end <= textLength. */
export function decodeOutput(bytes: Uint8Array, textLength: number): { ok: true; findings: PluginFinding[] } | { ok: false; message: string } {
  // The SDK returns the whole output block; tolerate NUL padding after the JSON.
  let end = bytes.byteLength;
  while (end > 0 && bytes[end - 1] === 0) end--;
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(end === bytes.byteLength ? bytes : bytes.subarray(0, end)));
  } catch {
    return { ok: false, message: 'A saída do plugin não é um JSON válido.' };
  }
  // Hand-written checks first (zod per finding costs more than the detection on large outputs); zod decides
  // (and words the error) whenever they do not pass.
  let findings = fastPluginOutput(json);
  if (!findings) {
    const parsed = PluginOutputSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `Saída do plugin fora do formato: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'inválida'}.` };
    }
    findings = parsed.data.findings;
  }
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as PluginFinding;
    if (!(f.start < f.end && f.end <= textLength)) {
      return { ok: false, message: `Saída do plugin com posições inválidas em findings[${i}] (start=${f.start}, end=${f.end}, texto com ${textLength}).` };
    }
  }
  return { ok: true, findings };
}
