// The peer: @openredaction/openredaction on the same texts — documents per second, and F1 on the dev corpus
// (by /work/shared/eval/score.mjs) beside Sigilo's plugins on the same ground-truth texts.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { OpenRedaction } from '@openredaction/openredaction';
import { root, corpusDir } from '../lib/paths.mjs';

const SCORER = path.resolve(root, '../shared/eval/score.mjs');

/** OpenRedaction types that correspond to a contract type; the others (US ZIP codes, gamer tags…) are dropped. */
export function mapOpenRedactionType(type) {
  if (type === 'BRAZILIAN_CPF') return 'cpf';
  if (type === 'BRAZILIAN_CNPJ') return 'cnpj';
  if (type === 'EMAIL') return 'email';
  if (type === 'NAME') return 'person_name';
  if (type.startsWith('PHONE') || type.endsWith('_PHONE')) return 'phone';
  if (type === 'MEDICAL_RECORD_NUMBER' || type === 'MRN') return 'medical_record';
  if (type === 'DATE_OF_BIRTH') return 'birth_date';
  return undefined;
}

export async function openRedactionDocsPerSec(docs) {
  const o = new OpenRedaction();
  await o.detect(docs[0]); // warm-up
  const t = performance.now();
  for (const d of docs) await o.detect(d);
  return docs.length / ((performance.now() - t) / 1000);
}

function score(labelsPath, report, out, onlyReported) {
  writeFileSync(out, JSON.stringify(report));
  const r = spawnSync(process.execPath, [SCORER, labelsPath, out, ...(onlyReported ? ['--only-reported'] : [])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`score.mjs failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  // "overall micro F1 87.3  P 90.1  R 84.7" (percent)
  const m = last.match(/micro F1\s+([\d.]+)\s+P\s+([\d.]+)\s+R\s+([\d.]+)/);
  return m ? { f1: Number(m[1]) / 100, precision: Number(m[2]) / 100, recall: Number(m[3]) / 100, line: last } : { f1: NaN, line: last };
}

/** F1 of OpenRedaction and of Sigilo's plugins (through the plugin host) on the corpus texts. */
export async function corpusF1(corpusDocs, client, tmpDir, onlyReported = false) {
  const labelsPath = path.join(corpusDir, 'labels.json');
  const o = new OpenRedaction();
  const peerReports = [];
  for (const d of corpusDocs) {
    const r = await o.detect(d.text);
    const findings = r.detections.flatMap((x) => {
      const type = mapOpenRedactionType(x.type);
      if (!type) return [];
      const [start, end] = x.position;
      return [{ type, text: d.text.slice(start, end), start, end, confidence: x.confidence ?? 0.8 }];
    });
    peerReports.push({ file: d.file, status: 'ok', findings });
  }
  const ourReports = [];
  for (const d of corpusDocs) {
    const results = await client.analyze(d.text);
    ourReports.push({ file: d.file, status: 'ok', findings: results.flatMap((r) => r.findings.map((f) => ({ ...f, text: d.text.slice(f.start, f.end), plugin: r.plugin }))) });
  }
  const tool = { name: 'bench', version: '0' };
  return {
    openRedaction: score(labelsPath, { tool, reports: peerReports }, path.join(tmpDir, 'openredaction-report.json'), onlyReported),
    sigilo: score(labelsPath, { tool, reports: ourReports }, path.join(tmpDir, 'sigilo-plugins-report.json'), onlyReported),
  };
}
