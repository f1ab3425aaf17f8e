/**
 * The handler table of the renderer API. Both transports (Electron IPC in electron/main, the HTTP test
 * harness in e2e/harness) call `invoke` and forward `events`; neither holds any logic of its own.
 * Every argument is validated here with the schemas of electron/shared/api.ts.
 */
import { EventEmitter } from 'node:events';
import { createHash, randomUUID } from 'node:crypto';
import { writeFile as fsWriteFile } from 'node:fs/promises';
import path from 'node:path';
import {
  API_ARG_SCHEMAS, type ApiEnvelope, type ApiEvents, type ApiMethod, type ApiParsedArgs, type ApiResults,
  type ExportResult, type ReportDetail, type ResultSummary,
} from '../../shared/api.js';
import { isApiMethod } from '../../shared/api-methods.js';
import type { FileReport } from '../../shared/report.js';
import { ApiError, describeZodError, toApiErrorShape } from './api-error.js';
import { AnalysisJobs } from './analysis-jobs.js';
import type { AnalysisInput, HandlerDeps } from './deps.js';
import { sortAndFilter, summarise } from './result-summary.js';
import { runBatchExport, type BatchDocument } from './batch-export.js';
import { DataFolderError } from '../settings/data-folder.js';

export type Handlers = { [M in ApiMethod]: (args: ApiParsedArgs[M]) => Promise<ApiResults[M]> };

export interface ApiEventEmitter {
  on<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void): void;
  off<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void): void;
}

export interface HandlerTable {
  handlers: Handlers;
  events: ApiEventEmitter;
  /** Validates `rawArgs` for `method`, runs the handler, and never throws: errors come back as { ok: false }. */
  invoke(method: unknown, rawArgs: unknown): Promise<ApiEnvelope<unknown>>;
  /** Validates without running (used by tests and transports that want to fail fast). */
  parseArgs<M extends ApiMethod>(method: M, rawArgs: unknown): ApiParsedArgs[M];
}

interface SessionEntry { report: FileReport; source: AnalysisInput | undefined; summary: ResultSummary }

const FORM_FILE_NAMES = { report: 'relatorio-analise', consent: 'termo-consentimento', ripd: 'ripd', record: 'registro-operacoes' } as const;

