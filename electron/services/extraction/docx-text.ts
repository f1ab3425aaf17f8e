/**
 * DOCX → text with mammoth (HTML conversion, so tables keep their structure: cells separated by tabs,
 * one row per line). mammoth never sees the original archive: the XML parts are inflated under the
 * zip-bomb limits and re-packed uncompressed, so the archive it reads is known to be small and honest.
 */
import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { SigiloError } from '../../shared/error-codes';
import { htmlToText } from './html-text';
import type { ZipArchive } from './safe-zip';

const TEXT_PART = /\.(xml|rels)$/i;

export async function docxToText(zip: ZipArchive): Promise<{ text: string; warnings: string[] }> {
  if (!zip.find('word/document.xml')) throw new SigiloError('CORRUPT_FILE', 'docx without word/document.xml');
  const parts: Record<string, Uint8Array> = {};
  for (const entry of zip.entries) {
    if (!TEXT_PART.test(entry.name) || entry.name.endsWith('/')) continue;
    const data = zip.read(entry.name);
    if (data) parts[entry.name] = data;
  }
  const clean = zipSync(parts, { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(clean.buffer, clean.byteOffset, clean.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    throw new SigiloError('CORRUPT_FILE', `docx: ${(err as Error).message}`, { cause: err });
  }
  return { text: htmlToText(html, { preserveSpaces: true }), warnings: [] };
}
