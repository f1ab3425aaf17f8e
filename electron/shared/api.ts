/**
 * The renderer API: the only thing the interface sees (window.sigilo). Every argument has a zod schema,
 * checked in main (electron/services/api/handlers.ts) whatever the transport (Electron IPC or the test harness).
 */
import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './api-methods.js';
import type { Finding, FileReport, RiskLevel } from './report.js';
import { RISK_LEVELS } from './report.js';
import { SettingsPatchSchema, type Settings } from './settings.js';
import { AUDIT_ENTRY_TYPES, type AuditEntryType } from './audit-entries.js';

export { API_METHODS, API_EVENTS, type ApiMethod, type ApiEvent } from './api-methods.js';

// ---------------------------------------------------------------------------------------------- arguments

const Id = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/, 'identificador inválido');
const AbsolutePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'caminho inválido');

/** A file handed over as bytes (drag and drop from a place without a path, or the browser fallback). */
export const UploadSchema = z.object({
  name: z.string().min(1).max(255).refine((n) => !/[\\/\0]/.test(n), 'nome de arquivo inválido'),
  bytes: z.instanceof(Uint8Array),
});
export type Upload = z.infer<typeof UploadSchema>;

export const NoArgsSchema = z.object({}).strict().optional();

export const ChooseFilesArgsSchema = z.object({ folders: z.boolean().default(false) }).strict();

export const AnalysisStartArgsSchema = z.object({
  paths: z.array(AbsolutePath).max(10_000).default([]),
  uploads: z.array(UploadSchema).max(1000).default([]),
}).strict().refine((a) => a.paths.length + a.uploads.length > 0, 'nenhum arquivo informado');

export const JobArgsSchema = z.object({ jobId: Id }).strict();

export const RESULT_SORTS = ['risk', 'name', 'findings', 'recent'] as const;
export const ResultsListArgsSchema = z.object({
  sort: z.enum(RESULT_SORTS).default('risk'),
  level: z.enum(RISK_LEVELS).optional(),
  status: z.enum(['ok', 'error']).optional(),
  query: z.string().max(200).optional(),
}).strict();

export const ReportGetArgsSchema = z.object({ reportId: Id }).strict();

export const FindingSetDecisionArgsSchema = z.object({
  reportId: Id,
  findingIndex: z.number().int().nonnegative(),
  decision: z.enum(['accepted', 'rejected']),
}).strict();

export const PluginSetEnabledArgsSchema = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/), enabled: z.boolean() }).strict();

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data no formato AAAA-MM-DD');
export const HistoryListArgsSchema = z.object({
  /** Entry type (analysis, export, plugin_install…); all types when absent. */
  type: z.enum(AUDIT_ENTRY_TYPES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  level: z.enum(RISK_LEVELS).optional(),
  status: z.enum(['ok', 'error']).optional(),
  query: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().nonnegative().default(0),
}).strict();

export const HistoryStatsArgsSchema = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  bucket: z.enum(['day', 'week', 'month']).default('day'),
}).strict();

export const FORM_TYPES = ['report', 'consent', 'ripd', 'record'] as const;
export type FormType = (typeof FORM_TYPES)[number];
export const ExportFormArgsSchema = z.object({ reportId: Id, type: z.enum(FORM_TYPES) }).strict();

export const REDACTION_MODES = ['label', 'block', 'pseudonym'] as const;
export type RedactionMode = (typeof REDACTION_MODES)[number];
export const ExportRedactedArgsSchema = z.object({ reportId: Id, mode: z.enum(REDACTION_MODES).default('label') }).strict();

export const RevealPathArgsSchema = z.object({ path: AbsolutePath }).strict();

/**
 * Exports for a whole batch into one folder the user chooses: redacted copies of every analysed document
 * (one pseudonym table for the batch) and/or compliance forms covering all of them.
 */
export const ExportBatchArgsSchema = z.object({
  reportIds: z.array(Id).min(1, 'nenhum documento escolhido').max(10_000),
  /** Redacted copies in this mode; none when null. */
  redaction: z.enum(REDACTION_MODES).nullable().default('label'),
  forms: z.array(z.enum(FORM_TYPES)).max(FORM_TYPES.length).default([]),
}).strict().refine((a) => a.redaction !== null || a.forms.length > 0, 'escolha ao menos uma exportação');

