import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_ZIP_LIMITS, listZip, openZip } from './safe-zip';

const codeOf = (fn: () => unknown): string | undefined => {
  try { fn(); return undefined; } catch (error) { return (error as { code?: string }).code; }
};

/** Rewrites the uncompressed size of every central and local header (a lying archive). */
function patchDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe('safe-zip', () => {
  it('reads the entries of an ordinary archive', () => {
    const zip = openZip(zipSync({ 'a.xml': strToU8('<a>olá</a>'), 'dir/b.txt': [strToU8('stored'), { level: 0 }] }));
    expect(zip.entries.map((e) => e.name).sort()).toEqual(['a.xml', 'dir/b.txt']);
    expect(zip.readText('a.xml')).toBe('<a>olá</a>');
    expect(zip.readText('dir/b.txt')).toBe('stored');
  });

  it('refuses an entry with an extreme compression ratio before inflating it', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(24 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(codeOf(() => listZip(bomb))).toBe('ZIP_BOMB');
  });

  it('refuses archives with too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 200; i++) files[`f${i}.xml`] = new Uint8Array(0);
    expect(codeOf(() => listZip(zipSync(files), { ...DEFAULT_ZIP_LIMITS, maxEntries: 200 }))).toBe('ZIP_BOMB');
  });

  it('refuses a declared total above the limit', () => {
    const files: Record<string, Uint8Array> = { 'a.xml': new Uint8Array(3000), 'b.xml': new Uint8Array(3000) };
    expect(codeOf(() => listZip(zipSync(files), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 5000 }))).toBe('ZIP_BOMB');
  });

  it('stops inflating an entry that grows past its declared size', () => {
    const lying = patchDeclaredSize(zipSync({ 'content.xml': new Uint8Array(1_000_000).fill(65) }), 1000);
    const zip = openZip(lying);
    expect(zip.find('content.xml')?.uncompressedSize).toBe(1000);
    expect(codeOf(() => zip.read('content.xml'))).toBe('ZIP_BOMB');
  });

  it('reports truncated or garbage archives as corrupt', () => {
    const whole = zipSync({ 'a.xml': strToU8('<a>'.repeat(1000)) });
    expect(codeOf(() => listZip(whole.subarray(0, whole.length - 30)))).toBe('CORRUPT_FILE');
    const damaged = whole.slice();
    damaged.fill(0xff, 30, 60);
    expect(codeOf(() => openZip(damaged).read('a.xml'))).toBe('CORRUPT_FILE');
  });
});
