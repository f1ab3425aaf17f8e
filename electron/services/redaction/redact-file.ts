/**
 * redactFile: writes a redacted copy of a document. The original is only read (and hashed) here; parsing and
 * rendering happen in the isolated extraction process through the injected Redactor. The copy goes to the
 * chosen folder as `<name>.redigido.<ext>` (a free name is picked, nothing is overwritten), and the export is
 * recorded through the injected `recordExport` callback (the audit history).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { SigiloError } from '../../shared/error-codes.js';
import { createPseudonymizer, type Pseudonymizer } from './pseudonymizer.js';
import { RedactionError } from './redaction-error.js';
import type { RedactableFinding, RedactedContent, RedactionSource } from './redaction-protocol.js';
import type { RedactionMode } from './replacement.js';

export { RedactionError };
export type { RedactableFinding, RedactedContent, RedactionSource };

/** Runs a redaction where untrusted files may be parsed (ExtractionClient.redact: the isolated process). */
export interface Redactor {
  redact(source: RedactionSource, findings: readonly RedactableFinding[], options: RedactCallOptions): Promise<RedactedContent>;
}

export interface RedactCallOptions {
  mode: RedactionMode;
  /** The batch's table: its entries go to the process, the entries the process issued are absorbed. */
  pseudonyms: Pseudonymizer;
  dpi?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface RedactionExportEntry {
  kind: 'redaction';
  input: string;
  inputSha256: string;
  output: string;
  outputSha256: string;
  mode: RedactionMode;
  format: string;
  /** Distinct values redacted (accepted findings, merged by type and normalised value). */
  values: number;
  /** Findings the user rejected (kept in the copy). */
  rejected: number;
  at: string;
}

export interface RedactOptions {
  /** Where the document is parsed and rendered (the isolated extraction process). */
  redactor: Redactor;
  mode?: RedactionMode;
  outDir: string;
  /** Shared across a batch so that the same value gets the same token in every file. */
  pseudonyms?: Pseudonymizer;
  /** Added before the extension (default ".redigido"). */
  suffix?: string;
  /** Records the export in the audit history; the copy is removed if recording fails. */
  recordExport?: (entry: RedactionExportEntry) => Promise<unknown> | unknown;
  /** Resolution of rendered PDF pages. */
  dpi?: number;
  /** Time limit of this document in the isolated process. */
  timeoutMs?: number;
}

export interface RedactResult {
  outPath: string;
  format: string;
  mode: RedactionMode;
  values: number;
  /** Places replaced in text formats, boxes drawn in PDF/images. */
  replaced: number;
  warnings: string[];
  /** Text files: the encoding written. */
  encoding?: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new SigiloError('NOT_FOUND', String(error), { cause: error });
  }
  return hash.digest('hex');
}

/** Opens a new file exclusively: `name.redigido.ext`, then `name.redigido-2.ext`, … */
async function createOutput(input: string, outDir: string, suffix: string): Promise<{ outPath: string; handle: FileHandle }> {
  await mkdir(outDir, { recursive: true });
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  for (let n = 1; n < 1000; n++) {
    const outPath = path.join(outDir, `${base}${suffix}${n === 1 ? '' : `-${n}`}${ext}`);
    if (path.resolve(outPath) === path.resolve(input)) continue;
    try {
      return { outPath, handle: await open(outPath, 'wx') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new RedactionError(`Não foi possível escolher um nome livre para a cópia redigida em ${outDir}.`);
}

/** Writes the redacted copy of `input` into `options.outDir` and records the export. */
export async function redactFile(input: string, findings: readonly RedactableFinding[], options: RedactOptions): Promise<RedactResult> {
  const mode = options.mode ?? 'label';
  const source = path.resolve(input);
  const result = await options.redactor.redact({ kind: 'path', path: source }, findings, {
    mode,
    pseudonyms: options.pseudonyms ?? createPseudonymizer(),
    ...(options.dpi !== undefined ? { dpi: options.dpi } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const inputSha256 = await sha256File(source);
  const { outPath, handle } = await createOutput(input, options.outDir, options.suffix ?? '.redigido');
  try {
    await handle.writeFile(result.bytes);
    await handle.close();
    await options.recordExport?.({
      kind: 'redaction',
      input: source,
      inputSha256,
      output: path.resolve(outPath),
      outputSha256: sha256(result.bytes),
      mode,
      format: result.format,
      values: result.values,
      rejected: findings.filter((f) => f.decision === 'rejected').length,
      at: new Date().toISOString(),
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(outPath, { force: true });
    throw error;
  }
  const { bytes: _written, ...rest } = result;
  return { outPath, ...rest };
}
