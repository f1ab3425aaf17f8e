/** Messages between the plugin host's main thread and its worker threads (same process, our own code). */
import type { PluginLogLevel } from '../shared/plugin-host-functions.js';
import type { CallOutcome, InstanceSpec } from './plugin-instance.js';

export type ToWorker =
  | { type: 'init'; plugins: InstanceSpec[] }
  | { type: 'call'; id: number; key: string; input: Uint8Array; textLength: number };

export type FromWorker =
  | { type: 'started' }
  | { type: 'loaded'; key: string; error?: string }
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: CallOutcome }
  | { type: 'log'; key: string; level: PluginLogLevel; message: string }
  | { type: 'audit'; key: string; event: Record<string, unknown> };
