/** Redaction's word boxes come from the extraction OCR engine; the engine's white border and strips must not shift them. */
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../extraction/ocr-engine.js';
import { createWordRecognizer } from './ocr-words.js';

const engine = new OcrEngine({ size: 2 });
afterAll(async () => { await engine.terminate(); });

function page(width: number, height: number, lines: Array<{ text: string; x: number; baseline: number }>) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = '40px sans-serif';
  for (const line of lines) ctx.fillText(line.text, line.x, line.baseline);
  return canvas;
}

describe('word boxes from the shared OCR engine', () => {
  it('returns boxes in the canvas coordinates (border and strip offsets taken out), in reading order', async () => {
    // tall enough to be split into two strips, recognised in parallel
    const canvas = page(1200, 1800, [
      { text: 'Paciente Ricardo Gomes', x: 10, baseline: 50 },
      { text: 'Prontuario 482913', x: 400, baseline: 1500 },
    ]);
    const recognizer = createWordRecognizer(engine);
    const lines = await recognizer.recognizeLines(canvas);
    await recognizer.close(); // a given engine stays usable
    expect(engine.workerCount).toBeGreaterThan(0);
    const words = lines.flatMap((l) => l.words);
    const ricardo = words.find((w) => /ricardo/i.test(w.text));
    const number = words.find((w) => w.text.includes('482913'));
    expect(ricardo, JSON.stringify(lines)).toBeDefined();
    expect(number, JSON.stringify(lines)).toBeDefined();
    // "Ricardo" starts after "Paciente " (≈ 170 px at 40 px) on the line drawn at the very top-left
    expect(ricardo!.bbox.y0).toBeGreaterThanOrEqual(5);
    expect(ricardo!.bbox.y1).toBeLessThanOrEqual(65);
    expect(ricardo!.bbox.x0).toBeGreaterThan(120);
    expect(ricardo!.bbox.x0).toBeLessThan(260);
    // the second line lies in the lower strip: its box is where it was drawn on the whole page
    expect(number!.bbox.y0).toBeGreaterThan(1455);
    expect(number!.bbox.y1).toBeLessThan(1515);
    expect(number!.bbox.x0).toBeGreaterThan(560);
    expect(lines.findIndex((l) => l.words.includes(ricardo!))).toBeLessThan(lines.findIndex((l) => l.words.includes(number!)));
  }, 60_000);
});
