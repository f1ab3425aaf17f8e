/**
 * JSON with bytes: the harness transport sends Uint8Array values as { "$bytes": base64 }. Used by the server;
 * the same rule is written in plain JS inside bridge-script.ts for the browser.
 */
export function reviveBytes(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const b64 = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof b64 === 'string') return new Uint8Array(Buffer.from(b64, 'base64'));
  }
  return value;
}

export function replaceBytes(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  return value;
}
