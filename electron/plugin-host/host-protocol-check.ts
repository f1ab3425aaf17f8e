/**
 * Fast path of ResultMessageSchema (host-protocol.ts) for the main side: a result may carry tens of thousands
 * of findings, and zod validates them at a cost comparable to running the plugin. Returns the message only when
 * zod would accept it unchanged (no key to strip); otherwise undefined, and the caller uses the zod schema.
 */
import { fastFindings } from '../shared/plugin-output-check.js';
import { PLUGIN_CALL_ERROR_CODES, type PluginCallResult } from './host-protocol.js';

const RESULT_KEYS = new Set(['plugin', 'findings', 'durationMs', 'memoryPages', 'instructions', 'error']);
const CODES = new Set<string>(PLUGIN_CALL_ERROR_CODES);

function onlyKeys(o: object, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function isResult(r: unknown): r is PluginCallResult {
  if (typeof r !== 'object' || r === null || Array.isArray(r) || !onlyKeys(r, RESULT_KEYS)) return false;
  const o = r as Record<string, unknown>;
  if (typeof o.plugin !== 'string') return false;
  if (typeof o.durationMs !== 'number' || !(o.durationMs >= 0) || o.durationMs === Infinity) return false;
  for (const count of ['memoryPages', 'instructions'] as const) {
    if (count in o && !(typeof o[count] === 'number' && Number.isSafeInteger(o[count]) && (o[count] as number) >= 0)) return false;
  }
  if ('error' in o) {
    const e = o.error;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
    const err = e as Record<string, unknown>;
    if (!onlyKeys(err, new Set(['code', 'message'])) || typeof err.code !== 'string' || !CODES.has(err.code) || typeof err.message !== 'string') return false;
  }
  return fastFindings(o.findings) !== undefined;
}

/** `{ id, results }` of a valid result message, or undefined (not a result, or let zod decide). */
export function fastResultMessage(raw: unknown): { id: number; results: PluginCallResult[] } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type !== 'result' || !onlyKeys(m, new Set(['type', 'id', 'results']))) return undefined;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id) || m.id < 0 || !Array.isArray(m.results)) return undefined;
  for (const r of m.results) if (!isResult(r)) return undefined;
  return { id: m.id, results: m.results as PluginCallResult[] };
}
