/** Adapts the forms (electron/services/exports) and redaction (electron/services/redaction) services to the API's ports. */
import path from 'node:path';
import { renderForm } from '../exports/index.js';
import { createPseudonymizer, RedactionError, type Redactor } from '../redaction/index.js';
import { SigiloError } from '../../shared/error-codes.js';
import type { FileReport } from '../../shared/report.js';
import type { RedactionMode } from '../../shared/api.js';
import { ApiError } from './api-error.js';
import type { AnalysisInput, ExportsPort, RedactionPort, RedactionPortOptions } from './deps.js';

export function exportsPort(): ExportsPort {
  return {
    async renderForm(type, report, settings) {
      // rejected findings are left out by the forms themselves (findings-summary.ts)
      return new Uint8Array(await renderForm(type, [report], settings.compliance, 'pdf'));
    },
    async renderBatchForm(type, reports, settings) {
      return new Uint8Array(await renderForm(type, reports, settings.compliance, 'pdf'));
    },
  };
}

/**
 * Redacted copies made in the isolated extraction process (`redactor`, the runtime's ExtractionClient): the
 * source goes there as a path or as bytes, the copy's bytes come back; the handler writes them. Pass one
 * `pseudonyms` table to every call of a batch to get the same token for the same value in every copy.
 */
export function redactionPort(redactor: Redactor): RedactionPort {
  return {
    async redact(source: AnalysisInput, report: FileReport, mode: RedactionMode, options?: RedactionPortOptions) {
      if (report.status !== 'ok') throw new ApiError('REPORT_HAS_ERROR');
      const name = source.kind === 'bytes' ? source.name : path.basename(source.path);
      try {
        const result = await redactor.redact(
          source.kind === 'bytes' ? { kind: 'bytes', name, bytes: source.bytes } : { kind: 'path', path: source.path },
          report.findings,
          { mode, pseudonyms: options?.pseudonyms ?? createPseudonymizer() },
        );
        const ext = path.extname(name);
        return { bytes: result.bytes, fileName: `${path.basename(name, ext)}.redigido${ext}`, warnings: result.warnings };
      } catch (err) {
        if (err instanceof RedactionError) throw new ApiError('EXPORT_FAILED', err.userMessage);
        if (err instanceof SigiloError && err.code === 'NOT_FOUND') throw new ApiError('NO_SOURCE');
        throw err;
      }
    },
  };
}
