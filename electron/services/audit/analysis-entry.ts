/** Turns an analysis report into the summary kept in its audit entry. */
import path from 'node:path';
import type { FileReport } from '../../shared/report.js';
import type { AnalysisPayload } from './audit-types.js';

export function analysisPayload(report: FileReport): AnalysisPayload {
  const name = path.basename(report.file.replaceAll('\\', '/'));
  if (report.status === 'error') {
    return {
      file: report.file, name, status: 'error',
      ...(report.sha256 ? { sha256: report.sha256 } : {}),
      ...(report.mediaType ? { mediaType: report.mediaType } : {}),
      ...(report.durationMs !== undefined ? { durationMs: report.durationMs } : {}),
      findings: 0, findingsByType: {}, plugins: [],
      error: { code: report.error.code },
    };
  }
  const findingsByType: Record<string, number> = {};
  for (const f of report.findings) findingsByType[f.type] = (findingsByType[f.type] ?? 0) + 1;
  const plugins = new Set<string>();
  for (const run of report.plugins ?? []) plugins.add(run.plugin);
  for (const f of report.findings) plugins.add(f.plugin);
  return {
    file: report.file, name, status: 'ok',
    sha256: report.sha256,
    mediaType: report.mediaType,
    ...(report.size !== undefined ? { size: report.size } : {}),
    pages: report.pages,
    extraction: report.extraction.method,
    risk: { level: report.risk.level, score: report.risk.score },
    findings: report.findings.length,
    findingsByType,
    plugins: [...plugins].sort(),
    durationMs: report.durationMs,
  };
}
