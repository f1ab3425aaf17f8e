/**
 * Walks the chain from the anchor (start, moved forward by purges) to the head (end) and names the first
 * entry that was changed, deleted or inserted:
 *  - deleted:  an authentic entry whose link skips what was expected (a gap), or the head is past the last row;
 *  - inserted: a row that an authentic later row skips over, or a row outside [anchor, head];
 *  - changed:  a row whose MAC (or its report's digest) fails where no other explanation fits.
 */
import { stmt, type Db } from './audit-db.js';
import { entryMac, safeEqualHex, sha256Hex, type ChainFields } from './audit-chain.js';
import type { VerifyResult } from './audit-types.js';

interface Row extends ChainFields { seq: number; hash: string; body: Buffer | null }

export interface ChainBounds {
  anchor: { seq: number; hash: string; authentic: boolean };
  head: { seq: number; hash: string; authentic: boolean } | null;
}

const SELECT_ROWS = `SELECT e.seq, e.id, e.ts, e.type, e.ref, e.payload, e.report, e.prev, e.hash, r.body
  FROM entries e LEFT JOIN reports r ON r.entry_seq = e.seq WHERE e.seq >= ? ORDER BY e.seq`;

function macOk(chainKey: Buffer, row: Row): boolean {
  return safeEqualHex(entryMac(chainKey, row), row.hash);
}

function reportOk(row: Row): boolean {
  if (row.report === null) return true;
  return row.body !== null && safeEqualHex(sha256Hex(row.body), row.report);
}

type Bad = NonNullable<VerifyResult['firstBad']>;

export function verifyChain(db: Db, chainKey: Buffer, bounds: ChainBounds): Omit<VerifyResult, 'durationMs'> {
  const { anchor, head } = bounds;
  const done = (entries: number, firstBad?: Bad) => ({ ok: !firstBad, entries, anchorSeq: anchor.seq, ...(firstBad ? { firstBad } : {}) });
  if (!anchor.authentic) {
    return done(0, { seq: anchor.seq, id: null, problem: 'changed', detail: 'o marco inicial da cadeia (expurgo) foi alterado' });
  }
  let expectedSeq = anchor.seq + 1;
  let expectedPrev = anchor.hash;
  let checked = 0;
  let suspect: Row | undefined;
  const rows = stmt(db, SELECT_ROWS);
  for (const row of rows.iterate(Number.MIN_SAFE_INTEGER) as Iterable<Row>) {
    if (row.seq === expectedSeq && row.prev === expectedPrev && macOk(chainKey, row) && reportOk(row)) {
      expectedPrev = row.hash;
      expectedSeq++;
      checked++;
      continue;
    }
    suspect = row;
    break;
  }
  if (suspect) return done(checked, classify(db, chainKey, suspect, expectedSeq, expectedPrev, anchor.seq, head));
  if (head && !head.authentic) {
    return done(checked, { seq: head.seq, id: null, problem: 'changed', detail: 'o marco final da cadeia foi alterado' });
  }
  if (head && head.seq > expectedSeq - 1) {
    return done(checked, { seq: expectedSeq, id: null, problem: 'deleted', detail: `entradas ${expectedSeq} a ${head.seq} foram removidas do fim` });
  }
  if (head && head.hash !== expectedPrev) {
    return done(checked, { seq: head.seq, id: null, problem: 'changed', detail: 'a última entrada não corresponde ao marco final' });
  }
  return done(checked);
}

function classify(db: Db, chainKey: Buffer, row: Row, expectedSeq: number, expectedPrev: string, anchorSeq: number,
  head: ChainBounds['head']): Bad {
  const at = (problem: Bad['problem'], detail: string): Bad => ({ seq: row.seq, id: row.id, problem, detail });
  if (row.seq <= anchorSeq) return at('inserted', 'entrada anterior ao início da cadeia');
  if (head?.authentic && row.seq > head.seq) return at('inserted', 'entrada depois do fim da cadeia');
  // An authentic later row that links to what we expected here skips this row: it was inserted.
  for (const later of stmt(db, SELECT_ROWS).iterate(row.seq + 1) as Iterable<Row>) {
    if (later.prev === expectedPrev && macOk(chainKey, later)) return at('inserted', `a entrada ${later.seq} liga-se à anterior, pulando esta`);
  }
  const authentic = macOk(chainKey, row);
  if (authentic && row.prev !== expectedPrev) {
    return { seq: expectedSeq, id: null, problem: 'deleted', detail: `entrada(s) removida(s) antes da entrada ${row.seq}` };
  }
  if (authentic && !reportOk(row)) return at('changed', 'o relatório guardado foi alterado ou removido');
  if (authentic) return at('changed', `número de sequência alterado (esperado ${expectedSeq})`);
  return at('changed', 'o conteúdo da entrada foi alterado');
}
