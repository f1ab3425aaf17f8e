/**
 * Fast path of PluginOutputSchema / PluginFindingSchema (plugin-abi.ts) for the per-call hot path: a plugin may
 * return tens of thousands of findings, and validating each with zod costs more than the detection itself.
 *
 * `fastFindings` returns the findings only when zod would accept them unchanged (every field valid, no key zod
 * would strip); otherwise undefined, and the caller validates with the zod schema, which gives the error
 * message (or strips the extra keys). So the result is always exactly what the schema would produce.
 */
import type { PluginFinding } from './plugin-abi.js';

const MAX_FINDINGS = 100_000;
const MAX_REASON = 500;
const TYPE_RE = /^[a-z][a-z0-9_]{0,63}$/;
/** Finding types already seen valid (a handful per plugin). */
const goodTypes = new Set<string>();

function validType(t: unknown): boolean {
  if (typeof t !== 'string') return false;
  if (goodTypes.has(t)) return true;
  if (!TYPE_RE.test(t)) return false;
  if (goodTypes.size < 1000) goodTypes.add(t);
  return true;
}

function isFinding(f: unknown): f is PluginFinding {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return false;
  const o = f as Record<string, unknown>;
  let keys = 0;
  for (const k in o) {
    if (k !== 'type' && k !== 'start' && k !== 'end' && k !== 'confidence' && k !== 'validated' && k !== 'reason') return false;
    keys++;
  }
  if (keys < 4) return false;
  const { start, end, confidence, validated, reason } = o;
  if (!validType(o.type)) return false;
  if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0) return false;
  if (typeof end !== 'number' || !Number.isSafeInteger(end) || end <= 0) return false;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) return false;
  if ('validated' in o && typeof validated !== 'boolean') return false;
  if ('reason' in o && (typeof reason !== 'string' || reason.length > MAX_REASON)) return false;
  return true;
}

/** The findings array when every element is a finding zod accepts as is; else undefined. */
export function fastFindings(value: unknown, max = Infinity): PluginFinding[] | undefined {
  if (!Array.isArray(value) || value.length > max) return undefined;
  for (let i = 0; i < value.length; i++) if (!isFinding(value[i])) return undefined;
  return value as PluginFinding[];
}

/** `PluginOutputSchema.parse(json).findings` when the fast checks pass; else undefined. */
export function fastPluginOutput(json: unknown): PluginFinding[] | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  return fastFindings((json as { findings?: unknown }).findings, MAX_FINDINGS);
}