export function createHandlers(deps: HandlerDeps, log: (msg: string) => void = (m) => console.error(m)): HandlerTable {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const now = deps.now ?? (() => new Date());
  const writeFile = deps.writeFile ?? ((p: string, bytes: Uint8Array) => fsWriteFile(p, bytes, { mode: 0o600 }));
  const session = new Map<string, SessionEntry>();
  const exported = new Set<string>();
  const offeredDataDirs = new Set<string>();
  const batches = new Map<string, AbortController>();
  const offeredPlugins = new Set<string>();

  const register = (report: FileReport, source: AnalysisInput | undefined): string => {
    const reportId = report.auditId && /^[A-Za-z0-9_.:-]+$/.test(report.auditId) ? report.auditId : `r-${randomUUID()}`;
    session.set(reportId, { report, source, summary: summarise(reportId, report, now().toISOString()) });
    return reportId;
  };

  const jobs = new AnalysisJobs(
    deps.analysis, deps.settings,
    (status) => emitter.emit('analysisProgress', status),
    ({ report, source }) => register(report, source),
    log,
  );

  const entryFor = async (reportId: string): Promise<SessionEntry> => {
    const inSession = session.get(reportId);
    if (inSession) return inSession;
    const stored = await deps.audit.getReport(reportId);
    if (!stored) throw new ApiError('REPORT_NOT_FOUND');
    const source: AnalysisInput | undefined = path.isAbsolute(stored.file) ? { kind: 'path', path: stored.file } : undefined;
    const entry: SessionEntry = { report: { ...stored, auditId: stored.auditId ?? reportId }, source, summary: summarise(reportId, { ...stored, auditId: stored.auditId ?? reportId }, now().toISOString()) };
    session.set(reportId, entry);
    return entry;
  };

  const save = async (defaultName: string, bytes: Uint8Array, what: { kind: string; report: FileReport }): Promise<ExportResult | { cancelled: true }> => {
    const target = await deps.dialogs.savePath(defaultName);
    if (!target) return { cancelled: true };
    try {
      await writeFile(target, bytes);
    } catch (err) {
      log(`api: export write failed: ${err instanceof Error ? err.message : String(err)}`);
      throw new ApiError('WRITE_FAILED');
    }
    exported.add(path.resolve(target));
    await deps.audit.recordExport({
      kind: what.kind,
      ...(what.report.auditId ? { auditId: what.report.auditId } : {}),
      file: what.report.file,
      output: target,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
    });
    return { path: target, bytes: bytes.byteLength };
  };

  const stem = (file: string): string => path.parse(path.basename(file.replace(/\\/g, '/'))).name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'documento';

  const handlers: Handlers = {
    appInfo: async () => {
      const pending = await deps.dataFolder?.pending();
      return { version: deps.version, platform: deps.platform, nativeDialogs: deps.dialogs.native, dataDir: deps.dataDir, ...(pending ? { pendingDataDir: pending } : {}) };
    },

    chooseFiles: async ({ folders }) => ({ paths: await deps.dialogs.openPaths({ folders }) }),

    analysisStart: async ({ paths, uploads }) => {
      const inputs: AnalysisInput[] = [
        ...paths.map((p): AnalysisInput => {
          if (!path.isAbsolute(p)) throw new ApiError('INVALID_ARGS', `paths: o caminho precisa ser absoluto (${p}).`);
          return { kind: 'path', path: path.normalize(p) };
        }),
        ...uploads.map((u): AnalysisInput => ({ kind: 'bytes', name: u.name, bytes: u.bytes })),
      ];
      return { jobId: jobs.start(inputs) };
    },

    analysisCancel: async ({ jobId }) => {
      if (!jobs.status(jobId)) throw new ApiError('JOB_NOT_FOUND');
      return { cancelled: jobs.cancel(jobId) };
    },

    analysisStatus: async ({ jobId }) => {
      const status = jobs.status(jobId);
      if (!status) throw new ApiError('JOB_NOT_FOUND');
      return status;
    },

    resultsList: async (args) => sortAndFilter([...session.values()].map((e) => e.summary), args),

    reportGet: async ({ reportId }): Promise<ReportDetail> => {
      const entry = await entryFor(reportId);
      return { reportId, summary: entry.summary, report: entry.report, canRedact: entry.report.status === 'ok' && entry.source !== undefined };
    },

    findingSetDecision: async ({ reportId, findingIndex, decision }) => {
      const entry = await entryFor(reportId);
      if (entry.report.status !== 'ok') throw new ApiError('REPORT_HAS_ERROR');
      const finding = entry.report.findings[findingIndex];
      if (!finding) throw new ApiError('FINDING_NOT_FOUND');
      if (entry.report.auditId) await deps.audit.setFindingDecision(entry.report.auditId, findingIndex, decision);
      finding.decision = decision;
      entry.summary = summarise(reportId, entry.report, entry.summary.analysedAt);
      return { finding, summary: entry.summary };
    },

    pluginsList: async () => deps.plugins.list(),

    pluginSetEnabled: async ({ id, enabled }) => {
      const known = await deps.plugins.list();
      if (!known.some((p) => p.id === id)) throw new ApiError('NOT_FOUND', `Plugin “${id}” não está instalado.`);
      await deps.plugins.setEnabled(id, enabled);
      return deps.plugins.list();
    },

    historyList: async (args) => {
      if (args.from && args.to && args.from > args.to) throw new ApiError('INVALID_ARGS', 'A data inicial é posterior à data final.');
      return deps.audit.list(args);
    },

    historyStats: async (args) => deps.audit.stats(args),

    historyVerify: async () => deps.audit.verify(),

    settingsGet: async () => deps.settings.get(),

    settingsSet: async (patch) => deps.settings.set(patch),

    exportForm: async ({ reportId, type }) => {
      const entry = await entryFor(reportId);
      if (entry.report.status !== 'ok') throw new ApiError('REPORT_HAS_ERROR');
      const settings = await deps.settings.get();
      const pdf = await deps.exports.renderForm(type, entry.report, settings);
      return save(`${stem(entry.report.file)}-${FORM_FILE_NAMES[type]}.pdf`, pdf, { kind: `form:${type}`, report: entry.report });
    },

    exportRedacted: async ({ reportId, mode }) => {
      const entry = await entryFor(reportId);
      if (entry.report.status !== 'ok') throw new ApiError('REPORT_HAS_ERROR');
      if (!entry.source) throw new ApiError('NO_SOURCE');
      const { bytes, fileName } = await deps.redaction.redact(entry.source, entry.report, mode);
      return save(path.basename(fileName), bytes, { kind: `redaction:${mode}`, report: entry.report });
    },

    exportBatch: async ({ reportIds, redaction, forms }) => {
      const unique = [...new Set(reportIds)];
      const documents: BatchDocument[] = [];
      for (const reportId of unique) {
        const entry = await entryFor(reportId);
        documents.push({ reportId, name: entry.summary.name, report: entry.report, source: entry.source });
      }
      const folder = await deps.dialogs.chooseFolder('export');
      if (!folder) return { cancelled: true };
      if (!path.isAbsolute(folder)) throw new ApiError('WRITE_FAILED');
      const batchId = `lote-${randomUUID()}`;
      const controller = new AbortController();
      batches.set(batchId, controller);
      let result;
      try {
        result = await runBatchExport({
          redaction: deps.redaction, exports: deps.exports, audit: deps.audit, settings: deps.settings, now, log,
          onProgress: (p) => emitter.emit('exportProgress', p), signal: controller.signal, batchId,
        }, folder, documents, { redaction, forms: [...new Set(forms)] });
      } finally {
        batches.delete(batchId);
      }
      exported.add(path.resolve(folder));
      for (const item of result.items) if (item.output) exported.add(path.resolve(item.output));
      return result;
    },

    exportCancel: async ({ batchId }) => {
      const controller = batches.get(batchId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    pluginInspect: async ({ from }) => {
      const manage = deps.plugins.manage;
      if (!manage) throw new ApiError('UNAVAILABLE');
      const chosen = from === 'file' ? await deps.dialogs.choosePluginFile() : await deps.dialogs.chooseFolder('plugin');
      if (!chosen) return { cancelled: true };
      const resolved = path.resolve(chosen);
      const candidate = await manage.inspect(resolved);
      offeredPlugins.add(resolved);
      return { path: resolved, ...candidate };
    },

    pluginInstall: async ({ path: source, grants }) => {
      const manage = deps.plugins.manage;
      if (!manage) throw new ApiError('UNAVAILABLE');
      // only a plugin the user picked (and saw inspected) may be installed
      if (!offeredPlugins.has(path.resolve(source))) throw new ApiError('NOT_ALLOWED');
      const installed = await manage.install(path.resolve(source), [...new Set(grants)]);
      return { plugins: await deps.plugins.list(), installed };
    },

    pluginRollback: async ({ id }) => {
      if (!deps.plugins.manage) throw new ApiError('UNAVAILABLE');
      await deps.plugins.manage.rollback(id);
      return deps.plugins.list();
    },

    pluginRemove: async ({ id }) => {
      if (!deps.plugins.manage) throw new ApiError('UNAVAILABLE');
      await deps.plugins.manage.remove(id);
      return deps.plugins.list();
    },

    pluginGrant: async ({ id, capability, granted }) => {
      if (!deps.plugins.manage) throw new ApiError('UNAVAILABLE');
      await deps.plugins.manage.setGrant(id, capability, granted);
      return deps.plugins.list();
    },

    pluginDevMode: async ({ on }) => {
      if (!deps.plugins.manage) throw new ApiError('UNAVAILABLE');
      await deps.plugins.manage.setDevMode(on);
      return { devMode: await deps.plugins.manage.devMode(), plugins: await deps.plugins.list() };
    },

    pluginSettings: async () => ({ devMode: (await deps.plugins.manage?.devMode()) ?? false }),

    trustList: async () => {
      if (!deps.plugins.manage) throw new ApiError('UNAVAILABLE');
      return deps.plugins.manage.trustList();
    },

    trustAdd: async ({ name, publicKey }) => {
      const manage = deps.plugins.manage;
      if (!manage) throw new ApiError('UNAVAILABLE');
      const added = await manage.trustAdd(publicKey, name);
      return { ...(await manage.trustList()), added, plugins: await deps.plugins.list() };
    },

    trustRemove: async ({ keyId }) => {
      const manage = deps.plugins.manage;
      if (!manage) throw new ApiError('UNAVAILABLE');
      const removed = await manage.trustRemove(keyId);
      return { ...(await manage.trustList()), removed, plugins: await deps.plugins.list() };
    },

    dataDirChoose: async () => {
      if (!deps.dataFolder) throw new ApiError('UNAVAILABLE');
      const chosen = await deps.dialogs.chooseFolder('dataDir');
      if (!chosen) return { cancelled: true };
      const check = await deps.dataFolder.check(chosen);
      if (check.ok) offeredDataDirs.add(check.path);
      return check;
    },

    dataDirSet: async ({ path: target, copyCurrent }) => {
      const folder = deps.dataFolder;
      if (!folder) throw new ApiError('UNAVAILABLE');
      const resolved = path.resolve(target);
      // only a folder the user picked in the dialog (or the one in use, to undo) may be set
      if (resolved !== folder.current && !offeredDataDirs.has(resolved)) throw new ApiError('NOT_ALLOWED');
      try {
        const r = await folder.set(resolved, copyCurrent);
        return { dataDir: folder.current, ...r, restartRequired: r.pendingDataDir !== undefined };
      } catch (err) {
        if (err instanceof DataFolderError) throw new ApiError('DATA_DIR_INVALID', err.userMessage);
        throw err;
      }
    },

    revealPath: async ({ path: target }) => {
      // only files this session exported may be shown (the renderer cannot probe the disk)
      if (!exported.has(path.resolve(target))) throw new ApiError('NOT_ALLOWED');
      return { ok: await deps.dialogs.reveal(target) };
    },
  };

  const parseArgs = <M extends ApiMethod>(method: M, rawArgs: unknown): ApiParsedArgs[M] => {
    const schema = API_ARG_SCHEMAS[method];
    const parsed = schema.safeParse(rawArgs);
    if (!parsed.success) throw new ApiError('INVALID_ARGS', describeZodError(parsed.error));
    return parsed.data as ApiParsedArgs[M];
  };

  const invoke = async (method: unknown, rawArgs: unknown): Promise<ApiEnvelope<unknown>> => {
    try {
      if (!isApiMethod(method)) throw new ApiError('UNKNOWN_METHOD');
      const args = parseArgs(method, rawArgs);
      const handler = handlers[method] as (a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(args) };
    } catch (err) {
      return { ok: false, error: toApiErrorShape(err, log) };
    }
  };

  const events: ApiEventEmitter = {
    on: (event, listener) => { emitter.on(event, listener as (p: unknown) => void); },
    off: (event, listener) => { emitter.off(event, listener as (p: unknown) => void); },
  };

  return { handlers, events, invoke, parseArgs };
}
