/** ULID (time-sortable unique id, Crockford base32): 10 characters of milliseconds, 16 of randomness. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(now: number = Date.now()): string {
  let time = Math.max(0, Math.floor(now));
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(16);
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte & 31]!;
  return head + tail;
}

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
