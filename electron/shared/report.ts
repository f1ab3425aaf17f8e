/**
 * The analysis report: the public contract of ../shared/contract/REPORT.md.
 * Extend it, never break it. Validated with zod wherever it crosses a boundary.
 */
import { z } from 'zod';

export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const ExtractionMethodSchema = z.enum(['text', 'ocr', 'mixed']);
export type ExtractionMethod = z.infer<typeof ExtractionMethodSchema>;

/** One finding in a report. `type` is a string so that partner plugins may add types (the contract allows it). */
export const FindingSchema = z.object({
  type: z.string().min(1).max(64),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
  validated: z.boolean(),
  plugin: z.string(),
  /** Portuguese explanation a clinician understands. */
  reason: z.string().optional(),
  /** Other plugins/types that matched the same span (kept when merging). */
  evidence: z.array(z.object({ type: z.string(), plugin: z.string(), confidence: z.number(), reason: z.string().optional() })).optional(),
  /** Review decision; absent means not reviewed (treated as accepted). */
  decision: z.enum(['accepted', 'rejected']).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RiskSchema = z.object({
  score: z.number().min(0).max(100),
  level: z.enum(RISK_LEVELS),
  reasons: z.array(z.string()),
});
export type Risk = z.infer<typeof RiskSchema>;

export const PluginRunSchema = z.object({
  plugin: z.string(),
  durationMs: z.number().nonnegative(),
  findings: z.number().int().nonnegative(),
  /** Instructions the plugin used on this document (plugins with an instruction budget, limits.instructions). */
  instructions: z.number().int().nonnegative().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type PluginRun = z.infer<typeof PluginRunSchema>;

export const ReportErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ReportError = z.infer<typeof ReportErrorSchema>;

export const OkReportSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  mediaType: z.string(),
  status: z.literal('ok'),
  pages: z.number().int().nonnegative(),
  extraction: z.object({ method: ExtractionMethodSchema, chars: z.number().int().nonnegative() }),
  risk: RiskSchema,
  findings: z.array(FindingSchema),
  durationMs: z.number().nonnegative(),
  /** Extras (welcome by the contract). */
  size: z.number().int().nonnegative().optional(),
  plugins: z.array(PluginRunSchema).optional(),
  auditId: z.string().optional(),
  /** The extracted text, for the report view; omitted by the CLI unless asked. */
  text: z.string().optional(),
  /** UTF-16 offset where each page starts in the text (page n starts at pageStarts[n-1]). */
  pageStarts: z.array(z.number().int().nonnegative()).optional(),
  warnings: z.array(z.string()).optional(),
});
export type OkReport = z.infer<typeof OkReportSchema>;

export const ErrorReportSchema = z.object({
  file: z.string(),
  sha256: z.string().optional(),
  mediaType: z.string().optional(),
  status: z.literal('error'),
  error: ReportErrorSchema,
  durationMs: z.number().nonnegative().optional(),
  auditId: z.string().optional(),
});
export type ErrorReport = z.infer<typeof ErrorReportSchema>;

export const FileReportSchema = z.discriminatedUnion('status', [OkReportSchema, ErrorReportSchema]);
export type FileReport = z.infer<typeof FileReportSchema>;

export const AnalysisOutputSchema = z.object({
  tool: z.object({ name: z.literal('sigilo'), version: z.string() }),
  reports: z.array(FileReportSchema),
});
export type AnalysisOutput = z.infer<typeof AnalysisOutputSchema>;
