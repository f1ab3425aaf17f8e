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

// ---- tables aligned with spaces (printed reports, fixed-width exports): "Paciente      DN          Sexo"

/** The fields of the last aligned header row read by alignedHeaderColumns(): their start columns. */
export class AlignedHeader {
  /** Column (offset from the line start) where each field starts. */
  starts: StaticArray<i32> = new StaticArray<i32>(32);
  count: i32 = 0;

  /** The field a position at column `col` of a row falls in (a cell may start a little left of its title). */
  fieldAt(col: i32): i32 {
    let f = 0;
    for (let k = 1; k < this.count; k++) if (col >= unchecked(this.starts[k]) - 1) f = k;
    return f;
  }
}

export const aligned = new AlignedHeader();

/** True when [ls, le) has a run of two or more spaces between two other characters (a row of an aligned table). */
export function hasAlignedGap(T: string, ls: i32, le: i32): bool {
  let run = 0;
  let seen = false;
  for (let i = ls; i < le; i++) {
    const c = T.charCodeAt(i);
    if (c == 0x20) { run++; continue; }
    if (seen && run >= 2) return true;
    seen = true;
    run = 0;
  }
  return false;
}

/**
 * For a header row [ls, le) whose fields are separated by runs of two or more spaces: like headerColumns, and
 * records each field's start column in `aligned`. Returns the mask (0 when the row has fewer than two fields).
 */
export function alignedHeaderColumns(
  T: string, ls: i32, le: i32,
  isTitle: (a: i32, b: i32) => bool, onTitle: (field: i32, a: i32, b: i32) => void,
): u32 {
  aligned.count = 0;
  let i = ls;
  while (i < le && aligned.count < 32) {
    while (i < le && T.charCodeAt(i) == 0x20) i++;
    if (i >= le) break;
    const a = i;
    // a field ends at two spaces in a row (one space separates the words of a title: "Data de nascimento")
    while (i < le && !(T.charCodeAt(i) == 0x20 && (i + 1 >= le || T.charCodeAt(i + 1) == 0x20))) i++;
    unchecked(aligned.starts[aligned.count] = a - ls);
    aligned.count++;
    i++;
  }
  if (aligned.count < 2) return 0;
  let mask: u32 = 0;
  for (let f = 0; f < aligned.count; f++) {
    const a = ls + unchecked(aligned.starts[f]);
    let b = a;
    while (b < le && !(T.charCodeAt(b) == 0x20 && (b + 1 >= le || T.charCodeAt(b + 1) == 0x20))) b++;
    if (isTitle(a, b)) {
      mask |= (<u32>1) << f;
      onTitle(f, a, b);
    }
  }
  return mask;
}
