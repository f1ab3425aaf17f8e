/** The command table. Each command module exports `run(args, io)`. */
import type { CliCommand } from '../cli-io.js';

export const COMMANDS: Record<string, CliCommand> = {
};
