/**
 * Redaction inside XML (DOCX/ODT parts) and HTML without changing the structure: only text nodes and
 * attribute values are edited. The text nodes of a part are read as one stream (a value split across
 * several runs, e.g. <w:t>529.982</w:t><w:t>.247-25</w:t>, is found), the replacement goes into the first
 * node the value touches and the rest of the value is removed from the following nodes.
 */
import type { Pseudonymizer } from './pseudonymizer.js';
import { replacementText, type RedactionMode } from './replacement.js';
import { planReplacements, type RedactionTarget } from './targets.js';

export interface MarkupDialect {
  html: boolean;
  /** How a tag affects the text stream: 'none' (inline, e.g. a run), 'space' (a word/paragraph break). */
  tagEffect(name: string): 'none' | 'space';
  /** Char data directly inside these elements is document text; other char data is isolated by spaces. */
  isTextParent(name: string): boolean;
}

const DOCX_SPACE = new Set(['w:p', 'w:tab', 'w:br', 'w:cr', 'w:tc', 'w:tr', 'w:tbl', 'w:txbxContent', 'w:sectPr', 'w:ptab', 'w:noBreakHyphen']);
const DOCX_TEXT = new Set(['w:t', 'w:instrText', 'w:delText', 'm:t']);
export const DOCX_DIALECT: MarkupDialect = {
  html: false,
  tagEffect: (name) => (DOCX_SPACE.has(name) ? 'space' : 'none'),
  isTextParent: (name) => DOCX_TEXT.has(name),
};

const ODT_INLINE = new Set(['text:span', 'text:a', 'text:soft-page-break', 'text:bookmark', 'text:bookmark-start', 'text:bookmark-end',
  'text:reference-mark', 'text:reference-mark-start', 'text:reference-mark-end', 'office:annotation-end', 'text:change-start', 'text:change-end']);
const ODT_TEXT = new Set(['text:p', 'text:h', 'text:span', 'text:a']);
export const ODT_DIALECT: MarkupDialect = {
  html: false,
  tagEffect: (name) => (ODT_INLINE.has(name) ? 'none' : 'space'),
  isTextParent: (name) => ODT_TEXT.has(name),
};

const HTML_INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'label']);
export const HTML_DIALECT: MarkupDialect = {
  html: true,
  tagEffect: (name) => (HTML_INLINE.has(name.toLowerCase()) ? 'none' : 'space'),
  isTextParent: () => true,
};

/** One piece of the source: a tag (kept, attributes may be edited), a text node, or raw text (comment, CDATA, script). */
type Token =
  | { kind: 'tag'; raw: string; name: string; closing: boolean; selfClosing: boolean }
  | { kind: 'text'; raw: string; text: string; escaped: boolean; wrap?: [string, string] }
  | { kind: 'other'; raw: string };

const LATIN1_NAMES = ('nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro '
  + 'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute '
  + 'Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN '
  + 'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute '
  + 'ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml').split(' ');
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  bull: '•', hellip: '…', euro: '€', trade: '™', ordm: 'º',
};
LATIN1_NAMES.forEach((name, i) => { NAMED[name] = String.fromCharCode(160 + i); });

export function decodeEntities(raw: string, html: boolean): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    const named = html || ['amp', 'lt', 'gt', 'quot', 'apos'].includes(ref) ? NAMED[ref] : undefined;
    return named ?? whole;
  });
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(text: string, quote: string): string {
  return escapeText(text).replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;');
}

function tokenize(src: string, html: boolean): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let rawUntil: string | undefined; // HTML <script>/<style>: content is raw text up to the closing tag
  while (i < src.length) {
    if (rawUntil) {
      const end = src.toLowerCase().indexOf(`</${rawUntil}`, i);
      const stop = end < 0 ? src.length : end;
      if (stop > i) tokens.push({ kind: 'text', raw: src.slice(i, stop), text: src.slice(i, stop), escaped: false });
      i = stop;
      rawUntil = undefined;
      continue;
    }
    const lt = src.indexOf('<', i);
    if (lt !== i) {
      const stop = lt < 0 ? src.length : lt;
      const raw = src.slice(i, stop);
      tokens.push({ kind: 'text', raw, text: decodeEntities(raw, html), escaped: true });
      i = stop;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      const stop = end < 0 ? src.length : end;
      tokens.push({ kind: 'text', raw: src.slice(i, stop + 3), text: src.slice(i + 4, stop), escaped: false, wrap: ['<!--', '-->'] });
      i = stop + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      const stop = end < 0 ? src.length : end;
      tokens.push({ kind: 'text', raw: src.slice(i, stop + 3), text: src.slice(i + 9, stop), escaped: false, wrap: ['<![CDATA[', ']]>'] });
      i = stop + 3;
      continue;
    }
    if (src.startsWith('<?', i) || src.startsWith('<!', i)) {
      const end = src.indexOf('>', i);
      const stop = end < 0 ? src.length : end + 1;
      tokens.push({ kind: 'other', raw: src.slice(i, stop) });
      i = stop;
      continue;
    }
    // a tag: find its end, skipping quoted attribute values
    let j = i + 1;
    let quote: string | undefined;
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (quote) { if (c === quote) quote = undefined; } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const raw = src.slice(i, j + 1);
    const m = /^<\/?\s*([^\s/>]+)/.exec(raw);
    if (!m) {
      tokens.push({ kind: 'text', raw: '<', text: '<', escaped: true });
      i += 1;
      continue;
    }
    const closing = raw[1] === '/';
    const name = m[1]!;
    tokens.push({ kind: 'tag', raw, name, closing, selfClosing: /\/\s*>$/.test(raw) });
    if (html && !closing && /^(script|style)$/i.test(name)) rawUntil = name.toLowerCase();
    i = j + 1;
  }
  return tokens;
}

