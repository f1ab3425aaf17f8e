/**
 * A pool of plugin worker threads inside the plugin host process. Every worker holds an instance of every
 * enabled plugin (modules are compiled once and posted to the workers); calls wait in one FIFO queue and
 * go to the first idle worker. Each call is timed here, on the host's main thread: on timeout the worker
 * is terminated (which stops even an infinite wasm loop) and replaced, and the call fails with TIMEOUT.
 */
import { Worker } from 'node:worker_threads';
import type { CallOutcome, InstanceSpec } from './plugin-instance.js';
import type { FromWorker, ToWorker } from './worker-messages.js';
import type { PluginLogLevel } from '../shared/plugin-host-functions.js';

export interface WorkerPoolOptions {
  workerUrl: URL;
  size: number;
  onLog?: (key: string, level: PluginLogLevel, message: string) => void;
  onAudit?: (key: string, event: Record<string, unknown>) => void;
  /** Extra time allowed for instantiating one plugin in a worker, on top of its timeoutMs. */
  loadGraceMs?: number;
}

export interface LoadFailure {
  code: 'INSTANTIATE_FAILED' | 'LOAD_TIMEOUT';
  message: string;
}

interface Job {
  key: string;
  input: Uint8Array;
  textLength: number;
  resolve: (outcome: CallOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** Position in the pool; -1 for the spare. */
  index: number;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  job?: Job;
  jobId?: number;
  startedAt?: number;
  timer?: NodeJS.Timeout;
  /** Plugin being instantiated (init phase) and its timer. */
  loading?: string;
  loadTimer?: NodeJS.Timeout;
  onReady?: () => void;
  /** The worker's code is running (so a death while loading is the plugin's fault, not ours). */
  alive?: boolean;
  /** What this worker was asked to instantiate, in order. */
  initList: InstanceSpec[];
}

const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 };

export class WorkerPool {
  readonly #opts: WorkerPoolOptions;
  readonly #plugins = new Map<string, InstanceSpec>();
  readonly #failed = new Map<string, LoadFailure>();
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #crashStreak = 0;
  #spare: Slot | undefined;

  private constructor(opts: WorkerPoolOptions, plugins: InstanceSpec[]) {
    this.#opts = opts;
    for (const p of plugins) this.#plugins.set(p.key, p);
  }

  /**
   * Starts the pool. The first worker vets every plugin (instantiation errors, start functions that never
   * return); plugins that fail are reported and left out, then the other workers start in the background.
   */
  static async start(plugins: InstanceSpec[], opts: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts, plugins);
    await new Promise<void>((resolve) => pool.#spawn(0, resolve));
    for (let i = 1; i < Math.max(1, opts.size); i++) pool.#spawn(i);
    pool.#spawnSpare();
    return pool;
  }

  /** Plugins that could not be instantiated, with why. */
  get failures(): ReadonlyMap<string, LoadFailure> {
    return this.#failed;
  }

  get size(): number {
    return this.#slots.length;
  }

  has(key: string): boolean {
    return this.#plugins.has(key);
  }

