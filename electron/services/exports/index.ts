/** Compliance forms: the service the CLI and the app call. */
export { renderForm, buildForm, FORM_TYPES, FORM_FORMATS, type FormType, type FormFormat, type RenderFormOptions } from './render-form.js';
export { formText, type FormModel, type FormBlock, type FormSection } from './form-model.js';
export { maskValue } from './mask.js';
export type { AuditRef } from './forms/analysis-report.js';