export interface MarkupRedaction {
  output: string;
  /** Indexes (into the targets) of values found in this part. */
  found: Set<number>;
  replaced: number;
}

/** Redacts a whole XML/HTML document. */
export function redactMarkup(
  src: string,
  dialect: MarkupDialect,
  targets: readonly RedactionTarget[],
  mode: RedactionMode,
  pseudonyms: Pseudonymizer,
): MarkupRedaction {
  const tokens = tokenize(src, dialect.html);
  // 1. the text stream
  let stream = '';
  const pieces: Array<{ token: number; start: number; end: number }> = [];
  const parents: string[] = [];
  tokens.forEach((tok, index) => {
    if (tok.kind === 'tag') {
      if (dialect.tagEffect(tok.name) === 'space') stream += ' ';
      if (tok.closing) {
        const at = parents.lastIndexOf(tok.name);
        if (at >= 0) parents.length = at;
      } else if (!tok.selfClosing && !(dialect.html && isVoidHtml(tok.name))) parents.push(tok.name);
    } else if (tok.kind === 'text') {
      const parent = parents[parents.length - 1];
      const isolated = tok.wrap !== undefined || !(parent === undefined ? dialect.html : dialect.isTextParent(parent));
      if (isolated) stream += ' ';
      pieces.push({ token: index, start: stream.length, end: stream.length + tok.text.length });
      stream += tok.text;
      if (isolated) stream += ' ';
    }
  });
  const plan = planReplacements(stream, targets);
  const found = new Set(plan.found);
  // 2. edits per text node
  const newText = new Map<number, string>();
  let p = 0;
  for (const piece of pieces) {
    const tok = tokens[piece.token] as Extract<Token, { kind: 'text' }>;
    let text = '';
    let at = piece.start;
    let changed = false;
    while (p < plan.replacements.length && plan.replacements[p]!.end <= piece.start) p++;
    for (let q = p; q < plan.replacements.length; q++) {
      const r = plan.replacements[q]!;
      if (r.start >= piece.end) break;
      const from = Math.max(r.start, piece.start);
      const to = Math.min(r.end, piece.end);
      text += stream.slice(at, from);
      // the replacement is written once, in the node where the value starts
      if (r.start >= piece.start) text += replacementText(r.target.type, r.target.value, mode, pseudonyms);
      at = to;
      changed = true;
    }
    if (changed) newText.set(piece.token, text + stream.slice(at, piece.end));
  }
  // 3. attribute values
  let replaced = plan.replacements.length;
  const out = tokens.map((tok, index) => {
    if (tok.kind === 'other') return tok.raw;
    if (tok.kind === 'text') {
      const text = newText.get(index);
      if (text === undefined) return tok.raw;
      const body = tok.escaped ? escapeText(text) : text;
      return tok.wrap ? tok.wrap[0] + body + tok.wrap[1] : body;
    }
    if (tok.closing || !/[=]/.test(tok.raw)) return tok.raw;
    return tok.raw.replace(/(\s[^\s=/>]+\s*=\s*)("([^"]*)"|'([^']*)')/g, (whole, head: string, _q: string, dq?: string, sq?: string) => {
      const quote = dq !== undefined ? '"' : "'";
      const value = decodeEntities(dq ?? sq ?? '', dialect.html);
      const attrPlan = planReplacements(value, targets);
      if (attrPlan.replacements.length === 0) return whole;
      attrPlan.found.forEach((n) => found.add(n));
      replaced += attrPlan.replacements.length;
      let text = '';
      let at = 0;
      for (const r of attrPlan.replacements) {
        text += value.slice(at, r.start) + replacementText(r.target.type, r.target.value, mode, pseudonyms);
        at = r.end;
      }
      text += value.slice(at);
      return `${head}${quote}${escapeAttr(text, quote)}${quote}`;
    });
  });
  return { output: out.join(''), found, replaced };
}

/** Every text node and attribute value of a document, decoded: what a reader or an indexer can see. */
export function visibleStrings(src: string, dialect: MarkupDialect): string {
  const parts: string[] = [];
  const parents: string[] = [];
  for (const tok of tokenize(src, dialect.html)) {
    if (tok.kind === 'text') parts.push(tok.text);
    else if (tok.kind === 'tag') {
      if (dialect.tagEffect(tok.name) === 'space') parts.push(' ');
      for (const m of tok.raw.matchAll(/\s[^\s=/>]+\s*=\s*("([^"]*)"|'([^']*)')/g)) parts.push(' ', decodeEntities(m[2] ?? m[3] ?? '', dialect.html), ' ');
      if (tok.closing) parents.pop(); else if (!tok.selfClosing) parents.push(tok.name);
    }
  }
  return parts.join('');
}

function isVoidHtml(name: string): boolean {
  return /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/i.test(name);
}
