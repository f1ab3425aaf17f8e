/** The `sigilo` command line: routes `sigilo <command> …` to electron/cli/commands/<command>.ts. */
import { EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './cli-io.js';
import { COMMANDS } from './commands/index.js';

const USAGE = `usage: sigilo <command> [options]

commands:
  analyze [--json] [--data-dir DIR] [--no-ocr] [--plugins DIR] PATH...
  audit list|verify|export|purge …
  export form --type consent|ripd|record|report --from REPORT.json|AUDIT_ID --out FILE
  redact FILE… --out DIR [--mode label|block|pseudonym]
  plugin list|install|enable|disable|remove|sign|keygen|stats|test …
`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version') { io.stdout('sigilo 0.1.0\n'); return 0; }
  const command: CliCommand | undefined = (COMMANDS as Record<string, CliCommand>)[name];
  if (!command) {
    io.stderr(`sigilo: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`sigilo ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    env: process.env,
    cwd: process.cwd(),
  };
}
