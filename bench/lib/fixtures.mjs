// Benchmark inputs, generated from the dev corpus: every corpus document's text with its labelled values
// replaced by fresh synthetic ones of the same kind (valid check digits, same formatting), so ~10 MB of
// clinical text is many different documents, not one repeated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../scripts/lib/seeded-random.mjs';
import { corpusDir } from './paths.mjs';

/** Deterministic PRNG (mulberry32). */
export const rng = seededRandom;

const mod11 = (s) => { const r = s % 11; return r < 2 ? 0 : 11 - r; };
const digits = (r, k) => Array.from({ length: k }, () => Math.floor(r() * 10));
const cpfDigits = (r) => {
  const b = digits(r, 9);
  const d1 = mod11(b.reduce((s, x, i) => s + x * (10 - i), 0));
  const d2 = mod11([...b, d1].reduce((s, x, i) => s + x * (11 - i), 0));
  return [...b, d1, d2];
};
const cnpjDigits = (r) => {
  const b = [...digits(r, 8), 0, 0, 0, 1];
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const d1 = mod11(b.reduce((s, x, i) => s + x * w1[i], 0));
  const d2 = mod11([...b, d1].reduce((s, x, i) => s + x * [6, ...w1][i], 0));
  return [...b, d1, d2];
};
const cnsDigits = (r) => {
  for (;;) {
    const b = [7 + Math.floor(r() * 3), ...digits(r, 13)];
    const s = b.reduce((acc, x, i) => acc + x * (15 - i), 0);
    // last digit with weight 1: choose it so the sum is divisible by 11
    const last = (11 - (s % 11)) % 11;
    if (last < 10) return [...b, last];
  }
};
const pisDigits = (r) => {
  const b = digits(r, 10);
  const w = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  let dv = 11 - (b.reduce((s, x, i) => s + x * w[i], 0) % 11);
  if (dv >= 10) dv = 0;
  return [...b, dv];
};

/** Pours `ds` into the digit positions of `template` (keeps its punctuation); null if the counts differ. */
function pour(template, ds) {
  const count = (template.match(/\d/g) ?? []).length;
  if (count !== ds.length) return null;
  let k = 0;
  return template.replace(/\d/g, () => String(ds[k++]));
}
const randomDigitsLike = (r, template, first) => template.replace(/\d/g, (c, i) => (i === template.search(/\d/) && first !== undefined ? String(first) : String(Math.floor(r() * 10))));

const FIRST = ['Ana', 'Bruno', 'Carla', 'Daniel', 'Eduarda', 'Felipe', 'Gabriela', 'Heitor', 'Isabela', 'João', 'Karina', 'Lucas', 'Mariana', 'Nuno', 'Otávio', 'Paula', 'Rafael', 'Sofia', 'Tiago', 'Vitória'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Carvalho', 'Ferreira', 'Rodrigues', 'Almeida', 'Costa', 'Gomes', 'Ribeiro', 'Martins', 'Araújo', 'Barbosa', 'Cardoso', 'Rocha', 'Dias', 'Teixeira'];
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

export function loadCorpus() {
  const labels = JSON.parse(readFileSync(path.join(corpusDir, 'labels.json'), 'utf8'));
  return labels.documents;
}

/** A fresh value of the same kind and shape as `value`. */
function synth(r, type, value, pools) {
  switch (type) {
    case 'cpf': return pour(value, cpfDigits(r)) ?? value;
    case 'cnpj': return /[A-Z]/.test(value.replace(/[^0-9A-Z]/g, '')) ? value : pour(value, cnpjDigits(r)) ?? value;
    case 'cns': return pour(value, cnsDigits(r)) ?? value;
    case 'pis': return pour(value, pisDigits(r)) ?? value;
    case 'phone': {
      // keep country code and DDD, change the subscriber number (keep its first digit: mobile 9, landline 2–5)
      const m = value.match(/^(.*?)(\d)([\d .-]{6,})$/);
      return m ? m[1] + m[2] + m[3].replace(/\d/g, () => String(Math.floor(r() * 10))) : value;
    }
    case 'cep': case 'medical_record': case 'rg': case 'professional_id':
      return value.replace(/\d/g, (c, i) => (i === value.search(/\d/) ? c : String(Math.floor(r() * 10))));
    case 'email': return `${pick(r, FIRST).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}.${pick(r, LAST).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}${Math.floor(r() * 100)}@${value.split('@')[1] ?? 'exemplo.com.br'}`;
    case 'person_name': {
      const parts = value.split(' ');
      return parts.map((p, i) => (/^[A-ZÀ-Ú]/.test(p) && p.length > 2 ? pick(r, i === 0 ? FIRST : LAST) : p)).join(' ');
    }
    case 'birth_date': return value.replace(/\d{2}(?=\D\d{2}\D)/, () => String(1 + Math.floor(r() * 28)).padStart(2, '0')).replace(/(19|20)\d{2}/, () => String(1930 + Math.floor(r() * 90)));
    default: {
      const pool = pools.get(type);
      return pool && pool.length > 0 ? pick(r, pool) : value;
    }
  }
}

/** One generated document: corpus document `doc` with every labelled value replaced. */
export function variant(doc, r, pools) {
  let text = doc.text;
  // longest values first so that a value inside another is not replaced twice
  const entities = [...doc.entities].sort((a, b) => b.value.length - a.value.length);
  for (const e of entities) {
    if (!e.value || e.value.length < 2) continue;
    const next = synth(r, e.type, e.value, pools);
    if (next && next !== e.value) text = text.split(e.value).join(next);
  }
  return text;
}

/** Generated documents totalling at least `targetBytes` UTF-8 bytes, cycling through the corpus. */
export function clinicalDocuments(targetBytes, seed = 20261124) {
  const docs = loadCorpus();
  const pools = new Map();
  for (const d of docs) for (const e of d.entities) {
    if (!pools.has(e.type)) pools.set(e.type, []);
    pools.get(e.type).push(e.value);
  }
  const r = rng(seed);
  const out = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const doc = docs[i % docs.length];
    const text = variant(doc, r, pools);
    out.push({ source: doc.file, format: doc.format, text });
    bytes += Buffer.byteLength(text) + 2;
  }
  return out;
}

/** ~targetBytes of clinical text as one string (documents separated by blank lines). */
export function clinicalText(targetBytes, seed) {
  return clinicalDocuments(targetBytes, seed).map((d) => d.text).join('\n\n');
}
