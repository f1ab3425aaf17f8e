// Builds every bundled WebAssembly plugin into dist/plugins/<id>/{plugin.wasm,plugin.json}.
//
//   node scripts/build-plugins.mjs [--force] [--debug] [ID...]
//   node scripts/build-plugins.mjs --dir PLUGIN_FOLDER --out OUT_FOLDER [--force]   (one plugin anywhere, e.g. test fixtures)
//
// A plugin is a folder plugins/<dir>/ with a plugin.json (manifest WITHOUT sha256) and either
//   - plugins/<dir>/build.mjs: a custom build (e.g. C with clang/wasm-ld). It is run as
//       node build.mjs --out <absolute path of plugin.wasm>   (cwd = the plugin folder,
//       env SIGILO_PLUGIN_OUT = the same path, SIGILO_ROOT = repo root, SIGILO_FORCE = 1 with --force)
//     and must write that file (it may skip work when up to date) and exit 0, or exit 78 when its toolchain
//     is missing (the plugin is then skipped, not failed); or
//   - plugins/<dir>/assembly/index.ts: AssemblyScript, compiled here with the SDK in plugins/sdk.
// The manifest is validated (electron/shared/plugin-manifest.ts) and written next to the wasm with sha256.
// Incremental: an AssemblyScript plugin is recompiled only when a source (its assembly/, plugins/sdk/assembly/,
// plugin.json or this script) is newer than its plugin.wasm. Compile errors fail the build (exit 1).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluginsDir = path.join(root, 'plugins');
const sdkDir = path.join(pluginsDir, 'sdk', 'assembly');
const outRoot = path.join(root, 'dist', 'plugins');

const args = process.argv.slice(2);
const force = args.includes('--force');
const debug = args.includes('--debug');
const valueOf = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
const singleDir = valueOf('--dir');
const singleOut = valueOf('--out');
const onlyIds = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir' && args[i - 1] !== '--out');

/** Latest mtime (ms) of the files under `dir` (recursively), 0 if none. */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  const st = statSync(dir);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

async function loadManifestSchema() {
  const mod = await import(pathToFileURL(path.join(root, 'electron/shared/plugin-manifest.ts')).href);
  return mod.PluginManifestSchema;
}

function readManifest(dir, schema) {
  const file = path.join(dir, 'plugin.json');
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${path.relative(root, file)}: invalid JSON (${err.message})`);
  }
  delete raw.sha256;
  const checked = schema.safeParse({ ...raw, sha256: '0'.repeat(64) });
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${path.relative(root, file)}: invalid manifest: ${issues}`);
  }
  return raw;
}

let ascMain = null;
async function compileAssemblyScript(dir, manifest, wasmOut) {
  if (!ascMain) ascMain = (await import('assemblyscript/asc')).main;
  const entry = path.relative(root, path.join(dir, 'assembly', 'index.ts')).split(path.sep).join('/');
  const argv = [
    entry,
    '--outFile', wasmOut,
    '--runtime', 'minimal',
    '--use', 'abort=plugins/sdk/assembly/index/sdkAbort',
    '--maximumMemory', String(manifest.limits.memoryPages),
    '--baseDir', root,
    ...(debug ? ['--debug', '--sourceMap'] : ['--optimizeLevel', '3', '--shrinkLevel', '0']),
  ];
  let stderr = '';
  const { error } = await ascMain(argv, {
    stdout: { write: () => true },
    stderr: { write: (s) => { stderr += s; return true; } },
  });
  if (error) throw new Error(`${entry}: compile failed\n${stderr.trim() || error.message}`);
  if (stderr.trim()) process.stderr.write(stderr);
}

function runCustomBuild(dir, wasmOut) {
  const r = spawnSync(process.execPath, ['build.mjs', '--out', wasmOut], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, SIGILO_PLUGIN_OUT: wasmOut, SIGILO_ROOT: root, ...(force ? { SIGILO_FORCE: '1' } : {}) },
  });
  if (r.status === 78) return 'skipped'; // the plugin's toolchain is missing (it printed why)
  if (r.status !== 0) throw new Error(`${path.relative(root, dir)}/build.mjs failed (${r.status ?? r.signal})`);
  if (!existsSync(wasmOut)) throw new Error(`${path.relative(root, dir)}/build.mjs did not write ${wasmOut}`);
}

