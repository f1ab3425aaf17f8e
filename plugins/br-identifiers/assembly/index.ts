import { readInput, writeFindings } from "../../sdk/assembly/index";
import { detect } from "./detect";

export function analyze(): i32 {
  writeFindings(detect(readInput().text));
  return 0;
}
