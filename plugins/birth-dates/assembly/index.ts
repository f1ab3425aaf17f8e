// birth-dates: dates of birth (only dates whose context says so) in Brazilian clinical text.
import { readInput, writeFindings } from "../../sdk/assembly";
import { detectBirthDates } from "./detect";

export function analyze(): i32 {
  const input = readInput();
  writeFindings(detectBirthDates(input.text, input.optionsJson));
  return 0;
}
export { sigilo_input_reserve, sigilo_output_ptr, sigilo_output_len } from "../../sdk/assembly/host-io";
