/**
 * Reads ZIP containers (DOCX, ODT) defensively: the central directory is checked against limits before
 * anything is inflated (entry count, declared sizes, compression ratio), and every inflated entry is
 * streamed with a hard cap so a lying header cannot make it grow past its declared size.
 */
import { Inflate } from 'fflate';
import { SigiloError } from '../../shared/error-codes';

export interface ZipLimits {
  maxEntries: number;
  /** Largest declared or actual uncompressed size of one entry that we inflate. */
  maxEntryBytes: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Largest compression ratio tolerated for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 4 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function corrupt(detail: string): SigiloError {
  return new SigiloError('CORRUPT_FILE', `zip: ${detail}`);
}

/** Lists the central directory and enforces the limits on declared sizes. Throws CORRUPT_FILE or ZIP_BOMB. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number): number => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u64 = (at: number): number => (at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : -1);

  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--) {
    if (u32(at) === SIG_EOCD) { eocd = at; break; }
  }
  if (eocd < 0) throw corrupt('end of central directory not found');
  let count = u16(eocd + 10);
  let cdOffset = u32(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === SIG_EOCD64_LOCATOR) {
    const at64 = u64(eocd - 12);
    if (at64 < 0 || u32(at64) !== SIG_EOCD64) throw corrupt('bad zip64 end record');
    count = u64(at64 + 32);
    cdOffset = u64(at64 + 48);
  }
  if (count > limits.maxEntries) throw new SigiloError('ZIP_BOMB', `${count} entries`);
  if (cdOffset < 0 || cdOffset > bytes.length) throw corrupt('central directory outside the file');

  const entries: ZipEntry[] = [];
  let totalDeclared = 0;
  let at = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (u32(at) !== SIG_CENTRAL) throw corrupt(`bad central header #${i}`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let localHeaderOffset = u32(at + 42);
    const nameEnd = at + 46 + nameLen;
    if (nameEnd + extraLen > bytes.length) throw corrupt('central header truncated');
    const name = decoder.decode(bytes.subarray(at + 46, nameEnd));
    // ZIP64 extra field: sizes/offset replaced by 64-bit values when the 32-bit ones are saturated.
    let extra = nameEnd;
    const extraEnd = nameEnd + extraLen;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = u64(p); p += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(p); p += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(p); }
      }
      extra += 4 + size;
    }
    if (compressedSize < 0 || uncompressedSize < 0 || localHeaderOffset < 0) throw corrupt('bad sizes');
    totalDeclared += uncompressedSize;
    if (totalDeclared > limits.maxTotalBytes) throw new SigiloError('ZIP_BOMB', `declared total ${totalDeclared} bytes`);
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new SigiloError('ZIP_BOMB', `entry ${name} ratio ${Math.round(uncompressedSize / Math.max(1, compressedSize))}`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1 });
    at = extraEnd + commentLen;
  }
  return entries;
}

/** Inflates one entry, never producing more than min(declared size, maxEntryBytes) bytes. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Uint8Array {
  if (entry.encrypted) throw corrupt(`entry ${entry.name} is encrypted`);
  if (entry.uncompressedSize > limits.maxEntryBytes) throw new SigiloError('ZIP_BOMB', `entry ${entry.name} declares ${entry.uncompressedSize} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  if (lh + 30 > bytes.length || view.getUint32(lh, true) !== SIG_LOCAL) throw corrupt(`bad local header for ${entry.name}`);
  const dataStart = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corrupt(`entry ${entry.name} truncated`);
  const raw = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (raw.length !== entry.uncompressedSize) throw corrupt(`stored entry ${entry.name} size mismatch`);
    return raw;
  }
  if (entry.method !== 8) throw corrupt(`entry ${entry.name} uses compression method ${entry.method}`);

  const cap = entry.uncompressedSize;
  const out = new Uint8Array(cap);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > cap) { overflow = true; return; }
    out.set(chunk, written);
    written += chunk.length;
  });
  const STEP = 64 * 1024;
  try {
    for (let p = 0; p < raw.length && !overflow; p += STEP) {
      inflater.push(raw.subarray(p, Math.min(raw.length, p + STEP)), p + STEP >= raw.length);
    }
  } catch (err) {
    throw new SigiloError('CORRUPT_FILE', `entry ${entry.name}: ${(err as Error).message}`, { cause: err });
  }
  if (overflow) throw new SigiloError('ZIP_BOMB', `entry ${entry.name} inflates past its declared ${cap} bytes`);
  if (written !== cap) throw corrupt(`entry ${entry.name} inflated to ${written} of ${cap} bytes`);
  return out;
}

export interface ZipArchive {
  entries: ZipEntry[];
  find(name: string): ZipEntry | undefined;
  read(name: string): Uint8Array | undefined;
  readText(name: string): string | undefined;
}

export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const entries = listZip(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e] as const));
  let inflatedTotal = 0;
  const read = (name: string): Uint8Array | undefined => {
    const entry = byName.get(name);
    if (!entry) return undefined;
    const data = readZipEntry(bytes, entry, limits);
    inflatedTotal += data.length;
    if (inflatedTotal > limits.maxTotalBytes) throw new SigiloError('ZIP_BOMB', `inflated total ${inflatedTotal} bytes`);
    return data;
  };
  return {
    entries,
    find: (name) => byName.get(name),
    read,
    readText: (name) => {
      const data = read(name);
      return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
    },
  };
}