const PluginId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'identificador de plugin inválido');
const CapabilityArg = z.enum(['log', 'audit']);
/** Opens the file (.sigilo-plugin) or folder picker and checks the plugin chosen, without installing it. */
export const PluginInspectArgsSchema = z.object({ from: z.enum(['file', 'folder']) }).strict();
/** Installs (or upgrades to) the plugin inspected at `path`, with exactly the capabilities the user ticked. */
export const PluginInstallArgsSchema = z.object({ path: AbsolutePath, grants: z.array(CapabilityArg).max(2).default([]) }).strict();
export const PluginIdArgsSchema = z.object({ id: PluginId }).strict();
export const PluginGrantArgsSchema = z.object({ id: PluginId, capability: CapabilityArg, granted: z.boolean() }).strict();
export const PluginDevModeArgsSchema = z.object({ on: z.boolean() }).strict();
/** A partner's Ed25519 public key (PEM, as `sigilo plugin keygen` writes it) and the name the user gives it. */
export const TrustAddArgsSchema = z.object({
  name: z.string().trim().min(1, 'informe um nome para a chave').max(200),
  publicKey: z.string().min(1, 'cole a chave pública').max(4096, 'chave pública longa demais'),
}).strict();
export const TrustRemoveArgsSchema = z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/, 'identificador de chave inválido') }).strict();

export const ExportCancelArgsSchema = z.object({ batchId: Id }).strict();

/** Set the data folder used from the next start: a folder chosen with dataDirChoose, or the current/default one. */
export const DataDirSetArgsSchema = z.object({
  path: AbsolutePath.refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'o caminho da pasta precisa ser completo (absoluto)'),
  /** Copy the current history, keys and settings into the new folder at the next start. */
  copyCurrent: z.boolean().default(false),
}).strict();

/** The argument schema of every method. */
export const API_ARG_SCHEMAS = {
  appInfo: NoArgsSchema,
  chooseFiles: ChooseFilesArgsSchema,
  analysisStart: AnalysisStartArgsSchema,
  analysisCancel: JobArgsSchema,
  analysisStatus: JobArgsSchema,
  resultsList: ResultsListArgsSchema,
  reportGet: ReportGetArgsSchema,
  findingSetDecision: FindingSetDecisionArgsSchema,
  pluginsList: NoArgsSchema,
  pluginSetEnabled: PluginSetEnabledArgsSchema,
  historyList: HistoryListArgsSchema,
  historyStats: HistoryStatsArgsSchema,
  historyVerify: NoArgsSchema,
  settingsGet: NoArgsSchema,
  settingsSet: SettingsPatchSchema,
  exportForm: ExportFormArgsSchema,
  exportRedacted: ExportRedactedArgsSchema,
  revealPath: RevealPathArgsSchema,
  exportBatch: ExportBatchArgsSchema,
  exportCancel: ExportCancelArgsSchema,
  pluginInspect: PluginInspectArgsSchema,
  pluginInstall: PluginInstallArgsSchema,
  pluginRollback: PluginIdArgsSchema,
  pluginRemove: PluginIdArgsSchema,
  pluginGrant: PluginGrantArgsSchema,
  pluginDevMode: PluginDevModeArgsSchema,
  pluginSettings: NoArgsSchema,
  trustList: NoArgsSchema,
  trustAdd: TrustAddArgsSchema,
  trustRemove: TrustRemoveArgsSchema,
  dataDirChoose: NoArgsSchema,
  dataDirSet: DataDirSetArgsSchema,
} as const satisfies Record<ApiMethod, z.ZodType>;

// ---------------------------------------------------------------------------------------------- results

export interface AppInfo {
  version: string;
  platform: string;
  /** True in Electron: chooseFiles opens the system dialog. False in the test harness (use <input type=file>). */
  nativeDialogs: boolean;
  dataDir: string;
  /** The data folder chosen for the next start (a restart is needed), when one was chosen. */
  pendingDataDir?: string;
}

export type FileStage = 'queued' | 'reading' | 'extracting' | 'ocr' | 'detecting' | 'scoring' | 'done' | 'error' | 'cancelled';

export interface JobFile {
  name: string;
  stage: FileStage;
  /** 0..1 for this file. */
  progress: number;
  reportId?: string;
}

export interface JobStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  files: JobFile[];
  /** 0..1 over the whole job. */
  progress: number;
  error?: string;
}

export type CountsByType = Record<string, number>;

/** One document in the results list. */
export interface ResultSummary {
  reportId: string;
  auditId?: string;
  file: string;
  name: string;
  status: 'ok' | 'error';
  mediaType?: string;
  pages?: number;
  risk?: { score: number; level: RiskLevel };
  findings: number;
  rejected: number;
  countsByType: CountsByType;
  error?: { code: string; message: string };
  analysedAt: string;
}

