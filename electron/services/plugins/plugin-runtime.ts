/**
 * The plugins of a long-lived runtime (the app, or one `sigilo analyze` run): builds the catalog (bundled,
 * installed and --plugins folders, with trust, grants and enabled state), runs the runnable ones in a plugin
 * host, and swaps in a new host when the set changes (enable/disable, or — in developer mode with `watch` —
 * when a watched plugin folder changes and the new version passes a health check). Calls in flight finish on
 * the old host. Statistics survive host swaps and are persisted to <dataDir>/plugins/stats.json on close.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { PluginInfo } from '../../shared/api.js';
import type { PluginLogLevel } from '../../shared/plugin-host-functions.js';
import type { ProcessLauncher } from '../isolated-process.js';
import { SwappableHost } from './hot-reload.js';
import type { PluginAuditSink } from './plugin-audit.js';
import { buildCatalog, runnableSpecs, toPluginInfo, type Catalog } from './plugin-catalog.js';
import { PluginHostClient, type AnalyzeOptions, type PluginRunResult } from './plugin-host-client.js';
import { PluginRegistry } from './plugin-registry.js';
import type { PluginStatsEntry } from './plugin-stats.js';
import { combinedStats, mergeEntries, persistStats } from './plugin-stats-store.js';
import { SAMPLE_TEXT } from './sample-text.js';

export interface PluginRuntimeOptions {
  dataDir: string;
  extraPluginDirs?: string[];
  audit: PluginAuditSink;
  launcher?: ProcessLauncher;
  log: (message: string) => void;
  /** In developer mode, watch installed and --plugins folders and hot-reload them (the app; not one-shot CLI runs). */
  watch?: boolean;
  hostEntry?: string;
  bundledDir?: string;
  trustDir?: string;
  /** Host worker threads (default: CPU cores). */
  poolSize?: number;
  /** sigilo_log messages of plugins granted 'log'. */
  onLog?: (plugin: string, level: PluginLogLevel, message: string) => void;
  /** sigilo_audit events of plugins granted 'audit'. */
  onAudit?: (plugin: string, event: Record<string, unknown>) => void;
}

export class PluginRuntime {
  readonly #opts: PluginRuntimeOptions;
  #catalog: Catalog;
  readonly #host: SwappableHost;
  /** Stats of hosts already swapped out in this session. */
  #retired: PluginStatsEntry[] = [];
  #watchers: FSWatcher[] = [];
  #reloadTimer: NodeJS.Timeout | undefined;
  #reloading: Promise<void> = Promise.resolve();
  #closed = false;

  private constructor(opts: PluginRuntimeOptions, catalog: Catalog, host: PluginHostClient) {
    this.#opts = opts;
    this.#catalog = catalog;
    this.#host = new SwappableHost(host);
  }

