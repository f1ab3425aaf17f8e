/**
 * What the handler table needs from the rest of Sigilo. These are the interfaces the API expects of the
 * services (analysis, audit, plugins, exports, redaction, settings) and of the transport (dialogs).
 * main.ts and the test harness build the same object from the real services.
 */
import type { Finding, FileReport } from '../../shared/report.js';
import type { HistoryEntry, HistoryStats, IntegrityResult, PluginCandidate, PluginInfo, FormType, RedactionMode, TrustedKeyInfo, TrustKeys } from '../../shared/api.js';
import type { Capability } from '../../shared/plugin-manifest.js';
import type { Settings, SettingsPatch } from '../../shared/settings.js';
import type { RiskLevel } from '../../shared/report.js';
import type { Pseudonymizer } from '../redaction/pseudonymizer.js';
import type { DataFolderPort } from '../settings/data-folder.js';
import type { AuditEntryType } from '../audit/audit-types.js';

/** One input of an analysis: a path (file or folder, walked recursively) or bytes. */
export type AnalysisInput = { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array };

export interface AnalysisProgress {
  /** Index of the file in the expanded list (folders walked), 0-based. */
  index: number;
  total: number;
  file: string;
  stage: 'queued' | 'reading' | 'extracting' | 'ocr' | 'detecting' | 'scoring' | 'done' | 'error';
  /** 0..1 within this file. */
  fraction: number;
  /** Set when stage is 'done' or 'error'. */
  report?: FileReport;
}

export interface AnalysisOptions {
  signal: AbortSignal;
  onProgress: (event: AnalysisProgress) => void;
  ocr: boolean;
  limits: Settings['limits'];
  /** Keep the extracted text and page starts in the reports (the report view needs them). */
  includeText: true;
}

export interface AnalysisPort {
  /** Analyses the inputs, records each to the audit, returns one report per file (in order). */
  analyse(inputs: AnalysisInput[], options: AnalysisOptions): Promise<FileReport[]>;
}

export interface HistoryFilter {
  type?: AuditEntryType;
  from?: string; to?: string; level?: RiskLevel; status?: 'ok' | 'error'; query?: string; limit: number; offset: number;
}

export interface AuditPort {
  list(filter: HistoryFilter): Promise<{ entries: HistoryEntry[]; total: number }>;
  stats(filter: { from?: string; to?: string; bucket: 'day' | 'week' | 'month' }): Promise<HistoryStats>;
  verify(): Promise<IntegrityResult>;
  /** The stored report (with text when it was kept), or undefined. */
  getReport(auditId: string): Promise<FileReport | undefined>;
  setFindingDecision(auditId: string, findingIndex: number, decision: 'accepted' | 'rejected'): Promise<void>;
  /** Records that a form or a redacted copy was written (what, from which analysis, where, its sha256). */
  recordExport(entry: {
    kind: string; auditId?: string; file: string; output: string; sha256: string; bytes: number;
    /** Batch exports: the analyses covered, and the batch they belong to. */
    auditIds?: string[]; batchId?: string; mode?: string; reports?: number;
  }): Promise<void>;
}

export interface PluginsPort {
  list(): Promise<PluginInfo[]>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** Lifecycle (the plugin registry); absent where plugins cannot be managed. Each change reloads the plugin host. */
  manage?: PluginManagePort;
}

export interface PluginManagePort {
  inspect(source: string): Promise<Omit<PluginCandidate, 'path'>>;
  install(source: string, grants: Capability[]): Promise<{ id: string; version: string; previous?: string; granted: string[]; blocked?: string }>;
  rollback(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  setGrant(id: string, capability: Capability, granted: boolean): Promise<void>;
  devMode(): Promise<boolean>;
  setDevMode(on: boolean): Promise<void>;
  trustList(): Promise<TrustKeys>;
  trustAdd(publicKeyPem: string, name: string): Promise<TrustedKeyInfo>;
  trustRemove(keyId: string): Promise<TrustedKeyInfo>;
}

export interface ExportsPort {
  /** Renders a compliance form / the analysis report as PDF. Rejected findings are left out by the renderer. */
  renderForm(type: FormType, report: FileReport, settings: Settings): Promise<Uint8Array>;
  /** The same form covering several documents (a batch). */
  renderBatchForm(type: FormType, reports: readonly FileReport[], settings: Settings): Promise<Uint8Array>;
}

export interface RedactionPortOptions {
  /** One table for every file of a batch: the same value gets the same pseudonym in every copy. */
  pseudonyms?: Pseudonymizer;
}

export interface RedactionPort {
  /**
   * A redacted copy of the source (path or bytes) using the report's accepted findings, made in the
   * isolated extraction process.
   */
  redact(source: AnalysisInput, report: FileReport, mode: RedactionMode, options?: RedactionPortOptions): Promise<{ bytes: Uint8Array; fileName: string; warnings?: string[] }>;
}

export interface SettingsPort {
  get(): Promise<Settings>;
  set(patch: SettingsPatch): Promise<Settings>;
}

/** Transport-specific things: the Electron dialogs, or the harness's stand-ins (no dialogs; a fixed output folder). */
export interface DialogsPort {
  native: boolean;
  openPaths(options: { folders: boolean }): Promise<string[]>;
  /** Where to save an export; null when the user cancelled. */
  savePath(defaultName: string): Promise<string | null>;
  reveal(path: string): Promise<boolean>;
  /** A folder: where to write a batch export, or the new data folder; null when the user cancelled. */
  chooseFolder(purpose: 'export' | 'dataDir' | 'plugin'): Promise<string | null>;
  /** A plugin archive (.sigilo-plugin); null when the user cancelled. */
  choosePluginFile(): Promise<string | null>;
}

export interface HandlerDeps {
  version: string;
  platform: string;
  dataDir: string;
  analysis: AnalysisPort;
  audit: AuditPort;
  plugins: PluginsPort;
  exports: ExportsPort;
  redaction: RedactionPort;
  settings: SettingsPort;
  dialogs: DialogsPort;
  /** Changing the data folder (bootstrap file outside it); absent when it cannot be changed. */
  dataFolder?: DataFolderPort;
  /** Writes an export (default: fs.writeFile with mode 0o600). */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
  now?: () => Date;
}

export type { Finding };
