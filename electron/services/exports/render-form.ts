/** renderForm: the compliance forms the CLI (`sigilo export form`) and the app's buttons produce. */
import type { ComplianceSettings } from '../../shared/compliance-settings.js';
import type { FileReport } from '../../shared/report.js';
import type { FormModel } from './form-model.js';
import { buildAnalysisReportForm, type AnalysisReportOptions } from './forms/analysis-report.js';
import { buildConsentForm } from './forms/consent.js';
import { buildRecordForm } from './forms/record.js';
import { buildRipdForm } from './forms/ripd.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

export const FORM_TYPES = ['consent', 'ripd', 'record', 'report'] as const;
export type FormType = (typeof FORM_TYPES)[number];
export const FORM_FORMATS = ['pdf', 'docx'] as const;
export type FormFormat = (typeof FORM_FORMATS)[number];

export interface RenderFormOptions extends AnalysisReportOptions {
  now?: Date;
}

export function buildForm(type: FormType, reports: readonly FileReport[], settings: ComplianceSettings, options: RenderFormOptions = {}): FormModel {
  const now = options.now ?? new Date();
  switch (type) {
    case 'consent': return buildConsentForm(reports, settings, now);
    case 'ripd': return buildRipdForm(reports, settings, now);
    case 'record': return buildRecordForm(reports, settings, now);
    case 'report': return buildAnalysisReportForm(reports, settings, now, options);
  }
}

export async function renderForm(
  type: FormType,
  reports: readonly FileReport[],
  settings: ComplianceSettings,
  format: FormFormat = 'pdf',
  options: RenderFormOptions = {},
): Promise<Buffer> {
  const model = buildForm(type, reports, settings, options);
  return format === 'docx' ? renderDocx(model) : renderPdf(model);
}
