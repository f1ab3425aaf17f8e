/**
 * Decides a file's format from its CONTENT (magic bytes, container structure, text heuristics). The
 * extension only chooses between interpretations of plain text (CSV vs TXT/MD) and triggers a warning
 * when it disagrees with the content.
 */
import path from 'node:path';
import { SigiloError } from '../../shared/error-codes';
import { looksLikeCsv } from './csv-text';
import { decodeText, type DecodedText } from './decode-text';
import { looksLikeHtml } from './html-text';
import { ODT_MIMETYPE } from './odt-text';
import { isZip, openZip, type ZipArchive } from './safe-zip';

export type FormatKind = 'pdf' | 'docx' | 'odt' | 'jpeg' | 'png' | 'tiff' | 'webp' | 'html' | 'csv' | 'markdown' | 'text';

export const MEDIA_TYPES: Record<FormatKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: ODT_MIMETYPE,
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  html: 'text/html',
  csv: 'text/csv',
  markdown: 'text/markdown',
  text: 'text/plain',
};

const EXTENSION_KINDS: Record<string, FormatKind> = {
  pdf: 'pdf', docx: 'docx', odt: 'odt', jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', png: 'png', tif: 'tiff', tiff: 'tiff',
  webp: 'webp', html: 'html', htm: 'html', xhtml: 'html', csv: 'csv', md: 'markdown', markdown: 'markdown', txt: 'text', text: 'text',
};

export const IMAGE_KINDS: ReadonlySet<FormatKind> = new Set(['jpeg', 'png', 'tiff', 'webp']);
const TEXT_KINDS: ReadonlySet<FormatKind> = new Set(['html', 'csv', 'markdown', 'text']);

export interface SniffResult {
  kind: FormatKind;
  mediaType: string;
  warnings: string[];
  /** Opened archive for DOCX/ODT (already checked against zip-bomb limits). */
  zip?: ZipArchive;
  /** Decoded text for text formats. */
  decoded?: DecodedText;
}

export function extensionKind(name: string): FormatKind | undefined {
  return EXTENSION_KINDS[path.extname(name).slice(1).toLowerCase()];
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

/** The container/format announced by the first bytes, before any parsing. */
export function sniffBinary(bytes: Uint8Array): FormatKind | 'zip' | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (isZip(bytes)) return 'zip';
  return undefined;
}

function sniffZip(bytes: Uint8Array): { kind: FormatKind; zip: ZipArchive } {
  const zip = openZip(bytes);
  if (zip.find('word/document.xml')) return { kind: 'docx', zip };
  const mimetype = zip.find('mimetype');
  if (mimetype && mimetype.uncompressedSize < 256) {
    const value = zip.readText('mimetype')?.trim();
    if (value === ODT_MIMETYPE) return { kind: 'odt', zip };
  } else if (!mimetype && zip.find('content.xml') && zip.find('META-INF/manifest.xml')) {
    const manifest = zip.find('META-INF/manifest.xml');
    if (manifest && manifest.uncompressedSize < 1_000_000 && zip.readText('META-INF/manifest.xml')?.includes(ODT_MIMETYPE)) return { kind: 'odt', zip };
  }
  throw new SigiloError('UNSUPPORTED_FORMAT', 'zip archive that is neither DOCX nor ODT');
}

/** Text kinds by content; the extension chooses between ambiguous plain-text readings. */
function sniffText(decoded: DecodedText, byExtension: FormatKind | undefined): FormatKind {
  const html = looksLikeHtml(decoded.text);
  if (byExtension === 'html') return html || /<\/?[a-z][^>]*>/i.test(decoded.text.slice(0, 4096)) ? 'html' : 'text';
  if (html) return 'html';
  if (byExtension === 'csv') return 'csv';
  if (byExtension === 'markdown') return 'markdown';
  if (byExtension === 'text') return 'text';
  return looksLikeCsv(decoded.text) ? 'csv' : 'text';
}

const KIND_LABEL: Record<FormatKind, string> = {
  pdf: 'PDF', docx: 'DOCX', odt: 'ODT', jpeg: 'JPEG', png: 'PNG', tiff: 'TIFF', webp: 'WEBP', html: 'HTML', csv: 'CSV', markdown: 'Markdown', text: 'texto',
};

export function sniffFormat(bytes: Uint8Array, name: string): SniffResult {
  const byExtension = extensionKind(name);
  const binary = sniffBinary(bytes);
  let result: SniffResult;
  if (binary === 'zip') {
    const { kind, zip } = sniffZip(bytes);
    result = { kind, mediaType: MEDIA_TYPES[kind], warnings: [], zip };
  } else if (binary) {
    result = { kind: binary, mediaType: MEDIA_TYPES[binary], warnings: [] };
  } else {
    const decoded = decodeText(bytes);
    if (decoded.controlRatio > 0.02 || decoded.text.includes('\u0000')) {
      throw new SigiloError('UNSUPPORTED_FORMAT', 'binary content of unknown format');
    }
    const kind = sniffText(decoded, byExtension);
    result = { kind, mediaType: MEDIA_TYPES[kind], warnings: [], decoded };
  }
  const sameFamily = byExtension !== undefined && TEXT_KINDS.has(byExtension) && TEXT_KINDS.has(result.kind) && result.kind !== 'html' && byExtension !== 'html';
  if (byExtension !== result.kind && !sameFamily) {
    const ext = path.extname(name) || '(sem extensão)';
    if (byExtension !== undefined || !TEXT_KINDS.has(result.kind)) {
      result.warnings.push(`A extensão ${ext} não corresponde ao conteúdo (${KIND_LABEL[result.kind]}); o arquivo foi analisado pelo conteúdo.`);
    }
  }
  return result;
}
