// Test helper: runs a built plugin (dist/plugins/<id>/plugin.wasm) in-process through @extism/extism,
// the way the plugin host does, and validates its output against the plugin ABI schema.
//
//   const plugin = await loadBuiltPlugin('br-identifiers');   // builds it first if needed (incremental)
//   const { findings } = await plugin.analyze('CPF 529.982.247-25');
//   await plugin.close();
import createPlugin from '@extism/extism';
import type { CallContext, Plugin } from '@extism/extism';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLUGIN_API_VERSION, PluginOutputSchema, type PluginOutput } from '../../electron/shared/plugin-abi';
import { PluginManifestSchema, type PluginManifest } from '../../electron/shared/plugin-manifest';
import { DEFAULT_CHUNKING } from '../../electron/services/analysis/chunked-analyzer';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LogEntry {
  level: number;
  message: string;
}

export interface LoadedPlugin {
  manifest: PluginManifest;
  /** Runs the entry point on `text`; resolves to the validated output. */
  analyze(text: string, options?: Record<string, unknown>): Promise<PluginOutput>;
  /** Runs the entry point on a raw input string (for malformed-input tests); resolves to the raw output text. */
  callRaw(input: string): Promise<string>;
  /** Messages the plugin sent through sigilo_log (only linked when the manifest declares "log"). */
  logs: LogEntry[];
  close(): Promise<void>;
}

const builtThisProcess = new Set<string>();

/** Builds one plugin with scripts/build-plugins.mjs (incremental, so cheap when up to date). */
export function buildPlugin(id: string): void {
  if (builtThisProcess.has(id)) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-plugins.mjs'), id], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building plugin ${id} failed:\n${r.stderr}`);
  builtThisProcess.add(id);
}

/**
 * Builds a plugin folder outside plugins/<id> (e.g. a test fixture) into dist/test-plugins/<name>;
 * returns the output folder.
 */
export function buildPluginFolder(srcDir: string): string {
  const outDir = path.join(repoRoot, 'dist', 'test-plugins', path.basename(srcDir));
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-plugins.mjs'), '--dir', srcDir, '--out', outDir], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${srcDir} failed:\n${r.stderr}`);
  return outDir;
}

/** Builds (incrementally) and loads dist/plugins/<id>. */
export async function loadBuiltPlugin(id: string, opts: { build?: boolean } = {}): Promise<LoadedPlugin> {
  if (opts.build !== false) buildPlugin(id);
  return loadPluginFolder(path.join(repoRoot, 'dist', 'plugins', id));
}

/** Loads a built plugin folder (plugin.json with sha256 + plugin.wasm). */
export async function loadPluginFolder(dir: string): Promise<LoadedPlugin> {
  const manifest = PluginManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, 'plugin.json'), 'utf8')));
  const wasm = readFileSync(path.join(dir, 'plugin.wasm'));
  const sha256 = createHash('sha256').update(wasm).digest('hex');
  if (sha256 !== manifest.sha256) throw new Error(`${dir}: plugin.wasm does not match the manifest's sha256`);
  const logs: LogEntry[] = [];
  const functions: Record<string, Record<string, (ctx: never, ...args: never[]) => unknown>> = {};
  if (manifest.capabilities.includes('log')) {
    functions['extism:host/user'] = {
      sigilo_log: ((ctx: CallContext, level: number, addr: bigint) => {
        const block = ctx.read(addr);
        logs.push({ level: Number(level), message: block ? block.string() : '' });
      }) as never,
    };
  }
  const plugin: Plugin = await createPlugin(
    { wasm: [{ data: new Uint8Array(wasm) }] },
    { useWasi: false, runInWorker: false, functions: functions as never },
  );
  const entry = manifest.entry[0] ?? 'analyze';
  return {
    manifest,
    logs,
    async analyze(text, options = {}) {
      const input = JSON.stringify({ api: PLUGIN_API_VERSION, text, language: 'pt-BR', options });
      const out = await plugin.call(entry, input);
      if (!out) throw new Error(`plugin ${manifest.id} produced no output`);
      return PluginOutputSchema.parse(JSON.parse(out.text()));
    },
    async callRaw(input) {
      const out = await plugin.call(entry, input);
      return out ? out.text() : '';
    },
    async close() {
      await plugin.close();
    },
  };
}

/**
 * Feeds ~10 MB to one plugin instance the way the host does (chunks of the host's chunk size, one after
 * another) and checks that every chunk gives the same findings: the instance reclaims its memory between
 * calls and stays within its cap. Speed is measured by `npm run bench`, not here.
 */
export async function expectSteadyOverChunks(plugin: LoadedPlugin, line: string, findingsPerLine: number, totalChars = 10_000_000): Promise<void> {
  const linesPerChunk = Math.floor(DEFAULT_CHUNKING.chunkChars / line.length);
  const chunk = line.repeat(linesPerChunk);
  for (let i = 0; i < Math.ceil(totalChars / chunk.length); i++) {
    const { findings } = await plugin.analyze(chunk);
    if (findings.length !== findingsPerLine * linesPerChunk) {
      throw new Error(`chunk ${i}: ${findings.length} findings, expected ${findingsPerLine * linesPerChunk}`);
    }
  }
}
