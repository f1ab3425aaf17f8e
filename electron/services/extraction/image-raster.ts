/**
 * Image decoding and OCR preparation: every raster handed to tesseract is a grayscale PGM (alpha laid over
 * white, small scans upscaled, huge ones downscaled), which tesseract reads natively and cheaply.
 * JPEG/PNG/WEBP are decoded with @napi-rs/canvas, TIFF (incl. multi-page, LZW, CCITT) with utif2.
 */
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { SigiloError } from '../../shared/error-codes';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Decoding refuses images above this many pixels (a decompression bomb in disguise). */
export const MAX_IMAGE_PIXELS = 120_000_000;
/** Longest side handed to OCR; bigger rasters are scaled down. */
export const MAX_OCR_SIDE = 5000;
/** Shorter scans are scaled up so glyphs are tall enough for tesseract. */
const MIN_OCR_SIDE = 1600;

export function rgbaToPgm(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  const out = Buffer.allocUnsafe(header.length + width * height);
  header.copy(out, 0);
  let o = header.length;
  for (let i = 0; i < width * height * 4; i += 4) {
    const a = data[i + 3]!;
    const gray = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
    out[o++] = Math.round((gray * a + 255 * (255 - a)) / 255);
  }
  return out;
}

function scaleFor(width: number, height: number): number {
  const longest = Math.max(width, height);
  if (longest > MAX_OCR_SIDE) return MAX_OCR_SIDE / longest;
  if (longest < MIN_OCR_SIDE) return Math.min(3, MIN_OCR_SIDE / longest);
  return 1;
}

/** Draws a decoded image (or RGBA pixels) on white at the OCR scale and returns it as PGM. */
function drawForOcr(source: Image | RgbaImage): Buffer {
  const width = source.width;
  const height = source.height;
  const scale = scaleFor(width, height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  if (scale === 1 && !('src' in source) && 'data' in source) return rgbaToPgm(source);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if ('data' in source && !('src' in source)) {
    const raw = createCanvas(width, height);
    const rawCtx = raw.getContext('2d');
    const imageData = rawCtx.createImageData(width, height);
    imageData.data.set(source.data);
    rawCtx.putImageData(imageData, 0, 0);
    ctx.drawImage(raw, 0, 0, w, h);
  } else {
    ctx.drawImage(source as Image, 0, 0, w, h);
  }
  const pixels = ctx.getImageData(0, 0, w, h);
  return rgbaToPgm({ width: w, height: h, data: pixels.data });
}

/** Width × height read from a PNG, JPEG or WEBP header without decoding (undefined when not found). */
export function headerDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) { at++; continue; }
      const marker = bytes[at + 1]!;
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) { at += marker === 0xff ? 1 : 2; continue; }
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      }
      at += 2 + length;
    }
    return undefined;
  }
  if (bytes.length >= 30 && view.getUint32(0) === 0x52494646 && view.getUint32(8) === 0x57454250) {
    const chunk = view.getUint32(12);
    if (chunk === 0x56503858) return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
    if (chunk === 0x5650384c) { const b = view.getUint32(21, true); return { width: 1 + (b & 0x3fff), height: 1 + ((b >> 14) & 0x3fff) }; }
    if (chunk === 0x56503820) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return undefined;
}

/** JPEG/PNG/WEBP → PGM ready for OCR. */
export async function browserImageToPgm(bytes: Uint8Array): Promise<Buffer> {
  const declared = headerDimensions(bytes);
  if (declared && declared.width * declared.height > MAX_IMAGE_PIXELS) {
    throw new SigiloError('FILE_TOO_LARGE', `${declared.width}x${declared.height} pixels`);
  }
  let image: Image;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new SigiloError('CORRUPT_FILE', `image decode: ${(error as Error).message}`, { cause: error });
  }
  if (!(image.width > 0 && image.height > 0)) throw new SigiloError('CORRUPT_FILE', 'image without pixels');
  if (image.width * image.height > MAX_IMAGE_PIXELS) throw new SigiloError('FILE_TOO_LARGE', `${image.width}x${image.height} pixels`);
  return drawForOcr(image);
}

/** TIFF → one PGM per page. */
export function tiffToPgms(bytes: Uint8Array, maxPages: number): Buffer[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer);
  } catch (error) {
    throw new SigiloError('CORRUPT_FILE', `tiff: ${(error as Error).message}`, { cause: error });
  }
  const pages = ifds.filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined);
  if (pages.length === 0) throw new SigiloError('CORRUPT_FILE', 'tiff without images');
  if (pages.length > maxPages) throw new SigiloError('TOO_MANY_PAGES', `${pages.length} pages`);
  return pages.map((ifd) => {
    const width = Number((ifd['t256'] as number[])[0]);
    const height = Number((ifd['t257'] as number[])[0]);
    if (!(width > 0 && height > 0)) throw new SigiloError('CORRUPT_FILE', 'tiff page without size');
    if (width * height > MAX_IMAGE_PIXELS) throw new SigiloError('FILE_TOO_LARGE', `${width}x${height} pixels`);
    try {
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      if (rgba.length < width * height * 4) throw new Error('short pixel data');
      return drawForOcr({ width, height, data: rgba });
    } catch (error) {
      if (error instanceof SigiloError) throw error;
      throw new SigiloError('CORRUPT_FILE', `tiff page: ${(error as Error).message}`, { cause: error });
    }
  });
}
