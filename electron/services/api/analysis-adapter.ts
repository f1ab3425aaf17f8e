/**
 * Adapts the analysis service (electron/services/analysis) to the API's AnalysisPort: settings → analysis
 * settings, its progress stages → fractions, and uploaded bytes → files in a private temporary folder
 * (removed afterwards) so that every input goes through the same path-based pipeline.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnalysisSettings, BatchOptions, ProgressEvent } from '../analysis/analysis-service.js';
import type { FileReport } from '../../shared/report.js';
import type { AnalysisInput, AnalysisOptions, AnalysisPort, AnalysisProgress } from './deps.js';

export interface PathAnalyser {
  analyzePaths(inputs: string[], cwd: string, settings: AnalysisSettings, batch?: BatchOptions): Promise<FileReport[]>;
}

const STAGE_FRACTION: Record<ProgressEvent['stage'], number> = { queued: 0, extracting: 0.15, detecting: 0.6, done: 1 };

export function analysisPort(service: PathAnalyser, tmpRoot: string, language = 'pt-BR'): AnalysisPort {
  return {
    async analyse(inputs: AnalysisInput[], options: AnalysisOptions): Promise<FileReport[]> {
      const settings: AnalysisSettings = {
        ocr: options.ocr,
        maxBytes: options.limits.maxFileSizeMb * 1024 * 1024,
        maxPages: options.limits.maxPages,
        timeoutMs: options.limits.timeoutSeconds * 1000,
        includeText: options.includeText,
        language,
      };
      const paths = inputs.flatMap((i) => (i.kind === 'path' ? [i.path] : []));
      const uploads = inputs.flatMap((i) => (i.kind === 'bytes' ? [i] : []));
      const reports: FileReport[] = [];
      let offset = 0;
      let grandTotal = inputs.length;
      const forward = (event: ProgressEvent, totalOthers: number): void => {
        grandTotal = event.total + totalOthers;
        const out: AnalysisProgress = {
          index: offset + event.index,
          total: grandTotal,
          file: event.file,
          stage: event.stage,
          fraction: STAGE_FRACTION[event.stage],
          ...(event.report ? { report: event.report } : {}),
        };
        options.onProgress(out);
      };
      if (paths.length > 0) {
        const got = await service.analyzePaths(paths, path.parse(paths[0]!).root, settings, {
          signal: options.signal,
          onProgress: (e) => forward(e, uploads.length),
        });
        reports.push(...got);
        offset = got.length;
      }
      if (uploads.length > 0 && !options.signal.aborted) {
        const dir = await mkdtemp(path.join(tmpRoot, 'upload-'));
        try {
          const names = uniqueNames(uploads.map((u) => u.name));
          await Promise.all(uploads.map((u, i) => writeFile(path.join(dir, names[i]!), u.bytes, { mode: 0o600 })));
          const got = await service.analyzePaths(names, dir, settings, {
            signal: options.signal,
            onProgress: (e) => forward(e, offset),
          });
          // reports of uploads carry the name the user saw, never the temporary path
          reports.push(...got.map((r, i) => ({ ...r, file: uploads[i]?.name ?? r.file })));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      return reports;
    },
  };
}

/** Same-named uploads (two "laudo.pdf" from different folders) must not overwrite each other. */
function uniqueNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) {
      const { name: stem, ext } = path.parse(name);
      candidate = `${stem} (${n})${ext}`;
    }
    used.add(candidate);
    return candidate;
  });
}
