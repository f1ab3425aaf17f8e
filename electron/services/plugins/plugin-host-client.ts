/**
 * Main-side client of the plugin host process. Starts it (through a ProcessLauncher: utilityProcess in
 * the app, fork on the CLI/tests), validates everything it says (zod), enforces a client-side deadline
 * per request, restarts the host if it dies (in-flight requests fail with CRASHED) and keeps per-plugin
 * statistics.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { distPath, packageRoot } from '../app-paths.js';
import { launchForked, type IsolatedProcess, type ProcessLauncher } from '../isolated-process.js';
import type { Capability, PluginManifest } from '../../shared/plugin-manifest.js';
import type { PluginFinding } from '../../shared/plugin-abi.js';
import type { PluginLogLevel } from '../../shared/plugin-host-functions.js';
import {
  AnalyzeRequestSchema, HostMessageSchema, type HostRequest, type PluginCallErrorCode, type PluginCallResult, type PluginStatus,
} from '../../plugin-host/host-protocol.js';
import { fastResultMessage } from '../../plugin-host/host-protocol-check.js';
import { MAX_DOCUMENTS_PER_JOB } from '../../plugin-host/worker-messages.js';
import { PluginStats, type PluginStatsEntry, type PluginStatsSnapshot } from './plugin-stats.js';

export interface PluginSpec {
  dir: string;
  grants: Capability[];
}

export interface PluginRunResult {
  /** "id@version" (or the requested name when the plugin is not loaded). */
  plugin: string;
  findings: PluginFinding[];
  durationMs: number;
  /** Instructions the call used (plugins with an instruction budget). */
  instructions?: number;
  error?: { code: PluginCallErrorCode; message: string };
}

export interface PluginInfo {
  dir: string;
  key?: string;
  manifest?: PluginManifest;
  status: 'loaded' | 'error';
  error?: { code: string; message: string };
  capabilities?: Capability[];
}

export interface PluginHostClientOptions {
  plugins: PluginSpec[];
  /** Worker threads in the host (default: CPU cores). */
  poolSize?: number;
  /** How to start the host process (default: launchForked, i.e. child_process.fork). */
  launcher?: ProcessLauncher;
  /** Host entry (default: dist/plugin-host/host-process.js). */
  hostEntry?: string;
  /** Run the forked host under Node's permission model (default true; ignored by launchers that don't support it). */
  sandbox?: boolean;
  onLog?: (plugin: string, level: PluginLogLevel, message: string) => void;
  onAudit?: (plugin: string, event: Record<string, unknown>) => void;
  /** Host stderr (default: ours). */
  onStderr?: (chunk: string) => void;
  /** Max time for the host to start and load plugins (default 30 s). */
  startTimeoutMs?: number;
  /**
   * Client-side deadline of one analyze request. Default: the plugins' own timeouts plus slack, scaled by the
   * requests queued ahead. A host that misses it is considered hung: it is killed and restarted.
   */
  requestTimeoutMs?: number;
}

export interface AnalyzeOptions {
  language?: string;
  options?: Record<string, unknown>;
  /** Plugin ids or id@version; default every loaded plugin. */
  plugins?: string[];
}

interface Pending {
  plugins: string[];
  textLength: number;
  resolve: (results: PluginRunResult[]) => void;
  timer: NodeJS.Timeout;
}

const MAX_RESTARTS_PER_MINUTE = 5;

export class PluginHostClient {
  readonly #opts: PluginHostClientOptions;
  readonly #poolSize: number;
  readonly #stats = new PluginStats();
  readonly #pending = new Map<number, Pending>();
  #proc: IsolatedProcess | undefined;
  #ready: Promise<void> | undefined;
  #statuses: PluginInfo[] = [];
  #nextId = 1;
  #closed = false;
  #restarts: number[] = [];
  #lastFatal: string | undefined;

  private constructor(opts: PluginHostClientOptions) {
    this.#opts = opts;
    this.#poolSize = Math.max(1, Math.min(64, opts.poolSize ?? defaultPoolSize()));
  }

  /** Starts the host and loads the plugins; a bad plugin is reported in plugins(), never thrown. */
  static async start(opts: PluginHostClientOptions): Promise<PluginHostClient> {
    const client = new PluginHostClient(opts);
    await client.#launch();
    return client;
  }

  /** Loaded plugins with their manifest and load status/error. */
  plugins(): PluginInfo[] {
    return this.#statuses.map((s) => ({ ...s }));
  }

  stats(): PluginStatsSnapshot[] {
    return this.#stats.snapshot();
  }

  /** Raw per-plugin counters and recent durations (to persist them: plugin-stats-store.ts). */
  statsEntries(): PluginStatsEntry[] {
    return this.#stats.exportEntries();
  }

