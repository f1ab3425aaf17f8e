import { describe, expect, it } from 'vitest';
import { parsePgm, splitIntoStrips, toPgm } from './ocr-strips';

/** A white page with black bars ("text lines") at the given rows. */
function page(width: number, height: number, inkRows: Array<[number, number]>): Buffer {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [from, to] of inkRows) pixels.fill(0, from * width, to * width);
  return toPgm({ width, height, pixels });
}

describe('splitIntoStrips', () => {
  it('cuts a tall page through blank rows and keeps every pixel row exactly once', () => {
    const lines: Array<[number, number]> = [];
    for (let y = 50; y < 2950; y += 60) lines.push([y, y + 30]);
    const pgm = page(400, 3000, lines);
    const strips = splitIntoStrips(pgm, 2);
    expect(strips).toHaveLength(2);
    const rasters = strips.map((s) => parsePgm(s)!);
    expect(rasters.reduce((sum, r) => sum + r.height, 0)).toBe(3000);
    for (const r of rasters) {
      // Neither the first nor the last row of a strip is ink: no text line was cut.
      expect(r.pixels[0]).toBe(255);
      expect(r.pixels[(r.height - 1) * r.width]).toBe(255);
    }
  });

  it('leaves the page whole when there is no blank band near the cut, or the page is short', () => {
    expect(splitIntoStrips(page(300, 3000, [[0, 3000]]), 4)).toHaveLength(1);
    expect(splitIntoStrips(page(300, 800, [[100, 120]]), 4)).toHaveLength(1);
    expect(splitIntoStrips(page(300, 3000, []), 1)).toHaveLength(1);
  });
});
