// Builds the held-out evaluation set (labels.json + one .txt per document) from docs-a/b/c/d.mjs.
//   node resources/eval/heldout/build.mjs
// The documents were written for evaluation only, in styles the dev corpus does not use; identifiers are
// generated with valid check digits (seeded, reproducible), plus look-alikes with a wrong digit (unlabelled).
import { writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as id from './ids.mjs';
import docsA from './docs-a.mjs';
import docsB from './docs-b.mjs';
import docsC from './docs-c.mjs';
import docsD from './docs-d.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED = 20260511;
const r = id.rng(SEED);
const TYPE = { n: 'person_name', bd: 'birth_date', hc: 'health_condition', cid: 'icd10', med: 'medication', gen: 'genetic_data',
  race: 'racial_ethnic_origin', rel: 'religious_belief', sex: 'sexual_orientation', addr: 'address', cep: 'cep', ph: 'phone',
  em: 'email', rg: 'rg', cnh: 'cnh', pid: 'professional_id', mr: 'medical_record' };
const MONTHS = ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
function iso(s) {
  const f = fold(s);
  let m = f.match(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = f.match(/(\d{1,2})\s+de\s+([a-z]+)\s+de\s+(\d{4})/);
  if (m && MONTHS.includes(m[2])) return `${m[3]}-${String(MONTHS.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return null;
}
const GEN = {
  cpf: [id.cpf, { fmt: id.fmtCpf, raw: (x) => x }, 'cpf', 'fmt'],
  cnpj: [id.cnpj, { fmt: id.fmtCnpj, raw: (x) => x }, 'cnpj', 'fmt'],
  cns: [id.cns, { fmt: id.fmtCns, raw: (x) => x }, 'cns', 'raw'],
  pis: [id.pis, { fmt: id.fmtPis, raw: (x) => x }, 'pis', 'fmt'],
  voter: [id.voter, { fmt: id.fmtVoter, raw: (x) => x }, 'voter_id', 'raw'],
};

function render(doc) {
  const entities = [];
  let text = '';
  const re = /\[\[(\w+)\|([^\]|]+)(?:\|([^\]]+))?\]\]|<<(\w+)(?::(\w+))?>>/g;
  let last = 0;
  for (const m of doc.text.matchAll(re)) {
    text += doc.text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1]) {
      const type = TYPE[m[1]];
      if (!type) throw new Error(`${doc.file}: unknown type ${m[1]}`);
      const e = { type, value: m[2] };
      if (type === 'birth_date') {
        e.iso = m[3] ?? iso(m[2]);
        if (!e.iso) throw new Error(`${doc.file}: no iso for ${m[2]}`);
      }
      entities.push(e);
      text += m[2];
    } else {
      const [make, fmts, type, def] = GEN[m[4]];
      const variant = m[5] ?? def;
      if (variant === 'bad') { text += fmts[def](id.spoil(make(r))); continue; }
      const v = fmts[variant](make(r));
      entities.push({ type, value: v });
      text += v;
    }
  }
  text += doc.text.slice(last);
  if (/\[\[|<</.test(text)) throw new Error(`${doc.file}: unparsed markup`);
  return { file: doc.file, genre: doc.genre, format: 'txt', dataSubject: doc.dataSubject, entities, text };
}

const documents = [...docsA, ...docsB, ...docsC, ...docsD].map(render);
for (const f of readdirSync(here)) if (f.endsWith('.txt')) unlinkSync(path.join(here, f));
for (const d of documents) writeFileSync(path.join(here, d.file), d.text);
writeFileSync(path.join(here, 'labels.json'), `${JSON.stringify({ seed: SEED, documents }, null, 1)}\n`);
console.log(`${documents.length} documents, ${documents.reduce((s, d) => s + d.entities.length, 0)} entities`);
