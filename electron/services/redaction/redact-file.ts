/**
 * redactFile: writes a redacted copy of a document next to nothing else — the original is only read; the
 * copy goes to the chosen folder as `<name>.redigido.<ext>` (a free name is picked, nothing is overwritten),
 * and the export is recorded through the injected `recordExport` callback (the audit history).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SigiloError } from '../../shared/error-codes.js';
import type { Finding } from '../../shared/report.js';
import { sniffFormat } from '../extraction/sniff-format.js';
import { createWordRecognizer, type WordRecognizer } from './ocr-words.js';
import { createPseudonymizer, type Pseudonymizer } from './pseudonymizer.js';
import { HTML_DIALECT, redactMarkup, visibleStrings } from './redact-markup.js';
import { officeVisibleText, redactOffice } from './redact-office.js';
import { redactImage, redactPdf } from './redact-raster.js';
import type { RedactionMode } from './replacement.js';
import { applyToString, planReplacements, targetsFromFindings, type RedactionTarget } from './targets.js';
import { canEncode, decodeText, encodeText } from './text-encoding.js';
import { findValueMatches } from './text-match.js';

export type RedactableFinding = Pick<Finding, 'type' | 'text'> & Partial<Pick<Finding, 'decision' | 'page'>>;

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
  mode?: RedactionMode;
  outDir: string;
  /** Shared across a batch so that the same value gets the same token in every file. */
  pseudonyms?: Pseudonymizer;
  /** Added before the extension (default ".redigido"). */
  suffix?: string;
  /** OCR engine shared across a batch; created (and closed) per call when absent. */
  ocr?: WordRecognizer;
  /** Records the export in the audit history; the copy is removed if recording fails. */
  recordExport?: (entry: RedactionExportEntry) => Promise<unknown> | unknown;
  /** Resolution of rendered PDF pages. */
  dpi?: number;
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

export class RedactionError extends Error {
  constructor(readonly userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = 'RedactionError';
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Opens a new file exclusively: `name.redigido.ext`, then `name.redigido-2.ext`, … */
async function createOutput(input: string, outDir: string, suffix: string): Promise<{ outPath: string; handle: import('node:fs/promises').FileHandle }> {
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

function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

function leftovers(visible: string, targets: readonly RedactionTarget[]): RedactionTarget[] {
  const hits = findValueMatches(visible, targets.map((t) => t.value));
  return [...new Set(hits.map((h) => h.needle))].map((n) => targets[n]!);
}

/** Redacts one file's content (no file system writes). */
export async function redactBytes(
  bytes: Uint8Array,
  name: string,
  findings: readonly RedactableFinding[],
  options: { mode: RedactionMode; pseudonyms: Pseudonymizer; ocr: () => WordRecognizer; dpi?: number },
): Promise<Omit<RedactResult, 'outPath'> & { bytes: Uint8Array }> {
  const targets = targetsFromFindings(findings.map((f) => ({ type: f.type, text: f.text, decision: f.decision, page: f.page })));
  const { mode, pseudonyms } = options;
  const kind = sniffFormat(bytes, name).kind;
  const warnings: string[] = [];
  const notFound = (found: Set<number>): void => {
    const missing = targets.filter((_, n) => !found.has(n));
    if (missing.length > 0) warnings.push(`${missing.length} achado(s) não foram localizados no arquivo (nada a ocultar para eles).`);
  };
  const checkClean = (visible: string): void => {
    const left = leftovers(visible, targets);
    if (left.length > 0) {
      throw new RedactionError(`A verificação encontrou dados ainda visíveis na cópia (${left.map((t) => t.type).join(', ')}); a cópia não foi gerada.`);
    }
  };
  switch (kind) {
    case 'text':
    case 'csv':
    case 'markdown': {
      const decoded = decodeText(bytes);
      const plan = planReplacements(decoded.text, targets);
      const text = applyToString(decoded.text, plan.replacements, mode, pseudonyms);
      checkClean(text);
      notFound(plan.found);
      let encoding = decoded.encoding;
      if (!canEncode(text, encoding)) {
        encoding = 'utf-8';
        warnings.push('A cópia foi gravada em UTF-8 porque a codificação original (Windows-1252) não representa os caracteres de ocultação.');
      }
      return { bytes: encodeText(text, encoding), format: kind, mode, values: targets.length, replaced: plan.replacements.length, warnings, encoding };
    }
    case 'html': {
      const decoded = decodeText(bytes, declaredHtmlCharset(bytes));
      const result = redactMarkup(decoded.text, HTML_DIALECT, targets, mode, pseudonyms);
      checkClean(visibleStrings(result.output, HTML_DIALECT));
      notFound(result.found);
      // Characters the legacy encoding lacks become numeric references, valid HTML in any encoding.
      const output = decoded.encoding === 'windows-1252' && !canEncode(result.output, 'windows-1252')
        ? [...result.output].map((ch) => (canEncode(ch, 'windows-1252') ? ch : `&#${ch.codePointAt(0)};`)).join('')
        : result.output;
      return { bytes: encodeText(output, decoded.encoding), format: kind, mode, values: targets.length, replaced: result.replaced, warnings, encoding: decoded.encoding };
    }
    case 'docx':
    case 'odt': {
      const result = redactOffice(bytes, kind, targets, mode, pseudonyms);
      checkClean(officeVisibleText(result.bytes, kind));
      notFound(result.found);
      return { bytes: result.bytes, format: kind, mode, values: targets.length, replaced: result.replaced, warnings: [...warnings, ...result.warnings] };
    }
    case 'pdf': {
      const result = await redactPdf(bytes, targets, { mode, pseudonyms, ocr: options.ocr(), dpi: options.dpi });
      return { bytes: result.bytes, format: kind, mode, values: targets.length, replaced: result.boxes, warnings: result.warnings };
    }
    case 'jpeg':
    case 'png':
    case 'webp': {
      const result = await redactImage(bytes, kind, targets, { mode, pseudonyms, ocr: options.ocr() });
      return { bytes: result.bytes, format: kind, mode, values: targets.length, replaced: result.boxes, warnings: result.warnings };
    }
    case 'tiff':
      throw new RedactionError('Cópias redigidas de imagens TIFF ainda não são suportadas; converta a imagem para PNG ou JPEG.');
  }
}

/** Writes the redacted copy of `input` into `options.outDir` and records the export. */
export async function redactFile(input: string, findings: readonly RedactableFinding[], options: RedactOptions): Promise<RedactResult> {
  const mode = options.mode ?? 'label';
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (error) {
    throw new SigiloError('NOT_FOUND', String(error), { cause: error });
  }
  if (bytes.length === 0) throw new SigiloError('EMPTY_FILE');
  let ownOcr: WordRecognizer | undefined;
  const ocr = (): WordRecognizer => options.ocr ?? (ownOcr ??= createWordRecognizer());
  try {
    const result = await redactBytes(bytes, input, findings, { mode, pseudonyms: options.pseudonyms ?? createPseudonymizer(), ocr, dpi: options.dpi });
    const { outPath, handle } = await createOutput(input, options.outDir, options.suffix ?? '.redigido');
    try {
      await handle.writeFile(result.bytes);
      await handle.close();
      await options.recordExport?.({
        kind: 'redaction',
        input: path.resolve(input),
        inputSha256: sha256(bytes),
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
      const { rm } = await import('node:fs/promises');
      await rm(outPath, { force: true });
      throw error;
    }
    const { bytes: _written, ...rest } = result;
    return { outPath, ...rest };
  } finally {
    await ownOcr?.close();
  }
}
