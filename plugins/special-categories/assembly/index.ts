// special-categories plugin: race/colour, religion, sexual orientation/sex life, political opinion,
// union membership and biometric data, found by context.
import { readInput, writeFindings, Finding } from "../../sdk/assembly";
import { detect, setup } from "./detect";

export function analyze(): i32 {
  setup(); // before readInput(), whose collection frees the setup garbage
  const hits = detect(readInput().text, true);
  const out: Finding[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    out.push(new Finding(h.type, h.start, h.end, h.confidence, h.validated, h.reason));
  }
  writeFindings(out);
  return 0;
}
