/**
 * Redacts one document of every format in the labelled dev corpus (labelled values as findings) and proves
 * that no labelled value survives: extracted text, raw bytes, and OCR for a few PDF/image outputs.
 * The whole corpus: node scripts/check-redaction-corpus.mjs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionClient } from '../extraction/extraction-client.js';
import { buildExtractionProcess } from '../extraction/test-support.js';
import { checkCorpusFiles, readLabels, type LabelledDocument } from './corpus-check.js';
import { extractedText, ocrText, rawLeaks, textLeaks } from './leak-check.js';
import { createWordRecognizer } from './ocr-words.js';

const corpusDir = path.resolve(import.meta.dirname, '../../../../shared/corpus/dev');
const haveCorpus = existsSync(path.join(corpusDir, 'labels.json'));

let outDir: string;
let documents: LabelledDocument[] = [];
let entry: string | undefined;
let redactor: ExtractionClient;
beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-redact-corpus-'));
  if (haveCorpus) {
    documents = await readLabels(corpusDir);
    entry = await buildExtractionProcess();
    redactor = ExtractionClient.start({ entry });
  }
});
afterAll(async () => {
  await redactor?.close();
  await rm(outDir, { recursive: true, force: true });
  if (entry) await rm(path.dirname(entry), { recursive: true, force: true });
});

/** The first document of a corpus format that has labelled entities. */
function firstOf(format: string): LabelledDocument {
  const doc = documents.find((d) => d.format === format && d.entities.length > 0);
  if (!doc) throw new Error(`no ${format} document in the corpus`);
  return doc;
}

describe.skipIf(!haveCorpus)('redaction of the labelled corpus', () => {
  it('the leak checks see the labelled values in the originals (so a clean result means something)', async () => {
    const recognizer = createWordRecognizer();
    try {
      for (const format of ['txt', 'docx', 'pdf']) {
        const doc = firstOf(format);
        const bytes = await readFile(path.join(corpusDir, doc.file));
        const values = doc.entities.map((e) => e.value);
        expect(textLeaks(await extractedText(bytes, doc.file), values).length).toBeGreaterThan(values.length / 2);
      }
      const txt = firstOf('txt');
      expect(rawLeaks(await readFile(path.join(corpusDir, txt.file)), txt.entities.map((e) => e.value)).length).toBeGreaterThan(0);
      const scan = firstOf('scan');
      const ocr = await ocrText(await readFile(path.join(corpusDir, scan.file)), scan.file, recognizer);
      expect(textLeaks(ocr, scan.entities.map((e) => e.value), 'ocr').length).toBeGreaterThan(scan.entities.length / 2);
    } finally {
      await recognizer.close();
    }
  }, 60_000);

  it('redacts txt, latin-1 txt, csv, docx, text pdf, scanned pdf and jpg with no labelled value left', async () => {
    const picked = ['txt', 'latin1', 'csv', 'docx', 'pdf', 'scanpdf', 'scan'].map(firstOf);
    const ocrFormats = new Set(['pdf', 'scanpdf', 'scan']);
    const results = [];
    for (const doc of picked) {
      const [result] = await checkCorpusFiles({ corpusDir, outDir, documents: [doc], mode: 'label', redactor, ocr: ocrFormats.has(doc.format) });
      results.push(result!);
    }
    for (const r of results) {
      expect(r.error, r.file).toBeUndefined();
      expect(r.leaks, r.file).toEqual([]);
      expect(r.outPath && path.basename(r.outPath)).toContain('.redigido.');
    }
    // the PDF copies have no text layer at all
    for (const r of results.filter((x) => x.format === 'pdf' || x.format === 'scanpdf')) {
      const text = await extractedText(await readFile(r.outPath!), r.outPath!);
      expect(text.replace(/\{.*\}/, '').trim()).toBe('');
    }
  }, 120_000);

  it('pseudonymises a spreadsheet consistently (same value, same token)', async () => {
    const doc = firstOf('csv');
    const [result] = await checkCorpusFiles({ corpusDir, outDir, documents: [doc], mode: 'pseudonym', redactor, ocr: false });
    expect(result!.leaks).toEqual([]);
    const text = await readFile(result!.outPath!, 'utf8');
    expect(text).toMatch(/NOME_\d+;CPF_\d+;/);
  });
});
