/**
 * Developer-mode hot reload of one plugin folder. The folder is watched (fs.watch, debounced); on a change
 * the new version is checked and health-tested in a NEW plugin host (it must load and answer a call on the
 * sample text without error) before it replaces the old one. Calls already running finish on the old host,
 * which is closed once they are done; a version that fails the check is rejected and the old one keeps serving.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { AnalyzeOptions, PluginHostClient, PluginRunResult } from './plugin-host-client.js';
import { SAMPLE_TEXT } from './sample-text.js';

/** Routes calls to the current host; swap() lets in-flight calls finish on the old host before closing it. */
export class SwappableHost {
  #current: PluginHostClient;
  readonly #inFlight = new Map<PluginHostClient, number>();
  readonly #drained = new Map<PluginHostClient, () => void>();
  #closed = false;

  constructor(initial: PluginHostClient) {
    this.#current = initial;
  }

  get current(): PluginHostClient {
    return this.#current;
  }

  async analyze(text: string, opts: AnalyzeOptions = {}): Promise<PluginRunResult[]> {
    if (this.#closed) throw new Error('SwappableHost is closed');
    const host = this.#current;
    this.#inFlight.set(host, (this.#inFlight.get(host) ?? 0) + 1);
    try {
      return await host.analyze(text, opts);
    } finally {
      const left = (this.#inFlight.get(host) ?? 1) - 1;
      if (left === 0) {
        this.#inFlight.delete(host);
        this.#drained.get(host)?.();
      } else this.#inFlight.set(host, left);
    }
  }

  /** Makes `next` the current host; resolves when the old one has finished its calls and is closed. */
  async swap(next: PluginHostClient): Promise<void> {
    const old = this.#current;
    this.#current = next;
    if ((this.#inFlight.get(old) ?? 0) > 0) await new Promise<void>((resolve) => this.#drained.set(old, resolve));
    this.#drained.delete(old);
    await old.close();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#current.close();
  }
}

export type HotReloadEvent =
  | { type: 'reloaded'; plugin: string; findings: number; durationMs: number }
  | { type: 'rejected'; message: string };

export interface HotReloadOptions {
  /** The built plugin folder to watch (plugin.json + plugin.wasm). */
  dir: string;
  /** Starts a plugin host serving the plugin in `dir`. */
  startHost: (dir: string) => Promise<PluginHostClient>;
  /** Extra checks before a version is accepted (e.g. trust); throw with a Portuguese message to reject. */
  check?: (dir: string) => Promise<void>;
  sampleText?: string;
  debounceMs?: number;
  onEvent?: (event: HotReloadEvent) => void;
}

export class PluginHotReloader {
  readonly #opts: HotReloadOptions;
  readonly #host: SwappableHost;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #reloading: Promise<HotReloadEvent> | undefined;
  #again = false;
  #closed = false;

  private constructor(opts: HotReloadOptions, host: SwappableHost) {
    this.#opts = opts;
    this.#host = host;
  }

  /** Loads and health-tests the current version (throws with the reason when it is not healthy), then watches. */
  static async start(opts: HotReloadOptions): Promise<PluginHotReloader> {
    const first = await healthyHost(opts);
    if (!first.ok) throw new Error(first.message);
    const reloader = new PluginHotReloader(opts, new SwappableHost(first.host));
    reloader.#watcher = watch(opts.dir, () => reloader.#schedule());
    reloader.#watcher.on('error', () => undefined);
    return reloader;
  }

  analyze(text: string, opts: AnalyzeOptions = {}): Promise<PluginRunResult[]> {
    return this.#host.analyze(text, opts);
  }

  get host(): PluginHostClient {
    return this.#host.current;
  }

  /** Checks the folder now and swaps when healthy (what a change in the folder triggers, debounced). */
  reloadNow(): Promise<HotReloadEvent> {
    if (this.#reloading) {
      this.#again = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      let event: HotReloadEvent;
      do {
        this.#again = false;
        const next = await healthyHost(this.#opts);
        if (this.#closed) {
          if (next.ok) await next.host.close();
          return { type: 'rejected', message: 'encerrado' } as const;
        }
        if (next.ok) {
          await this.#host.swap(next.host);
          event = { type: 'reloaded', plugin: next.plugin, findings: next.findings, durationMs: next.durationMs };
        } else {
          event = { type: 'rejected', message: next.message };
        }
        this.#opts.onEvent?.(event);
      } while (this.#again && !this.#closed);
      return event;
    })().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#watcher?.close();
    await this.#reloading?.catch(() => undefined);
    await this.#host.close();
  }

  #schedule(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.reloadNow(), this.#opts.debounceMs ?? 300);
    this.#timer.unref?.();
  }
}

type Health = { ok: true; host: PluginHostClient; plugin: string; findings: number; durationMs: number } | { ok: false; message: string };

async function healthyHost(opts: HotReloadOptions): Promise<Health> {
  try {
    await opts.check?.(opts.dir);
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
  let host: PluginHostClient;
  try {
    host = await opts.startHost(opts.dir);
  } catch (err) {
    return { ok: false, message: `O processo de plugins não iniciou: ${(err as Error).message}` };
  }
  const status = host.plugins()[0];
  if (!status || status.status !== 'loaded') {
    await host.close();
    return { ok: false, message: `Nova versão recusada: ${status?.error?.message ?? 'o plugin não carregou.'}` };
  }
  const [result] = await host.analyze(opts.sampleText ?? SAMPLE_TEXT);
  if (!result || result.error) {
    await host.close();
    return { ok: false, message: `Nova versão recusada no teste de saúde: ${result?.error?.message ?? 'sem resposta.'}` };
  }
  return { ok: true, host, plugin: result.plugin, findings: result.findings.length, durationMs: result.durationMs };
}
