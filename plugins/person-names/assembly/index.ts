// person-names: names of patients, relatives and professionals in Brazilian clinical text.
import { readInput, writeFindings } from "../../sdk/assembly";
import { detectNames } from "./detect";

export function analyze(): i32 {
  const input = readInput();
  writeFindings(detectNames(input.text));
  return 0;
}
export { sigilo_input_reserve, sigilo_output_ptr, sigilo_output_len } from "../../sdk/assembly/host-io";
