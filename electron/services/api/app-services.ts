/**
 * The composition root shared by the Electron main process and the test harness: settings, the audit
 * history, the analysis pipeline (extraction + plugin host, in isolated processes), forms and redaction,
 * wrapped in the API handler table. The transport-specific parts (dialogs, process launcher, key provider)
 * are passed in.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ProcessLauncher } from '../isolated-process.js';
import type { DataFolderPort } from '../settings/data-folder.js';
import type { KeyProvider } from '../keys/key-provider.js';
import { SettingsStore } from '../settings/settings-store.js';
import { auditedSettings } from '../settings/audited-settings.js';
import { analysisPort } from './analysis-adapter.js';
import { auditPort } from './audit-port.js';
import { exportsPort, redactionPort } from './export-ports.js';
import { createHandlers, type HandlerTable } from './handlers.js';
import type { DialogsPort } from './deps.js';
import { openRuntime } from './runtime.js';

export interface AppServicesOptions {
  dataDir: string;
  version: string;
  platform: string;
  keyProvider: KeyProvider;
  /** utilityProcess in Electron; child_process.fork (the default) in the harness. */
  launcher?: ProcessLauncher;
  dialogs: DialogsPort;
  /** Changing the data folder (Electron: userData/bootstrap.json); absent when it cannot be changed. */
  dataFolder?: DataFolderPort;
  log: (message: string) => void;
}

export interface AppServices {
  table: HandlerTable;
  close(): Promise<void>;
}

export async function openAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { dataDir, log } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tmpRoot = path.join(dataDir, 'tmp');
  mkdirSync(tmpRoot, { recursive: true, mode: 0o700 });
  const settings = new SettingsStore(dataDir, log);
  // In developer mode the app watches installed plugin folders and hot-reloads them (the runtime checks the mode).
  const runtime = await openRuntime({ dataDir, keyProvider: options.keyProvider, ...(options.launcher ? { launcher: options.launcher } : {}), log, watchPlugins: true });
  const table = createHandlers({
    version: options.version,
    platform: options.platform,
    dataDir,
    analysis: analysisPort(runtime.service, tmpRoot),
    audit: auditPort(runtime.audit),
    plugins: runtime.plugins,
    exports: exportsPort(),
    redaction: redactionPort(runtime.redactor),
    settings: auditedSettings(settings, runtime.audit),
    dialogs: options.dialogs,
    ...(options.dataFolder ? { dataFolder: options.dataFolder } : {}),
  }, log);
  return { table, close: () => runtime.close() };
}
