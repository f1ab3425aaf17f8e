/**
 * Plugin host process entry (dist/plugin-host/host-process.js): an Electron utilityProcess in the app,
 * a `child_process.fork` on the CLI and in tests, started with an empty environment. Loads and checks the
 * plugin folders it is given, compiles each once, and serves analyze requests from a worker-thread pool.
 */
import { ANALYZE_ENTRY } from '../shared/plugin-abi.js';
import { tryLoadPluginFolder } from '../services/plugins/plugin-loader.js';
import { HostRequestSchema, type AnalyzeRequest, type HostMessage, type PluginCallResult, type PluginStatus } from './host-protocol.js';
import { connectToParent } from '../services/isolated-process-channel.js';
import { encodeAnalyzeInput, type CallOutcome, type InstanceSpec } from './plugin-instance.js';
import { WorkerPool } from './worker-pool.js';

const channel = connectToParent();
const send = (msg: HostMessage) => channel.send(msg);

let pool: WorkerPool | undefined;
/** id -> key and key -> key of loaded plugins, for resolving requested plugin names. */
const names = new Map<string, string>();

async function init(specs: Array<{ dir: string; grants: Array<'log' | 'audit'> }>, poolSize: number): Promise<void> {
  const statuses: PluginStatus[] = [];
  const instances: InstanceSpec[] = [];
  for (const spec of specs) {
    const result = await tryLoadPluginFolder(spec.dir, { grants: spec.grants });
    if (!result.ok) {
      const status: PluginStatus = { dir: spec.dir, status: 'error', error: { code: result.error.code, message: result.error.message } };
      if (result.manifest) Object.assign(status, { manifest: result.manifest, key: `${result.manifest.id}@${result.manifest.version}` });
      statuses.push(status);
      continue;
    }
    const { plugin } = result;
    if (names.has(plugin.manifest.id)) {
      statuses.push({ dir: spec.dir, key: plugin.key, manifest: plugin.manifest, status: 'error', error: { code: 'DUPLICATE', message: `Outro plugin com o id '${plugin.manifest.id}' já foi carregado.` } });
      continue;
    }
    names.set(plugin.manifest.id, plugin.key);
    names.set(plugin.key, plugin.key);
    instances.push({ key: plugin.key, module: plugin.module, entry: ANALYZE_ENTRY, limits: plugin.manifest.limits, capabilities: plugin.capabilities });
    statuses.push({ dir: spec.dir, key: plugin.key, manifest: plugin.manifest, status: 'loaded', capabilities: plugin.capabilities });
  }
  pool = await WorkerPool.start(instances, {
    workerUrl: new URL('./plugin-worker.js', import.meta.url),
    size: poolSize,
    onLog: (plugin, level, message) => send({ type: 'log', plugin, level, message }),
    onAudit: (plugin, event) => send({ type: 'audit', plugin, event }),
  });
  for (const status of statuses) {
    const failure = status.key ? pool.failures.get(status.key) : undefined;
    if (failure && status.status === 'loaded') {
      status.status = 'error';
      status.error = failure;
      names.delete(status.key as string);
      if (status.manifest) names.delete(status.manifest.id);
    }
  }
  send({ type: 'ready', plugins: statuses, poolSize: pool.size });
}

function toResult(plugin: string, outcome: CallOutcome): PluginCallResult {
  const durationMs = Math.max(0, outcome.durationMs);
  const instructions = outcome.instructions !== undefined ? { instructions: outcome.instructions } : {};
  return outcome.ok
    ? { plugin, findings: outcome.findings, durationMs, memoryPages: outcome.memoryPages, ...instructions }
    : { plugin, findings: [], durationMs, ...(outcome.memoryPages > 0 ? { memoryPages: outcome.memoryPages } : {}), ...instructions, error: { code: outcome.code, message: outcome.message } };
}

async function analyze(req: AnalyzeRequest): Promise<void> {
  const active = pool;
  const wanted = req.plugins ?? [...new Set(names.values())];
  const results: PluginCallResult[] = new Array(wanted.length);
  // every loaded plugin of the document in one job (one worker, one message); unknown names answer at once
  const keys: string[] = [];
  const at: number[] = [];
  wanted.forEach((name, i) => {
    const key = names.get(name);
    if (key && active) {
      keys.push(key);
      at.push(i);
    } else {
      results[i] = toResult(name, { ok: false, code: 'NOT_LOADED', message: `Plugin ${name} não está carregado.`, durationMs: 0, memoryPages: 0 });
    }
  });
  if (active && keys.length > 0) {
    const outcomes = await active.runAll(keys, encodeAnalyzeInput(req.text, req.language, req.options), req.text.length);
    outcomes.forEach((outcome, j) => {
      results[at[j] as number] = toResult(keys[j] as string, outcome);
    });
  }
  send({ type: 'result', id: req.id, results });
}

channel.onMessage((raw) => {
  const parsed = HostRequestSchema.safeParse(raw);
  if (!parsed.success) {
    send({ type: 'fatal', message: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}` });
    return;
  }
  const msg = parsed.data;
  if (msg.type === 'init') void init(msg.plugins, msg.poolSize).catch(fail);
  else if (msg.type === 'analyze') void analyze(msg).catch(fail);
  else void (pool?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
channel.onDisconnect(() => process.exit(0));

function fail(err: unknown): void {
  send({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  setTimeout(() => process.exit(1), 50);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
