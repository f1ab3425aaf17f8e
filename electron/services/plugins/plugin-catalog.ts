/**
 * Which plugins a runtime runs, and with what: bundled plugins (dist/plugins), installed ones (the
 * registry's active versions) and the folders given with `--plugins`. Each entry carries its trust status
 * (signature against dist/trust + the user's trust store), whether it is enabled, the capabilities it
 * requested and those granted, and, when it will not run, why (Portuguese).
 *
 * Rules: a plugin runs when enabled and trusted; with developer mode on, unsigned/untrusted/invalid
 * signatures are allowed too (the wasm is still checked against the manifest's sha256 by the loader).
 * Bundled plugins get every capability they declare unless the user revoked one; `--plugins` folders get
 * what they declare (the user named them on the command line); installed plugins get what was granted.
 * The first plugin with a given id wins (bundled, then installed, then --plugins).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PluginInfo } from '../../shared/api.js';
import { CAPABILITIES, type Capability, type PluginManifest } from '../../shared/plugin-manifest.js';
import { bundledPluginsDir } from '../app-paths.js';
import type { PluginSpec } from './plugin-host-client.js';
import { checkImports, listPluginFolders, MANIFEST_FILE, PluginLoadError, readPluginManifest, WASM_FILE } from './plugin-loader.js';
import { inspectWasm } from '../../plugin-host/wasm-binary.js';
import { emptyRegistry, readLegacyDisabled, readRegistry, type RegistryState } from './plugin-registry.js';
import type { PluginStatsSnapshot } from './plugin-stats.js';
import { checkPluginTrust, refusalMessage, TrustStore, type TrustResult } from './trust-store.js';

export type PluginSource = 'bundled' | 'installed' | 'extra';

export interface CatalogEntry {
  /** Manifest id (folder name when the manifest is unreadable). */
  id: string;
  dir: string;
  source: PluginSource;
  manifest?: PluginManifest;
  trust: TrustResult;
  enabled: boolean;
  requested: Capability[];
  grants: Capability[];
  /** Why it will not run (Portuguese); undefined when it runs (or is merely disabled). */
  refused?: string;
  previousVersion?: string;
}

export interface Catalog {
  devMode: boolean;
  entries: CatalogEntry[];
  /** Portuguese descriptions of state files that could not be read (the catalog went on without them). */
  problems: string[];
}

export interface CatalogOptions {
  dataDir: string;
  extraPluginDirs?: string[];
  bundledDir?: string;
  trustDir?: string;
}

export async function buildCatalog(options: CatalogOptions): Promise<Catalog> {
  const problems: string[] = [];
  let registry: RegistryState;
  try {
    registry = await readRegistry(options.dataDir);
  } catch (err) {
    // a corrupt registry must not stop the app: run the bundled plugins and say why the others are missing
    problems.push((err as Error).message);
    registry = emptyRegistry();
  }
  const legacyDisabled = await readLegacyDisabled(options.dataDir);
  const trust = await TrustStore.open({ dataDir: options.dataDir, ...(options.trustDir ? { bundledDir: options.trustDir } : {}) });
  if (trust.problem) problems.push(trust.problem);
  const candidates: Array<{ dir: string; source: PluginSource; installedId?: string }> = [];
  for (const dir of await listPluginFolders(options.bundledDir ?? bundledPluginsDir())) candidates.push({ dir, source: 'bundled' });
  for (const [id, entry] of Object.entries(registry.installed).sort(([a], [b]) => a.localeCompare(b))) {
    candidates.push({ dir: path.join(options.dataDir, 'plugins', 'installed', id, entry.active), source: 'installed', installedId: id });
  }
  for (const dir of await expandExtraDirs(options.extraPluginDirs ?? [])) candidates.push({ dir, source: 'extra' });

  const seen = new Set<string>();
  const entries: CatalogEntry[] = [];
  for (const c of candidates) {
    let manifest: PluginManifest | undefined;
    let manifestError: string | undefined;
    try {
      manifest = await readPluginManifest(c.dir);
    } catch (err) {
      manifestError = err instanceof PluginLoadError ? err.message : String(err);
    }
    const id = manifest?.id ?? c.installedId ?? path.basename(c.dir);
    const requested = (manifest?.capabilities ?? []).filter((x): x is Capability => (CAPABILITIES as readonly string[]).includes(x));
    const installed = c.source === 'installed' ? registry.installed[id] : undefined;
    const override = c.source === 'bundled' ? registry.bundled[id] : undefined;
    const grants = installed ? requested.filter((x) => installed.grants.includes(x))
      : override?.grants ? requested.filter((x) => override.grants?.includes(x)) : requested;
    const enabled = installed ? installed.enabled : !(override?.enabled === false || (override?.enabled === undefined && legacyDisabled.has(id)));
    const trustResult = await checkPluginTrust(c.dir, trust);
    let refused: string | undefined;
    if (manifestError) refused = manifestError;
    else if (seen.has(id)) refused = `Outro plugin com o id '${id}' já foi carregado; este (${c.dir}) foi ignorado.`;
    else if (trustResult.status !== 'trusted' && !registry.devMode) refused = refusalMessage(id, trustResult);
    else if (manifest) refused = await importProblem(c.dir, manifest, grants);
    seen.add(id);
    entries.push({
      id, dir: c.dir, source: c.source, ...(manifest ? { manifest } : {}), trust: trustResult, enabled, requested, grants,
      ...(refused ? { refused } : {}), ...(installed?.previous ? { previousVersion: installed.previous } : {}),
    });
  }
  return { devMode: registry.devMode, entries, problems };
}

