/**
 * What crosses the process boundary for a redaction (main side ⇄ isolated extraction process): the job
 * (source, findings, mode, pseudonym table) and the redacted content (bytes, counts, new pseudonym entries).
 * Both sides validate with these schemas (extraction/types.ts composes them into the process protocol).
 */
import { z } from 'zod';
import { PseudonymEntrySchema } from './pseudonymizer.js';
import { REDACTION_MODES } from './replacement.js';

export const MAX_REDACTION_FINDINGS = 100_000;

/** Bytes as they arrive over IPC (a Uint8Array, or a Buffer, on any backing buffer). */
const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');

/** A document to redact: a path the process reads (size-checked there) or bytes already in memory. */
export const RedactionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
  z.object({ kind: z.literal('bytes'), name: z.string().min(1).max(4096), bytes: BytesSchema }),
]);
export type RedactionSource = z.infer<typeof RedactionSourceSchema>;

export const RedactableFindingSchema = z.object({
  type: z.string().min(1).max(200),
  text: z.string().max(100_000),
  decision: z.enum(['accepted', 'rejected']).optional(),
  page: z.number().int().positive().optional(),
});
export type RedactableFinding = z.infer<typeof RedactableFindingSchema>;

export const RedactJobSchema = z.object({
  source: RedactionSourceSchema,
  findings: z.array(RedactableFindingSchema).max(MAX_REDACTION_FINDINGS),
  mode: z.enum(REDACTION_MODES),
  /** The pseudonym table's entries before this document. */
  pseudonyms: z.array(PseudonymEntrySchema),
  maxBytes: z.number().int().positive().optional(),
  /** Rendering resolution of PDF pages. */
  dpi: z.number().int().min(50).max(600).optional(),
});
export type RedactJob = z.infer<typeof RedactJobSchema>;

export const RedactedContentSchema = z.object({
  bytes: BytesSchema,
  format: z.string().min(1).max(50),
  mode: z.enum(REDACTION_MODES),
  /** Distinct values redacted. */
  values: z.number().int().nonnegative(),
  /** Places replaced in text formats, boxes drawn in PDF/images. */
  replaced: z.number().int().nonnegative(),
  warnings: z.array(z.string().max(4000)).max(1000),
  /** Text files: the encoding written. */
  encoding: z.string().max(50).optional(),
});
export type RedactedContent = z.infer<typeof RedactedContentSchema>;

/** The process's answer: the content plus the pseudonym entries it issued (the table's new tail). */
export const RedactResultSchema = RedactedContentSchema.extend({ pseudonyms: z.array(PseudonymEntrySchema) });
export type RedactResultMessage = z.infer<typeof RedactResultSchema>;
