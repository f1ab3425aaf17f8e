/**
 * Word boxes for redaction, read by the extraction's OCR engine (one OCR setup for the whole app: automatic
 * page segmentation, white border, reused workers). A thin adapter: canvases become grayscale rasters, the
 * engine returns lines of words in the canvas's own pixel coordinates.
 */
import type { Canvas } from '@napi-rs/canvas';
import { rgbaToPgm } from '../extraction/image-raster.js';
import { OcrEngine, type BBox, type OcrLine, type OcrWord } from '../extraction/ocr-engine.js';

export type { BBox, OcrLine, OcrWord };

export interface WordRecognizer {
  /** The text lines drawn on a canvas, word boxes in canvas pixels. */
  recognizeLines(canvas: Canvas): Promise<OcrLine[]>;
  close(): Promise<void>;
}

/** The canvas as the grayscale PGM raster the OCR engine reads. */
export function canvasToPgm(canvas: Canvas): Buffer {
  const { width, height } = canvas;
  return rgbaToPgm({ width, height, data: canvas.getContext('2d').getImageData(0, 0, width, height).data });
}

/**
 * A recognizer on `engine` (the process-wide one in the extraction process; closing the recognizer leaves
 * a given engine running) or, without one, on an engine of its own that close() terminates.
 */
export function createWordRecognizer(engine?: OcrEngine): WordRecognizer {
  let own: OcrEngine | undefined;
  const get = (): OcrEngine => engine ?? (own ??= new OcrEngine());
  return {
    recognizeLines: (canvas) => get().recognizePageLines(canvasToPgm(canvas)),
    async close() {
      const e = own;
      own = undefined;
      await e?.terminate();
    },
  };
}
