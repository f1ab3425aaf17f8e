/**
 * CSV → text: the delimiter (';', ',' or tab) is detected from the first lines, quoted fields are honoured,
 * and each row becomes one line with its cells joined by ' ; ' (header row included), so a value stays on
 * the same line as its neighbours.
 */
export const CSV_CELL_SEPARATOR = ' ; ';

const CANDIDATES = [';', ',', '\t'] as const;

/** Counts delimiter occurrences outside quotes per line, for the first lines. */
function countsPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count++;
    else if (!inQuotes && ch === '\n') { counts.push(count); count = 0; }
  }
  if (count > 0 && counts.length < maxLines) counts.push(count);
  return counts;
}

/** The delimiter whose count is the most consistent (and non-zero) across lines; undefined if none. */
export function detectDelimiter(text: string): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of CANDIDATES) {
    const counts = countsPerLine(text, delimiter, 50).filter((_, i, all) => i < all.length);
    if (counts.length === 0) continue;
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 10 + Math.min(first, 9) / 10;
    if (consistent >= 0.8 && (!best || score > best.score)) best = { delimiter, score };
  }
  return best?.delimiter;
}

/** True when the text looks like a table: at least 2 lines with the same non-zero delimiter count. */
export function looksLikeCsv(text: string): boolean {
  const delimiter = detectDelimiter(text);
  if (!delimiter) return false;
  return countsPerLine(text, delimiter, 3).length >= 2;
}

export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      cell = '';
    } else if (ch === delimiter) {
      row.push(cell); cell = '';
    } else if (ch === '\n') {
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

export function csvToText(text: string): string {
  const delimiter = detectDelimiter(text) ?? ';';
  return parseCsv(text, delimiter)
    .map((cells) => cells.map((c) => c.replace(/\s*\n\s*/g, ' ').trim()).join(CSV_CELL_SEPARATOR).trimEnd())
    .join('\n')
    .concat('\n');
}
