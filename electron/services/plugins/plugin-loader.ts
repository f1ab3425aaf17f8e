/**
 * Loads and checks a plugin folder (plugin.json + plugin.wasm) before anything runs it:
 * manifest schema, api version, capabilities, sha256 of the wasm, WebAssembly.validate, entry exports,
 * imports (only Extism's own env functions and granted sigilo host functions) and the linear-memory cap
 * (the module's memory maximum is rewritten to min(declared, limits.memoryPages)).
 *
 * Used by the plugin host process (which compiles the result) and by the CLI (`sigilo plugin test|list`).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ANALYZE_ENTRY, PLUGIN_API_VERSION } from '../../shared/plugin-abi.js';
import { CAPABILITIES, PluginManifestSchema, type Capability, type PluginManifest } from '../../shared/plugin-manifest.js';
import { EXTISM_ENV_NAMESPACE, HOST_FUNCTIONS, HOST_USER_NAMESPACE } from '../../shared/plugin-host-functions.js';
import { capMemory, MemoryLimitError, WasmFormatError, type FuncType, type ValType, type WasmImport } from '../../plugin-host/wasm-binary.js';
import { FuelError, injectFuel } from '../../plugin-host/fuel.js';

export const MANIFEST_FILE = 'plugin.json';
export const WASM_FILE = 'plugin.wasm';
/** Refuse absurdly large modules before hashing/compiling them. */
export const MAX_WASM_BYTES = 64 * 1024 * 1024;

export const PLUGIN_LOAD_ERROR_CODES = [
  'MANIFEST_MISSING', 'MANIFEST_INVALID', 'API_UNSUPPORTED', 'CAPABILITY_UNKNOWN', 'WASM_MISSING', 'WASM_TOO_LARGE',
  'SHA256_MISMATCH', 'WASM_INVALID', 'ENTRY_MISSING', 'IMPORT_REFUSED', 'MEMORY_LIMIT', 'INSTANTIATE_FAILED', 'LOAD_TIMEOUT',
] as const;
export type PluginLoadErrorCode = (typeof PLUGIN_LOAD_ERROR_CODES)[number];

/** A plugin that cannot be loaded; `message` is Portuguese (shown in the plugin list). */
export class PluginLoadError extends Error {
  constructor(readonly code: PluginLoadErrorCode, message: string) {
    super(message);
    this.name = 'PluginLoadError';
  }
}

/**
 * Extism env functions (extism:host/env) implemented by @extism/extism 1.0.3's CallContext, with their
 * signatures (Extism pointers and lengths are i64). HTTP functions are deliberately absent: plugins get no network.
 */
const I64: ValType = 'i64';
const I32: ValType = 'i32';
const EXTISM_ENV_FUNCTIONS: Readonly<Record<string, FuncType>> = {
  alloc: { params: [I64], results: [I64] },
  free: { params: [I64], results: [] },
  load_u8: { params: [I64], results: [I32] },
  load_u64: { params: [I64], results: [I64] },
  store_u8: { params: [I64, I32], results: [] },
  store_u64: { params: [I64, I64], results: [] },
  input_offset: { params: [], results: [I64] },
  input_length: { params: [], results: [I64] },
  input_load_u8: { params: [I64], results: [I32] },
  input_load_u64: { params: [I64], results: [I64] },
  output_set: { params: [I64, I64], results: [] },
  error_set: { params: [I64], results: [] },
  config_get: { params: [I64], results: [I64] },
  var_get: { params: [I64], results: [I64] },
  var_set: { params: [I64, I64], results: [] },
  length: { params: [I64], results: [I64] },
  length_unsafe: { params: [I64], results: [I64] },
  log_info: { params: [I64], results: [] },
  log_debug: { params: [I64], results: [] },
  log_warn: { params: [I64], results: [] },
  log_error: { params: [I64], results: [] },
};

export interface CheckedPlugin {
  dir: string;
  manifest: PluginManifest;
  /** "id@version" */
  key: string;
  /** The wasm after capping its memory (and instrumenting it, with `fuelBudget`). */
  wasm: Uint8Array;
  /** `wasm` compiled once; shared with every worker (postMessage) and instantiated there. */
  module: WebAssembly.Module;
  /** Capabilities both declared and granted: the host functions to link. */
  capabilities: Capability[];
  /** Memory maximum after capping (pages), undefined if the module has no memory. */
  maxMemoryPages: number | undefined;
}

export type PluginFolderResult =
  | { ok: true; dir: string; plugin: CheckedPlugin }
  | { ok: false; dir: string; manifest?: PluginManifest; error: PluginLoadError };

export function pluginKey(manifest: Pick<PluginManifest, 'id' | 'version'>): string {
  return `${manifest.id}@${manifest.version}`;
}