/**
 * The loader's import check, done early so that the plugin list can say why a plugin will not load (e.g. it
 * imports sigilo_log but 'log' was not granted) without starting a plugin host. The host checks again.
 */
async function importProblem(dir: string, manifest: PluginManifest, grants: Capability[]): Promise<string | undefined> {
  try {
    const wasm = new Uint8Array(await readFile(path.join(dir, WASM_FILE)));
    checkImports(inspectWasm(wasm).imports, grants, manifest.capabilities, manifest.id);
    return undefined;
  } catch (err) {
    // only import refusals are reported here; anything else (unreadable wasm, bad format) the host reports
    return err instanceof PluginLoadError ? err.message : undefined;
  }
}

/** What to hand to the plugin host: enabled plugins that are not refused. */
export function runnableSpecs(catalog: Catalog): PluginSpec[] {
  return catalog.entries.filter((e) => e.enabled && !e.refused).map((e) => ({ dir: e.dir, grants: e.grants }));
}

/** `--plugins DIR`: a plugin folder (has plugin.json) or a folder of plugin folders. */
export async function expandExtraDirs(dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    const abs = path.resolve(dir);
    if (existsSync(path.join(abs, MANIFEST_FILE))) out.push(abs);
    else out.push(...(await listPluginFolders(abs)));
  }
  return out;
}

/** The renderer's view of one catalog entry (with its load status from the host and its statistics). */
export function toPluginInfo(entry: CatalogEntry, stats: PluginStatsSnapshot | undefined, hostError?: string): PluginInfo {
  const m = entry.manifest;
  const loadError = entry.refused ?? hostError;
  return {
    id: entry.id,
    name: m?.name ?? entry.id,
    version: m?.version ?? '?',
    description: m?.description ?? '',
    author: m?.author ?? '',
    capabilities: entry.requested,
    findingTypes: m?.findingTypes ?? [],
    enabled: entry.enabled && !loadError,
    bundled: entry.source === 'bundled',
    ...(loadError ? { loadError } : {}),
    stats: {
      calls: stats?.calls ?? 0,
      errors: stats?.errors ?? 0,
      medianLatencyMs: stats?.p50Ms ?? 0,
      p95LatencyMs: stats?.p95Ms ?? 0,
      timeouts: stats?.timeouts ?? 0,
      memoryHighWaterPages: stats?.memoryHighWaterPages ?? 0,
      ...(stats?.instructionsP50 !== undefined ? { instructionsP50: stats.instructionsP50 } : {}),
      ...(stats?.instructionsMax !== undefined ? { instructionsMax: stats.instructionsMax } : {}),
    },
    ...(m?.limits.instructions !== undefined ? { instructionBudget: m.limits.instructions } : {}),
    trust: entry.trust.status,
    trustMessage: entry.trust.message,
    ...(entry.trust.signer ? { signer: entry.trust.signer } : {}),
    grants: entry.grants,
    source: entry.source,
    ...(entry.previousVersion ? { previousVersion: entry.previousVersion } : {}),
  };
}
