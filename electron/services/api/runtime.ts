/**
 * The long-lived services behind the API: the audit history (one connection, in this process), the
 * extraction process and the plugin host (isolated processes) and the analysis pipeline that joins them.
 *
 * Plugins (electron/services/plugins/plugin-runtime.ts): bundled ones from dist/plugins, installed ones from the
 * registry (<dataDir>/plugins/registry.json) and --plugins folders, each signature-checked against dist/trust and
 * the user's trust store, run with the capabilities the user granted; statistics persisted on close.
 */
import { AnalysisService } from '../analysis/analysis-service.js';
import { chunkedAnalyzer } from '../analysis/chunked-analyzer.js';
import type { AuditStore } from '../audit/audit-store.js';
import { openAuditStore } from '../audit/open-audit.js';
import { ExtractionClient } from '../extraction/extraction-client.js';
import type { ProcessLauncher } from '../isolated-process.js';
import type { KeyProvider } from '../keys/key-provider.js';
import { auditSink } from '../plugins/plugin-audit.js';
import { PluginRuntime } from '../plugins/plugin-runtime.js';
import type { PluginInfo } from '../../shared/api.js';
import type { PathAnalyser } from './analysis-adapter.js';
import type { Redactor } from '../redaction/redact-file.js';
import type { PluginsPort } from './deps.js';
import { pluginManagePort } from './plugin-manage.js';

export interface Runtime {
  service: PathAnalyser;
  /** Redacted copies, made in the extraction process (the same isolated process that extracts text). */
  redactor: Redactor;
  audit: AuditStore;
  plugins: PluginsPort;
  close(): Promise<void>;
}

/** The legacy enable/disable file ({ "disabled": [id…] }); still honoured by the plugin catalog. */
export const PLUGIN_STATE_FILE = 'plugins.json';

export async function openRuntime(options: { dataDir: string; keyProvider: KeyProvider; launcher?: ProcessLauncher; log: (m: string) => void; extraPluginDirs?: string[];
  /** In developer mode, hot-reload installed and --plugins folders when they change (the app). */
  watchPlugins?: boolean }): Promise<Runtime> {
  const { dataDir, log } = options;
  const audit = await openAuditStore({ dataDir, provider: options.keyProvider });
  const launcherOpt = options.launcher ? { launcher: options.launcher } : {};
  let pluginRuntime: PluginRuntime;
  try {
    pluginRuntime = await PluginRuntime.open({
      dataDir,
      extraPluginDirs: options.extraPluginDirs ?? [],
      audit: auditSink(audit),
      log,
      watch: options.watchPlugins ?? false,
      ...launcherOpt,
      // Host functions granted to plugins: sigilo_log goes to the log, sigilo_audit into the history.
      onLog: (plugin, level, message) => log(`plugin ${plugin} [${level}]: ${message}`),
      onAudit: (plugin, event) => { audit.append('plugin_event', { plugin, event }); },
    });
  } catch (err) {
    audit.close();
    throw err;
  }
  const extractor = ExtractionClient.start({ ...launcherOpt, onStderr: (c) => log(`extraction: ${c.trimEnd()}`) });

  const service = new AnalysisService({
    extractor: { extract: (file, o) => extractor.extract(file, o) },
    analyzer: chunkedAnalyzer({ analyze: (text, o) => pluginRuntime.analyze(text, o) }),
    recorder: { recordAnalysis: (report) => audit.recordAnalysis(report).id },
    log,
  });

  // list(): trust status, grants, source, load errors and statistics (persisted + this session) per plugin;
  // setEnabled() is audited and swaps in a plugin host with the new set (calls in flight finish on the old one).
  const plugins: PluginsPort = {
    list: (): Promise<PluginInfo[]> => pluginRuntime.list(),
    setEnabled: (id: string, enabled: boolean): Promise<void> => pluginRuntime.setEnabled(id, enabled),
    manage: pluginManagePort({ dataDir, audit: auditSink(audit), reload: () => pluginRuntime.reload() }),
  };

  return {
    service,
    redactor: extractor,
    audit,
    plugins,
    async close() {
      await Promise.allSettled([pluginRuntime.close(), extractor.close()]);
      audit.close();
    },
  };
}
