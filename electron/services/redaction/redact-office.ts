/**
 * DOCX and ODT: every XML part is redacted in place (text runs and attribute values, see redact-markup.ts);
 * document thumbnails (a picture of the first page) are dropped. The ZIP is rebuilt with the same entries.
 */
import { zipSync, type Zippable } from 'fflate';
import { openZip } from '../extraction/safe-zip.js';
import type { Pseudonymizer } from './pseudonymizer.js';
import { DOCX_DIALECT, ODT_DIALECT, redactMarkup, visibleStrings } from './redact-markup.js';
import type { RedactionMode } from './replacement.js';
import type { RedactionTarget } from './targets.js';

export interface OfficeRedaction {
  bytes: Uint8Array;
  found: Set<number>;
  replaced: number;
  warnings: string[];
}

const THUMBNAIL = /^(docProps\/thumbnail\.[a-z]+|Thumbnails\/thumbnail\.png)$/i;

export function redactOffice(
  bytes: Uint8Array,
  kind: 'docx' | 'odt',
  targets: readonly RedactionTarget[],
  mode: RedactionMode,
  pseudonyms: Pseudonymizer,
): OfficeRedaction {
  const zip = openZip(bytes);
  const dialect = kind === 'docx' ? DOCX_DIALECT : ODT_DIALECT;
  const found = new Set<number>();
  let replaced = 0;
  const warnings: string[] = [];
  const files: Zippable = {};
  let images = 0;
  for (const entry of zip.entries) {
    if (entry.name.endsWith('/')) continue;
    if (THUMBNAIL.test(entry.name)) continue;
    const data = zip.read(entry.name)!;
    if (/\.(xml|rels)$/i.test(entry.name)) {
      let xml = new TextDecoder('utf-8').decode(data);
      if (kind === 'docx' && entry.name === '_rels/.rels') xml = xml.replace(/<Relationship\b[^>]*Target="[^"]*thumbnail[^"]*"[^>]*\/>/gi, '');
      if (kind === 'odt' && entry.name === 'META-INF/manifest.xml') xml = xml.replace(/<manifest:file-entry\b[^>]*full-path="Thumbnails\/[^"]*"[^>]*\/>/g, '');
      const result = redactMarkup(xml, dialect, targets, mode, pseudonyms);
      result.found.forEach((n) => found.add(n));
      replaced += result.replaced;
      files[entry.name] = [new TextEncoder().encode(result.output), { level: 6 }];
    } else {
      if (/\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|webp)$/i.test(entry.name)) images++;
      files[entry.name] = [data, { level: entry.name === 'mimetype' ? 0 : 6 }];
    }
  }
  if (images > 0) warnings.push(`O documento contém ${images} imagem(ns) incorporada(s); o texto dentro de imagens não foi verificado.`);
  return { bytes: zipSync(files), found, replaced, warnings };
}

/** Everything readable in a DOCX/ODT (all XML text and attribute values), for verification. */
export function officeVisibleText(bytes: Uint8Array, kind: 'docx' | 'odt'): string {
  const zip = openZip(bytes);
  const dialect = kind === 'docx' ? DOCX_DIALECT : ODT_DIALECT;
  const parts: string[] = [];
  for (const entry of zip.entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    parts.push(visibleStrings(new TextDecoder('utf-8').decode(zip.read(entry.name)!), dialect));
  }
  return parts.join('\n');
}
