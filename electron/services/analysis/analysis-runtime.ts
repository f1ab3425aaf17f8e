/**
 * The command line's analysis runtime: the data folder and key of the command line, then the same
 * services the app runs (electron/services/api/runtime.ts).
 */
import { resolveDataDir } from '../audit/data-dir.js';
import { cliKeyProvider } from '../audit/open-audit.js';
import { openRuntime, type Runtime } from '../api/runtime.js';

export interface CliRuntimeOptions {
  dataDir?: string | undefined;
  /** Extra plugin folders given with --plugins (a plugin folder, or a folder of plugin folders). */
  extraPluginDirs: string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  log: (message: string) => void;
}

export async function openAnalysisRuntime(options: CliRuntimeOptions): Promise<Runtime> {
  const dataDir = resolveDataDir({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), env: options.env, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return openRuntime({
    dataDir,
    keyProvider: cliKeyProvider(dataDir, options.env),
    extraPluginDirs: options.extraPluginDirs,
    log: options.log,
  });
}
