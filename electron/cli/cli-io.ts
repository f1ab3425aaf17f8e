/** What a CLI command gets: its streams and environment, so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Exit codes of the contract: 0 all good, 1 bad usage, 2 some input could not be processed. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_PARTIAL = 2;

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

export class UsageError extends Error {}

/** Minimal flag parser: --flag, --key value, --key=value; everything else is positional. */
export function parseArgs(args: string[], spec: { flags?: string[]; options?: string[]; multi?: string[] }): {
  flags: Set<string>;
  options: Map<string, string>;
  multi: Map<string, string[]>;
  positional: string[];
} {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const multi = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') { positional.push(...args.slice(i + 1)); break; }
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(2, eq) : arg.slice(2));
    if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (spec.options?.includes(name) || spec.multi?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (spec.multi?.includes(name)) multi.set(name, [...(multi.get(name) ?? []), value]);
      else options.set(name, value);
      continue;
    }
    throw new UsageError(`unknown option --${name}`);
  }
  return { flags, options, multi, positional };
}
