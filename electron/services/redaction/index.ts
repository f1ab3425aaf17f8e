/** Redacted copies: the service the CLI (`sigilo redact`) and the app's buttons call. */
export { redactFile, redactBytes, RedactionError, type RedactOptions, type RedactResult, type RedactionExportEntry, type RedactableFinding } from './redact-file.js';
export { createPseudonymizer, normalizeValue, type Pseudonymizer } from './pseudonymizer.js';
export { REDACTION_MODES, type RedactionMode } from './replacement.js';
export { createWordRecognizer, type WordRecognizer } from './ocr-words.js';
export { RedactionLocateError } from './redact-raster.js';
