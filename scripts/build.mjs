// One build for everything: the Node/Electron code (esbuild bundles), the plugins (WebAssembly)
// and the renderer (Vite). Outputs go to dist/ and are never committed.
// usage: node scripts/build.mjs [--only node|plugins|renderer]...
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.flatMap((a, i, all) => (all[i - 1] === '--only' ? [a] : []));
const want = (part) => only.length === 0 || only.includes(part);

/** Node-side entry points: [source, output, format]. */
const NODE_ENTRIES = [
  ['electron/cli/sigilo.ts', 'dist/cli/sigilo.js', 'esm'],
  ['electron/plugin-host/host-process.ts', 'dist/plugin-host/host-process.js', 'esm'],
  ['electron/plugin-host/plugin-worker.ts', 'dist/plugin-host/plugin-worker.js', 'esm'],
  ['electron/services/extraction/extract-process.ts', 'dist/extraction/extract-process.js', 'esm'],
  ['electron/services/extraction/ocr-worker.ts', 'dist/extraction/ocr-worker.js', 'esm'],
  ['electron/main/main.ts', 'dist/main/main.js', 'esm'],
  ['electron/preload/preload.ts', 'dist/preload/preload.cjs', 'cjs'],
  ['e2e/harness/server.ts', 'dist/harness/server.js', 'esm'],
];

async function buildNode() {
  const started = Date.now();
  await Promise.all(NODE_ENTRIES.filter(([src]) => existsSync(path.join(root, src))).map(([src, out, format]) =>
    build({
      absWorkingDir: root,
      entryPoints: [src],
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format,
      packages: 'external',
      external: ['electron'],
      sourcemap: 'linked',
      logLevel: 'warning',
      banner: format === 'esm' ? { js: "import { createRequire as __sigiloCreateRequire } from 'node:module'; const require = __sigiloCreateRequire(import.meta.url);" } : undefined,
    })));
  console.error(`build: node bundles in ${Date.now() - started} ms`);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

async function main() {
  if (want('plugins') && existsSync(path.join(root, 'scripts/build-plugins.mjs'))) run(process.execPath, ['scripts/build-plugins.mjs']);
  if (want('node')) await buildNode();
  if (want('renderer') && existsSync(path.join(root, 'renderer/vite.config.ts'))) run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}

main().catch((err) => { console.error(`build failed: ${err.message}`); process.exit(1); });
