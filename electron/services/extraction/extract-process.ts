/**
 * The extraction process (→ dist/extraction/extract-process.js), started by ExtractionClient with an empty
 * environment. It parses untrusted files so the main process never does: one request at a time over the
 * IPC channel, every message validated, no network (guarded), OCR workers reused across documents.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SigiloError } from '../../shared/error-codes';
import { blockedNetworkAttempts, installNetworkGuard } from './network-guard';
import { extractBuffer } from './extract-buffer';
import { configureSharedOcrEngine } from './ocr-engine';
import { DEFAULT_MAX_BYTES, ExtractRequestSchema, type ExtractOptions, type ExtractResponse } from './types';

installNetworkGuard();

const ownDir = path.dirname(fileURLToPath(import.meta.url));
const guardedWorker = path.join(ownDir, 'ocr-worker.js');
if (existsSync(guardedWorker)) configureSharedOcrEngine({ workerScript: guardedWorker });

let documents = 0;
let current: number | undefined;

function send(message: ExtractResponse): void {
  process.send?.(message);
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
    const coded = error instanceof SigiloError ? error : new SigiloError('INTERNAL', String(error));
    send({ type: 'error', id, code: coded.code, detail: coded.message.slice(0, 2000) });
  } finally {
    documents++;
    current = undefined;
  }
}

let chain: Promise<void> = Promise.resolve();

process.on('message', (raw: unknown) => {
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
  chain = chain.then(() => handleExtract(request.id, request.filePath, request.options));
});

function die(error: unknown): void {
  if (current !== undefined) send({ type: 'error', id: current, code: 'INTERNAL', detail: String(error).slice(0, 2000) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 50).unref();
}
process.on('uncaughtException', die);
// A stray rejection inside a parser must not take down the documents that follow.
process.on('unhandledRejection', () => undefined);
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', pid: process.pid });
