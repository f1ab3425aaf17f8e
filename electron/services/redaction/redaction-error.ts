/** A redaction that must not produce a copy (a value still visible, a value not located…), with a message for the user. */
export class RedactionError extends Error {
  constructor(readonly userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = 'RedactionError';
  }
}
