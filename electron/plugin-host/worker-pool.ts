/**
 * A pool of plugin worker threads inside the plugin host process. Every worker holds an instance of every
 * enabled plugin (modules are compiled once and posted to the workers). A document is one job: all its
 * plugins go to the same worker in one message and run there in turn (documents run in parallel across
 * workers); jobs wait in one FIFO queue and go to the first idle worker, which takes a few at once when more
 * documents wait than workers are idle (MAX_DOCUMENTS_PER_JOB): fewer wake-ups between threads per document.
 *
 * Each plugin keeps its own time limit, enforced here on the host's main thread without a message per plugin:
 * the worker marks in shared memory which plugin it is running and since when (RunControl), and one timer per
 * busy worker, set for the running plugin's deadline, re-reads the mark when it fires. When a plugin overruns,
 * the worker is terminated (which stops even an infinite wasm loop) and replaced by a warm spare; that plugin
 * fails with TIMEOUT and the rest of the document goes back to the head of the queue. The worker sends the
 * outcomes with its 'done' message (one message per job), and hands over finished ones every
 * RESULT_FLUSH_MS on a results port this thread drains synchronously, so a stopped job re-runs at most
 * a few milliseconds of finished plugins (which may then log or audit twice).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CallOutcome, InstanceSpec } from './plugin-instance.js';
import { epochNow, MAX_DOCUMENTS_PER_JOB, RunControl, type FromWorker, type ToWorker, type WorkerData, type WorkerResult } from './worker-messages.js';
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

/** One document: the plugins asked for and their outcomes as they come in. */
interface Batch {
  keys: string[];
  input: Uint8Array;
  textLength: number;
  outcomes: Array<CallOutcome | undefined>;
  left: number;
  resolve: (outcomes: CallOutcome[]) => void;
}

/** One plugin of one document. */
interface Task {
  batch: Batch;
  /** Index in batch.keys. */
  position: number;
}

/** What one worker is given at once: a document's plugins still to run (several documents when many wait). */
interface Job {
  tasks: Task[];
}

/** Input bytes a worker takes at once when it takes several documents (MAX_DOCUMENTS_PER_JOB). */
const MAX_INPUT_BYTES_PER_JOB = 64 * 1024;

interface Slot {
  worker: Worker;
  /** Where the worker posts each plugin's outcome; never listened to, drained with receiveMessageOnPort. */
  results: MessagePort;
  control: RunControl;
  /** Position in the pool; -1 for the spare. */
  index: number;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  job?: Job;
  jobId?: number;
  /** When the job was posted (epoch ms): the start of its first plugin until the worker marks it. */
  postedAt?: number;
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
const CLOSED: CallOutcome = { ok: false, code: 'CRASHED', message: 'O processo de plugins foi encerrado.', durationMs: 0, memoryPages: 0 };

const notLoaded = (key: string, message = `Plugin ${key} não está carregado.`): CallOutcome =>
  ({ ok: false, code: 'NOT_LOADED', message, durationMs: 0, memoryPages: 0 });

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

  /** Workers ready for a job right now (diagnostics, tests). */
  get idleWorkers(): number {
    return this.#slots.filter((s) => s.state === 'idle').length;
  }

  has(key: string): boolean {
    return this.#plugins.has(key);
  }

  /** Runs one plugin; never rejects. */
  async run(key: string, input: Uint8Array, textLength: number): Promise<CallOutcome> {
    const [outcome] = await this.runAll([key], input, textLength);
    return outcome as CallOutcome;
  }