/** Reads and validates plugin.json only. */
export async function readPluginManifest(dir: string): Promise<PluginManifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new PluginLoadError('MANIFEST_MISSING', `Plugin sem ${MANIFEST_FILE} legível em ${dir}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new PluginLoadError('MANIFEST_INVALID', `${MANIFEST_FILE} não é um JSON válido: ${(err as Error).message}`);
  }
  const parsed = PluginManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(raiz)'}: ${i.message}`).join('; ');
    throw new PluginLoadError('MANIFEST_INVALID', `${MANIFEST_FILE} inválido: ${issues}`);
  }
  return parsed.data;
}

function sameSignature(actual: FuncType, expected: FuncType): boolean {
  return actual.params.length === expected.params.length && actual.results.length === expected.results.length
    && actual.params.every((t, i) => t === expected.params[i]) && actual.results.every((t, i) => t === expected.results[i]);
}

function describe(imp: WasmImport): string {
  return `${imp.module}.${imp.name}`;
}

/** Refuses any import we would not (or could not) provide; naming the offending import. */
export function checkImports(imports: WasmImport[], granted: readonly Capability[], declared: readonly string[], pluginId = 'ID'): void {
  for (const imp of imports) {
    if (imp.kind !== 'function') {
      throw new PluginLoadError('IMPORT_REFUSED', `Importação não permitida: ${describe(imp)} (${imp.kind}); o plugin só pode importar funções.`);
    }
    if (imp.module === EXTISM_ENV_NAMESPACE) {
      const expected = EXTISM_ENV_FUNCTIONS[imp.name];
      if (!expected) {
        const why = imp.name.startsWith('http_') ? 'plugins não têm acesso à rede' : 'função desconhecida do Extism';
        throw new PluginLoadError('IMPORT_REFUSED', `Importação não permitida: ${describe(imp)} (${why}).`);
      }
      if (imp.type && !sameSignature(imp.type, expected)) {
        throw new PluginLoadError('IMPORT_REFUSED', `Assinatura incorreta da importação ${describe(imp)}.`);
      }
      continue;
    }
    if (imp.module === HOST_USER_NAMESPACE) {
      const spec = HOST_FUNCTIONS[imp.name];
      if (!spec) throw new PluginLoadError('IMPORT_REFUSED', `Importação não permitida: ${describe(imp)} (função do hospedeiro desconhecida).`);
      if (!declared.includes(spec.capability)) {
        throw new PluginLoadError('IMPORT_REFUSED', `Importação não permitida: ${describe(imp)} exige a capacidade '${spec.capability}', não declarada em ${MANIFEST_FILE}.`);
      }
      if (!granted.includes(spec.capability)) {
        throw new PluginLoadError('IMPORT_REFUSED', `Importação não permitida: ${describe(imp)} exige a capacidade '${spec.capability}', que não foi concedida. O plugin não roda sem ela; conceda com: sigilo plugin grant ${pluginId} ${spec.capability}`);
      }
      const type = imp.type;
      if (type && (type.results.length !== 0 || !spec.params.some((p) => sameSignature(type, { params: [...p], results: [] })))) {
        throw new PluginLoadError('IMPORT_REFUSED', `Assinatura incorreta da importação ${describe(imp)}.`);
      }
      continue;
    }
    const why = imp.module.startsWith('wasi') ? 'WASI não é permitido' : 'módulo de importação não permitido';
    throw new PluginLoadError('IMPORT_REFUSED', `Importação não permitida: ${describe(imp)} (${why}).`);
  }
}

export interface LoadPluginOptions {
  /**
   * Capabilities the user granted. Default: everything the manifest declares (structural check only,
   * e.g. `sigilo plugin test`).
   */
  grants?: readonly Capability[];
  /**
   * Deterministic instruction budget per call (electron/plugin-host/fuel.ts): when given, the module is
   * instrumented before it is compiled and traps once a call used this many instructions. Default: the
   * manifest's `limits.instructions`, if any.
   */
  fuelBudget?: bigint;
}

/** Loads and checks one plugin folder; throws PluginLoadError with a Portuguese message. */
export async function loadPluginFolder(dir: string, options: LoadPluginOptions = {}): Promise<CheckedPlugin> {
  const manifest = await readPluginManifest(dir);
  return checkPluginWasm(dir, manifest, options);
}