  static async open(opts: PluginRuntimeOptions): Promise<PluginRuntime> {
    const catalog = await buildCatalog(catalogOptions(opts));
    for (const problem of catalog.problems) opts.log(`plugins: ${problem}`);
    for (const e of catalog.entries) if (e.refused && e.enabled) opts.log(`plugin ${e.id} não carregado: ${e.refused}`);
    const runtime = new PluginRuntime(opts, catalog, await startHost(opts, catalog));
    logLoadErrors(opts, runtime.#host.current);
    runtime.#watch();
    return runtime;
  }

  analyze(text: string, opts: AnalyzeOptions = {}): Promise<PluginRunResult[]> {
    return this.#host.analyze(text, opts);
  }

  get catalog(): Catalog {
    return this.#catalog;
  }

  /** Every plugin with its trust status, grants, load error and statistics (persisted + this session). */
  async list(): Promise<PluginInfo[]> {
    const stats = new Map((await combinedStats(this.#opts.dataDir, this.#sessionEntries())).map((s) => [s.plugin, s]));
    const hostStatus = new Map(this.#host.current.plugins().map((p) => [p.dir, p]));
    return this.#catalog.entries.map((e) => {
      const status = hostStatus.get(e.dir);
      return toPluginInfo(e, stats.get(`${e.id}@${e.manifest?.version ?? ''}`), status?.status === 'error' ? status.error?.message : undefined);
    });
  }

  /** Enables or disables a plugin (audited), then swaps in a host with the new set. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await PluginRegistry.open({ dataDir: this.#opts.dataDir, audit: this.#opts.audit, ...(this.#opts.bundledDir ? { bundledDir: this.#opts.bundledDir } : {}) }).setEnabled(id, enabled);
    await this.reload();
  }

  /** Re-reads the catalog and swaps in a new host (e.g. after `sigilo plugin install` while the app runs). */
  reload(): Promise<void> {
    this.#reloading = this.#reloading.then(() => this.#reload(false)).catch((err: unknown) => this.#opts.log(`plugin reload failed: ${(err as Error).message}`));
    return this.#reloading;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#reloadTimer);
    for (const w of this.#watchers) w.close();
    await this.#reloading;
    const entries = this.#sessionEntries();
    await this.#host.close();
    try {
      await persistStats(this.#opts.dataDir, entries);
    } catch (err) {
      this.#opts.log(`plugin stats not saved: ${(err as Error).message}`);
    }
  }

  async #reload(healthCheck: boolean): Promise<void> {
    if (this.#closed) return;
    const catalog = await buildCatalog(catalogOptions(this.#opts));
    const next = await startHost(this.#opts, catalog);
    if (healthCheck) {
      const failed = next.plugins().filter((p) => p.status === 'error');
      const results = await next.analyze(SAMPLE_TEXT);
      const broken = results.filter((r) => r.error);
      if (failed.length > this.#host.current.plugins().filter((p) => p.status === 'error').length || broken.length > 0) {
        const why = [...failed.map((p) => `${p.key ?? p.dir}: ${p.error?.message ?? ''}`), ...broken.map((r) => `${r.plugin}: ${r.error?.message ?? ''}`)].join('; ');
        this.#opts.log(`hot reload rejected, the previous plugins stay active: ${why}`);
        await next.close();
        return;
      }
    }
    const old = this.#host.current;
    this.#catalog = catalog;
    logLoadErrors(this.#opts, next);
    await this.#host.swap(next);
    this.#retired = mergeAll(this.#retired, old.statsEntries());
    this.#rewatch();
  }

  #sessionEntries(): PluginStatsEntry[] {
    return mergeAll(this.#retired, this.#host.current.statsEntries());
  }

  #watch(): void {
    if (!this.#opts.watch || !this.#catalog.devMode) return;
    for (const e of this.#catalog.entries) {
      if (e.source === 'bundled') continue;
      try {
        const w = watch(e.dir, () => this.#scheduleHotReload());
        w.on('error', () => undefined);
        this.#watchers.push(w);
      } catch {
        // a folder that cannot be watched is simply not hot-reloaded
      }
    }
  }

  #rewatch(): void {
    for (const w of this.#watchers) w.close();
    this.#watchers = [];
    this.#watch();
  }

  #scheduleHotReload(): void {
    if (this.#closed) return;
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => {
      this.#reloading = this.#reloading.then(() => this.#reload(true)).catch((err: unknown) => this.#opts.log(`hot reload failed: ${(err as Error).message}`));
    }, 400);
    this.#reloadTimer.unref?.();
  }
}

function catalogOptions(opts: PluginRuntimeOptions) {
  return {
    dataDir: opts.dataDir,
    extraPluginDirs: opts.extraPluginDirs ?? [],
    ...(opts.bundledDir ? { bundledDir: opts.bundledDir } : {}),
    ...(opts.trustDir ? { trustDir: opts.trustDir } : {}),
  };
}

function startHost(opts: PluginRuntimeOptions, catalog: Catalog): Promise<PluginHostClient> {
  return PluginHostClient.start({
    plugins: runnableSpecs(catalog),
    ...(opts.launcher ? { launcher: opts.launcher } : {}),
    ...(opts.hostEntry ? { hostEntry: opts.hostEntry } : {}),
    ...(opts.poolSize ? { poolSize: opts.poolSize } : {}),
    onStderr: (c) => opts.log(`plugin-host: ${c.trimEnd()}`),
    ...(opts.onLog ? { onLog: opts.onLog } : {}),
    ...(opts.onAudit ? { onAudit: opts.onAudit } : {}),
  });
}

function logLoadErrors(opts: PluginRuntimeOptions, host: PluginHostClient): void {
  for (const p of host.plugins()) if (p.status === 'error') opts.log(`plugin ${p.key ?? p.dir} não carregado: ${p.error?.message ?? ''}`);
}

function mergeAll(a: PluginStatsEntry[], b: PluginStatsEntry[]): PluginStatsEntry[] {
  const out = new Map(a.map((e) => [e.plugin, e]));
  for (const e of b) out.set(e.plugin, mergeEntries(out.get(e.plugin), e));
  return [...out.values()];
}
