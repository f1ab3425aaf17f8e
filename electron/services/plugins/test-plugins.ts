/**
 * Test support (not shipped): builds plugin folders from WAT text with the `wabt` package, and bundles the
 * plugin host entries the way scripts/build.mjs does. Used by the plugin runtime tests only.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import wabtInit from 'wabt';
import type { PluginManifest } from '../../shared/plugin-manifest.js';
import { packageRoot } from '../app-paths.js';
import { signPluginFolder } from './signing.js';
import { TrustStore } from './trust-store.js';

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function watToWasm(wat: string): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const mod = wabt.parseWat('plugin.wat', wat);
  try {
    mod.resolveNames();
    mod.validate();
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function manifestFor(id: string, wasm: Uint8Array, overrides: Partial<PluginManifest> = {}): PluginManifest {
  return {
    id,
    name: `Test ${id}`,
    version: '1.0.0',
    description: 'test plugin',
    author: 'Sigilo tests',
    api: 1,
    entry: ['analyze'],
    capabilities: [],
    limits: { memoryPages: 16, timeoutMs: 500, maxOutputBytes: 64 * 1024 },
    sha256: sha256(wasm),
    ...overrides,
  };
}

export async function tempRoot(prefix = 'sigilo-plugins-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes root/<id>/{plugin.json,plugin.wasm}; returns the folder. */
export async function writePlugin(root: string, id: string, wat: string, overrides: Partial<PluginManifest> = {}, tamper = false): Promise<string> {
  const wasm = await watToWasm(wat);
  const dir = path.join(root, id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'plugin.json'), JSON.stringify(manifestFor(id, wasm, overrides), null, 2));
  if (tamper) wasm[wasm.length - 1] = (wasm[wasm.length - 1] as number) ^ 0x01;
  await writeFile(path.join(dir, 'plugin.wasm'), wasm);
  return dir;
}

/** Copies `data` bytes from linear memory offset 0 into a fresh Extism block and sets it as output. */
function emitConstant(len: number): string {
  return `
    (local.set $out (call $alloc (i64.const ${len})))
    (block $d2 (loop $l2
      (br_if $d2 (i32.ge_u (local.get $j) (i32.const ${len})))
      (call $store_u8 (i64.add (local.get $out) (i64.extend_i32_u (local.get $j))) (i32.load8_u (local.get $j)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $l2)))
    (call $output_set (local.get $out) (i64.const ${len}))`;
}

const ENV_IMPORTS = `
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u64" (func $input_load_u64 (param i64) (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))`;

const READ_INPUT = `
    (local.set $n (call $input_length))
    (block $done (loop $l
      (br_if $done (i64.gt_u (i64.add (local.get $i) (i64.const 8)) (local.get $n)))
      (local.set $acc (i64.xor (local.get $acc) (call $input_load_u64 (local.get $i))))
      (local.set $i (i64.add (local.get $i) (i64.const 8)))
      (br $l)))
    (block $done2 (loop $l3
      (br_if $done2 (i64.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (i64.xor (local.get $acc) (i64.extend_i32_u (call $input_load_u8 (local.get $i)))))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $l3)))`;

const LOCALS = '(local $n i64) (local $i i64) (local $acc i64) (local $out i64) (local $j i32)';

function watString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A well-behaved plugin: reads its whole input and outputs a constant JSON document. */
export function constantOutputWat(json: string, body = ''): string {
  const len = Buffer.byteLength(json);
  return `(module ${ENV_IMPORTS}
  (memory (export "memory") 1)
  (data (i32.const 0) "${watString(json)}")
  (func (export "analyze") (result i32) ${LOCALS}
    ${READ_INPUT}
    ${body}
    ${emitConstant(len)}
    (i32.const 0)))`;
}

export const GOOD_OUTPUT = '{"findings":[{"type":"cpf","start":0,"end":3,"confidence":0.9,"validated":true}]}';
export const GOOD_WAT = constantOutputWat(GOOD_OUTPUT);

export const LOOP_WAT = `(module (memory 1)
  (func (export "analyze") (result i32) (loop $l (br $l)) (i32.const 0)))`;

