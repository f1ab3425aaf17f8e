/**
 * Installed plugins and the plugin settings of a data folder: <dataDir>/plugins/registry.json (written
 * atomically) and the plugin files in <dataDir>/plugins/installed/<id>/<version>/.
 *
 * - install from a built plugin folder or a .sigilo-plugin archive: checked (manifest, wasm, imports),
 *   trust-checked (refused when unsigned/untrusted/invalid unless developer mode is on), capabilities
 *   granted only when asked for (`grants`), others listed as requested-but-not-granted;
 * - upgrade (semver, newer only): the previous version is kept for rollback (one level);
 * - enable/disable (installed and bundled plugins), remove (installed only), grant/revoke, developer mode.
 * Every change is reported to the audit sink BEFORE it is committed to registry.json: if the audit entry
 * cannot be written, nothing changes.
 */
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CAPABILITIES, type Capability, type PluginManifest } from '../../shared/plugin-manifest.js';
import { bundledPluginsDir } from '../app-paths.js';
import { writeFileAtomic } from './atomic-file.js';
import { ARCHIVE_EXTENSION, unpackPluginArchive } from './plugin-archive.js';
import type { PluginAuditSink } from './plugin-audit.js';
import { loadPluginFolder, MANIFEST_FILE, PluginLoadError, WASM_FILE } from './plugin-loader.js';
import { SIGNATURE_FILE } from './signing.js';
import { checkPluginTrust, refusalMessage, TrustStore, TRUST_STATUSES, type TrustedKey, type TrustResult } from './trust-store.js';

export const REGISTRY_FILE = 'registry.json';
/** The legacy enable/disable file of the first runtime ({ "disabled": [id…] }), still honoured. */
export const LEGACY_STATE_FILE = 'plugins.json';

const Cap = z.enum(CAPABILITIES);
const InstalledVersionSchema = z.object({
  version: z.string(),
  installedAt: z.string(),
  trust: z.enum(TRUST_STATUSES),
  keyId: z.string().optional(),
  signer: z.string().optional(),
  /** Grants of this version while it is not the active one (restored by rollback). */
  grants: z.array(z.enum(CAPABILITIES)).optional(),
});
const InstalledPluginSchema = z.object({
  id: z.string(),
  active: z.string(),
  previous: z.string().optional(),
  versions: z.array(InstalledVersionSchema),
  enabled: z.boolean(),
  grants: z.array(Cap),
});
const BundledOverrideSchema = z.object({ enabled: z.boolean().optional(), grants: z.array(Cap).optional() });
const RegistrySchema = z.object({
  schema: z.literal(1).default(1),
  devMode: z.boolean().default(false),
  installed: z.record(z.string(), InstalledPluginSchema).default({}),
  bundled: z.record(z.string(), BundledOverrideSchema).default({}),
});
export type RegistryState = z.infer<typeof RegistrySchema>;
export type InstalledPlugin = z.infer<typeof InstalledPluginSchema>;

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface InstallResult {
  id: string;
  version: string;
  previous?: string;
  requested: Capability[];
  granted: Capability[];
  trust: TrustResult;
  manifest: PluginManifest;
  /** Why the plugin will not load with these grants (Portuguese), e.g. it imports sigilo_log without 'log'. */
  blocked?: string;
}

export interface RegistryOptions {
  dataDir: string;
  /** Where each change is recorded (the audit history). */
  audit: PluginAuditSink;
  /** Bundled plugins (default dist/plugins): their ids cannot be installed over. */
  bundledDir?: string;
  /** Folder of bundled public keys (default dist/trust). */
  trustDir?: string;
  now?: () => Date;
}

export class PluginRegistry {
  readonly #opts: RegistryOptions;
  readonly #file: string;
  readonly #root: string;

  private constructor(opts: RegistryOptions) {
    this.#opts = opts;
    this.#root = path.join(opts.dataDir, 'plugins');
    this.#file = path.join(this.#root, REGISTRY_FILE);
  }

  static open(opts: RegistryOptions): PluginRegistry {
    return new PluginRegistry(opts);
  }

