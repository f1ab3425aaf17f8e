/**
 * Test child process (bundled by the reliability tests): appends audit entries and prints each returned id on
 * its own line, written synchronously, only after the call returned (= the entry is durable).
 * usage: node writer.mjs DATA_DIR KEY_HEX|- COUNT(0 = until killed) TAG [START_AT_EPOCH_MS]
 *        node writer.mjs DATA_DIR - rotate TAG      (rotates the key-file key; prints "rotated")
 */
import { writeSync } from 'node:fs';
import { AuditStore } from './audit-store.js';
import { openAuditForCli, rotateAuditKey } from './open-audit.js';
import { sampleReport } from './test-helpers.js';

async function main(): Promise<void> {
  const [dataDir, keyHex, countArg, tag, startAt] = process.argv.slice(2);
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
  while (startAt && Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
  const count = Number(countArg);
  for (let i = 0; count === 0 || i < count; i++) {
    const entry = i % 3 === 0
      ? store.recordAnalysis(sampleReport({ file: `${tag}/doc-${i}.pdf` }))
      : store.append('settings_change', { tag, i });
    writeSync(1, `${entry.id}\n`);
  }
  store.close();
}

main().catch((err: unknown) => {
  writeSync(2, `writer failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(3);
});