export interface ReportDetail {
  reportId: string;
  summary: ResultSummary;
  report: FileReport;
  /** True when the original file is at hand (a redacted copy can be made). */
  canRedact: boolean;
}

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description: string;
  author: string;
  capabilities: string[];
  findingTypes: string[];
  enabled: boolean;
  bundled: boolean;
  /** Why the plugin could not be loaded (Portuguese), when it could not. */
  loadError?: string;
  stats: {
    calls: number; errors: number; medianLatencyMs: number; p95LatencyMs: number;
    /** Calls stopped at the time limit (also counted in errors). */
    timeouts?: number;
    /** Highest linear memory seen, in 64 KiB pages. */
    memoryHighWaterPages?: number;
    /** Instructions per call, median and highest (plugins with an instruction budget, limits.instructions). */
    instructionsP50?: number;
    instructionsMax?: number;
  };
  /** The plugin's deterministic instruction budget per call, when its manifest sets one. */
  instructionBudget?: number;
  /** Signature status: signed by a trusted key, by an unknown key, not signed, or bad signature / altered files. */
  trust?: 'trusted' | 'untrusted' | 'unsigned' | 'invalid';
  /** Portuguese explanation of the trust status (who signed it, or why it is refused). */
  trustMessage?: string;
  /** Name of the trusted key that signed it. */
  signer?: string;
  /** Capabilities the user granted (a subset of `capabilities`, which are the requested ones). */
  grants?: string[];
  /** Where it comes from: shipped with Sigilo, installed by the user, or given with --plugins. */
  source?: 'bundled' | 'installed' | 'extra';
  /** Version kept for rollback (installed plugins). */
  previousVersion?: string;
}

/** A plugin chosen for installation, checked but not installed. */
export interface PluginCandidate {
  path: string;
  id: string;
  name: string;
  version: string;
  author: string;
  description: string;
  findingTypes: string[];
  /** Capabilities the plugin asks for (none is granted until the user ticks it). */
  requested: string[];
  trust: PluginTrustStatus;
  trustMessage: string;
  signer?: string;
  devMode: boolean;
  /** Installed version of the same plugin (this would be an upgrade), when there is one. */
  installedVersion?: string;
  /** Portuguese: why it cannot be installed (bad signature, unsigned without developer mode, older version…). */
  refusal?: string;
}

/** A public key whose plugins Sigilo runs: Sigilo's own (bundled plugins) or a partner's the user added. */
export interface TrustedKeyInfo {
  keyId: string;
  name: string;
  source: 'bundled' | 'user';
  /** When the user added it (ISO 8601). */
  addedAt?: string;
}

export interface TrustKeys {
  keys: TrustedKeyInfo[];
  /** Portuguese: why the user's keys are not in effect (their file is unreadable), when that is so. */
  problem?: string;
}

/** Trust status of a plugin (see PluginInfo.trust). */
export type PluginTrustStatus = NonNullable<PluginInfo['trust']>;

/** What an audit entry is about, for its one-line description (the renderer words it in the user's language). */
export interface HistoryDetail {
  plugin?: string;
  version?: string;
  capability?: string;
  /** The precise event (plugin lifecycle: plugin_rollback, trust_add, dev_mode…; plugin_event: its name). */
  event?: string;
  /** Export: 'redaction', 'form', 'audit'… and, for forms, which form. */
  kind?: string;
  form?: string;
  mode?: string;
  output?: string;
  /** Number of documents (batch exports, forms) or entries (verification, purge, audit export). */
  count?: number;
  /** Settings: the names of the changed fields. */
  changed?: string[];
  /** Verification result. */
  ok?: boolean;
  /** Finding review: the decision and the finding's type. */
  decision?: string;
  findingType?: string;
}

export interface HistoryEntry {
  id: string;
  at: string;
  /** The entry's type (older callers may assume 'analysis'). */
  type: AuditEntryType;
  /** The analysis this entry refers to (exports, finding reviews). */
  ref?: string;
  detail?: HistoryDetail;
  file: string;
  sha256?: string;
  status: 'ok' | 'error';
  level?: RiskLevel;
  score?: number;
  findings: number;
  errorCode?: string;
}

export interface HistoryPage { entries: HistoryEntry[]; total: number }

