/**
 * Client of the extraction process. Documents are sent one at a time; each has its own time limit, after
 * which the process is killed and a fresh one takes the next document. A process that dies is replaced.
 * Every call ends with an ExtractedDocument or a SigiloError — never hangs.
 */
import { isErrorCode, SigiloError } from '../../shared/error-codes';
import { distPath } from '../app-paths';
import { launchForked, type IsolatedProcess, type ProcessLauncher } from '../isolated-process';
import {
  DEFAULT_TIMEOUT_MS,
  ExtractOptionsSchema,
  ExtractResponseSchema,
  type ExtractedDocument,
  type ExtractOptions,
  type ExtractRequest,
  type ProcessStats,
} from './types';

export interface ExtractionClientOptions {
  /** Script of the extraction process (default: dist/extraction/extract-process.js). */
  entry?: string;
  /** How the process is started (default: child_process.fork with an empty environment). */
  launcher?: ProcessLauncher;
  /** Default per-document time limit. */
  timeoutMs?: number;
  /** Receives the process's stderr (default: discarded, the tail is kept for error details). */
  onStderr?: (chunk: string) => void;
}

export interface ExtractCallOptions extends ExtractOptions {}

interface Pending {
  id: number;
  request: ExtractRequest;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: SigiloError) => void;
  kind: 'extract' | 'stats';
}

export class ExtractionClient {
  private readonly entry: string;
  private readonly launcher: ProcessLauncher;
  private readonly defaultTimeoutMs: number;
  private readonly onStderr: ((chunk: string) => void) | undefined;
  private child: IsolatedProcess | undefined;
  private readonly queue: Pending[] = [];
  private active: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;
  private stderrTail = '';
  /** How many processes were started (the first one included). */
  processesStarted = 0;

  private constructor(options: ExtractionClientOptions) {
    this.entry = options.entry ?? distPath('extraction', 'extract-process.js');
    this.launcher = options.launcher ?? launchForked;
    this.defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.onStderr = options.onStderr;
  }

  /** Starts the extraction process right away (so OCR/pdf.js warm up while the caller lists files). */
  static start(options: ExtractionClientOptions = {}): ExtractionClient {
    const client = new ExtractionClient(options);
    client.ensureChild();
    return client;
  }

  /** The current process id (changes after a timeout or a crash). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  extract(filePath: string, options: ExtractCallOptions): Promise<ExtractedDocument> {
    const valid = ExtractOptionsSchema.safeParse(options);
    if (!valid.success || filePath.length === 0) {
      return Promise.reject(new SigiloError('INTERNAL', `invalid extraction options: ${valid.error?.message ?? 'empty path'}`));
    }
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    return this.enqueue<ExtractedDocument>('extract', timeoutMs, (id) => ({ type: 'extract', id, filePath, options }));
  }

  /** Counters of the current process (documents served, blocked network attempts). */
  stats(timeoutMs = 10_000): Promise<ProcessStats> {
    return this.enqueue<ProcessStats>('stats', timeoutMs, (id) => ({ type: 'stats', id }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new SigiloError('INTERNAL', 'extraction client closed'));
    this.finishActive(new SigiloError('INTERNAL', 'extraction client closed'));
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  private enqueue<T>(kind: Pending['kind'], timeoutMs: number, build: (id: number) => ExtractRequest): Promise<T> {
    if (this.closed) return Promise.reject(new SigiloError('INTERNAL', 'extraction client closed'));
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, kind, request: build(id), timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private ensureChild(): IsolatedProcess {
    if (this.child) return this.child;
    const child = this.launcher(this.entry, {
      name: 'Sigilo extração',
      onStderr: (chunk) => {
        this.stderrTail = (this.stderrTail + chunk).slice(-4000);
        this.onStderr?.(chunk);
      },
    });
    this.processesStarted++;
    this.child = child;
    child.onMessage((raw) => this.onMessage(child, raw));
    child.onExit((code, signal) => this.onExit(child, code, signal));
    return child;
  }

  private pump(): void {
    if (this.active || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.active = next;
    const child = this.ensureChild();
    this.timer = setTimeout(() => {
      if (this.active !== next) return;
      // The parser is stuck (or too slow): kill the process; the next document gets a fresh one.
      this.replaceChild(child);
      this.finishActive(new SigiloError('TIMEOUT', `${next.timeoutMs} ms`));
    }, next.timeoutMs);
    child.send(next.request);
  }

  private replaceChild(child: IsolatedProcess): void {
    if (this.child === child) this.child = undefined;
    child.kill();
  }

  private finishActive(error?: SigiloError, value?: unknown): void {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (error) active.reject(error);
    else active.resolve(value);
    queueMicrotask(() => this.pump());
  }

  private onMessage(child: IsolatedProcess, raw: unknown): void {
    if (child !== this.child) return;
    const parsed = ExtractResponseSchema.safeParse(raw);
    if (!parsed.success) {
      this.replaceChild(child);
      this.finishActive(new SigiloError('INTERNAL', 'invalid message from the extraction process'));
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') return;
    const active = this.active;
    if (!active || active.id !== message.id) return;
    if (message.type === 'error') {
      this.finishActive(new SigiloError(isErrorCode(message.code) ? message.code : 'INTERNAL', message.detail));
    } else if (message.type === 'result' && active.kind === 'extract') {
      this.finishActive(undefined, message.document);
    } else if (message.type === 'stats' && active.kind === 'stats') {
      this.finishActive(undefined, message.stats);
    } else {
      this.finishActive(new SigiloError('INTERNAL', `unexpected ${message.type} message`));
    }
  }

  private onExit(child: IsolatedProcess, code: number | null, signal: string | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
    this.stderrTail = '';
    this.finishActive(new SigiloError('INTERNAL', `extraction process exited (${signal ?? code})${tail ? `: ${tail}` : ''}`));
  }
}
