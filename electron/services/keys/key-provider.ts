/**
 * Where the audit database key (32 random bytes) comes from. The app keeps it wrapped by the OS keychain
 * (electron-key-provider.ts); the command line takes it from SIGILO_KEY or from a key file (cli-key-provider.ts).
 *
 * Rotation is two-phase so that a crash never leaves the database unreadable: `stageKey(new)` stores the new
 * key beside the current one, the database is re-encrypted, then `commitKey()` makes it current. On open, if
 * the current key does not fit, the fallbacks are tried and the one that fits is adopted (open-audit.ts).
 */
export const KEY_BYTES = 32;

export interface KeyProvider {
  /** A short description for messages and the audit record (never the key), e.g. "key-file", "safeStorage". */
  readonly kind: string;
  /** The current key; when none exists and `create` is true, a new random key is created and stored. */
  loadKey(options: { create: boolean }): Promise<Buffer | null>;
  /**
   * Keys worth trying when the current one does not open the database: one staged by an unfinished rotation,
   * or (in the app) the command line's key file after the command line rotated the key.
   */
  loadFallbackKeys(): Promise<Buffer[]>;
  /** Makes `key` (one of the fallbacks, which opened the database) the current key. */
  adoptKey(key: Buffer): Promise<void>;
  /** False when the key comes from outside (an environment variable) and cannot be replaced by us. */
  readonly canRotate: boolean;
  stageKey(key: Buffer): Promise<void>;
  commitKey(): Promise<void>;
}
