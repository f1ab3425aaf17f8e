/**
 * The tamper-evident chain. Every entry's `hash` is HMAC-SHA256(chainKey, canonical form), and the canonical
 * form holds the previous entry's hash (`prev`), so changing, removing or inserting an entry breaks the chain.
 *
 * The chain key is derived with HKDF from the database key at creation. It is kept in the database wrapped
 * (AES-256-GCM) under a key derived from the *current* database key, so a key rotation re-wraps one row
 * instead of re-authenticating the whole history.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

const INFO_CHAIN = 'sigilo/audit/chain-key/v1';
const INFO_WRAP = 'sigilo/audit/wrap-key/v1';
const INFO_ID = 'sigilo/audit/key-id/v1';

function hkdf(key: Buffer, salt: string, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.from(salt, 'utf8'), Buffer.from(info, 'utf8'), length));
}

export function deriveChainKey(dbKey: Buffer, dbId: string): Buffer { return hkdf(dbKey, dbId, INFO_CHAIN, 32); }

/** A public fingerprint of a database key (which wrapped chain key belongs to it). */
export function keyFingerprint(dbKey: Buffer, dbId: string): string { return hkdf(dbKey, dbId, INFO_ID, 16).toString('hex'); }

export function wrapChainKey(chainKey: Buffer, dbKey: Buffer, dbId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', hkdf(dbKey, dbId, INFO_WRAP, 32), iv);
  cipher.setAAD(Buffer.from(dbId, 'utf8'));
  const body = Buffer.concat([cipher.update(chainKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The chain key, or null when the wrapping does not authenticate (wrong key or altered row). */
export function unwrapChainKey(wrapped: Buffer, dbKey: Buffer, dbId: string): Buffer | null {
  if (wrapped.length !== 12 + 16 + 32) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', hkdf(dbKey, dbId, INFO_WRAP, 32), wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(dbId, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The stored fields of an entry that the MAC covers (seq is the storage position; order comes from `prev`). */
export interface ChainFields {
  id: string;
  ts: string;
  type: string;
  ref: string | null;
  /** Canonical JSON text of the payload, exactly as stored. */
  payload: string;
  /** sha256 (hex) of the stored report body, for analysis entries. */
  report: string | null;
  prev: string;
}

export const CHAIN_FORMAT_VERSION = 1;

/** Canonical JSON of the entry (sorted keys), built without re-parsing the stored payload text. */
export function canonicalEntry(f: ChainFields): string {
  const j = JSON.stringify;
  return `{"id":${j(f.id)},"payload":${f.payload},"prev":${j(f.prev)},"ref":${j(f.ref)},"report":${j(f.report)},"ts":${j(f.ts)},"type":${j(f.type)},"v":${CHAIN_FORMAT_VERSION}}`;
}

export function entryMac(chainKey: Buffer, f: ChainFields): string {
  return createHmac('sha256', chainKey).update(canonicalEntry(f), 'utf8').digest('hex');
}

/** A chain position ({seq, hash}) stored in meta — the anchor (start) or the head (end) — with its MAC. */
export interface ChainMark { seq: number; hash: string; mac: string }

export function markMac(chainKey: Buffer, kind: 'anchor' | 'head', seq: number, hash: string): string {
  return createHmac('sha256', chainKey).update(canonicalJson({ kind, seq, hash }), 'utf8').digest('hex');
}

export function makeMark(chainKey: Buffer, kind: 'anchor' | 'head', seq: number, hash: string): ChainMark {
  return { seq, hash, mac: markMac(chainKey, kind, seq, hash) };
}

export function markIsAuthentic(chainKey: Buffer, kind: 'anchor' | 'head', mark: ChainMark): boolean {
  return safeEqualHex(markMac(chainKey, kind, mark.seq, mark.hash), mark.mac);
}

export function genesisHash(chainKey: Buffer, dbId: string): string {
  return createHmac('sha256', chainKey).update(`genesis:${dbId}`, 'utf8').digest('hex');
}

export function sha256Hex(data: Buffer | string): string { return createHash('sha256').update(data).digest('hex'); }

export function safeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
