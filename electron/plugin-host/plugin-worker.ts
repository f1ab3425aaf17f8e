/**
 * Plugin worker thread (dist/plugin-host/plugin-worker.js): holds one instance of every enabled plugin and
 * runs one job at a time: every requested plugin of a document (or of a few documents) in turn. The host's main thread times each plugin (it
 * reads which one is running from shared memory, RunControl) and terminates this thread when one overruns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PluginInstance, type CallOutcome, type HostCallbacks, type InstanceSpec } from './plugin-instance.js';
import { RESULT_FLUSH_MS, RunControl, type FromWorker, type ToWorker, type WorkerData, type WorkerResult } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('plugin-worker must run in a worker thread');
const data = workerData as WorkerData;
const results = data.results;
const control = new RunControl(data.control);

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

async function run({ id, keys, docs, inputs, textLengths }: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const spoiled: string[] = [];
  // Outcomes not yet handed over: they go with 'done' (one message for a typical document), or to the results
  // port before the next plugin starts once they are RESULT_FLUSH_MS old, so that a plugin stopped for
  // overrunning its time makes the host re-run only a few milliseconds of finished work.
  let pending: WorkerResult[] = [];
  let since = 0; // when the first pending plugin started
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (pending.length > 0 && performance.now() - since >= RESULT_FLUSH_MS) {
      results.postMessage(pending);
      pending = [];
    }
    if (pending.length === 0) since = performance.now();
    control.begin(index);
    if (spoiled.includes(key)) {
      // the plugin trapped earlier in this job (another document of it): a fresh instance first
      spoiled.splice(spoiled.indexOf(key), 1);
      await renew(key);
    }
    const instance = instances.get(key);
    let outcome: CallOutcome;
    if (!instance) {
      outcome = { ok: false, code: 'NOT_LOADED', message: `Plugin ${key} não carregado.`, durationMs: 0, memoryPages: 0 };
    } else {
      const doc = docs[index] as number;
      // Each call gets its own copy: Extism adopts the buffer as the call's input block, and a plugin must not
      // be able to change the text the next plugin of the document reads.
      outcome = await instance.analyze((inputs[doc] as Uint8Array).slice(), textLengths[doc] as number);
      // The instance's state after a trap is unknown: it is replaced by a fresh one (after this job, or before
      // its next call in this job).
      if (!outcome.ok && (outcome.code === 'TRAP' || outcome.code === 'MEMORY')) spoiled.push(key);
    }
    pending.push({ id, index, outcome });
  }
  post({ type: 'done', id, results: pending });
  for (const key of spoiled) await renew(key);
}

async function renew(key: string): Promise<void> {
  const spec = specs.get(key);
  const old = instances.get(key);
  instances.delete(key);
  await old?.close().catch(() => undefined);
  if (!spec) return;
  try {
    instances.set(key, await PluginInstance.create(spec, callbacks));
  } catch {
    // leave it missing: later calls answer NOT_LOADED
  }
}

post({ type: 'started' });

// Runs are strictly sequential: the host sends the next one only after 'done'.
let chain: Promise<void> = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  chain = chain.then(() => (msg.type === 'init' ? init(msg.plugins) : run(msg)));
});
