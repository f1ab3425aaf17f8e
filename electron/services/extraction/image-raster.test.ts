import { describe, expect, it } from 'vitest';
import { headerDimensions, rgbaToPgm } from './image-raster';
import { drawTextRgba, textImage } from './test-support';

describe('image-raster', () => {
  it('reads width and height from PNG, JPEG and WEBP headers without decoding', async () => {
    const { width, height } = drawTextRgba(['Linha']);
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      expect(headerDimensions(await textImage(['Linha'], format))).toEqual({ width, height });
    }
    expect(headerDimensions(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it('converts RGBA to grayscale PGM, laying transparency over white', () => {
    const pgm = rgbaToPgm({ width: 2, height: 1, data: new Uint8Array([0, 0, 0, 255, 0, 0, 0, 0]) });
    expect(pgm.subarray(0, 11).toString('latin1')).toBe('P5\n2 1\n255\n');
    expect([...pgm.subarray(11)]).toEqual([0, 255]);
  });
});
