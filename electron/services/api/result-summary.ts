/** The one-line view of a report shown in the results list, and its sorting/filtering. */
import path from 'node:path';
import type { FileReport, RiskLevel } from '../../shared/report.js';
import { RISK_LEVELS } from '../../shared/report.js';
import type { ApiParsedArgs, ResultSummary } from '../../shared/api.js';

export function summarise(reportId: string, report: FileReport, analysedAt: string): ResultSummary {
  const base = {
    reportId,
    ...(report.auditId ? { auditId: report.auditId } : {}),
    file: report.file,
    name: path.basename(report.file.replace(/\\/g, '/')) || report.file,
    ...(report.mediaType ? { mediaType: report.mediaType } : {}),
    analysedAt,
  };
  if (report.status === 'error') {
    return { ...base, status: 'error', findings: 0, rejected: 0, countsByType: {}, error: report.error };
  }
  const countsByType: Record<string, number> = {};
  let rejected = 0;
  for (const f of report.findings) {
    if (f.decision === 'rejected') { rejected += 1; continue; }
    countsByType[f.type] = (countsByType[f.type] ?? 0) + 1;
  }
  return {
    ...base,
    status: 'ok',
    pages: report.pages,
    risk: { score: report.risk.score, level: report.risk.level },
    findings: report.findings.length - rejected,
    rejected,
    countsByType,
  };
}

const levelRank = (level: RiskLevel | undefined): number => (level ? RISK_LEVELS.indexOf(level) : -1);

export function sortAndFilter(items: ResultSummary[], args: ApiParsedArgs['resultsList']): ResultSummary[] {
  const query = args.query?.trim().toLocaleLowerCase('pt-BR');
  const kept = items.filter((s) =>
    (!args.level || s.risk?.level === args.level)
    && (!args.status || s.status === args.status)
    && (!query || s.file.toLocaleLowerCase('pt-BR').includes(query)));
  const byName = (a: ResultSummary, b: ResultSummary) => a.name.localeCompare(b.name, 'pt-BR');
  const compare: Record<typeof args.sort, (a: ResultSummary, b: ResultSummary) => number> = {
    risk: (a, b) => (b.risk?.score ?? -1) - (a.risk?.score ?? -1) || levelRank(b.risk?.level) - levelRank(a.risk?.level) || byName(a, b),
    name: byName,
    findings: (a, b) => b.findings - a.findings || byName(a, b),
    recent: (a, b) => b.analysedAt.localeCompare(a.analysedAt) || byName(a, b),
  };
  return [...kept].sort(compare[args.sort]);
}
