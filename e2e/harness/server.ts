/**
 * The test harness: the real services and the same API handler table as the app, served with the built
 * renderer on 127.0.0.1 (random port, random token). Prints one JSON line {url, token, dataDir} on stdout
 * when ready; stops on SIGTERM/SIGINT or when stdin closes.
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

/** The harness has no native dialogs: the renderer uses <input type=file>, exports go to <dataDir>/exports. */
function harnessDialogs(dataDir: string): DialogsPort {
  const out = path.join(dataDir, 'exports');
  return {
    native: false,
    openPaths: async () => [],
    savePath: async (name) => { mkdirSync(out, { recursive: true, mode: 0o700 }); return path.join(out, path.basename(name)); },
    reveal: async () => false,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--data-dir');
  const dataDir = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]!) : mkdtempSync(path.join(os.tmpdir(), 'sigilo-harness-'));
  const log = (m: string): void => { process.stderr.write(`${m}\n`); };
  const services = await openAppServices({
    dataDir,
    version: packageVersion(),
    platform: process.platform,
    keyProvider: cliKeyProvider(dataDir, {}),
    dialogs: harnessDialogs(dataDir),
    log,
  });
  const server = await startHarnessServer({ table: services.table, rendererDir: distPath('renderer'), log });
  process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token, dataDir })}\n`);
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