  /** The folder holding installed plugin versions. */
  get installedRoot(): string {
    return path.join(this.#root, 'installed');
  }

  versionDir(id: string, version: string): string {
    return path.join(this.installedRoot, id, version);
  }

  async state(): Promise<RegistryState> {
    return readRegistry(this.#opts.dataDir);
  }

  async trustStore(): Promise<TrustStore> {
    return TrustStore.open({ dataDir: this.#opts.dataDir, ...(this.#opts.trustDir ? { bundledDir: this.#opts.trustDir } : {}) });
  }

  async install(source: string, options: { grants?: Capability[] } = {}): Promise<InstallResult> {
    return this.#withStaged(source, async (dir) => {
      const state = await this.state();
      const { manifest, trust } = await this.#vet(dir, state);
      if (state.installed[manifest.id]) {
        throw new RegistryError(`O plugin '${manifest.id}' já está instalado (versão ${state.installed[manifest.id]?.active}). Para instalar outra versão use: sigilo plugin upgrade ${source}`);
      }
      const requested = manifest.capabilities as Capability[];
      const granted = grantsFor(requested, options.grants ?? []);
      await this.#copyVersion(dir, manifest);
      this.#audit('plugin_install', { plugin: manifest.id, version: manifest.version, trust: trust.status, keyId: trust.keyId ?? null, signer: trust.signer ?? null, requested, granted });
      state.installed[manifest.id] = {
        id: manifest.id, active: manifest.version, versions: [this.#versionRecord(manifest, trust)], enabled: true, grants: granted,
      };
      await this.#save(state);
      return { id: manifest.id, version: manifest.version, requested, granted, trust, manifest, ...(await blockedBy(dir, granted)) };
    });
  }

  /** Installs a newer version of an installed plugin; the current one is kept for rollback. */
  async upgrade(source: string, options: { grants?: Capability[] } = {}): Promise<InstallResult> {
    return this.#withStaged(source, async (dir) => {
      const state = await this.state();
      const { manifest, trust } = await this.#vet(dir, state);
      const entry = state.installed[manifest.id];
      if (!entry) throw new RegistryError(`O plugin '${manifest.id}' não está instalado. Use: sigilo plugin install ${source}`);
      if (compareSemver(manifest.version, entry.active) <= 0) {
        throw new RegistryError(`A versão ${manifest.version} não é mais nova que a instalada (${entry.active}). Para voltar à anterior use: sigilo plugin rollback ${manifest.id}`);
      }
      const requested = manifest.capabilities as Capability[];
      // grants carry over for capabilities the new version still declares; new ones must be granted explicitly
      const granted = grantsFor(requested, [...entry.grants, ...(options.grants ?? [])]);
      await this.#copyVersion(dir, manifest);
      const previous = entry.active;
      this.#audit('plugin_upgrade', { plugin: manifest.id, from: previous, to: manifest.version, trust: trust.status, keyId: trust.keyId ?? null, requested, granted });
      const dropped = entry.previous && entry.previous !== previous ? entry.previous : undefined;
      const kept = entry.versions.find((v) => v.version === previous);
      if (kept) kept.grants = entry.grants;
      entry.previous = previous;
      entry.active = manifest.version;
      entry.grants = granted;
      entry.versions = [...entry.versions.filter((v) => v.version !== manifest.version && v.version !== dropped), this.#versionRecord(manifest, trust)];
      await this.#save(state);
      if (dropped) await rm(this.versionDir(manifest.id, dropped), { recursive: true, force: true });
      return { id: manifest.id, version: manifest.version, previous, requested, granted, trust, manifest, ...(await blockedBy(dir, granted)) };
    });
  }

  /**
   * Goes back to the version kept by the last upgrade, with the grants it had (the newer one is kept as
   * "previous", so a second rollback goes forward again).
   */
  async rollback(id: string): Promise<{ id: string; from: string; to: string }> {
    const state = await this.state();
    const entry = this.#installed(state, id);
    if (!entry.previous) throw new RegistryError(`O plugin '${id}' não tem versão anterior guardada para voltar.`);
    const from = entry.active;
    const to = entry.previous;
    const fromRecord = entry.versions.find((v) => v.version === from);
    const toRecord = entry.versions.find((v) => v.version === to);
    const grants = toRecord?.grants ?? entry.grants;
    this.#audit('plugin_rollback', { plugin: id, from, to, grants });
    if (fromRecord) fromRecord.grants = entry.grants;
    if (toRecord) delete toRecord.grants;
    entry.grants = grants;
    entry.active = to;
    entry.previous = from;
    await this.#save(state);
    return { id, from, to };
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const state = await this.state();
    const entry = state.installed[id];
    if (entry) entry.enabled = enabled;
    else if ((await this.#bundledIds()).has(id)) state.bundled[id] = { ...state.bundled[id], enabled };
    else throw unknownPlugin(id);
    this.#audit(enabled ? 'plugin_enable' : 'plugin_disable', { plugin: id });
    await this.#save(state);
    if (enabled) await dropLegacyDisabled(this.#opts.dataDir, id);
  }

  async remove(id: string): Promise<{ id: string; versions: string[] }> {
    const state = await this.state();
    if (!state.installed[id] && (await this.#bundledIds()).has(id)) {
      throw new RegistryError(`'${id}' é um plugin incluído no Sigilo e não pode ser removido; desative-o com: sigilo plugin disable ${id}`);
    }
    const entry = this.#installed(state, id);
    this.#audit('plugin_remove', { plugin: id, versions: entry.versions.map((v) => v.version) });
    delete state.installed[id];
    await this.#save(state);
    await rm(path.join(this.installedRoot, id), { recursive: true, force: true });
    return { id, versions: entry.versions.map((v) => v.version) };
  }

  /** Grants capabilities the plugin declares. Returns the grants after the change. */
  async grant(id: string, caps: Capability[]): Promise<Capability[]> {
    return this.#changeGrants(id, caps, 'plugin_grant');
  }

  async revoke(id: string, caps: Capability[]): Promise<Capability[]> {
    return this.#changeGrants(id, caps, 'plugin_revoke');
  }

  /** Adds a partner's public key to the trusted keys (audited before the trust store changes). */
  async trustAdd(publicKeyPem: string, name: string): Promise<TrustedKey> {
    const store = await this.trustStore();
    return store.add(publicKeyPem, name, { beforeSave: (key) => this.#audit('trust_add', { keyId: key.keyId, name: key.name }) });
  }

  /** Removes a partner key (by id or name); plugins signed only by it stop loading. Audited first. */
  async trustRemove(keyIdOrName: string): Promise<TrustedKey> {
    const store = await this.trustStore();
    return store.remove(keyIdOrName, { beforeSave: (key) => this.#audit('trust_remove', { keyId: key.keyId, name: key.name }) });
  }

  async setDevMode(on: boolean): Promise<void> {
    const state = await this.state();
    this.#audit('dev_mode', { enabled: on });
    state.devMode = on;
    await this.#save(state);
  }

  async #changeGrants(id: string, caps: Capability[], event: 'plugin_grant' | 'plugin_revoke'): Promise<Capability[]> {
    const state = await this.state();
    const declared = await this.#declared(state, id);
    const undeclared = caps.filter((c) => !declared.includes(c));
    if (event === 'plugin_grant' && undeclared.length > 0) {
      throw new RegistryError(`O plugin '${id}' não declara ${undeclared.map((c) => `'${c}'`).join(', ')} em plugin.json; só capacidades declaradas podem ser concedidas (declaradas: ${declared.join(', ') || 'nenhuma'}).`);
    }
    const installed = state.installed[id];
    const current = installed ? installed.grants : (state.bundled[id]?.grants ?? declared);
    const next = event === 'plugin_grant'
      ? grantsFor(declared, [...current, ...caps])
      : current.filter((c) => !caps.includes(c));
    this.#audit(event, { plugin: id, capabilities: caps, grants: next });
    if (installed) installed.grants = next;
    else state.bundled[id] = { ...state.bundled[id], grants: next };
    await this.#save(state);
    return next;
  }

  async #declared(state: RegistryState, id: string): Promise<Capability[]> {
    const installed = state.installed[id];
    const dir = installed ? this.versionDir(id, installed.active) : (await this.#bundledDirs()).get(id);
    if (!dir) throw unknownPlugin(id);
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as { capabilities?: unknown };
    return Array.isArray(manifest.capabilities) ? manifest.capabilities.filter((c): c is Capability => (CAPABILITIES as readonly unknown[]).includes(c)) : [];
  }

  #installed(state: RegistryState, id: string): InstalledPlugin {
    const entry = state.installed[id];
    if (!entry) throw unknownPlugin(id);
    return entry;
  }

  /** Checks a staged plugin: structure (loader) then trust (refused unless trusted or developer mode). */
  async #vet(dir: string, state: RegistryState): Promise<{ manifest: PluginManifest; trust: TrustResult }> {
    let manifest: PluginManifest;
    try {
      manifest = (await loadPluginFolder(dir)).manifest;
    } catch (err) {
      if (err instanceof PluginLoadError) throw new RegistryError(`Plugin recusado: ${err.message}`);
      throw err;
    }
    if ((await this.#bundledIds()).has(manifest.id)) {
      throw new RegistryError(`Já existe um plugin incluído no Sigilo com o id '${manifest.id}'; escolha outro id para o seu plugin.`);
    }
    const trust = await checkPluginTrust(dir, await this.trustStore());
    if (trust.status !== 'trusted' && !state.devMode) throw new RegistryError(refusalMessage(manifest.id, trust));
    return { manifest, trust };
  }

  #versionRecord(manifest: PluginManifest, trust: TrustResult): z.infer<typeof InstalledVersionSchema> {
    return {
      version: manifest.version, installedAt: (this.#opts.now?.() ?? new Date()).toISOString(), trust: trust.status,
      ...(trust.keyId ? { keyId: trust.keyId } : {}), ...(trust.signer ? { signer: trust.signer } : {}),
    };
  }

  async #copyVersion(dir: string, manifest: PluginManifest): Promise<void> {
    const target = this.versionDir(manifest.id, manifest.version);
    const staging = `${target}.staging`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const name of [MANIFEST_FILE, WASM_FILE, SIGNATURE_FILE]) {
      try {
        await cp(path.join(dir, name), path.join(staging, name));
      } catch (err) {
        if (name !== SIGNATURE_FILE) throw err;
      }
    }
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  }

  async #withStaged<T>(source: string, fn: (dir: string) => Promise<T>): Promise<T> {
    const abs = path.resolve(source);
    let isDir: boolean;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      throw new RegistryError(`Não encontrei ${source} (uma pasta de plugin compilado ou um arquivo ${ARCHIVE_EXTENSION}).`);
    }
    const isArchive = !isDir;
    if (!isArchive) return fn(abs);
    const dir = await unpackPluginArchive(abs);
    try {
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  #audit(event: Parameters<PluginAuditSink>[0], payload: Record<string, unknown>): void {
    this.#opts.audit(event, payload);
  }

  async #save(state: RegistryState): Promise<void> {
    await writeFileAtomic(this.#file, `${JSON.stringify(state, null, 2)}\n`);
  }

  async #bundledDirs(): Promise<Map<string, string>> {
    return bundledPluginDirs(this.#opts.bundledDir ?? bundledPluginsDir());
  }

  async #bundledIds(): Promise<Set<string>> {
    return new Set((await this.#bundledDirs()).keys());
  }
}

export function emptyRegistry(): RegistryState {
  return RegistrySchema.parse({});
}

/** Reads registry.json (defaults when missing). A corrupt file is an error, never silently reset. */
export async function readRegistry(dataDir: string): Promise<RegistryState> {
  const file = path.join(dataDir, 'plugins', REGISTRY_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return RegistrySchema.parse({});
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RegistryError(`O registro de plugins ${file} está corrompido (JSON inválido); corrija-o ou remova-o.`);
  }
  const parsed = RegistrySchema.safeParse(json);
  if (!parsed.success) throw new RegistryError(`O registro de plugins ${file} está fora do formato: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Ids disabled in the legacy plugins.json of the first runtime. */
export async function readLegacyDisabled(dataDir: string): Promise<Set<string>> {
  try {
    const json = JSON.parse(await readFile(path.join(dataDir, LEGACY_STATE_FILE), 'utf8')) as { disabled?: unknown };
    return new Set(Array.isArray(json.disabled) ? json.disabled.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

async function dropLegacyDisabled(dataDir: string, id: string): Promise<void> {
  const disabled = await readLegacyDisabled(dataDir);
  if (!disabled.delete(id)) return;
  await writeFileAtomic(path.join(dataDir, LEGACY_STATE_FILE), `${JSON.stringify({ disabled: [...disabled].sort() }, null, 2)}\n`);
}

/** id -> folder of every bundled plugin (reads each plugin.json's id; unreadable ones are skipped). */
export async function bundledPluginDirs(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const manifest = JSON.parse(await readFile(path.join(root, name, MANIFEST_FILE), 'utf8')) as { id?: unknown };
      if (typeof manifest.id === 'string') out.set(manifest.id, path.join(root, name));
    } catch {
      // not a plugin folder
    }
  }
  return out;
}

/** The loader's verdict with these grants: an import of a host function whose capability is not granted. */
async function blockedBy(dir: string, grants: Capability[]): Promise<{ blocked?: string }> {
  try {
    await loadPluginFolder(dir, { grants });
    return {};
  } catch (err) {
    return err instanceof PluginLoadError ? { blocked: err.message } : {};
  }
}

function grantsFor(declared: readonly Capability[], wanted: readonly Capability[]): Capability[] {
  return declared.filter((c, i) => wanted.includes(c) && declared.indexOf(c) === i);
}

function unknownPlugin(id: string): RegistryError {
  return new RegistryError(`Nenhum plugin com o id '${id}'. Veja: sigilo plugin list`);
}

/** Parses a capability list ("log,audit"); throws RegistryError for an unknown one. */
export function parseCapabilities(list: string): Capability[] {
  const caps = list.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = caps.filter((c) => !(CAPABILITIES as readonly string[]).includes(c));
  if (unknown.length > 0) throw new RegistryError(`Capacidade desconhecida: ${unknown.join(', ')} (conhecidas: ${CAPABILITIES.join(', ')}).`);
  return caps as Capability[];
}

/** -1, 0, 1 (semver precedence; build metadata ignored). */
export function compareSemver(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s, 2) as [string, string | undefined];
    return { nums: core.split('.').map((n) => Number(n)), pre: pre ? pre.split('.') : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Math.sign(Number(p) - Number(q));
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
