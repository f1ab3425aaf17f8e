// Bundles the TypeScript modules the benchmark drives (our own code, unchanged) with esbuild into
// node_modules/.cache/sigilo-bench, so the bench runs against the sources without a separate build step.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.mjs';

export const cacheDir = path.join(root, 'node_modules', '.cache', 'sigilo-bench');

const ENTRY = `
export { PluginInstance, encodeAnalyzeInput, decodeOutput } from './electron/plugin-host/plugin-instance.ts';
export { loadPluginFolder, listPluginFolders } from './electron/services/plugins/plugin-loader.ts';
export { PluginHostClient } from './electron/services/plugins/plugin-host-client.ts';
export { ANALYZE_ENTRY } from './electron/shared/plugin-abi.ts';
export { detect as nativeDetect } from './bench/native/br-identifiers.ts';
export { chunkText, chunkedAnalyzer, DEFAULT_CHUNKING } from './electron/services/analysis/chunked-analyzer.ts';
`;

/** Returns the bundled module (built once per run). */
export async function loadLib() {
  mkdirSync(cacheDir, { recursive: true });
  const outfile = path.join(cacheDir, 'bench-lib.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning',
    absWorkingDir: root,
    banner: { js: "import { createRequire as __sigiloCreateRequire } from 'node:module'; const require = __sigiloCreateRequire(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}
