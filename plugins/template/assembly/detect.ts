// The detector: a keyword ("prontuário", "registro hospitalar", "nº de atendimento"; matched without case
// or accents), then a few separators (":", "nº", spaces), then a number (digits, "." "-" "/" between digits).
// Offsets are UTF-16 code units (AssemblyScript string indices), end exclusive.
import { Finding, charAt, isDigit, isLetter, isSpace, isWordAt, isWordEnd, matchFold } from "__SDK__";

const KEYWORDS: string[] = ["prontuario", "registro hospitalar", "no de atendimento", "numero de atendimento"];

export function detect(text: string): Finding[] {
  const out = new Array<Finding>();
  const n = text.length;
  for (let pos = 0; pos < n; pos++) {
    for (let k = 0; k < KEYWORDS.length; k++) {
      const word = unchecked(KEYWORDS[k]);
      if (!isWordAt(text, pos, word)) continue;
      let p = matchFold(text, pos, word);
      // skip separators: spaces, ':', '-', '#', '.', and "nº" / "n°" / "n."
      let guard = 0;
      while (p < n && guard++ < 8) {
        const c = charAt(text, p);
        if (isSpace(c) || c == 0x3a || c == 0x2d || c == 0x23 || c == 0x2e) { p++; continue; }
        const no = matchFold(text, p, "no"); // "nº" folds to "no"
        if (no >= 0 && !isLetter(charAt(text, no))) { p = no; continue; }
        const next = charAt(text, p + 1);
        if ((c == 0x6e || c == 0x4e) && (next == 0x2e || next == 0xb0)) { p += 2; continue; }
        break;
      }
      const start = p;
      let end = p;
      while (end < n) {
        const c = charAt(text, end);
        if (isDigit(c)) { end++; continue; }
        // a separator counts only between digits
        if ((c == 0x2e || c == 0x2d || c == 0x2f) && isDigit(charAt(text, end + 1)) && end > start) { end++; continue; }
        break;
      }
      const digits = end - start;
      if (digits >= 4 && isWordEnd(text, end)) {
        out.push(new Finding("medical_record", start, end, 0.9, false, "Número de prontuário ou atendimento (identifica o paciente no hospital)"));
        pos = end;
      }
      break;
    }
  }
  return out;
}