/** Never finishes instantiating: its wasm start function loops forever. */
export const START_LOOP_WAT = `(module (memory 1)
  (func $init (loop $l (br $l)))
  (start $init)
  (func (export "analyze") (result i32) (i32.const 0)))`;

export const TRAP_WAT = `(module (memory 1) (func (export "analyze") (result i32) unreachable))`;

/** Grows memory one page at a time; traps when growth is refused (as a real allocator would). */
export const MEMORY_GROW_WAT = `(module (memory (export "memory") 1)
  (func (export "analyze") (result i32)
    (loop $l
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $l))
    (i32.const 0)))`;

/** Asks the host for a block of `bytes` and makes it the output. */
export function bigOutputWat(bytes: number): string {
  return `(module ${ENV_IMPORTS} (memory 1)
  (func (export "analyze") (result i32) (local $out i64)
    (local.set $out (call $alloc (i64.const ${bytes})))
    (call $output_set (local.get $out) (i64.const ${bytes}))
    (i32.const 0)))`;
}

export const WASI_WAT = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory 1) (func (export "analyze") (result i32) (i32.const 0)))`;

export const UNKNOWN_HOST_FN_WAT = `(module
  (import "extism:host/user" "steal_files" (func $steal (param i64)))
  (memory 1) (func (export "analyze") (result i32) (i32.const 0)))`;

export const NO_ENTRY_WAT = `(module (memory 1) (func (export "other") (result i32) (i32.const 0)))`;

/** Logs "hello from wasm" (level 1) and audits {"event":"scan"} through the sigilo host functions. */
export function hostFunctionsWat(): string {
  const msg = 'hello from wasm';
  const audit = '{"event":"scan"}';
  const out = '{"findings":[]}';
  const block = (offset: number, len: number, local: string) => `
    (local.set ${local} (call $alloc (i64.const ${len})))
    (local.set $j (i32.const 0))
    (block $b${offset} (loop $c${offset}
      (br_if $b${offset} (i32.ge_u (local.get $j) (i32.const ${len})))
      (call $store_u8 (i64.add (local.get ${local}) (i64.extend_i32_u (local.get $j))) (i32.load8_u (i32.add (i32.const ${offset}) (local.get $j))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $c${offset})))`;
  return `(module ${ENV_IMPORTS}
  (import "extism:host/user" "sigilo_log" (func $log (param i32 i64)))
  (import "extism:host/user" "sigilo_audit" (func $audit (param i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "${watString(out)}")
  (data (i32.const 100) "${watString(msg)}")
  (data (i32.const 200) "${watString(audit)}")
  (func (export "analyze") (result i32) ${LOCALS} (local $m i64) (local $a i64)
    ${block(100, Buffer.byteLength(msg), '$m')}
    (call $log (i32.const 1) (local.get $m))
    ${block(200, Buffer.byteLength(audit), '$a')}
    (call $audit (local.get $a))
    (local.set $j (i32.const 0))
    ${emitConstant(Buffer.byteLength(out))}
    (i32.const 0)))`;
}

/** Bundles the plugin host entries exactly like scripts/build.mjs (esbuild, packages external). */
export async function buildPluginHost(): Promise<string> {
  const { build } = await import('esbuild');
  const root = packageRoot();
  await Promise.all([
    ['electron/plugin-host/host-process.ts', 'dist/plugin-host/host-process.js'],
    ['electron/plugin-host/plugin-worker.ts', 'dist/plugin-host/plugin-worker.js'],
  ].map(([src, out]) => build({
    absWorkingDir: root,
    entryPoints: [src as string],
    outfile: out as string,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __sigiloCreateRequire } from 'node:module'; const require = __sigiloCreateRequire(import.meta.url);" },
  })));
  return path.join(root, 'dist', 'plugin-host', 'host-process.js');
}

// ------------------------------------------------------------------------------------------ hostile plugins

/** Output that breaks the ABI schema (type with capitals, confidence above 1). */
export const SCHEMA_BREAK_OUTPUT = '{"findings":[{"type":"CPF!","start":0,"end":3,"confidence":7}]}';
/** Output whose offsets point past the end of any short text. */
export const OUTSIDE_OFFSETS_OUTPUT = '{"findings":[{"type":"cpf","start":5,"end":999999,"confidence":0.9}]}';

/** Emits `count` findings (built in linear memory with memory.copy, copied out with store_u64). */
export function manyFindingsWat(count: number): string {
  const header = '{"findings":[';
  const record = '{"type":"cpf","start":0,"end":1,"confidence":1},';
  const pages = Math.ceil((4096 + count * record.length + 16) / 65536) + 1;
  return `(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") ${pages})
  (data (i32.const 0) "${watString(header)}")
  (data (i32.const 64) "${watString(record)}")
  (func (export "analyze") (result i32) (local $p i32) (local $k i32) (local $len i32) (local $out i64) (local $j i32)
    (memory.copy (i32.const 4096) (i32.const 0) (i32.const ${header.length}))
    (local.set $p (i32.const ${4096 + header.length}))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $k) (i32.const ${count})))
      (memory.copy (local.get $p) (i32.const 64) (i32.const ${record.length}))
      (local.set $p (i32.add (local.get $p) (i32.const ${record.length})))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (i32.store8 (i32.sub (local.get $p) (i32.const 1)) (i32.const 93))
    (i32.store8 (local.get $p) (i32.const 125))
    (local.set $len (i32.sub (i32.add (local.get $p) (i32.const 1)) (i32.const 4096)))
    (local.set $out (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $d2 (loop $l2
      (br_if $d2 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $len)))
      (call $store_u64 (i64.add (local.get $out) (i64.extend_i32_u (local.get $j))) (i64.load (i32.add (i32.const 4096) (local.get $j))))
      (local.set $j (i32.add (local.get $j) (i32.const 8)))
      (br $l2)))
    (block $d3 (loop $l3
      (br_if $d3 (i32.ge_u (local.get $j) (local.get $len)))
      (call $store_u8 (i64.add (local.get $out) (i64.extend_i32_u (local.get $j))) (i32.load8_u (i32.add (i32.const 4096) (local.get $j))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $l3)))
    (call $output_set (local.get $out) (i64.extend_i32_u (local.get $len)))
    (i32.const 0)))`;
}

/** Calls sigilo_log forever (a plugin that tries to stall the host through a host function). */
export function logLoopWat(): string {
  const msg = 'ainda aqui';
  return `(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/user" "sigilo_log" (func $log (param i32 i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "${watString(msg)}")
  (func (export "analyze") (result i32) (local $m i64) (local $j i32)
    (local.set $m (call $alloc (i64.const ${msg.length})))
    (block $b (loop $c
      (br_if $b (i32.ge_u (local.get $j) (i32.const ${msg.length})))
      (call $store_u8 (i64.add (local.get $m) (i64.extend_i32_u (local.get $j))) (i32.load8_u (local.get $j)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $c)))
    (loop $forever (call $log (i32.const 1) (local.get $m)) (br $forever))
    (i32.const 0)))`;
}

/** Grows memory one page after every `spin` iterations of busy work; traps when growth is refused. */
export function slowGrowWat(spin: number): string {
  return `(module (memory (export "memory") 1)
  (func (export "analyze") (result i32) (local $i i32)
    (loop $grow
      (local.set $i (i32.const 0))
      (loop $spin (local.set $i (i32.add (local.get $i) (i32.const 1))) (br_if $spin (i32.lt_u (local.get $i) (i32.const ${spin}))))
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $grow))
    (i32.const 0)))`;
}

export const HTTP_WAT = '(module (import "extism:host/env" "http_request" (func (param i64 i64) (result i64))) (memory 1) (func (export "analyze") (result i32) (i32.const 0)))';

/** writePlugin, then signs it with `privateKeyPem` (plugin.sig). */
export async function writeSignedPlugin(root: string, id: string, wat: string, privateKeyPem: string, overrides: Partial<PluginManifest> = {}): Promise<string> {
  const dir = await writePlugin(root, id, wat, overrides);
  await signPluginFolder(dir, privateKeyPem);
  return dir;
}

/** A data folder whose trust store holds `publicKeyPem` (named "Test key"). */
export async function dataDirTrusting(publicKeyPem: string): Promise<string> {
  const dataDir = await tempRoot('sigilo-data-');
  const store = await TrustStore.open({ dataDir, bundledDir: path.join(dataDir, 'no-bundled-keys') });
  await store.add(publicKeyPem, 'Test key');
  return dataDir;
}
