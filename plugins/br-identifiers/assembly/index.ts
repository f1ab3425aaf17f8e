import { readInput, writeFindings } from "../../sdk/assembly/index";
import { detect } from "./detect";

export function analyze(): i32 {
  writeFindings(detect(readInput().text));
  return 0;
}
export { sigilo_input_reserve, sigilo_output_ptr, sigilo_output_len } from "../../sdk/assembly/host-io";
