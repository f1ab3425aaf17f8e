// The floor of a request across the plugin host's two hops, with no work and no validation: a forked child
// process (the same transport as the plugin host) that passes each message to a worker thread and back.
// Run as a child by ipcEchoFloor(); not imported by Sigilo itself.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { timeRuns } from './stats.mjs';

const WORKER = `const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m));`;

if (process.argv[2] === 'child') {
  const worker = new Worker(WORKER, { eval: true });
  worker.on('message', (m) => process.send(m));
  process.on('message', (m) => worker.postMessage(m));
}

/** p50-style samples (ms) of `runs` round trips of a `text`-sized message, after `warmup` ones. */
export async function ipcEchoFloor(text, runs, warmup) {
  const child = fork(fileURLToPath(import.meta.url), ['child'], { serialization: 'advanced', stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200)); // the worker thread starts
    const roundTrip = () => new Promise((resolve) => { child.once('message', resolve); child.send({ type: 'analyze', text }); });
    return await timeRuns(roundTrip, runs, warmup);
  } finally {
    child.kill();
  }
}
