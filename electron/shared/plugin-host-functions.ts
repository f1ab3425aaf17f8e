/**
 * Host functions a plugin may import (namespace `extism:host/user`), each linked only when the plugin
 * declares the capability in plugin.json AND the user granted it. A plugin importing a host function it
 * was not granted is refused at load time.
 *
 *   sigilo_log(level: i32, message: i64)  capability 'log'
 *       level: 0 debug, 1 info, 2 warn, 3 error; message: Extism memory offset of a UTF-8 string.
 *   sigilo_audit(event: i64)               capability 'audit'
 *       event: Extism memory offset of a UTF-8 JSON object, e.g. {"event":"rule-hit","rule":"cpf"}.
 *
 * Both return nothing. `level` may also be declared as i64.
 */
import type { Capability } from './plugin-manifest.js';

export const HOST_USER_NAMESPACE = 'extism:host/user';
export const EXTISM_ENV_NAMESPACE = 'extism:host/env';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type PluginLogLevel = (typeof LOG_LEVELS)[number];

export interface HostFunctionSpec {
  capability: Capability;
  /** Accepted parameter lists (wasm value types). */
  params: ReadonlyArray<ReadonlyArray<'i32' | 'i64'>>;
}

export const HOST_FUNCTIONS: Readonly<Record<string, HostFunctionSpec>> = {
  sigilo_log: { capability: 'log', params: [['i32', 'i64'], ['i64', 'i64']] },
  sigilo_audit: { capability: 'audit', params: [['i64']] },
};
