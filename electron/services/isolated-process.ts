/**
 * The one seam between our code and the kind of child process that isolates untrusted work:
 * Electron's utilityProcess in the app (electron/main/utility-process-launcher.ts), Node's
 * child_process.fork on the CLI and in tests (launchForked below). Children always start with an
 * EMPTY environment.
 */
import { fork } from 'node:child_process';

export interface IsolatedProcess {
  readonly pid: number | undefined;
  send(msg: unknown): void;
  onMessage(cb: (msg: unknown) => void): void;
  onExit(cb: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export interface LaunchOptions {
  args?: string[];
  /** Human-readable name (Electron shows it in its task manager). */
  name?: string;
  /**
   * Folders/files the child may read. When given, the forked child runs under Node's permission model
   * (--permission): no writes, no child processes, no native addons, no WASI; worker threads allowed.
   */
  allowFsRead?: string[];
  /** Where the child's stderr goes (default: our stderr). */
  onStderr?: (chunk: string) => void;
}

export type ProcessLauncher = (entry: string, opts?: LaunchOptions) => IsolatedProcess;

/** Flags for Node's permission model; exported so the Electron adapter and tests can reuse them. */
export function permissionFlags(allowFsRead: string[]): string[] {
  return [
    '--permission',
    ...allowFsRead.map((p) => `--allow-fs-read=${p}`),
    '--allow-worker',
    '--disable-warning=SecurityWarning',
  ];
}

/** Node's WASI module (imported, never used, by @extism/extism) warns on load; keep the child's stderr clean. */
const QUIET = ['--disable-warning=ExperimentalWarning'];

export const launchForked: ProcessLauncher = (entry, opts = {}) => {
  const child = fork(entry, opts.args ?? [], {
    env: {},
    serialization: 'advanced',
    execArgv: [...QUIET, ...(opts.allowFsRead ? permissionFlags(opts.allowFsRead) : [])],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (opts.onStderr ? opts.onStderr(chunk) : process.stderr.write(chunk)));
  // An IPC write to a child that just died raises EPIPE asynchronously; the exit handler deals with it.
  child.on('error', () => undefined);
  return {
    get pid() {
      return child.pid;
    },
    send(msg) {
      if (child.connected) child.send(msg as object, (err) => void err);
    },
    onMessage(cb) {
      child.on('message', (msg) => cb(msg));
    },
    onExit(cb) {
      child.on('exit', (code, signal) => cb(code, signal));
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
};
