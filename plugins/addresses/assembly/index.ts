// addresses: street addresses (logradouro, número, complemento, bairro, cidade, UF) in Brazilian clinical text.
import { readInput, writeFindings } from "../../sdk/assembly";
import { detectAddresses } from "./detect";

export function analyze(): i32 {
  const input = readInput();
  writeFindings(detectAddresses(input.text));
  return 0;
}
export { sigilo_input_reserve, sigilo_output_ptr, sigilo_output_len } from "../../sdk/assembly/host-io";
