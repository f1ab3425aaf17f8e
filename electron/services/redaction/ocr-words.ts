/**
 * Word boxes from tesseract.js (Portuguese model from node_modules, offline), used to find where a value
 * is drawn on a scanned page or an image.
 */
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { tesseractCoreDir, tesseractLangDir, tesseractWorkerScript } from '../extraction/local-assets.js';

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  bbox: BBox;
}

export interface OcrLine {
  bbox: BBox;
  words: OcrWord[];
}

export interface WordRecognizer {
  recognizeLines(image: Buffer): Promise<OcrLine[]>;
  close(): Promise<void>;
}

/** One tesseract worker, started on first use. */
export function createWordRecognizer(): WordRecognizer {
  let worker: Promise<Worker> | undefined;
  const get = (): Promise<Worker> =>
    (worker ??= createWorker('por', OEM.LSTM_ONLY, {
      langPath: tesseractLangDir(),
      corePath: tesseractCoreDir(),
      workerPath: tesseractWorkerScript(),
      cacheMethod: 'none',
      gzip: true,
    }));
  return {
    async recognizeLines(image) {
      const w = await get();
      const { data } = await w.recognize(image, {}, { blocks: true, text: false });
      const lines: OcrLine[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const words = line.words
              .filter((word) => word.text.trim().length > 0)
              .map((word) => ({ text: word.text, bbox: { ...word.bbox } }));
            if (words.length > 0) lines.push({ bbox: { ...line.bbox }, words });
          }
        }
      }
      return lines;
    },
    async close() {
      if (worker) {
        const w = await worker.catch(() => undefined);
        worker = undefined;
        await w?.terminate();
      }
    },
  };
}