  /** Runs several plugins on one input (one document) on one worker; one outcome per key, in order. Never rejects. */
  runAll(keys: string[], input: Uint8Array, textLength: number): Promise<CallOutcome[]> {
    return new Promise((resolve) => {
      const batch: Batch = { keys, input, textLength, outcomes: new Array<CallOutcome | undefined>(keys.length), left: keys.length, resolve };
      const tasks: Task[] = [];
      keys.forEach((key, position) => {
        if (this.#closed) this.#settle(batch, position, CLOSED);
        else if (!this.#plugins.has(key)) this.#settle(batch, position, notLoaded(key));
        else tasks.push({ batch, position });
      });
      if (tasks.length === 0) return;
      this.#queue.push({ tasks });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) this.#settleAll(job, CLOSED);
    const all = this.#spare ? [...this.#slots, this.#spare] : [...this.#slots];
    this.#spare = undefined;
    await Promise.all(all.map((slot) => {
      clearTimeout(slot.timer);
      clearTimeout(slot.loadTimer);
      if (slot.job) {
        this.#collect(slot);
        this.#settleAll(slot.job, CLOSED);
        slot.job = undefined;
      }
      slot.state = 'dead';
      slot.results.close();
      return slot.worker.terminate();
    }));
  }

  #settle(batch: Batch, position: number, outcome: CallOutcome): void {
    if (batch.outcomes[position] !== undefined) return;
    batch.outcomes[position] = outcome;
    if (--batch.left === 0) batch.resolve(batch.outcomes as CallOutcome[]);
  }

  #settleAll(job: Job, outcome: CallOutcome): void {
    for (const t of job.tasks) this.#settle(t.batch, t.position, outcome);
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
    const channel = new MessageChannel();
    const control = RunControl.create();
    const data: WorkerData = { results: channel.port2, control: control.buffer };
    const worker = new Worker(this.#opts.workerUrl, {
      resourceLimits: WORKER_LIMITS, stdout: false, stderr: false, env: {}, workerData: data, transferList: [channel.port2],
    });
    const plugins = [...this.#plugins.values()];
    const slot: Slot = { worker, results: channel.port1, control, index, state: 'starting', onReady, initList: plugins };
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
      job.tasks = job.tasks.filter((t) => {
        if (t.batch.keys[t.position] !== key) return true;
        this.#settle(t.batch, t.position, notLoaded(key, failure.message));
        return false;
      });
      if (job.tasks.length === 0) this.#queue.splice(i, 1);
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
        this.#collect(slot);
        this.#accept(job, msg.id, msg.results);
        slot.job = undefined;
        slot.jobId = undefined;
        slot.state = 'idle';
        this.#crashStreak = 0;
        // every outcome came with 'done' or before it; a missing one would be our bug, never a silent hole
        this.#settleAll(job, { ok: false, code: 'CRASHED', message: 'O processo de plugins perdeu o resultado do plugin.', durationMs: 0, memoryPages: 0 });
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

  /** Takes the outcomes the worker handed over early for its current job (see RESULT_FLUSH_MS). */
  #collect(slot: Slot): void {
    for (let m = receiveMessageOnPort(slot.results); m; m = receiveMessageOnPort(slot.results)) {
      if (slot.job && slot.jobId !== undefined) this.#accept(slot.job, slot.jobId, m.message as WorkerResult[]);
    }
  }

  #accept(job: Job, id: number, results: WorkerResult[]): void {
    for (const r of results) {
      const task = r.id === id ? job.tasks[r.index] : undefined;
      if (task) this.#settle(task.batch, task.position, r.outcome);
    }
  }

  /**
   * The job's plugin that was running when the worker stopped (timeout or death) gets `outcome`; the others
   * without an outcome (those after it, and finished ones the worker had not handed over yet) go back to the
   * head of the queue, for the next worker.
   */
  #abandon(slot: Slot, outcome: (key: string, elapsedMs: number) => CallOutcome): void {
    const job = slot.job;
    if (!job) return;
    this.#collect(slot);
    slot.job = undefined;
    slot.jobId = undefined;
    const { index, startedAt } = this.#running(slot);
    const task = job.tasks[index];
    if (task) this.#settle(task.batch, task.position, outcome(task.batch.keys[task.position] as string, Math.max(0, epochNow() - startedAt)));
    const rest = job.tasks.filter((t) => t.batch.outcomes[t.position] === undefined);
    if (rest.length > 0) {
      if (this.#closed) this.#settleAll({ tasks: rest }, CLOSED);
      else this.#queue.unshift({ tasks: rest });
    }
  }

  /** Which plugin of the slot's job is running and since when (before the worker's first mark: the first one, since posting). */
  #running(slot: Slot): { index: number; startedAt: number } {
    const mark = slot.control.read();
    return mark.index < 0 ? { index: 0, startedAt: slot.postedAt ?? epochNow() } : mark;
  }