  /** Pid of the current host process (for diagnostics and tests). */
  get hostPid(): number | undefined {
    return this.#proc?.pid;
  }

  /**
   * Runs the plugins over `text`. Resolves with one result per plugin (time and error of each); a plugin
   * failure never rejects, a dead host yields CRASHED results and is restarted. Throws only for a malformed
   * call (e.g. a language tag longer than 35 characters).
   */
  async analyze(text: string, opts: AnalyzeOptions = {}): Promise<PluginRunResult[]> {
    if (this.#closed) throw new Error('PluginHostClient is closed');
    const req: HostRequest = AnalyzeRequestSchema.parse({
      type: 'analyze', id: this.#nextId++, text, language: opts.language ?? 'pt-BR', options: opts.options ?? {}, plugins: opts.plugins ?? null,
    });
    try {
      await this.#ready;
    } catch {
      // restart failed; fall through to HOST_UNAVAILABLE below
    }
    const loaded = this.#statuses.filter((s) => s.status === 'loaded' && s.key).map((s) => s.key as string);
    const wanted = opts.plugins ?? loaded;
    const proc = this.#proc;
    if (!proc) return wanted.map((p) => failed(p, 'HOST_UNAVAILABLE', 'O processo de plugins não está disponível.'));
    const id = req.id;
    const keys = wanted.map((name) => this.#keyOf(name) ?? name);
    return new Promise<PluginRunResult[]>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve(keys.map((k) => this.#record(failed(k, 'TIMEOUT', 'O processo de plugins não respondeu a tempo e foi reiniciado.'))));
        // The host answers every dispatched call within its timeout; missing the deadline means it is hung.
        if (this.#proc === proc) proc.kill();
      }, this.#opts.requestTimeoutMs ?? this.#deadlineMs(keys));
      timer.unref?.();
      this.#pending.set(id, { plugins: keys, textLength: text.length, resolve, timer });
      proc.send(req);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const proc = this.#proc;
    this.#failPending('CRASHED', 'O processo de plugins foi encerrado.');
    if (!proc) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        proc.kill();
        resolve();
      }, 1000);
      proc.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      proc.send({ type: 'shutdown' } satisfies HostRequest);
    });
    this.#proc = undefined;
  }

