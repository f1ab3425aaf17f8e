// Delimited tables in plain text (CSV rows, tab- or pipe-separated lines): finding a line's separator and the
// columns of a header row whose titles a detector cares about ("Nascimento", "Nome do paciente"…).
import { isSpace } from "./text";

/** What scanLine() learnt about a line. */
export class LineScan {
  /** Index of the line's end (its \n or \r, or the end of the text). */
  end: i32 = 0;
  /** The field separator: ';' or tab (one is enough), '|' or ',' (two or more); 0 if none. */
  sep: i32 = 0;
  /** ASCII digits on the line (a header row holds titles, not numbers). */
  digits: i32 = 0;
}

const scan = new LineScan();

/** Scans the line starting at `ls`. The result is reused by the next call. */
export function scanLine(T: string, ls: i32): LineScan {
  const n = T.length;
  let le = ls;
  let semi = 0, tab = 0, pipe = 0, comma = 0, digits = 0;
  while (le < n) {
    const c = T.charCodeAt(le);
    if (c == 0x0a || c == 0x0d) break;
    if (c == 0x3b) semi++;
    else if (c == 0x09) tab++;
    else if (c == 0x7c) pipe++;
    else if (c == 0x2c) comma++;
    else if (c >= 0x30 && c <= 0x39) digits++;
    le++;
  }
  scan.end = le;
  scan.digits = digits;
  scan.sep = semi >= 1 ? 0x3b : tab >= 1 ? 0x09 : pipe >= 2 ? 0x7c : comma >= 2 ? 0x2c : 0;
  return scan;
}

/** True when [ls, le) contains the code unit `c` (a row still in the table whose separator is `c`). */
export function lineContains(T: string, ls: i32, le: i32, c: i32): bool {
  for (let i = ls; i < le; i++) if (T.charCodeAt(i) == c) return true;
  return false;
}

/**
 * For a header row [ls, le) split by `sep`: each field, trimmed of spaces and quotes, whose text [a, b) passes
 * `isTitle` is passed to `onTitle(field, a, b)`. Returns the bit mask of those fields (the first 32 columns).
 */
export function headerColumns(
  T: string, ls: i32, le: i32, sep: i32,
  isTitle: (a: i32, b: i32) => bool, onTitle: (field: i32, a: i32, b: i32) => void,
): u32 {
  let mask: u32 = 0;
  let field = 0;
  let fs = ls;
  for (let i = ls; i <= le; i++) {
    if (i == le || T.charCodeAt(i) == sep) {
      let a = fs, b = i;
      while (a < b && (isSpace(T.charCodeAt(a)) || T.charCodeAt(a) == 0x22)) a++;
      while (b > a && (isSpace(T.charCodeAt(b - 1)) || T.charCodeAt(b - 1) == 0x22)) b--;
      if (b > a && field < 32 && isTitle(a, b)) {
        mask |= (<u32>1) << field;
        onTitle(field, a, b);
      }
      field++;
      fs = i + 1;
    }
  }
  return mask;
}