  #onDeath(slot: Slot, why: string, outOfMemory = false): void {
    if (slot.state === 'dead' || this.#closed) return;
    const wasStarting = slot.state === 'starting';
    slot.state = 'dead';
    clearTimeout(slot.timer);
    clearTimeout(slot.loadTimer);
    this.#abandon(slot, (_key, elapsed) => (outOfMemory
      ? { ok: false, code: 'MEMORY', message: 'O plugin esgotou a memória da thread e foi interrompido.', durationMs: elapsed, memoryPages: 0 }
      : { ok: false, code: 'CRASHED', message: `O plugin encerrou de forma inesperada (${why}).`, durationMs: elapsed, memoryPages: 0 }));
    slot.results.close();
    if (wasStarting && slot.alive && slot.loading) {
      // Dying while instantiating a plugin (e.g. out of memory in its start function): blame that plugin.
      this.#drop(slot.loading, { code: 'INSTANTIATE_FAILED', message: `Falha ao instanciar o plugin: ${why}.` });
    }
    void slot.worker.terminate();
    this.#crashStreak++;
    const delay = Math.min(5000, this.#crashStreak > 3 ? 100 * 2 ** (this.#crashStreak - 3) : 0);
    if (delay > 0) setTimeout(() => this.#respawn(slot), delay).unref?.();
    else this.#respawn(slot);
    this.#pump();
  }

  /** Starts a fresh worker in a dead slot's place (the spare's, or its index in the pool). */
  #respawn(slot: Slot): void {
    if (this.#closed) return;
    if (slot === this.#spare) {
      this.#spare = undefined;
      this.#spawnSpare();
    } else if (this.#slots[slot.index] === slot) {
      this.#spawn(slot.index, slot.onReady);
    }
  }

  /** Terminates a worker (stuck call or stuck init) and starts a fresh one in its place. */
  #replace(slot: Slot): void {
    if (slot.state === 'dead') return;
    slot.state = 'dead';
    clearTimeout(slot.timer);
    clearTimeout(slot.loadTimer);
    slot.results.close();
    void slot.worker.terminate();
    this.#respawn(slot);
  }

  #pump(): void {
    if (this.#closed) return;
    for (const slot of this.#slots) {
      if (slot.state !== 'idle') continue;
      const job = this.#nextJob();
      if (!job) return;
      // more documents waiting than idle workers: take a few at once (fewer messages between threads)
      const idle = this.#slots.filter((s) => s.state === 'idle').length;
      let documents = 1;
      let bytes = job.tasks[0]?.batch.input.byteLength ?? 0;
      while (this.#queue.length >= idle && documents < MAX_DOCUMENTS_PER_JOB) {
        const next = this.#queue[0] as Job;
        const size = next.tasks[0]?.batch.input.byteLength ?? 0;
        if (bytes + size > MAX_INPUT_BYTES_PER_JOB) break;
        const more = this.#nextJob();
        if (!more) break;
        job.tasks.push(...more.tasks);
        documents++;
        bytes += size;
      }
      this.#dispatch(slot, job);
    }
  }

  #dispatch(slot: Slot, job: Job): void {
    const id = this.#nextId++;
    slot.state = 'busy';
    slot.job = job;
    slot.jobId = id;
    slot.control.reset();
    slot.postedAt = epochNow();
    const inputs: Uint8Array[] = [];
    const textLengths: number[] = [];
    const docs: number[] = [];
    const seen = new Map<Batch, number>();
    for (const { batch } of job.tasks) {
      let at = seen.get(batch);
      if (at === undefined) {
        at = inputs.length;
        seen.set(batch, at);
        inputs.push(batch.input);
        textLengths.push(batch.textLength);
      }
      docs.push(at);
    }
    const keys = job.tasks.map((t) => t.batch.keys[t.position] as string);
    slot.worker.postMessage({ type: 'run', id, keys, docs, inputs, textLengths } satisfies ToWorker);
    this.#armDeadline(slot);
  }

  /** The next queued job with something left to run (plugins dropped while it waited answer NOT_LOADED). */
  #nextJob(): Job | undefined {
    for (let job = this.#queue.shift(); job; job = this.#queue.shift()) {
      job.tasks = job.tasks.filter((t) => {
        const key = t.batch.keys[t.position] as string;
        if (this.#plugins.has(key)) return true;
        this.#settle(t.batch, t.position, notLoaded(key));
        return false;
      });
      if (job.tasks.length > 0) return job;
    }
    return undefined;
  }

  /**
   * Sets the slot's timer for the earliest moment a plugin of its job could overrun: the running plugin's
   * deadline, or sooner if a plugin after it has a shorter limit (it may start any moment now). When the timer
   * fires it re-reads the worker's mark; a plugin past its own deadline is stopped (TIMEOUT).
   */
  #armDeadline(slot: Slot): void {
    const job = slot.job;
    if (!job || slot.state !== 'busy') return;
    const { index, startedAt } = this.#running(slot);
    const limitOf = (i: number): number => {
      const task = job.tasks[i];
      const key = task?.batch.keys[task.position];
      // (the worker's own list: a plugin dropped from the pool meanwhile keeps its limit)
      return slot.initList.find((s) => s.key === key)?.limits.timeoutMs ?? 1000;
    };
    const timeoutMs = limitOf(index);
    let wait = startedAt + timeoutMs - epochNow();
    if (wait > 0) {
      for (let i = index + 1; i < job.tasks.length; i++) wait = Math.min(wait, limitOf(i));
      slot.timer = setTimeout(() => this.#armDeadline(slot), wait);
      return;
    }
    this.#abandon(slot, (_key, elapsed) =>
      ({ ok: false, code: 'TIMEOUT', message: `O plugin excedeu o tempo limite de ${timeoutMs} ms e foi interrompido.`, durationMs: elapsed, memoryPages: 0 }));
    this.#replace(slot);
    this.#pump();
  }
}