export interface HistoryBucket { date: string; total: number; byLevel: Record<RiskLevel, number>; errors: number }
export interface HistoryStats { buckets: HistoryBucket[]; total: number }

export interface IntegrityResult { ok: boolean; checked: number; firstBadId?: string; message: string }

export interface ExportResult { path: string; bytes: number }

/** One file written (or not) by a batch export. */
export interface BatchExportItem {
  /** The document (redacted copy) or the form ('consent', 'ripd'…). */
  kind: 'redaction' | 'form';
  /** Document name, or the form's Portuguese title. */
  name: string;
  status: 'ok' | 'error' | 'skipped';
  output?: string;
  /** Portuguese: what the user should know about this copy (e.g. pages that were rasterised). */
  warnings: string[];
  /** Portuguese: why it failed or was skipped. */
  error?: string;
}

export interface BatchExportResult {
  batchId: string;
  /** The user stopped the export: the files already written stay (and are recorded). */
  stopped: boolean;
  folder: string;
  copies: number;
  forms: number;
  failed: number;
  skipped: number;
  items: BatchExportItem[];
}

/** Progress of a batch export (event exportProgress). */
export interface ExportProgress {
  batchId: string;
  done: number;
  total: number;
  /** The item being written now (document or form name). */
  current?: string;
  finished: boolean;
}

/** A folder offered as the data folder, checked. */
export interface DataDirCheck {
  path: string;
  /** True when it can be used (it exists or can be created, and is writable). */
  ok: boolean;
  /** It already holds a Sigilo history (its history will be used). */
  hasHistory: boolean;
  /** Portuguese: why it cannot be used, or what will happen. */
  message: string;
}

export interface ApiResults {
  appInfo: AppInfo;
  chooseFiles: { paths: string[] };
  analysisStart: { jobId: string };
  analysisCancel: { cancelled: boolean };
  analysisStatus: JobStatus;
  resultsList: ResultSummary[];
  reportGet: ReportDetail;
  findingSetDecision: { finding: Finding; summary: ResultSummary };
  pluginsList: PluginInfo[];
  pluginSetEnabled: PluginInfo[];
  historyList: HistoryPage;
  historyStats: HistoryStats;
  historyVerify: IntegrityResult;
  settingsGet: Settings;
  settingsSet: Settings;
  exportForm: ExportResult | { cancelled: true };
  exportRedacted: ExportResult | { cancelled: true };
  revealPath: { ok: boolean };
  exportBatch: BatchExportResult | { cancelled: true };
  exportCancel: { cancelled: boolean };
  pluginInspect: PluginCandidate | { cancelled: true };
  pluginInstall: { plugins: PluginInfo[]; installed: { id: string; version: string; previous?: string; granted: string[]; blocked?: string } };
  pluginRollback: PluginInfo[];
  pluginRemove: PluginInfo[];
  pluginGrant: PluginInfo[];
  pluginDevMode: { devMode: boolean; plugins: PluginInfo[] };
  pluginSettings: { devMode: boolean };
  trustList: TrustKeys;
  trustAdd: TrustKeys & { added: TrustedKeyInfo; plugins: PluginInfo[] };
  trustRemove: TrustKeys & { removed: TrustedKeyInfo; plugins: PluginInfo[] };
  dataDirChoose: DataDirCheck | { cancelled: true };
  dataDirSet: { dataDir: string; pendingDataDir?: string; restartRequired: boolean };
}

/** What the caller passes (before defaults are applied). */
export type ApiArgs = { [M in ApiMethod]: z.input<(typeof API_ARG_SCHEMAS)[M]> };
/** What the handler receives (after validation). */
export type ApiParsedArgs = { [M in ApiMethod]: z.output<(typeof API_ARG_SCHEMAS)[M]> };

export interface ApiEvents {
  analysisProgress: JobStatus;
  exportProgress: ExportProgress;
}

/** An error as it crosses a transport: a stable code and a Portuguese message the user can act on. */
export interface ApiErrorShape { code: string; message: string }
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** window.sigilo */
export type SigiloApi = {
  [M in ApiMethod]: undefined extends ApiArgs[M]
    ? (args?: ApiArgs[M]) => Promise<ApiResults[M]>
    : (args: ApiArgs[M]) => Promise<ApiResults[M]>;
} & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** The path of a dropped File (Electron only; undefined in the harness or when the file has no path). */
  pathForFile(file: File): string | undefined;
};

/** The error thrown by the client side of a transport. */
export class ApiCallError extends Error {
  readonly code: string;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiCallError';
    this.code = shape.code;
  }
}
