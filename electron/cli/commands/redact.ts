/**
 * `sigilo redact FILE… --out DIR [--mode label|block|pseudonym] [--from REPORT.json] [--data-dir DIR] [--no-ocr] [--plugins DIR] [--json]`
 * Without --from the files are analysed first (same runtime as `sigilo analyze`).
 * Writes `<name>.redigido.<ext>` copies into DIR (originals untouched, nothing overwritten) and records each
 * export in the audit history. Pseudonyms are consistent across the files of one run. The documents are
 * parsed and rendered in the isolated extraction process (never in this one, where the audit key lives).
 */
import path from 'node:path';
import type { FileReport, Finding } from '../../shared/report.js';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../services/analysis/analysis-service.js';
import { openAnalysisRuntime } from '../../services/analysis/analysis-runtime.js';
import { openAuditForCli } from '../../services/audit/open-audit.js';
import type { AuditStore } from '../../services/audit/audit-store.js';
import { ExtractionClient } from '../../services/extraction/extraction-client.js';
import { createPseudonymizer, redactFile, REDACTION_MODES, type RedactionMode, type Redactor, type RedactResult } from '../../services/redaction/index.js';
import { EXIT_OK, EXIT_PARTIAL, UsageError, parseArgs, type CliIo } from '../cli-io.js';
import { readReportsFile } from './export.js';

/** The report of `file` in a batch: same resolved path, else the same trailing path, else the same name. */
export function findReport(reports: readonly FileReport[], file: string, cwd: string): FileReport | undefined {
  const abs = path.resolve(cwd, file);
  const norm = (p: string): string => p.split(path.sep).join('/');
  return reports.find((r) => path.resolve(cwd, r.file) === abs)
    ?? reports.find((r) => norm(abs).endsWith(`/${norm(r.file).replace(/^\.?\//, '')}`))
    ?? reports.find((r) => path.basename(r.file) === path.basename(file));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'no-ocr'], options: ['out', 'mode', 'from', 'data-dir'], multi: ['plugins'] });
  if (parsed.positional.length === 0) throw new UsageError('give at least one file to redact');
  const outArg = parsed.options.get('out');
  if (!outArg) throw new UsageError('--out DIR is required');
  const mode = (parsed.options.get('mode') ?? 'label') as RedactionMode;
  if (!(REDACTION_MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode must be one of ${REDACTION_MODES.join(', ')}`);
  const from = parsed.options.get('from');
  const outDir = path.resolve(io.cwd, outArg);
  const dataDir = parsed.options.get('data-dir');
  let reports: FileReport[];
  let store: AuditStore;
  let closeStore: () => Promise<void>;
  let redactor: Redactor;
  if (from) {
    reports = await readReportsFile(path.resolve(io.cwd, from));
    const audit = await openAuditForCli({ ...(dataDir ? { dataDir } : {}), env: io.env, cwd: io.cwd });
    const extractor = ExtractionClient.start({ onStderr: (chunk) => {
      // tesseract's notice about rasters without a resolution is not news for the user
      const lines = chunk.split('\n').filter((l) => l.trim().length > 0 && !/^Estimating resolution as \d+/.test(l));
      if (lines.length > 0) io.stderr(`extraction: ${lines.join('\n')}\n`);
    } });
    store = audit.store;
    redactor = extractor;
    closeStore = async () => {
      await extractor.close();
      audit.store.close();
    };
  } else {
    // No report given: analyse the files first, with the same runtime as `sigilo analyze`.
    const runtime = await openAnalysisRuntime({
      dataDir, extraPluginDirs: parsed.multi.get('plugins') ?? [], env: io.env, cwd: io.cwd, log: (m) => io.stderr(`${m}\n`),
    });
    store = runtime.audit;
    redactor = runtime.redactor;
    closeStore = () => runtime.close();
    try {
      reports = await runtime.service.analyzePaths(parsed.positional, io.cwd, { ...DEFAULT_ANALYSIS_SETTINGS, ocr: !parsed.flags.has('no-ocr') });
    } catch (error) {
      await closeStore();
      throw error;
    }
  }
  const pseudonyms = createPseudonymizer();
  const results: Array<{ file: string; result?: RedactResult; error?: string }> = [];
  try {
    for (const file of parsed.positional) {
      const report = findReport(reports, file, io.cwd);
      if (!report || report.status !== 'ok') {
        const error = report ? `a análise do arquivo falhou (${report.error.code})` : 'arquivo ausente do relatório --from';
        results.push({ file, error });
        io.stderr(`✗ ${file}: ${error}\n`);
        continue;
      }
      try {
        const findings: Finding[] = report.findings;
        const result = await redactFile(path.resolve(io.cwd, file), findings, {
          mode, outDir, pseudonyms, redactor,
          recordExport: (entry) => store.append('export', { ...entry }, report.auditId ? { ref: report.auditId } : {}),
        });
        results.push({ file, result });
        if (!parsed.flags.has('json')) {
          io.stderr(`✓ ${file} → ${result.outPath} (${result.values} valor(es) ocultado(s))\n`);
          for (const warning of result.warnings) io.stderr(`    aviso: ${warning}\n`);
        }
      } catch (error) {
        const message = (error as { userMessage?: string }).userMessage ?? (error as Error).message;
        results.push({ file, error: message });
        io.stderr(`✗ ${file}: ${message}\n`);
      }
    }
  } finally {
    await closeStore();
  }
  if (parsed.flags.has('json')) io.stdout(`${JSON.stringify({ mode, outDir, results }, null, 2)}\n`);
  else for (const r of results) if (r.result) io.stdout(`${r.result.outPath}\n`);
  return results.every((r) => r.result) ? EXIT_OK : EXIT_PARTIAL;
}
