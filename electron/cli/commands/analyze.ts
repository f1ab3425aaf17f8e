/** `sigilo analyze [--json] [--data-dir DIR] [--no-ocr] [--plugins DIR] PATH...` (see REPORT.md). */
import { FINDING_TYPE_INFO, isFindingType } from '../../shared/finding-types.js';
import type { AnalysisOutput, FileReport } from '../../shared/report.js';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../services/analysis/analysis-service.js';
import { openAnalysisRuntime } from '../../services/analysis/analysis-runtime.js';
import { packageVersion } from '../../services/app-paths.js';
import { EXIT_OK, EXIT_PARTIAL, UsageError, parseArgs, type CliIo } from '../cli-io.js';

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'no-ocr', 'text'], options: ['data-dir', 'max-size-mb', 'timeout-s'], multi: ['plugins'] });
  if (parsed.positional.length === 0) throw new UsageError('give at least one file or folder to analyse');
  const json = parsed.flags.has('json');
  const settings = {
    ...DEFAULT_ANALYSIS_SETTINGS,
    ocr: !parsed.flags.has('no-ocr'),
    includeText: parsed.flags.has('text'),
    ...(parsed.options.has('max-size-mb') ? { maxBytes: positiveNumber(parsed.options.get('max-size-mb')!, '--max-size-mb') * 1024 * 1024 } : {}),
    ...(parsed.options.has('timeout-s') ? { timeoutMs: positiveNumber(parsed.options.get('timeout-s')!, '--timeout-s') * 1000 } : {}),
  };
  const runtime = await openAnalysisRuntime({
    dataDir: parsed.options.get('data-dir'),
    extraPluginDirs: parsed.multi.get('plugins') ?? [],
    env: io.env,
    log: (message) => io.stderr(`${message}\n`),
  });
  try {
    const reports = await runtime.service.analyzePaths(parsed.positional, io.cwd, settings, {
      onProgress: json ? undefined : (e) => { if (e.stage === 'done' && e.report) io.stderr(progressLine(e.index, e.total, e.report)); },
    });
    const output: AnalysisOutput = { tool: { name: 'sigilo', version: packageVersion() }, reports };
    if (json) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else io.stdout(summary(reports));
    return reports.every((r) => r.status === 'ok') ? EXIT_OK : EXIT_PARTIAL;
  } finally {
    await runtime.close();
  }
}

function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number`);
  return n;
}

const LEVELS: Record<string, string> = { none: 'nenhum', low: 'baixo', medium: 'médio', high: 'alto', critical: 'crítico' };

function progressLine(index: number, total: number, report: FileReport): string {
  const state = report.status === 'ok' ? `risco ${LEVELS[report.risk.level]}` : `erro ${report.error.code}`;
  return `[${index + 1}/${total}] ${report.file}: ${state}\n`;
}

function summary(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.status === 'error') {
      lines.push(`✗ ${r.file}\n    ${r.error.code}: ${r.error.message}`);
      continue;
    }
    const counts = new Map<string, number>();
    for (const f of r.findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
    const byType = [...counts].map(([t, n]) => `${isFindingType(t) ? FINDING_TYPE_INFO[t].label : t} ${n}`).join(', ');
    lines.push(`✓ ${r.file}  risco ${LEVELS[r.risk.level]} (${r.risk.score})  ${r.findings.length} achado(s)${byType ? `: ${byType}` : ''}`);
    for (const reason of r.risk.reasons) lines.push(`    - ${reason}`);
  }
  const failed = reports.filter((r) => r.status === 'error').length;
  lines.push(`\n${reports.length} arquivo(s) analisado(s)${failed ? `, ${failed} com erro` : ''}.`);
  return `${lines.join('\n')}\n`;
}