  #keyOf(name: string): string | undefined {
    return this.#statuses.find((s) => s.key === name || s.manifest?.id === name)?.key;
  }

  /**
   * Client-side deadline: the plugins' own timeouts plus slack, scaled by how many requests are queued ahead.
   * A document's plugins run one after the other on one worker, after those of up to MAX_DOCUMENTS_PER_JOB - 1
   * documents the worker took with it.
   */
  #deadlineMs(keys: string[]): number {
    const timeouts = keys.map((k) => this.#statuses.find((s) => s.key === k)?.manifest?.limits.timeoutMs ?? 1000);
    const perRound = Math.max(1000, ...timeouts) + 1000;
    const calls = Math.max(1, keys.length);
    const together = Math.min(this.#pending.size + 1, MAX_DOCUMENTS_PER_JOB);
    const rounds = 1 + Math.max(calls * together, Math.ceil(((this.#pending.size + 1) * calls) / this.#poolSize));
    return perRound * rounds + 2000;
  }

  #launch(): Promise<void> {
    // After a restart, plugins that already failed to load are not retried (a start function that never
    // returns would otherwise delay every restart); their earlier status is kept.
    const failedBefore = this.#statuses.filter((s) => s.status === 'error');
    const failedDirs = new Set(failedBefore.map((s) => s.dir));
    const specs = this.#opts.plugins.filter((p) => !failedDirs.has(p.dir));
    const entry = this.#opts.hostEntry ?? distPath('plugin-host', 'host-process.js');
    const launcher = this.#opts.launcher ?? launchForked;
    const sandbox = this.#opts.sandbox ?? true;
    const allowFsRead = sandbox ? sandboxReadPaths(entry, specs.map((p) => p.dir)) : undefined;
    const proc = launcher(entry, { name: 'sigilo-plugin-host', ...(allowFsRead ? { allowFsRead } : {}), ...(this.#opts.onStderr ? { onStderr: this.#opts.onStderr } : {}) });
    this.#proc = proc;
    this.#ready = new Promise<void>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        proc.kill();
        reject(new Error('plugin host did not start in time'));
      }, this.#opts.startTimeoutMs ?? 30_000);
      proc.onMessage((raw) => {
        // results (possibly with many findings) are checked by hand first; zod decides anything else
        const result = fastResultMessage(raw);
        if (result) {
          this.#onResult(result.id, result.results);
          return;
        }
        const parsed = HostMessageSchema.safeParse(raw);
        if (!parsed.success) return; // a host that talks nonsense is ignored (and eventually times out)
        const msg = parsed.data;
        switch (msg.type) {
          case 'ready':
            this.#statuses = [...msg.plugins.map(toInfo), ...failedBefore];
            if (!settled) {
              settled = true;
              clearTimeout(timer);
              resolve();
            }
            break;
          case 'result':
            this.#onResult(msg.id, msg.results);
            break;
          case 'log':
            this.#opts.onLog?.(msg.plugin, msg.level, msg.message);
            break;
          case 'audit':
            this.#opts.onAudit?.(msg.plugin, msg.event);
            break;
          case 'fatal':
            this.#lastFatal = msg.message;
            break;
        }
      });
      proc.onExit((code, signal) => {
        if (this.#proc !== proc) return;
        this.#proc = undefined;
        const why = this.#lastFatal ?? (signal ? `sinal ${signal}` : `código ${code}`);
        this.#lastFatal = undefined;
        this.#failPending('CRASHED', `O processo de plugins terminou inesperadamente (${why}).`);
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          reject(new Error(`plugin host exited during start (${why})`));
          return;
        }
        if (!this.#closed) this.#restart();
      });
      proc.send({ type: 'init', plugins: specs, poolSize: this.#poolSize } satisfies HostRequest);
    });
    return this.#ready;
  }

  #restart(): void {
    const now = Date.now();
    this.#restarts = this.#restarts.filter((t) => now - t < 60_000);
    if (this.#restarts.length >= MAX_RESTARTS_PER_MINUTE) {
      this.#ready = Promise.reject(new Error('plugin host keeps crashing'));
      this.#ready.catch(() => undefined);
      // try again later; meanwhile requests get HOST_UNAVAILABLE
      setTimeout(() => {
        if (!this.#closed && !this.#proc) this.#restart();
      }, 10_000).unref?.();
      return;
    }
    this.#restarts.push(now);
    this.#launch().catch(() => undefined);
  }

  #onResult(id: number, results: PluginCallResult[]): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(results.map((r) => this.#record(checkOffsets(r, pending.textLength))));
  }

  #record(result: PluginCallResult): PluginRunResult {
    this.#stats.record(result);
    const out: PluginRunResult = { plugin: result.plugin, findings: result.findings, durationMs: result.durationMs };
    if (result.instructions !== undefined) out.instructions = result.instructions;
    if (result.error) out.error = result.error;
    return out;
  }

  #failPending(code: PluginCallErrorCode, message: string): void {
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      clearTimeout(pending.timer);
      pending.resolve(pending.plugins.map((p) => this.#record(failed(p, code, message))));
    }
  }
}

function failed(plugin: string, code: PluginCallErrorCode, message: string): PluginCallResult {
  return { plugin, findings: [], durationMs: 0, error: { code, message } };
}

/** The host already checked offsets; check again here, where the text is (the host is not trusted blindly). */
function checkOffsets(result: PluginCallResult, textLength: number): PluginCallResult {
  const bad = result.findings.findIndex((f) => !(f.start < f.end && f.end <= textLength));
  if (bad < 0) return result;
  return { ...result, findings: [], error: { code: 'BAD_OUTPUT', message: `Saída do plugin com posições inválidas em findings[${bad}].` } };
}

function toInfo(s: PluginStatus): PluginInfo {
  const info: PluginInfo = { dir: s.dir, status: s.status };
  if (s.key) info.key = s.key;
  if (s.manifest) info.manifest = s.manifest;
  if (s.error) info.error = s.error;
  if (s.capabilities) info.capabilities = s.capabilities;
  return info;
}

function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/** What the sandboxed host needs to read: its bundle, the packages it imports, package.json, the plugins. */
function sandboxReadPaths(entry: string, pluginDirs: string[]): string[] {
  const root = packageRoot();
  return [
    path.dirname(entry),
    path.join(root, 'package.json'),
    packageDir('@extism/extism', root),
    packageDir('zod', root),
    ...pluginDirs.map((d) => path.resolve(d)),
  ];
}

/** Folder of an installed package, wherever npm put it (hoisted or nested). */
function packageDir(name: string, root: string): string {
  try {
    const resolved = createRequire(path.join(root, 'package.json')).resolve(name);
    const marker = `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`;
    const at = resolved.lastIndexOf(marker);
    if (at >= 0) return resolved.slice(0, at + marker.length - 1);
  } catch {
    // fall through
  }
  return path.join(root, 'node_modules', ...name.split('/'));
}
