/**
 * Redacted copies: the service the CLI (`sigilo redact`) and the app's buttons call. Documents are parsed and
 * rendered in the isolated extraction process (a Redactor, i.e. ExtractionClient.redact); this side keeps the
 * pseudonym table and writes the copies.
 */
export {
  redactFile, RedactionError,
  type Redactor, type RedactCallOptions, type RedactOptions, type RedactResult, type RedactionExportEntry,
  type RedactableFinding, type RedactedContent, type RedactionSource,
} from './redact-file.js';
export { createPseudonymizer, normalizeValue, type Pseudonymizer, type PseudonymEntry } from './pseudonymizer.js';
export { REDACTION_MODES, type RedactionMode } from './replacement.js';
