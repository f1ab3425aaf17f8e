/** Shared types of the extraction service: options, result, and the messages crossing the process boundary. */
import { z } from 'zod';
import { ExtractionMethodSchema } from '../../shared/report';
import { RedactJobSchema, RedactResultSchema } from '../redaction/redaction-protocol';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 500;
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Redacting renders every page (and OCRs scans): a longer default limit than extraction's. */
export const DEFAULT_REDACT_TIMEOUT_MS = 600_000;

export const ExtractOptionsSchema = z.object({
  ocr: z.boolean(),
  maxBytes: z.number().int().positive().optional(),
  maxPages: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
});
export type ExtractOptions = z.infer<typeof ExtractOptionsSchema>;

export const ExtractedDocumentSchema = z.object({
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  method: ExtractionMethodSchema,
  text: z.string(),
  /** UTF-16 offset where each page starts (page n starts at pageStarts[n-1]). */
  pageStarts: z.array(z.number().int().nonnegative()),
  warnings: z.array(z.string()),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocumentSchema>;

/** Client → extraction process. */
export const ExtractRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('extract'), id: z.number().int(), filePath: z.string().min(1), options: ExtractOptionsSchema }),
  z.object({ type: z.literal('stats'), id: z.number().int() }),
  /** A redacted copy of a document (redaction/redact-bytes.ts runs in the process). */
  z.object({ type: z.literal('redact'), id: z.number().int(), job: RedactJobSchema }),
]);
export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;

export const ProcessStatsSchema = z.object({
  pid: z.number().int(),
  documents: z.number().int().nonnegative(),
  /** Socket/DNS/fetch attempts refused by the network guard (must stay 0). */
  blockedNetworkAttempts: z.number().int().nonnegative(),
  tempFilesOpen: z.number().int().nonnegative(),
});
export type ProcessStats = z.infer<typeof ProcessStatsSchema>;

/** Extraction process → client. */
export const ExtractResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({ type: z.literal('result'), id: z.number().int(), document: ExtractedDocumentSchema }),
  z.object({
    type: z.literal('error'), id: z.number().int(), code: z.string(), detail: z.string().optional(),
    /** A redaction refused with a message for the user (RedactionError): no copy must be written. */
    userMessage: z.string().max(8000).optional(),
  }),
  z.object({ type: z.literal('stats'), id: z.number().int(), stats: ProcessStatsSchema }),
  z.object({ type: z.literal('redacted'), id: z.number().int(), result: RedactResultSchema }),
]);
export type ExtractResponse = z.infer<typeof ExtractResponseSchema>;
