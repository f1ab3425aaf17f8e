// __ID__: a Sigilo plugin (ABI v1, see plugins/README.md). Entry point: `analyze` reads the input JSON
// (text, language, options), finds things in the text and writes {"findings":[…]}.
import { readInput, writeFindings, log, LOG_DEBUG } from "__SDK__";
import { detect } from "./detect";

export function analyze(): i32 {
  const input = readInput(); // call first: it also frees the previous call's memory
  const findings = detect(input.text);
  // sigilo_log needs "log" in plugin.json "capabilities" AND the user's grant (sigilo plugin install … --grant log)
  log(LOG_DEBUG, "__ID__: " + findings.length.toString() + " achado(s)");
  writeFindings(findings);
  return 0;
}
