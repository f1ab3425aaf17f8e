// End to end through the command line (`sigilo analyze --json`), as a user runs it: wall time, documents per
// second and peak RSS of the CLI and every process it starts (extraction, plugin host, OCR), sampled from /proc.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../lib/paths.mjs';
import { sampleTree } from '../lib/rss.mjs';

const CLI = path.join(root, 'bin', 'sigilo.js');

/** Runs the CLI on `paths`; resolves with seconds, peak RSS (MiB), reports and exit code. */
export function runCli(paths, dataDir, extra = []) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [CLI, 'analyze', '--json', '--data-dir', dataDir, ...extra, ...paths], { stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTree(child.pid, 25);
    const out = [];
    let err = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => { err += c; if (err.length > 20000) err = err.slice(-10000); });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t) / 1000;
      const peakMb = sampler.stop();
      let reports = [];
      try {
        reports = JSON.parse(Buffer.concat(out).toString('utf8')).reports ?? [];
      } catch {
        return reject(new Error(`CLI printed no JSON (exit ${code}): ${err.slice(-2000)}`));
      }
      resolve({ seconds, peakMb, reports, code, stderr: err });
    });
  });
}

export function writeFiles(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
  return dir;
}
