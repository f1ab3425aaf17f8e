import { describe, expect, it } from 'vitest';
import { capMemory, inspectWasm, MemoryLimitError, WasmFormatError } from './wasm-binary.js';
import { watToWasm } from '../services/plugins/test-plugins.js';

async function memoryOf(bytes: Uint8Array): Promise<WebAssembly.Memory> {
  const { instance } = await WebAssembly.instantiate(bytes as Uint8Array<ArrayBuffer>, {});
  return instance.exports.memory as WebAssembly.Memory;
}

describe('capMemory', () => {
  it('adds a maximum equal to the limit to an unbounded memory, so growth past it fails', async () => {
    const wasm = await watToWasm('(module (memory (export "memory") 2))');
    const capped = capMemory(wasm, 5);
    expect(capped.maxPages).toBe(5);
    expect(WebAssembly.validate(capped.bytes as Uint8Array<ArrayBuffer>)).toBe(true);
    const memory = await memoryOf(capped.bytes);
    expect(memory.grow(3)).toBe(2);
    expect(() => memory.grow(1)).toThrow(RangeError);
  });

  it('keeps a smaller declared maximum and lowers a larger one', async () => {
    const small = capMemory(await watToWasm('(module (memory (export "memory") 1 3))'), 10);
    expect(small.maxPages).toBe(3);
    const large = capMemory(await watToWasm('(module (memory (export "memory") 1 1000))'), 10);
    expect(large.maxPages).toBe(10);
    expect(inspectWasm(large.bytes).memories[0]).toEqual({ source: 'section', initialPages: 1, declaredMaxPages: 10 });
  });

  it('refuses a memory whose initial size exceeds the limit', async () => {
    expect(() => capMemory(new Uint8Array(0), 1)).toThrow(WasmFormatError);
    const wasm = await watToWasm('(module (memory 20))');
    expect(() => capMemory(wasm, 16)).toThrow(MemoryLimitError);
  });

  it('rewrites an imported memory and keeps the rest of the module intact', async () => {
    const wasm = await watToWasm(`(module
      (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
      (import "env" "memory" (memory 1))
      (func (export "f") (result i64) (call $alloc (i64.const 1))))`);
    const capped = capMemory(wasm, 300); // needs a 2-byte LEB128: the section grows
    const info = inspectWasm(capped.bytes);
    expect(info.memories[0]).toEqual({ source: 'import', initialPages: 1, declaredMaxPages: 300 });
    expect(info.imports[0]).toEqual({ module: 'extism:host/env', name: 'alloc', kind: 'function', type: { params: ['i64'], results: ['i64'] } });
    const mod = new WebAssembly.Module(capped.bytes as Uint8Array<ArrayBuffer>);
    expect(WebAssembly.Module.exports(mod)).toEqual([{ name: 'f', kind: 'function' }]);
  });

  it('leaves a module without memory unchanged', async () => {
    const wasm = await watToWasm('(module (func (export "analyze") (result i32) (i32.const 0)))');
    expect(capMemory(wasm, 4)).toMatchObject({ bytes: wasm, maxPages: undefined });
  });
});
