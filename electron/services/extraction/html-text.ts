/**
 * HTML → text with a small tokenizer: scripts, styles and comments are dropped, entities decoded,
 * block elements become line breaks and table cells are separated by tabs (rows by newlines).
 */
const LATIN1_ENTITY_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para ' +
  'middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute ' +
  'Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute ' +
  'THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ' +
  'ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', bull: '•', euro: '€', trade: '™', ordm: 'º', ensp: ' ', emsp: ' ', thinsp: ' ', zwnj: '', zwj: '',
  OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', circ: 'ˆ', tilde: '˜', dagger: '†', Dagger: '‡', permil: '‰',
  lsaquo: '‹', rsaquo: '›', sbquo: '‚', bdquo: '„', minus: '−', le: '≤', ge: '≥', ne: '≠',
};
LATIN1_ENTITY_NAMES.forEach((name, i) => { NAMED_ENTITIES[name] ??= String.fromCharCode(0xa0 + i); });

export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'title', 'ul', 'option', 'legend', 'details', 'summary',
]);
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'blockquote', 'pre', 'ul', 'ol']);
const SKIP_CONTENT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object']);

/** Heuristic: does this text start like an HTML document or fragment? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^<!doctype\s+html/.test(head) || /^<html[\s>]/.test(head)) return true;
  if (!head.startsWith('<')) return false;
  return /<(html|head|body|div|p|table|meta|title|br|span|h[1-6])[\s>/]/.test(head);
}

const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

export interface HtmlToTextOptions {
  /** Keep runs of spaces inside text (HTML generated from DOCX has no layout whitespace of its own). */
  preserveSpaces?: boolean;
}

export function htmlToText(source: string, options: HtmlToTextOptions = {}): string {
  const collapse = options.preserveSpaces ? /[\r\n\t\f]+/g : /\s+/g;
  const html = source.replace(/\u0000/g, '');
  const out: string[] = [];
  let i = 0;
  let skipUntil: string | undefined;
  let preDepth = 0;
  let cellDepth = 0;
  const newline = (count: 1 | 2): void => { out.push(count === 2 ? '\u0000P' : '\u0000N'); };
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && !skipUntil) {
      const chunk = html.slice(i, textEnd);
      out.push(preDepth > 0 ? decodeEntities(chunk) : decodeEntities(chunk.replace(collapse, ' ')));
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    TAG_RE.lastIndex = lt;
    const match = TAG_RE.exec(html);
    if (!match) {
      if (!skipUntil) out.push('<');
      i = lt + 1;
      continue;
    }
    i = lt + match[0].length;
    const closing = match[1] === '/';
    const tag = match[2]!.toLowerCase();
    const selfClosing = /\/\s*$/.test(match[3] ?? '');
    if (skipUntil) {
      if (closing && tag === skipUntil) skipUntil = undefined;
      continue;
    }
    if (SKIP_CONTENT_TAGS.has(tag)) {
      if (!closing && !selfClosing) skipUntil = tag;
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      cellDepth = Math.max(0, cellDepth + (closing ? -1 : 1));
      if (closing) out.push('\t');
    } else if (cellDepth > 0 && tag !== 'tr' && tag !== 'table' && (tag === 'br' || BLOCK_TAGS.has(tag))) out.push(' ');
    else if (tag === 'br') newline(1);
    else if (tag === 'tr') { cellDepth = 0; newline(1); }
    else if (tag === 'pre') { preDepth += closing ? -1 : 1; if (preDepth < 0) preDepth = 0; newline(2); }
    else if (PARAGRAPH_TAGS.has(tag)) newline(2);
    else if (BLOCK_TAGS.has(tag)) newline(1);
  }
  return tidy(out.join(''));
}

/** Collapses the break markers and trims spaces around line breaks. */
function tidy(marked: string): string {
  const lines = marked
    .replace(/[ \t]*\u0000([NP])[ \t]*/g, '\u0000$1')
    .replace(/(?:\u0000[NP])+/g, (run) => (run.includes('P') ? '\n\n' : '\n'))
    .replace(/\u00a0/g, ' ')
    .replace(/ *\t */g, '\t')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+$/g, '').replace(/\t+$/g, '').replace(/^ +/, ''));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}
