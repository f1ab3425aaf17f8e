/**
 * The test harness: the real services and the same API handler table as the app, served with the built
 * renderer on 127.0.0.1 (random port, random token). Prints one JSON line {url, token, dataDir, root} on stdout
 * when ready (root: the harness's stand-in for Electron's userData, removed with it); stops on SIGTERM/SIGINT or when stdin closes.
 *
 *   node dist/harness/server.js [--data-dir DIR]
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distPath, packageVersion } from '../../electron/services/app-paths.js';
import { openAppServices } from '../../electron/services/api/app-services.js';
import type { DialogsPort } from '../../electron/services/api/deps.js';
import { cliKeyProvider } from '../../electron/services/audit/open-audit.js';
import { startHarnessServer } from './harness-server.js';
import { BOOTSTRAP_FILE_NAME, dataFolderPort } from '../../electron/services/settings/data-folder.js';

/**
 * The harness has no native dialogs: the renderer uses <input type=file>, exports go to <dataDir>/exports,
 * a batch export to <dataDir>/exports/lote-N, the "new data folder" picked is <root>/outra-pasta-de-dados and the
 * plugin picked is <root>/plugin-escolhido (folder) or <root>/plugin-escolhido.sigilo-plugin (file).
 */
function harnessDialogs(dataDir: string, root: string): DialogsPort {
  const out = path.join(dataDir, 'exports');
  let batches = 0;
  return {
    native: false,
    openPaths: async () => [],
    savePath: async (name) => { mkdirSync(out, { recursive: true, mode: 0o700 }); return path.join(out, path.basename(name)); },
    reveal: async () => false,
    choosePluginFile: async () => path.join(root, 'plugin-escolhido.sigilo-plugin'),
    chooseFolder: async (purpose) => {
      if (purpose === 'dataDir') return path.join(root, 'outra-pasta-de-dados');
      if (purpose === 'plugin') return path.join(root, 'plugin-escolhido');
      batches += 1;
      const folder = path.join(out, `lote-${batches}`);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      return folder;
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--data-dir');
  // root stands in for Electron's userData (it holds the bootstrap file); the data folder is inside it unless given
  const root = mkdtempSync(path.join(os.tmpdir(), 'sigilo-harness-'));
  const dataDir = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]!) : path.join(root, 'dados');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const defaultDir = dataDir;
  const log = (m: string): void => { process.stderr.write(`${m}\n`); };
  const services = await openAppServices({
    dataDir,
    version: packageVersion(),
    platform: process.platform,
    keyProvider: cliKeyProvider(dataDir, {}),
    dialogs: harnessDialogs(dataDir, root),
    dataFolder: dataFolderPort({ bootstrapFile: path.join(root, BOOTSTRAP_FILE_NAME), current: dataDir, defaultDir }),
    log,
  });
  const server = await startHarnessServer({ table: services.table, rendererDir: distPath('renderer'), log });
  process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token, dataDir, root })}\n`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}

main().catch((err: unknown) => {
  process.stderr.write(`harness: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