function checkImports(wasmOut, manifest) {
  const mod = new WebAssembly.Module(readFileSync(wasmOut));
  const allowed = new Set(['extism:host/env']);
  for (const imp of WebAssembly.Module.imports(mod)) {
    if (allowed.has(imp.module)) continue;
    if (imp.module === 'extism:host/user') {
      const needed = imp.name === 'sigilo_log' ? 'log' : imp.name === 'sigilo_audit' ? 'audit' : null;
      if (needed && manifest.capabilities.includes(needed)) continue;
      throw new Error(`${manifest.id}: imports ${imp.module}.${imp.name} without the matching capability in plugin.json`);
    }
    throw new Error(`${manifest.id}: unexpected import ${imp.module}.${imp.name} (no WASI/env imports allowed)`);
  }
  for (const name of manifest.entry) {
    if (!WebAssembly.Module.exports(mod).some((e) => e.name === name && e.kind === 'function')) {
      throw new Error(`${manifest.id}: entry "${name}" is not exported by plugin.wasm`);
    }
  }
}

async function main() {
  const started = Date.now();
  const schema = await loadManifestSchema();
  const dirs = singleDir
    ? [path.resolve(singleDir)]
    : readdirSync(pluginsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(pluginsDir, d.name, 'plugin.json')))
      .map((d) => path.join(pluginsDir, d.name))
      .sort();
  const sdkMtime = Math.max(newestMtime(sdkDir), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  let built = 0;
  let skipped = 0;
  const failures = [];
  for (const dir of dirs) {
    const dirName = path.basename(dir);
    try {
      const manifest = readManifest(dir, schema);
      if (onlyIds.length > 0 && !onlyIds.includes(manifest.id) && !onlyIds.includes(dirName)) continue;
      const outDir = singleOut ? path.resolve(singleOut) : path.join(outRoot, manifest.id);
      const wasmOut = path.join(outDir, 'plugin.wasm');
      mkdirSync(outDir, { recursive: true });
      if (existsSync(path.join(dir, 'build.mjs'))) {
        if (runCustomBuild(dir, wasmOut) === 'skipped') {
          skipped++;
          continue;
        }
        built++;
      } else if (existsSync(path.join(dir, 'assembly', 'index.ts'))) {
        const srcMtime = Math.max(sdkMtime, newestMtime(path.join(dir, 'assembly')), statSync(path.join(dir, 'plugin.json')).mtimeMs);
        const upToDate = !force && existsSync(wasmOut) && statSync(wasmOut).mtimeMs >= srcMtime;
        if (upToDate) skipped++;
        else {
          await compileAssemblyScript(dir, manifest, wasmOut);
          built++;
        }
      } else {
        throw new Error(`${path.relative(root, dir)}: neither build.mjs nor assembly/index.ts`);
      }
      checkImports(wasmOut, manifest);
      const sha256 = createHash('sha256').update(readFileSync(wasmOut)).digest('hex');
      const out = JSON.stringify({ ...manifest, sha256 }, null, 2) + '\n';
      const jsonOut = path.join(outDir, 'plugin.json');
      if (!existsSync(jsonOut) || readFileSync(jsonOut, 'utf8') !== out) writeFileSync(jsonOut, out);
    } catch (err) {
      failures.push(err.message);
    }
  }
  for (const f of failures) console.error(`build-plugins: ${f}`);
  console.error(`build: plugins ${built} built, ${skipped} up to date, ${failures.length} failed in ${Date.now() - started} ms`);
  if (failures.length > 0) process.exit(1);
  // Post-step: sign the bundled plugins (dist/plugins) and publish the public key in dist/trust.
  if (!singleDir) await (await import('./sign-bundled-plugins.mjs')).signBundledPlugins({ root });
}

main().catch((err) => {
  console.error(`build-plugins failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
