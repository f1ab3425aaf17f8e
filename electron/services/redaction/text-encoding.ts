/**
 * Decoding and re-encoding of plain-text files so a redacted copy keeps the original encoding:
 * UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252/Latin-1 for legacy files.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const legacy = declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii)$/i.test(declared.trim());
  if (!legacy) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // not UTF-8: fall through to the legacy single-byte encoding used by Brazilian Windows systems
    }
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/** Windows-1252 bytes 0x80–0x9F → Unicode, reversed for encoding. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_REVERSE = new Map<number, number>([...CP1252_HIGH].map((ch, i) => [ch.codePointAt(0)!, 0x80 + i]));

/** Whether every character of `text` can be written in `encoding`. */
export function canEncode(text: string, encoding: TextEncodingName): boolean {
  if (encoding !== 'windows-1252') return true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!(cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) || CP1252_REVERSE.has(cp))) return false;
  }
  return true;
}

export function encodeText(text: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'windows-1252': {
      const out = Buffer.alloc(text.length);
      let n = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        out[n++] = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : CP1252_REVERSE.get(cp) ?? 0x3f;
      }
      return out.subarray(0, n);
    }
  }
}
