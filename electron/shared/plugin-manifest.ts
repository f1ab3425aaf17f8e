/**
 * plugin.json: the manifest of a plugin folder (plugin.json + plugin.wasm). Validated with this schema
 * before anything else is read.
 */
import { z } from 'zod';

/** Host functions a plugin may request; each is linked only when declared and granted. */
export const CAPABILITIES = ['log', 'audit'] as const;
export type Capability = (typeof CAPABILITIES)[number];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const PluginLimitsSchema = z.object({
  /** Maximum linear memory, in 64 KiB pages. */
  memoryPages: z.number().int().min(1).max(16384),
  /** Maximum wall-clock time of one call. */
  timeoutMs: z.number().int().min(10).max(600_000),
  /** Maximum size of one call's output. */
  maxOutputBytes: z.number().int().min(1024).max(256 * 1024 * 1024),
  /**
   * Optional deterministic budget: instructions one call may use, counted by the host's instrumentation of the
   * module (electron/plugin-host/fuel.ts) — the same count on every machine. Absent: no instruction budget
   * (the wall-clock timeout still applies). When present, every call reports the instructions it used.
   */
  instructions: z.number().int().min(1000).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type PluginLimits = z.infer<typeof PluginLimitsSchema>;

export const PluginManifestSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'id: lower-case letters, digits and hyphens'),
  name: z.string().min(1).max(100),
  version: z.string().regex(SEMVER, 'version: semver'),
  description: z.string().max(1000),
  author: z.string().min(1).max(200),
  api: z.number().int().positive(),
  entry: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).min(1),
  capabilities: z.array(z.string()).default([]),
  limits: PluginLimitsSchema,
  /** Finding types the plugin may report (optional; informational for the UI). */
  findingTypes: z.array(z.string()).optional(),
  /** sha256 (hex) of plugin.wasm. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();
export type PluginManifest = z.infer<typeof PluginManifestSchema>;
