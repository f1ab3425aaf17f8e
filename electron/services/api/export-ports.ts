/** Adapts the forms (electron/services/exports) and redaction (electron/services/redaction) services to the API's ports. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderForm } from '../exports/index.js';
import { createPseudonymizer, createWordRecognizer, redactBytes, RedactionError } from '../redaction/index.js';
import type { FileReport } from '../../shared/report.js';
import type { RedactionMode } from '../../shared/api.js';
import { ApiError } from './api-error.js';
import type { AnalysisInput, ExportsPort, RedactionPort } from './deps.js';

export function exportsPort(): ExportsPort {
  return {
    async renderForm(type, report, settings) {
      // rejected findings are left out by the forms themselves (findings-summary.ts)
      return new Uint8Array(await renderForm(type, [report], settings.compliance, 'pdf'));
    },
  };
}

export function redactionPort(): RedactionPort {
  return {
    async redact(source: AnalysisInput, report: FileReport, mode: RedactionMode) {
      if (report.status !== 'ok') throw new ApiError('REPORT_HAS_ERROR');
      let bytes: Uint8Array;
      let name: string;
      if (source.kind === 'bytes') {
        bytes = source.bytes;
        name = source.name;
      } else {
        try {
          bytes = await readFile(source.path);
        } catch {
          throw new ApiError('NO_SOURCE');
        }
        name = path.basename(source.path);
      }
      const ocr = createWordRecognizer();
      try {
        const result = await redactBytes(bytes, name, report.findings, { mode, pseudonyms: createPseudonymizer(), ocr: () => ocr });
        const ext = path.extname(name);
        return { bytes: result.bytes, fileName: `${path.basename(name, ext)}.redigido${ext}` };
      } catch (err) {
        if (err instanceof RedactionError) throw new ApiError('EXPORT_FAILED', err.userMessage);
        throw err;
      } finally {
        await ocr.close();
      }
    },
  };
}
