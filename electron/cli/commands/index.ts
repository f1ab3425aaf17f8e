/** The command table. Each command module exports `run(args, io)`. */
import type { CliCommand } from '../cli-io.js';
import { run as analyze } from './analyze.js';
import { run as exportCommand } from './export.js';
import { run as redact } from './redact.js';

export const COMMANDS: Record<string, CliCommand> = {
  analyze,
  export: exportCommand,
  redact,
  audit: async (args, io) => (await import('./audit.js')).run(args, io),
  plugin: async (args, io) => (await import('./plugin.js')).run(args, io),
};
