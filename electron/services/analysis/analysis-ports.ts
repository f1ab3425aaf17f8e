/**
 * What the analysis pipeline needs from the other services. The concrete clients (extraction process,
 * plugin host process, audit store) are wired in create-analysis-service.ts; tests and the app pass their own.
 */
import type { PluginFinding } from '../../shared/plugin-abi.js';
import type { ExtractionMethod, FileReport } from '../../shared/report.js';

export interface ExtractOptions {
  ocr: boolean;
  maxBytes: number;
  maxPages: number;
  timeoutMs: number;
}

export interface ExtractedText {
  mediaType: string;
  sha256: string;
  size: number;
  pages: number;
  method: ExtractionMethod;
  text: string;
  pageStarts: number[];
  warnings: string[];
}

export interface TextExtractor {
  extract(filePath: string, options: ExtractOptions): Promise<ExtractedText>;
}

export interface PluginRun {
  /** "id@version" */
  plugin: string;
  findings: PluginFinding[];
  durationMs: number;
  /** Instructions used (plugins with an instruction budget), summed over the chunks of a long text. */
  instructions?: number;
  error?: { code: string; message: string };
}

export interface AnalyzeOptions {
  language?: string;
  /** Passed to every plugin as its `options` (e.g. `today`, the date birth dates are checked against). */
  options?: Record<string, unknown>;
  /** The text is a table whose first line is its header: a chunked analysis repeats it in every chunk. */
  tableHeader?: boolean;
}

export interface TextAnalyzer {
  analyze(text: string, options?: AnalyzeOptions): Promise<PluginRun[]>;
}

export interface AnalysisRecorder {
  /** Records the analysis durably and returns the audit entry id. Must throw if it cannot record. */
  recordAnalysis(report: FileReport): Promise<string> | string;
}
