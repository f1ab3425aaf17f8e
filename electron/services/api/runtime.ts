/**
 * The long-lived services behind the API: the audit history (one connection, in this process), the
 * extraction process and the plugin host (isolated processes) and the analysis pipeline that joins them.
 *
 * Plugin enable/disable is kept in <dataDir>/plugins.json ({ "disabled": ["id", …] }); a change restarts
 * the plugin host with the enabled set. Bundled plugins come from dist/plugins, user plugins from
 * <dataDir>/plugins.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AnalysisService } from '../analysis/analysis-service.js';
import { chunkedAnalyzer } from '../analysis/chunked-analyzer.js';
import { bundledPluginsDir } from '../app-paths.js';
import type { AuditStore } from '../audit/audit-store.js';
import { openAuditStore } from '../audit/open-audit.js';
import { ExtractionClient } from '../extraction/extraction-client.js';
import type { ProcessLauncher } from '../isolated-process.js';
import type { KeyProvider } from '../keys/key-provider.js';
import { discoverPlugins, tryLoadPluginFolder, type PluginFolderResult } from '../plugins/plugin-loader.js';
import { PluginHostClient, type PluginSpec } from '../plugins/plugin-host-client.js';
import type { PluginStatsSnapshot } from '../plugins/plugin-stats.js';
import type { PluginInfo } from '../../shared/api.js';
import { CAPABILITIES, type Capability } from '../../shared/plugin-manifest.js';
import type { PathAnalyser } from './analysis-adapter.js';
import type { Redactor } from '../redaction/redact-file.js';
import type { PluginsPort } from './deps.js';

export interface Runtime {
  service: PathAnalyser;
  /** Redacted copies, made in the extraction process (the same isolated process that extracts text). */
  redactor: Redactor;
  audit: AuditStore;
  plugins: PluginsPort;
  close(): Promise<void>;
}

const PluginStateSchema = z.object({ disabled: z.array(z.string()).default([]) });
export const PLUGIN_STATE_FILE = 'plugins.json';

export async function openRuntime(options: { dataDir: string; keyProvider: KeyProvider; launcher?: ProcessLauncher; log: (m: string) => void; extraPluginDirs?: string[] }): Promise<Runtime> {
  const { dataDir, log } = options;
  const audit = await openAuditStore({ dataDir, provider: options.keyProvider });
  const stateFile = path.join(dataDir, PLUGIN_STATE_FILE);
  const readDisabled = async (): Promise<Set<string>> => {
    try {
      return new Set(PluginStateSchema.parse(JSON.parse(await readFile(stateFile, 'utf8'))).disabled);
    } catch {
      return new Set();
    }
  };
  const discover = async (): Promise<Array<PluginFolderResult & { bundled: boolean }>> => [
    ...(await discoverPlugins(bundledPluginsDir())).map((r) => ({ ...r, bundled: true })),
    ...(await discoverPlugins(path.join(dataDir, 'plugins'))).map((r) => ({ ...r, bundled: false })),
    ...(await discoverExtra(options.extraPluginDirs ?? [])).map((r) => ({ ...r, bundled: false })),
  ];

  let found = await discover();
  let disabled = await readDisabled();
  const launcherOpt = options.launcher ? { launcher: options.launcher } : {};
  const specs = (): PluginSpec[] => found.flatMap((r) => {
    if (!r.ok || disabled.has(r.plugin.manifest.id)) return [];
    const grants = r.plugin.manifest.capabilities.filter((c): c is Capability => (CAPABILITIES as readonly string[]).includes(c));
    return [{ dir: r.dir, grants }];
  });
  const startHost = () => PluginHostClient.start({
    plugins: specs(),
    ...launcherOpt,
    onStderr: (c) => log(`plugin-host: ${c.trimEnd()}`),
    // Host functions granted to plugins: sigilo_log goes to the log, sigilo_audit into the history.
    onLog: (plugin, level, message) => log(`plugin ${plugin} [${level}]: ${message}`),
    onAudit: (plugin, event) => { audit.append('plugin_event', { plugin, event }); },
  });
  let host = await startHost();
  const pastStats = new Map<string, PluginStatsSnapshot>();
  const extractor = ExtractionClient.start({ ...launcherOpt, onStderr: (c) => log(`extraction: ${c.trimEnd()}`) });

  const service = new AnalysisService({
    extractor: { extract: (file, o) => extractor.extract(file, o) },
    analyzer: chunkedAnalyzer({ analyze: (text, o) => host.analyze(text, o) }),
    recorder: { recordAnalysis: (report) => audit.recordAnalysis(report).id },
    log,
  });

  const statsByKey = (): Map<string, PluginStatsSnapshot> => {
    const out = new Map(pastStats);
    for (const s of host.stats()) {
      const prev = out.get(s.plugin);
      out.set(s.plugin, prev ? { ...s, calls: s.calls + prev.calls, errors: s.errors + prev.errors, timeouts: s.timeouts + prev.timeouts } : s);
    }
    return out;
  };

  const plugins: PluginsPort = {
    async list(): Promise<PluginInfo[]> {
      const stats = statsByKey();
      return found.flatMap((r) => {
        const m = r.ok ? r.plugin.manifest : r.manifest;
        if (!m) return [];
        const s = stats.get(`${m.id}@${m.version}`);
        return [{
          id: m.id, name: m.name, version: m.version, description: m.description, author: m.author,
          capabilities: m.capabilities, findingTypes: m.findingTypes ?? [],
          enabled: r.ok && !disabled.has(m.id), bundled: r.bundled,
          ...(r.ok ? {} : { loadError: r.error.message }),
          stats: { calls: s?.calls ?? 0, errors: (s?.errors ?? 0) + (s?.timeouts ?? 0), medianLatencyMs: s?.p50Ms ?? 0, p95LatencyMs: s?.p95Ms ?? 0 },
        }];
      });
    },
    async setEnabled(id: string, enabled: boolean): Promise<void> {
      if (enabled) disabled.delete(id); else disabled.add(id);
      const tmp = `${stateFile}.tmp`;
      await writeFile(tmp, `${JSON.stringify({ disabled: [...disabled].sort() }, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, stateFile);
      audit.append(enabled ? 'plugin_enable' : 'plugin_disable', { plugin: id });
      for (const [k, v] of statsByKey()) pastStats.set(k, v);
      const old = host;
      found = await discover();
      host = await startHost();
      await old.close();
    },
  };

  return {
    service,
    redactor: extractor,
    audit,
    plugins,
    async close() {
      await Promise.allSettled([host.close(), extractor.close()]);
      audit.close();
    },
  };
}

/** `--plugins DIR`: a plugin folder (has plugin.json) or a folder of plugin folders. */
async function discoverExtra(dirs: string[]): Promise<PluginFolderResult[]> {
  const out: PluginFolderResult[] = [];
  for (const dir of dirs) {
    if (existsSync(path.join(dir, 'plugin.json'))) out.push(await tryLoadPluginFolder(path.resolve(dir)));
    else out.push(...(await discoverPlugins(path.resolve(dir))));
  }
  return out;
}
