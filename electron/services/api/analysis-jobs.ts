/**
 * Runs analyses in the background for the API: one job per analysisStart, with per-file progress,
 * an overall fraction and cancellation. Progress is coalesced (at most one event per job every 80 ms).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FileReport } from '../../shared/report.js';
import type { FileStage, JobStatus } from '../../shared/api.js';
import type { AnalysisInput, AnalysisPort, AnalysisProgress, SettingsPort } from './deps.js';

export interface FinishedFile { report: FileReport; source: AnalysisInput | undefined }

interface Job {
  status: JobStatus;
  controller: AbortController;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const PROGRESS_INTERVAL_MS = 80;
const MAX_FINISHED_JOBS = 50;

export class AnalysisJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly analysis: AnalysisPort,
    private readonly settings: SettingsPort,
    private readonly onStatus: (status: JobStatus) => void,
    private readonly onReport: (file: FinishedFile) => string,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  start(inputs: AnalysisInput[]): string {
    const jobId = `job-${randomUUID()}`;
    const job: Job = {
      status: {
        jobId,
        state: 'running',
        files: inputs.map((input) => ({ name: input.kind === 'path' ? path.basename(input.path) || input.path : input.name, stage: 'queued', progress: 0 })),
        progress: 0,
      },
      controller: new AbortController(),
      timer: undefined,
    };
    this.jobs.set(jobId, job);
    this.prune();
    void this.run(job, inputs);
    return jobId;
  }

  status(jobId: string): JobStatus | undefined {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job.status) : undefined;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.status.state !== 'running') return false;
    job.controller.abort();
    this.finish(job, 'cancelled');
    return true;
  }

  private async run(job: Job, inputs: AnalysisInput[]): Promise<void> {
    const seen = new Set<number>();
    const record = (report: FileReport, index: number | undefined): void => {
      if (index !== undefined) {
        if (seen.has(index)) return;
        seen.add(index);
      }
      const reportId = this.onReport({ report, source: sourceOf(report, inputs) });
      const entry = index !== undefined ? job.status.files[index] : undefined;
      if (entry) entry.reportId = reportId;
    };
    try {
      const settings = await this.settings.get();
      const reports = await this.analysis.analyse(inputs, {
        signal: job.controller.signal,
        ocr: settings.ocr,
        limits: settings.limits,
        includeText: true,
        onProgress: (event) => {
          if (job.status.state !== 'running') return;
          this.applyProgress(job, event);
          if (event.report) record(event.report, event.index);
          this.schedule(job);
        },
      });
      if (job.status.state !== 'running') return;
      if (reports.length !== job.status.files.length) {
        job.status.files = reports.map((r, i) => ({ name: displayName(r.file), stage: 'queued', progress: 0, ...(job.status.files[i]?.reportId ? { reportId: job.status.files[i]?.reportId } : {}) }));
      }
      reports.forEach((report, i) => {
        if (!seen.has(i)) record(report, i);
        const entry = job.status.files[i];
        if (entry) {
          entry.name = displayName(report.file);
          entry.stage = report.status === 'ok' ? 'done' : 'error';
          entry.progress = 1;
        }
      });
      this.finish(job, 'done');
    } catch (err) {
      if (job.status.state !== 'running') return;
      if (job.controller.signal.aborted) { this.finish(job, 'cancelled'); return; }
      this.log(`analysis job ${job.status.jobId} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      job.status.error = err instanceof Error && 'userMessage' in err && typeof err.userMessage === 'string'
        ? err.userMessage
        : 'A análise falhou por um erro interno. Tente de novo.';
      this.finish(job, 'failed');
    }
  }

  private applyProgress(job: Job, event: AnalysisProgress): void {
    const files = job.status.files;
    if (event.total > 0 && event.total !== files.length) {
      // folders were expanded: the list now has one row per file
      job.status.files = Array.from({ length: event.total }, (_, i) => files[i] && i < event.index ? files[i] : { name: '', stage: 'queued' as FileStage, progress: 0 });
    }
    const entry = job.status.files[event.index];
    if (!entry) return;
    entry.name = displayName(event.file) || entry.name;
    entry.stage = event.stage;
    entry.progress = event.stage === 'done' || event.stage === 'error' ? 1 : Math.min(1, Math.max(0, event.fraction));
    job.status.progress = overall(job.status);
  }

  private schedule(job: Job): void {
    if (job.timer) return;
    job.timer = setTimeout(() => {
      job.timer = undefined;
      this.onStatus(structuredClone(job.status));
    }, PROGRESS_INTERVAL_MS);
  }

  private finish(job: Job, state: JobStatus['state']): void {
    if (job.timer) { clearTimeout(job.timer); job.timer = undefined; }
    job.status.state = state;
    for (const f of job.status.files) {
      if (f.stage !== 'done' && f.stage !== 'error') f.stage = state === 'cancelled' ? 'cancelled' : f.stage;
    }
    job.status.progress = state === 'done' ? 1 : overall(job.status);
    this.onStatus(structuredClone(job.status));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_JOBS))) this.jobs.delete(j.status.jobId);
  }
}

function overall(status: JobStatus): number {
  if (status.files.length === 0) return 0;
  return status.files.reduce((sum, f) => sum + f.progress, 0) / status.files.length;
}

function displayName(file: string): string {
  return path.basename(file.replace(/\\/g, '/')) || file;
}

/** Which input a report came from (for redacted copies): the uploaded bytes of that name, or the file path. */
function sourceOf(report: FileReport, inputs: AnalysisInput[]): AnalysisInput | undefined {
  const upload = inputs.find((i) => i.kind === 'bytes' && i.name === report.file);
  if (upload) return upload;
  if (path.isAbsolute(report.file)) return { kind: 'path', path: report.file };
  const direct = inputs.find((i) => i.kind === 'path' && (i.path === report.file || i.path.endsWith(`${path.sep}${report.file}`)));
  return direct;
}
