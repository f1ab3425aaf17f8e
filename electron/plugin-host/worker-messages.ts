/** Messages between the plugin host's main thread and its worker threads (same process, our own code). */
import type { MessagePort } from 'node:worker_threads';
import type { PluginLogLevel } from '../shared/plugin-host-functions.js';
import type { CallOutcome, InstanceSpec } from './plugin-instance.js';

/**
 * A job for one worker: every requested plugin of a document (of a few documents when many wait), run in
 * order. The worker sends the
 * outcomes with `done`; when a document takes a while it also hands over those it has every few milliseconds
 * (WorkerResults on its results port, read synchronously by the host), so a plugin that has to be stopped
 * costs at most that much finished work, which the host then runs again on the replacement worker.
 */
export type ToWorker =
  | { type: 'init'; plugins: InstanceSpec[] }
  /** Plugin `keys[i]` runs on document `docs[i]` (inputs[docs[i]], of textLengths[docs[i]] characters). */
  | { type: 'run'; id: number; keys: string[]; docs: number[]; inputs: Uint8Array[]; textLengths: number[] };

export type FromWorker =
  | { type: 'started' }
  | { type: 'loaded'; key: string; error?: string }
  | { type: 'ready' }
  | { type: 'done'; id: number; results: WorkerResult[] }
  | { type: 'log'; key: string; level: PluginLogLevel; message: string }
  | { type: 'audit'; key: string; event: Record<string, unknown> };

/** Outcome of `keys[index]` of run `id`. */
export interface WorkerResult {
  id: number;
  index: number;
  outcome: CallOutcome;
}

/** When more documents wait than workers are idle, a worker takes up to this many in one job. */
export const MAX_DOCUMENTS_PER_JOB = 4;

/** Finished outcomes older than this are handed to the host before the next plugin starts. */
export const RESULT_FLUSH_MS = 2;

/** What the worker is given at start (workerData). */
export interface WorkerData {
  /** Where outcomes go (the host drains it with receiveMessageOnPort). */
  results: MessagePort;
  /** Shared with the host: which plugin of the current run is running and since when (see RunControl). */
  control: SharedArrayBuffer;
}

/**
 * The worker's "now running plugin i since t" marker, in shared memory: the host reads it when a deadline
 * timer fires, so a run of seven plugins costs no extra message, yet each plugin still gets its own time limit.
 * Layout (a seqlock, written by one thread): Int32 [0] = sequence (odd while being written), Int32 [1] = index of
 * the running plugin in the current run (-1 = not started), Float64 [1] = when it started (ms since the epoch,
 * sub-millisecond: performance.timeOrigin + performance.now(), comparable across threads).
 */
export class RunControl {
  static readonly BYTES = 16;
  readonly #ints: Int32Array;
  readonly #started: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.#ints = new Int32Array(buffer, 0, 2);
    this.#started = new Float64Array(buffer, 8, 1);
  }

  static create(): RunControl {
    return new RunControl(new SharedArrayBuffer(RunControl.BYTES));
  }

  /** Host: a run was just posted; nothing of it started yet (the worker is idle, so no concurrent writer). */
  reset(): void {
    this.#write(-1, 0);
  }

  /** Worker: plugin `index` of the current run starts now. */
  begin(index: number): void {
    this.#write(index, epochNow());
  }

  /** Host: the running plugin and its start time (index -1: none started yet). */
  read(): { index: number; startedAt: number } {
    // Bounded: a worker terminated in the middle of a write must not hang the host.
    for (let spins = 0; ; spins++) {
      const seq = Atomics.load(this.#ints, 0);
      const index = Atomics.load(this.#ints, 1);
      const startedAt = this.#started[0] as number;
      if ((seq % 2 === 0 && Atomics.load(this.#ints, 0) === seq) || spins >= 1000) return { index, startedAt };
    }
  }

  #write(index: number, startedAt: number): void {
    Atomics.add(this.#ints, 0, 1);
    this.#started[0] = startedAt;
    Atomics.store(this.#ints, 1, index);
    Atomics.add(this.#ints, 0, 1);
  }
}

/** Milliseconds since the epoch with sub-millisecond precision, comparable across threads. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
