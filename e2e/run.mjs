#!/usr/bin/env node
// The e2e runner (`npm test` calls it after vitest): builds when the outputs are missing, then runs the
// specs with Node's test runner. Exits non-zero on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const needed = ['dist/harness/server.js', 'dist/renderer/index.html', 'dist/extraction/extract-process.js', 'dist/plugin-host/host-process.js'];
if (process.argv.includes('--build') || needed.some((f) => !existsSync(path.join(root, f)))) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const specs = readdirSync(path.join(root, 'e2e', 'specs'))
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .map((f) => path.join('e2e', 'specs', f));
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], { cwd: root, stdio: 'inherit', env: { ...process.env } });
process.exit(r.status ?? 1);
