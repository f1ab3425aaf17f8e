/**
 * ODT → text: content.xml is walked with a small XML tokenizer. Paragraphs and headings end with a blank
 * line, text:s / text:tab / text:line-break become spaces, tabs and newlines, and table cells are separated
 * by tabs with one row per line. Deleted tracked changes are skipped.
 */
import { SigiloError } from '../../shared/error-codes';
import { decodeEntities } from './html-text';
import type { ZipArchive } from './safe-zip';

export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

const SKIP = new Set(['text:tracked-changes', 'office:automatic-styles', 'office:font-face-decls', 'office:scripts', 'dc:creator', 'dc:date', 'text:sequence-decls', 'office:forms']);
const TOKEN_RE = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>/g;

export function odtContentToText(xml: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  let cellDepth = 0;
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(xml); m; m = TOKEN_RE.exec(xml)) {
    if (m.index > last && skipDepth === 0) out.push(decodeEntities(xml.slice(last, m.index)));
    last = TOKEN_RE.lastIndex;
    if (m[4] !== undefined) { if (skipDepth === 0) out.push(m[4]); continue; }
    const tag = m[2];
    if (!tag) continue;
    const closing = m[1] === '/';
    const attrs = m[3] ?? '';
    const selfClosing = /\/\s*$/.test(attrs);
    if (SKIP.has(tag)) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      if (skipDepth < 0) skipDepth = 0;
      continue;
    }
    if (skipDepth > 0) continue;
    switch (tag) {
      case 'text:s': {
        const count = /text:c\s*=\s*["'](\d+)["']/.exec(attrs);
        out.push(' '.repeat(Math.min(1000, count ? Number(count[1]) : 1)));
        break;
      }
      case 'text:tab': out.push('\t'); break;
      case 'text:line-break': out.push(cellDepth > 0 ? ' ' : '\n'); break;
      case 'text:p':
      case 'text:h':
        if (closing || selfClosing) out.push(cellDepth > 0 ? ' ' : '\n\n');
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!closing && !selfClosing) cellDepth++;
        if (closing || selfClosing) { cellDepth = Math.max(0, cellDepth - (closing ? 1 : 0)); out.push('\t'); }
        break;
      case 'table:table-row':
        if (closing) { cellDepth = 0; out.push('\n'); }
        break;
      case 'table:table':
        if (closing) out.push('\n');
        break;
      default:
        break;
    }
  }
  if (last < xml.length && skipDepth === 0) out.push(decodeEntities(xml.slice(last)));
  return out.join('')
    .replace(/ *\t */g, '\t')
    .split('\n').map((line) => line.replace(/[ \t]+$/, '')).join('\n')
    .replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}

/** The text of an ODT whose archive was already opened. */
export function odtToText(zip: ZipArchive): string {
  const xml = zip.readText('content.xml');
  if (xml === undefined) throw new SigiloError('CORRUPT_FILE', 'odt without content.xml');
  const start = xml.indexOf('<office:body');
  return odtContentToText(start >= 0 ? xml.slice(start) : xml);
}
