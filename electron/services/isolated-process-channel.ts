/**
 * The child side of isolated-process.ts: an isolated process's link to the main side — Electron's
 * `process.parentPort` in a utilityProcess, Node's IPC channel (`process.send`) in a forked child. Used by
 * the plugin host and the extraction process, so the same code runs under both launchers.
 */
export interface ParentChannel {
  send(msg: unknown): void;
  onMessage(cb: (msg: unknown) => void): void;
  onDisconnect(cb: () => void): void;
}

interface ElectronParentPort {
  postMessage(msg: unknown): void;
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
}

export function connectToParent(): ParentChannel {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (msg) => parentPort.postMessage(msg),
      onMessage: (cb) => parentPort.on('message', (e) => cb(e.data)),
      // A utility process is killed with its parent; nothing to watch.
      onDisconnect: () => undefined,
    };
  }
  if (typeof process.send === 'function') {
    return {
      send: (msg) => {
        if (process.connected) process.send?.(msg);
      },
      onMessage: (cb) => process.on('message', (msg) => cb(msg)),
      onDisconnect: (cb) => process.on('disconnect', cb),
    };
  }
  throw new Error('isolated process started without a parent channel (start it through its client)');
}
