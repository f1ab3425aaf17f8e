export { mergeFindings, pageOf, specificity, TYPE_SPECIFICITY, type PluginRunResult } from './merge';
export { rateRisk, parseBirthDate, ageOn, MANY_SUBJECTS, CHILD_AGE, type RiskContext } from './risk';
export { summarizeFindings, normalizeValue, type FindingsSummary, type TypeSummary } from './summary';
