// Helpers shared by the e2e specs: start the harness, launch Chromium with playwright-core, save screenshots.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const artifacts = path.join(root, 'e2e', 'artifacts');

export const CHROMIUM = process.env.SIGILO_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none', '--lang=pt-BR',
];

/** Starts dist/harness/server.js; resolves with {url, token, dataDir, stop()}. */
export async function startHarness() {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'harness', 'server.js')], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; if (process.env.SIGILO_E2E_VERBOSE) process.stderr.write(c); });
  const first = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start in 60 s\n${stderr}`)), 60_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`harness exited with ${code}\n${stderr}`)); });
    createInterface({ input: child.stdout }).once('line', (line) => { clearTimeout(timer); resolve(line); });
  });
  const info = JSON.parse(first);
  return {
    ...info,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
      rmSync(info.dataDir, { recursive: true, force: true });
      if (info.root) rmSync(info.root, { recursive: true, force: true });
    },
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => { await context.close(); rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

export async function shot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
