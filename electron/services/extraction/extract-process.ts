/**
 * The extraction process (→ dist/extraction/extract-process.js), started by ExtractionClient with an empty
 * environment. It parses untrusted files so the main process never does: text extraction and redacted
 * copies (rendering, OCR word boxes), one request at a time over the IPC channel, every message validated,
 * no network (guarded), OCR workers reused across documents and shared by extraction and redaction.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SigiloError } from '../../shared/error-codes';
import { connectToParent } from '../isolated-process-channel.js';
import { RedactionError } from '../redaction/redaction-error';
import type { RedactJob } from '../redaction/redaction-protocol';
import { blockedNetworkAttempts, installNetworkGuard } from './network-guard';
import { extractBuffer } from './extract-buffer';
import { configureSharedOcrEngine, sharedOcrEngine } from './ocr-engine';
import { DEFAULT_MAX_BYTES, ExtractRequestSchema, type ExtractOptions, type ExtractResponse } from './types';

installNetworkGuard();

const ownDir = path.dirname(fileURLToPath(import.meta.url));
const guardedWorker = path.join(ownDir, 'ocr-worker.js');
if (existsSync(guardedWorker)) configureSharedOcrEngine({ workerScript: guardedWorker });

let documents = 0;
let current: number | undefined;
const parent = connectToParent();

function send(message: ExtractResponse): void {
  parent.send(message);
}

function sendError(id: number, error: unknown): void {
  if (error instanceof RedactionError) {
    send({ type: 'error', id, code: 'INTERNAL', detail: 'redaction refused', userMessage: error.userMessage.slice(0, 8000) });
    return;
  }
  const coded = error instanceof SigiloError ? error : new SigiloError('INTERNAL', String(error));
  send({ type: 'error', id, code: coded.code, detail: coded.message.slice(0, 2000) });
}

async function readFileChecked(filePath: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    throw new SigiloError('NOT_FOUND', (error as NodeJS.ErrnoException).code, { cause: error });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SigiloError('NOT_FOUND', 'not a regular file');
    if (stat.size === 0) throw new SigiloError('EMPTY_FILE');
    if (stat.size > maxBytes) throw new SigiloError('FILE_TOO_LARGE', `${stat.size} > ${maxBytes} bytes`);
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < stat.size) {
      const { bytesRead } = await handle.read(bytes, read, stat.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return read === stat.size ? bytes : bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

async function handleExtract(id: number, filePath: string, options: ExtractOptions): Promise<void> {
  current = id;
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const bytes = await readFileChecked(filePath, maxBytes);
    const document = await extractBuffer(bytes, path.basename(filePath), {
      ocr: options.ocr,
      maxBytes,
      ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
    });
    send({ type: 'result', id, document });
  } catch (error) {
    sendError(id, error);
  } finally {
    documents++;
    current = undefined;
  }
}

async function handleRedact(id: number, job: RedactJob): Promise<void> {
  current = id;
  try {
    const maxBytes = job.maxBytes ?? DEFAULT_MAX_BYTES;
    let bytes: Uint8Array;
    let name: string;
    if (job.source.kind === 'path') {
      bytes = await readFileChecked(job.source.path, maxBytes);
      name = path.basename(job.source.path);
    } else {
      bytes = job.source.bytes;
      name = path.basename(job.source.name);
      if (bytes.length === 0) throw new SigiloError('EMPTY_FILE');
      if (bytes.length > maxBytes) throw new SigiloError('FILE_TOO_LARGE', `${bytes.length} > ${maxBytes} bytes`);
    }
    // loaded on first use: extraction-only sessions don't pay for the redaction code (pdf-lib, canvas painting)
    const [{ createPseudonymizer }, { createWordRecognizer }, { redactBytes }] = await Promise.all([
      import('../redaction/pseudonymizer'), import('../redaction/ocr-words'), import('../redaction/redact-bytes'),
    ]);
    const pseudonyms = createPseudonymizer(job.pseudonyms);
    const ocr = createWordRecognizer(sharedOcrEngine());
    const result = await redactBytes(bytes, name, job.findings, { mode: job.mode, pseudonyms, ocr: () => ocr, dpi: job.dpi });
    // only the entries issued for this document go back (the table's new tail)
    send({ type: 'redacted', id, result: { ...result, pseudonyms: pseudonyms.entries().slice(job.pseudonyms.length) } });
  } catch (error) {
    sendError(id, error);
  } finally {
    documents++;
    current = undefined;
  }
}

let chain: Promise<void> = Promise.resolve();

parent.onMessage((raw: unknown) => {
  const parsed = ExtractRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'number' && Number.isInteger(id)) send({ type: 'error', id, code: 'INTERNAL', detail: 'invalid request' });
    return;
  }
  const request = parsed.data;
  if (request.type === 'stats') {
    send({ type: 'stats', id: request.id, stats: { pid: process.pid, documents, blockedNetworkAttempts: blockedNetworkAttempts(), tempFilesOpen: 0 } });
    return;
  }
  chain = chain.then(() => (request.type === 'redact' ? handleRedact(request.id, request.job) : handleExtract(request.id, request.filePath, request.options)));
});

function die(error: unknown): void {
  if (current !== undefined) send({ type: 'error', id: current, code: 'INTERNAL', detail: String(error).slice(0, 2000) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 50).unref();
}
process.on('uncaughtException', die);
// A stray rejection inside a parser must not take down the documents that follow.
process.on('unhandledRejection', () => undefined);
parent.onDisconnect(() => process.exit(0));

send({ type: 'ready', pid: process.pid });
