/** Electron adapter of IsolatedProcess: an Electron utilityProcess started with an empty environment. */
import { utilityProcess } from 'electron';
import type { IsolatedProcess, ProcessLauncher } from '../services/isolated-process.js';

export const launchUtility: ProcessLauncher = (entry, opts = {}): IsolatedProcess => {
  const child = utilityProcess.fork(entry, opts.args ?? [], { env: {}, serviceName: opts.name ?? 'sigilo-isolated', stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => (opts.onStderr ? opts.onStderr(chunk.toString('utf8')) : process.stderr.write(chunk)));
  return {
    get pid() {
      return child.pid;
    },
    send: (msg) => child.postMessage(msg),
    onMessage: (cb) => void child.on('message', (msg: unknown) => cb(msg)),
    onExit: (cb) => void child.on('exit', (code: number) => cb(code, null)),
    kill: () => void child.kill(),
  };
};
