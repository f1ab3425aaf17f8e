/**
 * Client of the extraction process. Documents are sent one at a time; each has its own time limit, after
 * which the process is killed and a fresh one takes the next document. A process that dies is replaced.
 * Every call ends with an ExtractedDocument (or a redacted copy) or a SigiloError/RedactionError — never hangs.
 *
 * Redaction runs in the same process (redact()): the pseudonym table stays here; its entries are read when
 * the document is sent and the entries the process issued are absorbed before the next document goes, so
 * concurrent calls on one table stay consistent.
 */
import { isErrorCode, SigiloError } from '../../shared/error-codes';
import { distPath } from '../app-paths';
import { launchForked, type IsolatedProcess, type ProcessLauncher } from '../isolated-process';
import type { RedactCallOptions, Redactor } from '../redaction/redact-file';
import { RedactionError } from '../redaction/redaction-error';
import {
  RedactableFindingSchema,
  RedactJobSchema,
  RedactionSourceSchema,
  type RedactableFinding,
  type RedactedContent,
  type RedactionSource,
} from '../redaction/redaction-protocol';
import {
  DEFAULT_REDACT_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  ExtractOptionsSchema,
  ExtractResponseSchema,
  type ExtractedDocument,
  type ExtractOptions,
  type ExtractRequest,
  type ExtractResponse,
  type ProcessStats,
} from './types';

export interface ExtractionClientOptions {
  /** Script of the extraction process (default: dist/extraction/extract-process.js). */
  entry?: string;
  /** How the process is started (default: child_process.fork with an empty environment). */
  launcher?: ProcessLauncher;
  /** Default per-document time limit. */
  timeoutMs?: number;
  /** Default per-document time limit of redactions (default: 10 minutes, or timeoutMs when that is longer). */
  redactTimeoutMs?: number;
  /** Receives the process's stderr (default: discarded, the tail is kept for error details). */
  onStderr?: (chunk: string) => void;
}

export interface ExtractCallOptions extends ExtractOptions {}

type Kind = 'extract' | 'stats' | 'redact';
type Reply<K extends Kind> = Extract<ExtractResponse, { type: K extends 'extract' ? 'result' : K extends 'stats' ? 'stats' : 'redacted' }>;

interface Pending {
  id: number;
  kind: Kind;
  /** Builds the request when it is sent (not when queued), so it sees the state left by earlier documents. */
  build: (id: number) => ExtractRequest;
  /** Turns the process's answer into the call's value; runs synchronously before the next document is sent. */
  accept: (message: ExtractResponse) => unknown;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class ExtractionClient implements Redactor {
  private readonly entry: string;
  private readonly launcher: ProcessLauncher;
  private readonly defaultTimeoutMs: number;
  private readonly redactTimeoutMs: number;
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
    this.redactTimeoutMs = options.redactTimeoutMs ?? Math.max(DEFAULT_REDACT_TIMEOUT_MS, this.defaultTimeoutMs);
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
    return this.enqueue('extract', timeoutMs, (id) => ({ type: 'extract', id, filePath, options }), (m) => m.document);
  }

  /** Counters of the current process (documents served, blocked network attempts). */
  stats(timeoutMs = 10_000): Promise<ProcessStats> {
    return this.enqueue('stats', timeoutMs, (id) => ({ type: 'stats', id }), (m) => m.stats);
  }

  /**
   * A redacted copy of a document, parsed and rendered in the isolated process. Nothing is written: the
   * caller writes the bytes (redactFile). A value the process cannot hide rejects with a RedactionError.
   */
  redact(source: RedactionSource, findings: readonly RedactableFinding[], options: RedactCallOptions): Promise<RedactedContent> {
    const checked = RedactionSourceSchema.safeParse(source);
    const checkedFindings = RedactableFindingSchema.array().safeParse(findings.map((f) => ({
      type: f.type, text: f.text, ...(f.decision ? { decision: f.decision } : {}), ...(f.page ? { page: f.page } : {}),
    })));
    if (!checked.success || !checkedFindings.success) {
      return Promise.reject(new SigiloError('INTERNAL', `invalid redaction request: ${(checked.error ?? checkedFindings.error)?.message ?? ''}`));
    }
    const { pseudonyms } = options;
    const timeoutMs = options.timeoutMs ?? this.redactTimeoutMs;
    return this.enqueue('redact', timeoutMs, (id) => {
      const job = RedactJobSchema.parse({
        source: checked.data,
        findings: checkedFindings.data,
        mode: options.mode,
        pseudonyms: pseudonyms.entries(),
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
        ...(options.dpi !== undefined ? { dpi: options.dpi } : {}),
      });
      return { type: 'redact', id, job };
    }, (m) => {
      pseudonyms.absorb(m.result.pseudonyms);
      const { pseudonyms: _issued, ...content } = m.result;
      return content;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new SigiloError('INTERNAL', 'extraction client closed'));
    this.finishActive(new SigiloError('INTERNAL', 'extraction client closed'));
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  private enqueue<K extends Kind, T>(kind: K, timeoutMs: number, build: (id: number) => ExtractRequest, accept: (message: Reply<K>) => T): Promise<T> {
    if (this.closed) return Promise.reject(new SigiloError('INTERNAL', 'extraction client closed'));
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, kind, build, accept: accept as (m: ExtractResponse) => unknown, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
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
    let request: ExtractRequest;
    try {
      request = next.build(next.id);
    } catch (error) {
      next.reject(error instanceof SigiloError ? error : new SigiloError('INTERNAL', `invalid request: ${String(error)}`));
      queueMicrotask(() => this.pump());
      return;
    }
    this.active = next;
    const child = this.ensureChild();
    this.timer = setTimeout(() => {
      if (this.active !== next) return;
      // The parser is stuck (or too slow): kill the process; the next document gets a fresh one.
      this.replaceChild(child);
      this.finishActive(new SigiloError('TIMEOUT', `${next.timeoutMs} ms`));
    }, next.timeoutMs);
    child.send(request);
  }

  private replaceChild(child: IsolatedProcess): void {
    if (this.child === child) this.child = undefined;
    child.kill();
  }

  private finishActive(error?: Error, value?: unknown): void {
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
      if (message.userMessage !== undefined && active.kind === 'redact') this.finishActive(new RedactionError(message.userMessage));
      else this.finishActive(new SigiloError(isErrorCode(message.code) ? message.code : 'INTERNAL', message.detail));
      return;
    }
    const expected = { extract: 'result', stats: 'stats', redact: 'redacted' }[active.kind];
    if (message.type !== expected) {
      this.finishActive(new SigiloError('INTERNAL', `unexpected ${message.type} message`));
      return;
    }
    let value: unknown;
    try {
      value = active.accept(message);
    } catch (error) {
      this.finishActive(error instanceof SigiloError ? error : new SigiloError('INTERNAL', String(error)));
      return;
    }
    this.finishActive(undefined, value);
  }

  private onExit(child: IsolatedProcess, code: number | null, signal: string | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
    this.stderrTail = '';
    this.finishActive(new SigiloError('INTERNAL', `extraction process exited (${signal ?? code})${tail ? `: ${tail}` : ''}`));
  }
}
