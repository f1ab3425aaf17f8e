/**
 * Test child process (bundled by the reliability tests): appends audit entries and prints each returned id on
 * its own line, written synchronously, only after the call returned (= the entry is durable).
 * usage: node writer.mjs DATA_DIR KEY_HEX|- COUNT(0 = until killed) TAG [sync]
 *        with `sync`, it waits for a "go" line on stdin before writing, and again after writing half its entries
 *        (it prints "half" there), so a test can make two writers overlap for certain
 *        node writer.mjs DATA_DIR - rotate TAG      (rotates the key-file key; prints "rotated")
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AuditStore } from './audit-store.js';
import { openAuditForCli, rotateAuditKey } from './open-audit.js';
import { sampleReport } from './test-helpers.js';

async function main(): Promise<void> {
  const [dataDir, keyHex, countArg, tag, mode] = process.argv.slice(2);
  if (!dataDir || !keyHex || !countArg || !tag) throw new Error('usage: DATA_DIR KEY_HEX|- COUNT TAG');
  if (countArg === 'rotate') {
    const { store, provider } = await openAuditForCli({ dataDir, env: {} });
    writeSync(1, 'ready\n');
    await rotateAuditKey(store, provider);
    writeSync(1, 'rotated\n');
    store.close();
    return;
  }
  const store = keyHex === '-'
    ? (await openAuditForCli({ dataDir, env: {} })).store
    : AuditStore.open({ dataDir, key: Buffer.from(keyHex, 'hex') });
  writeSync(1, 'ready\n');
  const waitForGo = mode === 'sync' ? goSignals() : undefined;
  await waitForGo?.();
  const count = Number(countArg);
  for (let i = 0; count === 0 || i < count; i++) {
    if (waitForGo && i === Math.floor(count / 2)) {
      writeSync(1, 'half\n');
      await waitForGo();
    }
    const entry = i % 3 === 0
      ? store.recordAnalysis(sampleReport({ file: `${tag}/doc-${i}.pdf` }))
      : store.append('settings_change', { tag, i });
    writeSync(1, `${entry.id}\n`);
  }
  store.close();
}

/** Returns a function that resolves on the next "go" line read from stdin. */
function goSignals(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let pending = 0;
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'go') return;
    const next = waiting.shift();
    if (next) next(); else pending++;
  });
  return () => new Promise<void>((resolve) => {
    if (pending > 0) { pending--; resolve(); } else waiting.push(resolve);
  });
}

main().catch((err: unknown) => {
  writeSync(2, `writer failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(3);
});
