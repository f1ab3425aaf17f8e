// Thin bindings to the Extism kernel ("extism:host/env"). Signatures follow the Extism ABI as
// implemented by @extism/extism (js-sdk): offsets and lengths are u64 "block addresses" owned by the host.
// Only functions actually called end up as imports of a plugin's wasm (AssemblyScript drops unused ones).

// @ts-ignore: decorator
@external("extism:host/env", "input_length")
export declare function input_length(): u64;
// @ts-ignore: decorator
@external("extism:host/env", "input_load_u8")
export declare function input_load_u8(offset: u64): u8;
// @ts-ignore: decorator
@external("extism:host/env", "input_load_u64")
export declare function input_load_u64(offset: u64): u64;
// @ts-ignore: decorator
@external("extism:host/env", "alloc")
export declare function alloc(length: u64): u64;
// @ts-ignore: decorator
@external("extism:host/env", "free")
export declare function free(offset: u64): void;
// @ts-ignore: decorator
@external("extism:host/env", "length")
export declare function length(offset: u64): u64;
// @ts-ignore: decorator
@external("extism:host/env", "load_u8")
export declare function load_u8(offset: u64): u8;
// @ts-ignore: decorator
@external("extism:host/env", "load_u64")
export declare function load_u64(offset: u64): u64;
// @ts-ignore: decorator
@external("extism:host/env", "store_u8")
export declare function store_u8(offset: u64, value: u8): void;
// @ts-ignore: decorator
@external("extism:host/env", "store_u64")
export declare function store_u64(offset: u64, value: u64): void;
// @ts-ignore: decorator
@external("extism:host/env", "output_set")
export declare function output_set(offset: u64, length: u64): void;
// @ts-ignore: decorator
@external("extism:host/env", "error_set")
export declare function error_set(offset: u64): void;

/** Copies `len` bytes of linear memory at `ptr` into a new host block; returns its address. */
export function storeBytes(ptr: usize, len: usize): u64 {
  const block = alloc(<u64>len);
  let i: usize = 0;
  const whole = len & ~(<usize>7);
  while (i < whole) {
    store_u64(block + <u64>i, load<u64>(ptr + i));
    i += 8;
  }
  while (i < len) {
    store_u8(block + <u64>i, load<u8>(ptr + i));
    i++;
  }
  return block;
}
