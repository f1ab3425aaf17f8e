/**
 * The plugin ABI, version 1 (documented for authors in plugins/README.md).
 *
 * A plugin exports `analyze` (Extism entry: no params, returns i32 status 0 = ok).
 * Input (Extism input, UTF-8 JSON):  { "api": 1, "text": string, "language": "pt-BR", "options": object }
 * Output (Extism output, UTF-8 JSON): { "findings": [ { type, start, end, confidence, validated?, reason? } ] }
 * Offsets are UTF-16 code units into `text` (JavaScript string indices), end exclusive.
 */
import { z } from 'zod';

export const PLUGIN_API_VERSION = 1;
export const ANALYZE_ENTRY = 'analyze';

export interface PluginInput {
  api: number;
  text: string;
  language: string;
  options: Record<string, unknown>;
}

export const PluginFindingSchema = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
  validated: z.boolean().optional(),
  reason: z.string().max(500).optional(),
});
export type PluginFinding = z.infer<typeof PluginFindingSchema>;

export const PluginOutputSchema = z.object({
  findings: z.array(PluginFindingSchema).max(100_000),
});
export type PluginOutput = z.infer<typeof PluginOutputSchema>;
