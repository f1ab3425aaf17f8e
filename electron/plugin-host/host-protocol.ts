/**
 * Messages between the main side (PluginHostClient) and the plugin host process, validated with zod
 * on both sides of the process boundary.
 */
import { z } from 'zod';
import { CAPABILITIES } from '../shared/plugin-manifest.js';
import { PluginManifestSchema } from '../shared/plugin-manifest.js';
import { PluginFindingSchema } from '../shared/plugin-abi.js';
import { LOG_LEVELS } from '../shared/plugin-host-functions.js';

export const PLUGIN_CALL_ERROR_CODES = [
  'TIMEOUT', 'INSTRUCTIONS', 'MEMORY', 'TRAP', 'OUTPUT_TOO_LARGE', 'BAD_OUTPUT', 'PLUGIN_ERROR', 'CRASHED', 'NOT_LOADED', 'HOST_UNAVAILABLE',
] as const;
export type PluginCallErrorCode = (typeof PLUGIN_CALL_ERROR_CODES)[number];

export const PluginCallErrorSchema = z.object({ code: z.enum(PLUGIN_CALL_ERROR_CODES), message: z.string() });
export type PluginCallError = z.infer<typeof PluginCallErrorSchema>;

export const PluginSpecSchema = z.object({ dir: z.string().min(1), grants: z.array(z.enum(CAPABILITIES)) });

// ---- main -> host ----
export const InitRequestSchema = z.object({
  type: z.literal('init'),
  plugins: z.array(PluginSpecSchema),
  poolSize: z.number().int().min(1).max(64),
});
export const AnalyzeRequestSchema = z.object({
  type: z.literal('analyze'),
  id: z.number().int().nonnegative(),
  text: z.string(),
  language: z.string().max(35),
  options: z.record(z.string(), z.unknown()),
  /** Plugin ids (or id@version) to run; null = every loaded plugin. */
  plugins: z.array(z.string()).nullable(),
});
export const ShutdownRequestSchema = z.object({ type: z.literal('shutdown') });
export const HostRequestSchema = z.discriminatedUnion('type', [InitRequestSchema, AnalyzeRequestSchema, ShutdownRequestSchema]);
export type HostRequest = z.infer<typeof HostRequestSchema>;
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>;

// ---- host -> main ----
export const PluginStatusSchema = z.object({
  dir: z.string(),
  /** "id@version" when the manifest could be read. */
  key: z.string().optional(),
  manifest: PluginManifestSchema.optional(),
  status: z.enum(['loaded', 'error']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Host functions linked (declared and granted). */
  capabilities: z.array(z.enum(CAPABILITIES)).optional(),
});
export type PluginStatus = z.infer<typeof PluginStatusSchema>;

export const PluginCallResultSchema = z.object({
  plugin: z.string(),
  findings: z.array(PluginFindingSchema),
  durationMs: z.number().nonnegative(),
  /** Linear memory size after the call (pages); absent when unknown (timeout, crash). */
  memoryPages: z.number().int().nonnegative().optional(),
  /** Instructions the call used (plugins with an instruction budget, limits.instructions). */
  instructions: z.number().int().nonnegative().optional(),
  error: PluginCallErrorSchema.optional(),
});
export type PluginCallResult = z.infer<typeof PluginCallResultSchema>;

export const ReadyMessageSchema = z.object({ type: z.literal('ready'), plugins: z.array(PluginStatusSchema), poolSize: z.number().int().positive() });
export const ResultMessageSchema = z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), results: z.array(PluginCallResultSchema) });
export const LogMessageSchema = z.object({ type: z.literal('log'), plugin: z.string(), level: z.enum(LOG_LEVELS), message: z.string().max(10_000) });
export const AuditMessageSchema = z.object({ type: z.literal('audit'), plugin: z.string(), event: z.record(z.string(), z.unknown()) });
export const FatalMessageSchema = z.object({ type: z.literal('fatal'), message: z.string() });
export const HostMessageSchema = z.discriminatedUnion('type', [ReadyMessageSchema, ResultMessageSchema, LogMessageSchema, AuditMessageSchema, FatalMessageSchema]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
