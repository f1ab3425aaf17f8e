/**
 * Redacts labelled corpus documents using their labelled values as findings and checks every copy for
 * leaks (extracted text, raw bytes, OCR of PDF/image outputs). Shared by the tests and
 * scripts/check-redaction-corpus.mjs. The copies are made by the given redactor (the isolated extraction
 * process); the OCR of the outputs runs here, on the same OCR engine setup.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
export { ExtractionClient } from '../extraction/extraction-client.js';
import { extractedText, ocrText, rawLeaks, textLeaks, type Leak } from './leak-check.js';
import { createWordRecognizer } from './ocr-words.js';
import { createPseudonymizer } from './pseudonymizer.js';
import { redactFile, type Redactor, type RedactResult } from './redact-file.js';
import type { RedactionMode } from './replacement.js';

const LabelsSchema = z.object({
  documents: z.array(z.object({
    file: z.string(),
    format: z.string(),
    entities: z.array(z.object({ type: z.string(), value: z.string() })),
  })),
});
export type LabelledDocument = z.infer<typeof LabelsSchema>['documents'][number];

export async function readLabels(corpusDir: string): Promise<LabelledDocument[]> {
  return LabelsSchema.parse(JSON.parse(await readFile(path.join(corpusDir, 'labels.json'), 'utf8'))).documents;
}

export interface CorpusFileResult {
  file: string;
  format: string;
  ok: boolean;
  outPath?: string;
  result?: RedactResult;
  leaks: Leak[];
  error?: string;
  ms: number;
}

export async function checkCorpusFiles(options: {
  corpusDir: string;
  outDir: string;
  documents: LabelledDocument[];
  mode: RedactionMode;
  /** Where the documents are redacted (an ExtractionClient: the isolated process). */
  redactor: Redactor;
  /** OCR the PDF/image outputs (slow). */
  ocr: boolean;
  onFile?: (result: CorpusFileResult) => void;
}): Promise<CorpusFileResult[]> {
  const recognizer = createWordRecognizer();
  const pseudonyms = createPseudonymizer();
  const results: CorpusFileResult[] = [];
  try {
    for (const doc of options.documents) {
      const started = performance.now();
      const values = [...new Set(doc.entities.map((e) => e.value))];
      const findings = doc.entities.map((e) => ({ type: e.type, text: e.value }));
      let entry: CorpusFileResult;
      try {
        const result = await redactFile(path.join(options.corpusDir, doc.file), findings, {
          mode: options.mode, outDir: options.outDir, pseudonyms, redactor: options.redactor,
        });
        const bytes = await readFile(result.outPath);
        const leaks = [...textLeaks(await extractedText(bytes, result.outPath), values), ...rawLeaks(bytes, values.filter((v) => v.length >= 4))];
        if (options.ocr && /^(pdf|jpeg|png|webp)$/.test(result.format)) leaks.push(...textLeaks(await ocrText(bytes, result.outPath, recognizer), values, 'ocr'));
        entry = { file: doc.file, format: doc.format, ok: leaks.length === 0, outPath: result.outPath, result, leaks, ms: performance.now() - started };
      } catch (error) {
        entry = { file: doc.file, format: doc.format, ok: false, leaks: [], error: (error as { userMessage?: string }).userMessage ?? String(error), ms: performance.now() - started };
      }
      results.push(entry);
      options.onFile?.(entry);
    }
  } finally {
    await recognizer.close();
  }
  return results;
}