  /** Runs one call; never rejects. */
  run(key: string, input: Uint8Array, textLength: number): Promise<CallOutcome> {
    if (this.#closed || !this.#plugins.has(key)) {
      return Promise.resolve({ ok: false, code: 'NOT_LOADED', message: `Plugin ${key} não está carregado.`, durationMs: 0, memoryPages: 0 });
    }
    return new Promise((resolve) => {
      this.#queue.push({ key, input, textLength, resolve });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.resolve({ ok: false, code: 'CRASHED', message: 'O processo de plugins foi encerrado.', durationMs: 0, memoryPages: 0 });
    const all = this.#spare ? [...this.#slots, this.#spare] : [...this.#slots];
    this.#spare = undefined;
    await Promise.all(all.map((slot) => {
      clearTimeout(slot.timer);
      clearTimeout(slot.loadTimer);
      slot.job?.resolve({ ok: false, code: 'CRASHED', message: 'O processo de plugins foi encerrado.', durationMs: 0, memoryPages: 0 });
      slot.state = 'dead';
      return slot.worker.terminate();
    }));
  }

  /** A warm worker (all plugins instantiated) that takes the place of one terminated on timeout or crash. */
  #spawnSpare(): void {
    if (this.#closed || this.#spare) return;
    this.#spare = this.#createWorker(-1);
  }

  #spawn(index: number, onReady?: () => void): void {
    const spare = this.#spare;
    if (spare && spare.state === 'idle' && !onReady) {
      // Promote the warm spare: the slot is serving again at once.
      this.#spare = undefined;
      spare.index = index;
      this.#slots[index] = spare;
      this.#spawnSpare();
      this.#pump();
      return;
    }
    this.#slots[index] = this.#createWorker(index, onReady);
  }

  #createWorker(index: number, onReady?: () => void): Slot {
    const worker = new Worker(this.#opts.workerUrl, { resourceLimits: WORKER_LIMITS, stdout: false, stderr: false, env: {} });
    const plugins = [...this.#plugins.values()];
    const slot: Slot = { worker, index, state: 'starting', onReady, initList: plugins };
    worker.on('message', (msg: FromWorker) => this.#onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => this.#onDeath(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memória esgotada' : 'erro interno no processo de plugins', err.code === 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', (code) => this.#onDeath(slot, `a thread do plugin terminou (código ${code})`));
    worker.postMessage({ type: 'init', plugins } satisfies ToWorker);
    return slot;
  }

  #armLoad(slot: Slot, plugins: InstanceSpec[], next: number): void {
    clearTimeout(slot.loadTimer);
    const spec = plugins[next];
    slot.loading = spec?.key;
    if (!spec) return;
    slot.loadTimer = setTimeout(() => {
      this.#drop(spec.key, { code: 'LOAD_TIMEOUT', message: `O plugin não terminou de inicializar em ${spec.limits.timeoutMs} ms.` });
      this.#replace(slot);
    }, spec.limits.timeoutMs + (this.#opts.loadGraceMs ?? 1000));
    slot.loadTimer.unref?.();
  }

  #drop(key: string, failure: LoadFailure): void {
    if (!this.#plugins.delete(key)) return;
    this.#failed.set(key, failure);
    for (let i = this.#queue.length - 1; i >= 0; i--) {
      const job = this.#queue[i] as Job;
      if (job.key === key) {
        this.#queue.splice(i, 1);
        job.resolve({ ok: false, code: 'NOT_LOADED', message: failure.message, durationMs: 0, memoryPages: 0 });
      }
    }
  }

  #onMessage(slot: Slot, msg: FromWorker): void {
    if (slot.state === 'dead') return;
    switch (msg.type) {
      case 'started':
        slot.alive = true;
        this.#armLoad(slot, slot.initList, 0);
        break;
      case 'loaded': {
        if (msg.error) this.#drop(msg.key, { code: 'INSTANTIATE_FAILED', message: `Falha ao instanciar o plugin: ${msg.error}` });
        // Arm the timer for the plugin the worker instantiates next.
        const at = slot.initList.findIndex((p) => p.key === msg.key);
        this.#armLoad(slot, slot.initList, at + 1);
        break;
      }
      case 'ready':
        clearTimeout(slot.loadTimer);
        slot.loading = undefined;
        slot.state = 'idle';
        slot.onReady?.();
        slot.onReady = undefined;
        this.#pump();
        break;
      case 'done': {
        if (slot.jobId !== msg.id || !slot.job) return;
        clearTimeout(slot.timer);
        const job = slot.job;
        slot.job = undefined;
        slot.jobId = undefined;
        slot.state = 'idle';
        this.#crashStreak = 0;
        job.resolve(msg.outcome);
        this.#pump();
        break;
      }
      case 'log':
        this.#opts.onLog?.(msg.key, msg.level, msg.message);
        break;
      case 'audit':
        this.#opts.onAudit?.(msg.key, msg.event);
        break;
    }
  }

  #onDeath(slot: Slot, why: string, outOfMemory = false): void {
    if (slot.state === 'dead' || this.#closed) return;
    const wasStarting = slot.state === 'starting';
    slot.state = 'dead';
    clearTimeout(slot.timer);
    clearTimeout(slot.loadTimer);
    if (slot.job) {
      const elapsed = performance.now() - (slot.startedAt ?? performance.now());
      slot.job.resolve(outOfMemory
        ? { ok: false, code: 'MEMORY', message: 'O plugin esgotou a memória da thread e foi interrompido.', durationMs: elapsed, memoryPages: 0 }
        : { ok: false, code: 'CRASHED', message: `O plugin encerrou de forma inesperada (${why}).`, durationMs: elapsed, memoryPages: 0 });
      slot.job = undefined;
    }
    if (wasStarting && slot.alive && slot.loading) {
      // Dying while instantiating a plugin (e.g. out of memory in its start function): blame that plugin.
      this.#drop(slot.loading, { code: 'INSTANTIATE_FAILED', message: `Falha ao instanciar o plugin: ${why}.` });
    }
    void slot.worker.terminate();
    this.#crashStreak++;
    const delay = Math.min(5000, this.#crashStreak > 3 ? 100 * 2 ** (this.#crashStreak - 3) : 0);
    const respawn = () => {
      if (this.#closed) return;
      if (slot === this.#spare) {
        this.#spare = undefined;
        this.#spawnSpare();
      } else if (this.#slots[slot.index] === slot) {
        this.#spawn(slot.index, slot.onReady);
      }
    };
    if (delay > 0) setTimeout(respawn, delay).unref?.();
    else respawn();
  }

  /** Terminates a worker (stuck call or stuck init) and starts a fresh one in its place. */
  #replace(slot: Slot): void {
    if (slot.state === 'dead') return;
    slot.state = 'dead';
    clearTimeout(slot.timer);
    clearTimeout(slot.loadTimer);
    void slot.worker.terminate();
    if (this.#closed) return;
    if (slot === this.#spare) {
      this.#spare = undefined;
      this.#spawnSpare();
    } else if (this.#slots[slot.index] === slot) {
      this.#spawn(slot.index, slot.onReady);
    }
  }

  #pump(): void {
    if (this.#closed) return;
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.state !== 'idle') continue;
      const job = this.#queue.shift() as Job;
      const spec = this.#plugins.get(job.key);
      if (!spec) {
        job.resolve({ ok: false, code: 'NOT_LOADED', message: `Plugin ${job.key} não está carregado.`, durationMs: 0, memoryPages: 0 });
        continue;
      }
      const id = this.#nextId++;
      slot.state = 'busy';
      slot.job = job;
      slot.jobId = id;
      slot.startedAt = performance.now();
      slot.timer = setTimeout(() => this.#onTimeout(slot, spec), spec.limits.timeoutMs);
      slot.worker.postMessage({ type: 'call', id, key: job.key, input: job.input, textLength: job.textLength } satisfies ToWorker);
    }
  }

  #onTimeout(slot: Slot, spec: InstanceSpec): void {
    const job = slot.job;
    if (!job || slot.state !== 'busy') return;
    const elapsed = performance.now() - (slot.startedAt ?? performance.now());
    slot.job = undefined;
    job.resolve({ ok: false, code: 'TIMEOUT', message: `O plugin excedeu o tempo limite de ${spec.limits.timeoutMs} ms e foi interrompido.`, durationMs: elapsed, memoryPages: 0 });
    this.#replace(slot);
  }
}
