/**
 * Plugin worker thread (dist/plugin-host/plugin-worker.js): holds one instance of every enabled plugin
 * and runs one call at a time. The host's main thread times each call and terminates this thread on timeout.
 */
import { parentPort } from 'node:worker_threads';
import { PluginInstance, type HostCallbacks, type InstanceSpec } from './plugin-instance.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('plugin-worker must run in a worker thread');

const post = (msg: FromWorker) => port.postMessage(msg);
const callbacks: HostCallbacks = {
  log: (key, level, message) => post({ type: 'log', key, level, message }),
  audit: (key, event) => post({ type: 'audit', key, event }),
};
const specs = new Map<string, InstanceSpec>();
const instances = new Map<string, PluginInstance>();

async function init(plugins: InstanceSpec[]): Promise<void> {
  for (const spec of plugins) {
    try {
      specs.set(spec.key, spec);
      instances.set(spec.key, await PluginInstance.create(spec, callbacks));
      post({ type: 'loaded', key: spec.key });
    } catch (err) {
      post({ type: 'loaded', key: spec.key, error: err instanceof Error ? err.message : String(err) });
    }
  }
  post({ type: 'ready' });
}

async function call(id: number, key: string, input: Uint8Array, textLength: number): Promise<void> {
  const instance = instances.get(key);
  const spec = specs.get(key);
  if (!instance || !spec) {
    post({ type: 'done', id, outcome: { ok: false, code: 'NOT_LOADED', message: `Plugin ${key} não carregado.`, durationMs: 0, memoryPages: 0 } });
    return;
  }
  const outcome = await instance.analyze(input, textLength);
  post({ type: 'done', id, outcome });
  if (!outcome.ok && (outcome.code === 'TRAP' || outcome.code === 'MEMORY')) {
    // The instance's state after a trap is unknown: start from a fresh one.
    instances.delete(key);
    await instance.close().catch(() => undefined);
    try {
      instances.set(key, await PluginInstance.create(spec, callbacks));
    } catch {
      // leave it missing: later calls answer NOT_LOADED
    }
  }
}

post({ type: 'started' });

// Calls are strictly sequential: the host sends the next one only after 'done'.
let chain: Promise<void> = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  chain = chain.then(() => (msg.type === 'init' ? init(msg.plugins) : call(msg.id, msg.key, msg.input, msg.textLength)));
});
