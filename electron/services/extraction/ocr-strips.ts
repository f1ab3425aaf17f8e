/**
 * Splits a tall page raster (PGM) into horizontal strips cut through blank rows, so the strips of ONE page
 * can be recognised by several OCR workers at once. A cut never crosses ink: if no blank band is found near
 * the wanted position, the page is left whole.
 */
const HEADER_RE = /^P5\s+(\d+)\s+(\d+)\s+255\s/;

export interface GrayRaster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function parsePgm(pgm: Uint8Array): GrayRaster | undefined {
  const head = Buffer.from(pgm.buffer, pgm.byteOffset, Math.min(pgm.length, 64)).toString('latin1');
  const match = HEADER_RE.exec(head);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const pixels = pgm.subarray(match[0].length, match[0].length + width * height);
  return pixels.length === width * height ? { width, height, pixels } : undefined;
}

export function toPgm(raster: GrayRaster): Buffer {
  const header = Buffer.from(`P5\n${raster.width} ${raster.height}\n255\n`, 'ascii');
  return Buffer.concat([header, raster.pixels]);
}

/** Rows whose darkest run is below the ink threshold count as blank. */
function blankRows(raster: GrayRaster): Uint8Array {
  const { width, height, pixels } = raster;
  const blank = new Uint8Array(height);
  const tolerance = Math.max(2, Math.floor(width / 400));
  for (let y = 0; y < height; y++) {
    let ink = 0;
    const row = y * width;
    for (let x = 0; x < width; x += 2) if (pixels[row + x]! < 140) ink++;
    blank[y] = ink <= tolerance ? 1 : 0;
  }
  return blank;
}

/** Middle of the widest blank band within [from, to), or -1. */
function bestCut(blank: Uint8Array, from: number, to: number): number {
  let best = -1;
  let bestLen = 0;
  let start = -1;
  for (let y = from; y <= to; y++) {
    if (y < to && blank[y]) { if (start < 0) start = y; continue; }
    if (start >= 0) {
      const len = y - start;
      if (len > bestLen) { bestLen = len; best = start + Math.floor(len / 2); }
      start = -1;
    }
  }
  return bestLen >= 4 ? best : -1;
}

/** Up to `parts` strips; a single element when the page is short or has no blank band to cut through. */
export function splitIntoStrips(pgm: Buffer, parts: number, minStripHeight = 600): Buffer[] {
  return splitIntoPlacedStrips(pgm, parts, minStripHeight).map((strip) => strip.pgm);
}

/** Like splitIntoStrips, with the row of the page where each strip starts (to map boxes back to the page). */
export function splitIntoPlacedStrips(pgm: Buffer, parts: number, minStripHeight = 600): Array<{ pgm: Buffer; top: number }> {
  if (parts < 2) return [{ pgm, top: 0 }];
  const raster = parsePgm(pgm);
  if (!raster || raster.height < minStripHeight * 2) return [{ pgm, top: 0 }];
  const count = Math.min(parts, Math.floor(raster.height / minStripHeight));
  const blank = blankRows(raster);
  const cuts: number[] = [0];
  for (let i = 1; i < count; i++) {
    const ideal = Math.round((raster.height * i) / count);
    const window = Math.round(raster.height / count / 3);
    const cut = bestCut(blank, Math.max(cuts[cuts.length - 1]! + 1, ideal - window), Math.min(raster.height - 1, ideal + window));
    if (cut > 0) cuts.push(cut);
  }
  cuts.push(raster.height);
  if (cuts.length <= 2) return [{ pgm, top: 0 }];
  const strips: Array<{ pgm: Buffer; top: number }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const top = cuts[i]!;
    const bottom = cuts[i + 1]!;
    strips.push({ pgm: toPgm({ width: raster.width, height: bottom - top, pixels: raster.pixels.subarray(top * raster.width, bottom * raster.width) }), top });
  }
  return strips;
}

/** Adds a white border: tesseract misses text that touches the edge of the raster. */
export function padPgm(pgm: Buffer, border: number): Buffer {
  const raster = parsePgm(pgm);
  if (!raster || border <= 0) return pgm;
  const width = raster.width + 2 * border;
  const height = raster.height + 2 * border;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < raster.height; y++) {
    pixels.set(raster.pixels.subarray(y * raster.width, (y + 1) * raster.width), (y + border) * width + border);
  }
  return toPgm({ width, height, pixels });
}
