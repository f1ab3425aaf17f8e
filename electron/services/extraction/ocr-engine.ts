/**
 * A small pool of tesseract.js workers (Portuguese model from node_modules, no network, no cache on disk),
 * created lazily, reused across documents and sized to the number of cores so the pages of one document are
 * recognised in parallel. The one OCR setup of the app: extraction reads text with it, redaction reads word
 * and line boxes (in the raster's own pixel coordinates) with it.
 */
import os from 'node:os';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { SigiloError } from '../../shared/error-codes';
import { tesseractCoreDir, tesseractLangDir, tesseractWorkerScript } from './local-assets';
import { padPgm, splitIntoPlacedStrips, splitIntoStrips } from './ocr-strips';

/** White border added around each raster (px). */
const OCR_BORDER = 32;

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

export interface OcrEngineOptions {
  /** Maximum number of worker threads (default: available cores, at most 4). */
  size?: number;
  /** Script the worker threads run (default: tesseract.js's own; the extraction process passes a guarded one). */
  workerScript?: string;
  /** A worker that is not ready after this long is given up (tesseract.js would otherwise wait forever). */
  startTimeoutMs?: number;
}

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

/** A text line with its words, in reading order. */
export interface OcrLine {
  bbox: BBox;
  words: OcrWord[];
}

interface Job {
  image: Buffer;
  /** Also return the block/paragraph/line/word layout. */
  layout: boolean;
  resolve: (result: RawResult) => void;
  reject: (error: unknown) => void;
}

interface RawResult extends OcrResult {
  lines: OcrLine[];
}

interface TesseractBlocks {
  blocks?: Array<{ paragraphs: Array<{ lines: Array<{ bbox: BBox; words: Array<{ text: string; bbox: BBox }> }> }> }> | null;
}

/** Lines of a tesseract result in reading order, empty words dropped. */
function linesOf(data: TesseractBlocks): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words.filter((w) => w.text.trim().length > 0).map((w) => ({ text: w.text, bbox: { ...w.bbox } }));
        if (words.length > 0) lines.push({ bbox: { ...line.bbox }, words });
      }
    }
  }
  return lines;
}

/** Moves a line's boxes by (dx, dy), clipped at the raster's top-left corner. */
export function shiftLine(line: OcrLine, dx: number, dy: number): OcrLine {
  const move = (b: BBox): BBox => ({ x0: Math.max(0, b.x0 + dx), y0: Math.max(0, b.y0 + dy), x1: Math.max(0, b.x1 + dx), y1: Math.max(0, b.y1 + dy) });
  return { bbox: move(line.bbox), words: line.words.map((w) => ({ text: w.text, bbox: move(w.bbox) })) };
}

export class OcrEngine {
  private readonly size: number;
  private readonly workerScript: string;
  private readonly startTimeoutMs: number;
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private starting = 0;
  private all: Worker[] = [];
  private closed = false;

  constructor(options: OcrEngineOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, os.availableParallelism()));
    this.workerScript = options.workerScript ?? tesseractWorkerScript();
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
  }

  get workerCount(): number {
    return this.all.length;
  }

  /**
   * Recognises one page raster (PGM). A tall page is cut into strips through blank rows and the strips are
   * recognised in parallel, so a single scanned page uses every core.
   */
  async recognizePage(pgm: Buffer): Promise<OcrResult> {
    const strips = splitIntoStrips(pgm, this.size);
    if (strips.length === 1) return this.recognize(padPgm(pgm, OCR_BORDER));
    const results = await Promise.all(strips.map((strip) => this.recognize(padPgm(strip, OCR_BORDER))));
    const text = results.map((r) => r.text.trim()).filter((t) => t.length > 0).join('\n');
    const confidence = results.reduce((sum, r) => sum + r.confidence, 0) / results.length;
    return { text, confidence };
  }

  recognize(image: Uint8Array): Promise<OcrResult> {
    return this.submit(image, false);
  }

  /**
   * The text lines of one page raster (PGM) with word boxes in the raster's pixel coordinates: same setup
   * as recognizePage (strips recognised in parallel, white border, automatic page segmentation), with the
   * border and the strip offsets taken back out of every box.
   */
  async recognizePageLines(pgm: Buffer): Promise<OcrLine[]> {
    const strips = splitIntoPlacedStrips(pgm, this.size);
    const results = await Promise.all(strips.map(async (strip) => {
      const raw = await this.submit(padPgm(strip.pgm, OCR_BORDER), true);
      return raw.lines.map((line) => shiftLine(line, -OCR_BORDER, strip.top - OCR_BORDER));
    }));
    return results.flat();
  }

  private submit(image: Uint8Array, layout: boolean): Promise<RawResult> {
    if (this.closed) return Promise.reject(new SigiloError('OCR_FAILED', 'engine closed'));
    const buffer = Buffer.isBuffer(image) ? image : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
    return new Promise((resolve, reject) => {
      this.queue.push({ image: buffer, layout, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      void this.run(worker, job);
    }
    if (this.queue.length > this.starting && this.all.length + this.starting < this.size) {
      this.starting++;
      this.spawn().then(
        (worker) => { this.starting--; this.all.push(worker); this.idle.push(worker); this.pump(); },
        (error: unknown) => {
          this.starting--;
          if (this.all.length + this.starting === 0) {
            for (const job of this.queue.splice(0)) job.reject(new SigiloError('OCR_FAILED', `worker start: ${String(error)}`));
          }
        },
      );
    }
  }

  private async run(worker: Worker, job: Job): Promise<void> {
    try {
      const { data } = job.layout ? await worker.recognize(job.image, {}, { blocks: true, text: true }) : await worker.recognize(job.image);
      job.resolve({ text: data.text, confidence: data.confidence, lines: job.layout ? linesOf(data as TesseractBlocks) : [] });
    } catch (error) {
      job.reject(new SigiloError('OCR_FAILED', String(error)));
    } finally {
      if (!this.closed) { this.idle.push(worker); this.pump(); }
    }
  }

  private async spawn(): Promise<Worker> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`OCR worker not ready after ${this.startTimeoutMs} ms`)), this.startTimeoutMs);
    });
    try {
      return await Promise.race([this.create(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async create(): Promise<Worker> {
    const worker = await createWorker('por', OEM.LSTM_ONLY, {
      langPath: tesseractLangDir(),
      corePath: tesseractCoreDir(),
      workerPath: this.workerScript,
      cacheMethod: 'none',
      gzip: true,
      logger: () => undefined,
      errorHandler: () => undefined,
    });
    // tesseract.js defaults to one uniform block (PSM 6), which drops lines of real page layouts
    // (headings, trailing lines near the edge); automatic page segmentation reads scans better.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
    return worker;
  }

  async terminate(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SigiloError('OCR_FAILED', 'engine closed'));
    const workers = this.all.splice(0);
    this.idle.length = 0;
    await Promise.allSettled(workers.map((w) => w.terminate()));
  }
}

let shared: OcrEngine | undefined;
let sharedOptions: OcrEngineOptions = {};

/** Configures the process-wide engine (before its first use). */
export function configureSharedOcrEngine(options: OcrEngineOptions): void {
  sharedOptions = options;
}

/** The process-wide engine, reused across documents. */
export function sharedOcrEngine(): OcrEngine {
  shared ??= new OcrEngine(sharedOptions);
  return shared;
}

export async function closeSharedOcrEngine(): Promise<void> {
  const engine = shared;
  shared = undefined;
  await engine?.terminate();
}
