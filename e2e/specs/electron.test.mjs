// Launches the real app with playwright-core's _electron where an Electron binary is installed; skipped
// (with the reason) where it is not — e.g. installs made with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { root, shot } from '../lib.mjs';

/** The binary require('electron') would return — found without requiring it, since a missing binary makes require('electron') try to download one. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return createRequire(path.join(root, 'package.json'))('electron');
  }
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? createRequire(path.join(root, 'package.json'))('electron') : undefined;
}

const binary = electronBinary();
const skip = binary && existsSync(binary)
  ? (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY ? 'no display (run under xvfb-run)' : false)
  : `no Electron binary installed (node_modules/electron has no dist/; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=${process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1'})`;

test('the packaged shell starts hardened and serves the renderer from app://', { skip, timeout: 120_000 }, async () => {
  const { _electron } = await import('playwright-core');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-electron-'));
  const app = await _electron.launch({
    executablePath: binary,
    args: [root, '--no-sandbox', '--disable-gpu'],
    cwd: root,
    env: { ...process.env, SIGILO_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const window = await app.firstWindow();
    await window.getByRole('heading', { name: 'Analisar documentos' }).waitFor({ timeout: 60_000 });
    assert.match(window.url(), /^app:\/\/sigilo\//);
    const exposed = await window.evaluate(() => ({
      api: typeof window.sigilo?.analysisStart,
      node: typeof (globalThis).process,
      require: typeof (globalThis).require,
    }));
    assert.deepEqual(exposed, { api: 'function', node: 'undefined', require: 'undefined' });
    // the session blocks every request that is not app://
    const blocked = await window.evaluate(async () => {
      try { await fetch('https://example.com/'); return false; } catch { return true; }
    });
    assert.equal(blocked, true);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      const p = w.webContents.getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity };
    });
    assert.deepEqual(prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    await shot(window, 'electron-01-inicio');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
