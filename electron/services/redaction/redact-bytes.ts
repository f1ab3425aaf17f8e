/**
 * The redaction core: a document's bytes in, the redacted copy's bytes out, format kept (text formats,
 * HTML, DOCX/ODT) or burned into pixels (PDF, images). Runs inside the isolated extraction process.
 */
import { sniffFormat } from '../extraction/sniff-format.js';
import type { WordRecognizer } from './ocr-words.js';
import type { Pseudonymizer } from './pseudonymizer.js';
import { RedactionError } from './redaction-error.js';
import type { RedactableFinding, RedactedContent } from './redaction-protocol.js';
import { HTML_DIALECT, redactMarkup, visibleStrings } from './redact-markup.js';
import { officeVisibleText, redactOffice } from './redact-office.js';
import { redactImage, redactPdf } from './redact-raster.js';
import type { RedactionMode } from './replacement.js';
import { applyToString, planReplacements, targetsFromFindings, type RedactionTarget } from './targets.js';
import { canEncode, decodeText, encodeText } from './text-encoding.js';
import { findValueMatches } from './text-match.js';

function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

function leftovers(visible: string, targets: readonly RedactionTarget[]): RedactionTarget[] {
  const hits = findValueMatches(visible, targets.map((t) => t.value));
  return [...new Set(hits.map((h) => h.needle))].map((n) => targets[n]!);
}

/**
 * Redacts one file's content (no file system access). Parses and renders untrusted documents: runs in the
 * isolated extraction process (extract-process.ts), never in the main process.
 */
export async function redactBytes(
  bytes: Uint8Array,
  name: string,
  findings: readonly RedactableFinding[],
  options: { mode: RedactionMode; pseudonyms: Pseudonymizer; ocr: () => WordRecognizer; dpi?: number | undefined },
): Promise<RedactedContent> {
  const targets = targetsFromFindings(findings.map((f) => ({ type: f.type, text: f.text, decision: f.decision, page: f.page })));
  const { mode, pseudonyms } = options;
  const kind = sniffFormat(bytes, name).kind;
  const warnings: string[] = [];
  const notFound = (found: Set<number>): void => {
    const missing = targets.filter((_, n) => !found.has(n));
    if (missing.length > 0) warnings.push(`${missing.length} achado(s) não foram localizados no arquivo (nada a ocultar para eles).`);
  };
  const checkClean = (visible: string): void => {
    const left = leftovers(visible, targets);
    if (left.length > 0) {
      throw new RedactionError(`A verificação encontrou dados ainda visíveis na cópia (${left.map((t) => t.type).join(', ')}); a cópia não foi gerada.`);
    }
  };
  switch (kind) {
    case 'text':
    case 'csv':
    case 'markdown': {
      const decoded = decodeText(bytes);
      const plan = planReplacements(decoded.text, targets);
      const text = applyToString(decoded.text, plan.replacements, mode, pseudonyms);
      checkClean(text);
      notFound(plan.found);
      let encoding = decoded.encoding;
      if (!canEncode(text, encoding)) {
        encoding = 'utf-8';
        warnings.push('A cópia foi gravada em UTF-8 porque a codificação original (Windows-1252) não representa os caracteres de ocultação.');
      }
      return { bytes: encodeText(text, encoding), format: kind, mode, values: targets.length, replaced: plan.replacements.length, warnings, encoding };
    }
    case 'html': {
      const decoded = decodeText(bytes, declaredHtmlCharset(bytes));
      const result = redactMarkup(decoded.text, HTML_DIALECT, targets, mode, pseudonyms);
      checkClean(visibleStrings(result.output, HTML_DIALECT));
      notFound(result.found);
      // Characters the legacy encoding lacks become numeric references, valid HTML in any encoding.
      const output = decoded.encoding === 'windows-1252' && !canEncode(result.output, 'windows-1252')
        ? [...result.output].map((ch) => (canEncode(ch, 'windows-1252') ? ch : `&#${ch.codePointAt(0)};`)).join('')
        : result.output;
      return { bytes: encodeText(output, decoded.encoding), format: kind, mode, values: targets.length, replaced: result.replaced, warnings, encoding: decoded.encoding };
    }
    case 'docx':
    case 'odt': {
      const result = redactOffice(bytes, kind, targets, mode, pseudonyms);
      checkClean(officeVisibleText(result.bytes, kind));
      notFound(result.found);
      return { bytes: result.bytes, format: kind, mode, values: targets.length, replaced: result.replaced, warnings: [...warnings, ...result.warnings] };
    }
    case 'pdf': {
      const result = await redactPdf(bytes, targets, { mode, pseudonyms, ocr: options.ocr(), dpi: options.dpi });
      return { bytes: result.bytes, format: kind, mode, values: targets.length, replaced: result.boxes, warnings: result.warnings };
    }
    case 'jpeg':
    case 'png':
    case 'webp': {
      const result = await redactImage(bytes, kind, targets, { mode, pseudonyms, ocr: options.ocr() });
      return { bytes: result.bytes, format: kind, mode, values: targets.length, replaced: result.boxes, warnings: result.warnings };
    }
    case 'tiff':
      throw new RedactionError('Cópias redigidas de imagens TIFF ainda não são suportadas; converta a imagem para PNG ou JPEG.');
  }
}