async function checkPluginWasm(dir: string, manifest: PluginManifest, options: LoadPluginOptions): Promise<CheckedPlugin> {
  if (manifest.api !== PLUGIN_API_VERSION) {
    throw new PluginLoadError('API_UNSUPPORTED', `O plugin usa a API ${manifest.api}; esta versão do Sigilo suporta a API ${PLUGIN_API_VERSION}.`);
  }
  const unknown = manifest.capabilities.filter((c) => !(CAPABILITIES as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw new PluginLoadError('CAPABILITY_UNKNOWN', `Capacidade desconhecida em ${MANIFEST_FILE}: ${unknown.join(', ')}.`);
  }
  if (!manifest.entry.includes(ANALYZE_ENTRY)) {
    throw new PluginLoadError('ENTRY_MISSING', `${MANIFEST_FILE} deve listar a função de entrada '${ANALYZE_ENTRY}' em "entry".`);
  }
  const declared = manifest.capabilities as Capability[];
  const granted = options.grants ?? declared;
  const capabilities = declared.filter((c) => granted.includes(c));

  const wasmPath = path.join(dir, WASM_FILE);
  let size: number;
  try {
    size = (await stat(wasmPath)).size;
  } catch {
    throw new PluginLoadError('WASM_MISSING', `Plugin sem ${WASM_FILE} em ${dir}.`);
  }
  if (size > MAX_WASM_BYTES) throw new PluginLoadError('WASM_TOO_LARGE', `${WASM_FILE} é grande demais (${size} bytes).`);
  const original = new Uint8Array(await readFile(wasmPath));
  const sha256 = createHash('sha256').update(original).digest('hex');
  if (sha256 !== manifest.sha256) {
    throw new PluginLoadError('SHA256_MISMATCH', `O sha256 de ${WASM_FILE} (${sha256}) não confere com o de ${MANIFEST_FILE}; o arquivo foi alterado.`);
  }
  if (!WebAssembly.validate(original)) {
    throw new PluginLoadError('WASM_INVALID', `${WASM_FILE} não é um módulo WebAssembly válido.`);
  }
  let capped;
  try {
    capped = capMemory(original, manifest.limits.memoryPages);
  } catch (err) {
    if (err instanceof MemoryLimitError) {
      throw new PluginLoadError('MEMORY_LIMIT', `A memória inicial do plugin (${err.initialPages} páginas) excede o limite de ${err.limitPages} páginas.`);
    }
    if (err instanceof WasmFormatError) throw new PluginLoadError('WASM_INVALID', `${WASM_FILE} não suportado: ${err.message}.`);
    throw err;
  }
  checkImports(capped.inspection.imports, granted, manifest.capabilities, manifest.id);
  let bytes = capped.bytes;
  const fuelBudget = options.fuelBudget ?? (manifest.limits.instructions !== undefined ? BigInt(manifest.limits.instructions) : undefined);
  if (fuelBudget !== undefined) {
    try {
      bytes = injectFuel(bytes, { budget: fuelBudget, entries: manifest.entry }).bytes;
    } catch (err) {
      if (err instanceof FuelError) throw new PluginLoadError('WASM_INVALID', `O plugin não pode receber o limite de instruções: ${err.message}.`);
      throw err;
    }
  }
  const module = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
  const exports = WebAssembly.Module.exports(module);
  for (const entry of manifest.entry) {
    if (!exports.some((e) => e.name === entry && e.kind === 'function')) {
      throw new PluginLoadError('ENTRY_MISSING', `O plugin não exporta a função de entrada '${entry}'.`);
    }
  }
  return { dir, manifest, key: pluginKey(manifest), wasm: bytes, module, capabilities, maxMemoryPages: capped.maxPages };
}

/** Like loadPluginFolder but never throws: returns the error (and the manifest if it was valid). */
export async function tryLoadPluginFolder(dir: string, options: LoadPluginOptions = {}): Promise<PluginFolderResult> {
  let manifest: PluginManifest | undefined;
  try {
    manifest = await readPluginManifest(dir);
    return { ok: true, dir, plugin: await checkPluginWasm(dir, manifest, options) };
  } catch (err) {
    const error = err instanceof PluginLoadError ? err : new PluginLoadError('WASM_INVALID', `Falha ao carregar o plugin: ${(err as Error).message}`);
    return manifest ? { ok: false, dir, manifest, error } : { ok: false, dir, error };
  }
}

/** Every sub-folder of `root` holding a plugin.json, loaded and checked (sorted by folder name). */
export async function discoverPlugins(root: string, options: LoadPluginOptions = {}): Promise<PluginFolderResult[]> {
  const results: PluginFolderResult[] = [];
  for (const dir of await listPluginFolders(root)) results.push(await tryLoadPluginFolder(dir, options));
  return results;
}

/**
 * Sub-folders of `root` that hold a plugin.json, without checking them (the plugin host does that once, and
 * reports errors per plugin). Cheap: for starting the host, e.g. `listPluginFolders(bundledPluginsDir())`.
 */
export async function listPluginFolders(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(root, e.name);
    try {
      await stat(path.join(dir, MANIFEST_FILE));
      dirs.push(dir);
    } catch {
      // not a plugin folder
    }
  }
  return dirs;
}
