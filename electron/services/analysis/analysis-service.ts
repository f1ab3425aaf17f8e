/**
 * The analysis pipeline: file → text (extraction process) → findings (plugin host process) → merged
 * findings → risk → report, recorded in the audit history. Shared by the CLI, the app and the tests.
 */
import os from 'node:os';
import { ERROR_MESSAGES, SigiloError, isErrorCode, type ErrorCode } from '../../shared/error-codes.js';
import type { ErrorReport, FileReport, OkReport } from '../../shared/report.js';
import { mergeFindings } from '../detection/merge.js';
import { rateRisk } from '../detection/risk.js';
import type { AnalysisRecorder, ExtractOptions, TextAnalyzer, TextExtractor } from './analysis-ports.js';
import { walkPaths, type MissingPath, type WalkedPath } from './walk-paths.js';

export interface AnalysisSettings extends ExtractOptions {
  /** Keep the extracted text and page starts in the report (the app's report view needs them). */
  includeText: boolean;
  language: string;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  ocr: true,
  maxBytes: 100 * 1024 * 1024,
  maxPages: 500,
  timeoutMs: 120_000,
  includeText: false,
  language: 'pt-BR',
};

export type ProgressStage = 'queued' | 'extracting' | 'detecting' | 'done';

export interface ProgressEvent {
  index: number;
  total: number;
  file: string;
  stage: ProgressStage;
  report?: FileReport;
}

export interface BatchOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Files analysed at once (default: the number of cores). */
  concurrency?: number;
}

export interface AnalysisDeps {
  extractor: TextExtractor;
  analyzer: TextAnalyzer;
  recorder?: AnalysisRecorder;
  log?: (message: string) => void;
}

export class AnalysisService {
  constructor(private readonly deps: AnalysisDeps) {}

  /** Analyses files and folders (walked recursively); one report per file, in order, errors included. */
  async analyzePaths(inputs: string[], cwd: string, settings: AnalysisSettings, batch: BatchOptions = {}): Promise<FileReport[]> {
    const files = await walkPaths(inputs, cwd);
    const reports: FileReport[] = new Array(files.length);
    const concurrency = Math.max(1, batch.concurrency ?? os.availableParallelism());
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const index = next++;
        const file = files[index]!;
        const progress = (stage: ProgressStage, report?: FileReport): void =>
          batch.onProgress?.({ index, total: files.length, file: file.display, stage, report });
        progress('queued');
        // A file not started because the batch was cancelled is not an analysis: it is not recorded.
        const report = batch.signal?.aborted
          ? errorReport(file.display, 'CANCELLED')
          : await this.analyzeOne(file, settings, progress);
        reports[index] = report;
        progress('done', report);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    return reports;
  }

  private async analyzeOne(
    file: WalkedPath | MissingPath,
    settings: AnalysisSettings,
    progress: (stage: ProgressStage) => void,
  ): Promise<FileReport> {
    const started = performance.now();
    if ('missing' in file) return this.finish(errorReport(file.display, 'NOT_FOUND'));
    let report: FileReport;
    try {
      progress('extracting');
      const doc = await this.deps.extractor.extract(file.path, settings);
      progress('detecting');
      const runs = await this.deps.analyzer.analyze(doc.text, {
        language: settings.language,
        options: { today: localDate(new Date()) },
        tableHeader: doc.mediaType === 'text/csv',
      });
      const failed = runs.filter((r) => r.error);
      if (runs.length > 0 && failed.length === runs.length) {
        throw new SigiloError('PLUGIN_FAILURE', failed.map((r) => `${r.plugin}: ${r.error?.code}`).join(', '));
      }
      const findings = mergeFindings(doc.text, doc.pageStarts, runs);
      const risk = rateRisk(findings, { text: doc.text, mediaType: doc.mediaType });
      const warnings = [...doc.warnings, ...failed.map((r) => `O detector ${r.plugin} falhou (${r.error?.code}): ${r.error?.message}`)];
      const ok: OkReport = {
        file: file.display,
        sha256: doc.sha256,
        mediaType: doc.mediaType,
        status: 'ok',
        pages: doc.pages,
        extraction: { method: doc.method, chars: doc.text.length },
        risk,
        findings,
        durationMs: 0,
        size: doc.size,
        plugins: runs.map((r) => ({
          plugin: r.plugin,
          durationMs: round(r.durationMs),
          findings: r.findings.length,
          ...(r.instructions !== undefined ? { instructions: r.instructions } : {}),
          ...(r.error ? { error: r.error } : {}),
        })),
        ...(warnings.length ? { warnings } : {}),
        ...(settings.includeText ? { text: doc.text, pageStarts: doc.pageStarts } : {}),
      };
      report = ok;
    } catch (err) {
      report = errorReport(file.display, codeOf(err), err);
      this.deps.log?.(`analysis of ${file.display} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    report.durationMs = round(performance.now() - started);
    return this.finish(report);
  }

  /** Records the report in the audit history; a report that cannot be recorded becomes an error. */
  private async finish(report: FileReport): Promise<FileReport> {
    if (!this.deps.recorder) return report;
    try {
      const auditId = await this.deps.recorder.recordAnalysis(report);
      return { ...report, auditId };
    } catch (err) {
      this.deps.log?.(`audit write failed for ${report.file}: ${err instanceof Error ? err.message : String(err)}`);
      return errorReport(report.file, 'AUDIT_WRITE_FAILED', err);
    }
  }
}

function codeOf(err: unknown): ErrorCode {
  if (err instanceof SigiloError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && isErrorCode(code) ? code : 'INTERNAL';
}

function errorReport(file: string, code: ErrorCode, cause?: unknown): ErrorReport {
  const detail = cause instanceof SigiloError ? undefined : cause instanceof Error ? cause.message : undefined;
  return {
    file,
    status: 'error',
    error: { code, message: ERROR_MESSAGES[code] + (code === 'INTERNAL' && detail ? ` (${detail})` : '') },
  };
}

/** Today as YYYY-MM-DD in local time: plugins must not take a future date for a birth date. */
function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
