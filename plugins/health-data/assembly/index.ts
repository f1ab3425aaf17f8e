// health-data plugin: conditions, procedures that reveal them, CID-10 codes, medications, genetic data.
import { readInput } from "../../sdk/assembly";
import { detect, reasonOf, setup } from "./detect";
import { writeHits } from "../../sdk/assembly/hit-output";

let text: string = "";

export function analyze(): i32 {
  setup(); // before readInput(), whose collection frees the setup garbage
  text = readInput().text; // a global: kept alive across the collections below
  writeHits(detect(text, true), text, reasonOf);
  text = "";
  return 0;
}
export { sigilo_input_reserve, sigilo_output_ptr, sigilo_output_len } from "../../sdk/assembly/host-io";
