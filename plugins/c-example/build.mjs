// Builds plugins/c-example (C) to WebAssembly with Debian's clang + wasm-ld; run by scripts/build-plugins.mjs as
//   node build.mjs --out <absolute path of plugin.wasm>
// Exit 0 after writing the file (or when it is up to date), 78 ("skipped") when clang or wasm-ld is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SKIPPED = 78;
const here = path.dirname(fileURLToPath(import.meta.url));
const outIdx = process.argv.indexOf('--out');
const out = outIdx >= 0 ? process.argv[outIdx + 1] : process.env.SIGILO_PLUGIN_OUT;
if (!out) {
  console.error('usage: node build.mjs --out PATH/plugin.wasm');
  process.exit(1);
}
const sources = [path.join(here, 'src', 'sample_id.c')];
const manifest = JSON.parse(readFileSync(path.join(here, 'plugin.json'), 'utf8'));

function has(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}
const clang = process.env.CLANG ?? 'clang';
if (!has(clang) || !has('wasm-ld')) {
  console.error(`c-example: skipped — needs clang and wasm-ld (Debian/Ubuntu: sudo apt-get install clang lld). The other plugins are built normally.`);
  process.exit(SKIPPED);
}

const newest = Math.max(...[...sources, path.join(here, 'plugin.json'), fileURLToPath(import.meta.url)].map((f) => statSync(f).mtimeMs));
if (!process.env.SIGILO_FORCE && existsSync(out) && statSync(out).mtimeMs >= newest) process.exit(0);

mkdirSync(path.dirname(out), { recursive: true });
const args = [
  '--target=wasm32-unknown-unknown', '-O2', '-nostdlib', '-ffreestanding', '-fno-builtin', '-Wall', '-Werror',
  '-Wl,--no-entry', '-Wl,--export=analyze', '-Wl,--strip-all',
  `-Wl,--max-memory=${manifest.limits.memoryPages * 65536}`,
  '-o', out, ...sources,
];
const r = spawnSync(clang, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
