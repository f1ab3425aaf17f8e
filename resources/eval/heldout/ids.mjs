// Deterministic generators of Brazilian identifiers with valid (and deliberately invalid) check digits,
// used to build the held-out evaluation set.
import { seededRandom } from '../../../scripts/lib/seeded-random.mjs';

export const rng = seededRandom;
const digitsOf = (r, k) => Array.from({ length: k }, () => Math.floor(r() * 10));
const mod11 = (sum) => { const x = sum % 11; return x < 2 ? 0 : 11 - x; };
const same = (d) => d.every((x) => x === d[0]);

export function cpf(r) {
  for (;;) {
    const b = digitsOf(r, 9); if (same(b)) continue;
    const d1 = mod11(b.reduce((s, x, i) => s + x * (10 - i), 0));
    const d2 = mod11([...b, d1].reduce((s, x, i) => s + x * (11 - i), 0));
    return [...b, d1, d2].join('');
  }
}
export function cnpj(r) {
  for (;;) {
    const b = [...digitsOf(r, 8), 0, 0, 0, 1 + Math.floor(r() * 3)]; if (same(b)) continue;
    const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const d1 = mod11(b.reduce((s, x, i) => s + x * w1[i], 0));
    const w2 = [6, ...w1];
    const d2 = mod11([...b, d1].reduce((s, x, i) => s + x * w2[i], 0));
    return [...b, d1, d2].join('');
  }
}
export function pis(r) {
  for (;;) {
    const b = digitsOf(r, 10); if (same(b)) continue;
    const w = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let dv = 11 - (b.reduce((s, x, i) => s + x * w[i], 0) % 11); if (dv >= 10) dv = 0;
    return [...b, dv].join('');
  }
}
export function cns(r) {
  if (r() < 0.5) {
    const p = [1 + Math.floor(r() * 2), ...digitsOf(r, 10)];
    let sum = p.reduce((s, x, i) => s + x * (15 - i), 0);
    let dv = 11 - (sum % 11); if (dv === 11) dv = 0;
    if (dv === 10) { sum += 2; dv = 11 - (sum % 11); return [...p, 0, 0, 1, dv].join(''); }
    return [...p, 0, 0, 0, dv].join('');
  }
  for (;;) {
    const d = [7 + Math.floor(r() * 3), ...digitsOf(r, 13)];
    const partial = d.reduce((s, x, i) => s + x * (15 - i), 0);
    const last = (11 - (partial % 11)) % 11;
    if (last <= 9) return [...d, last].join('');
  }
}
export function voter(r) {
  for (;;) {
    const b = digitsOf(r, 8); const uf = 1 + Math.floor(r() * 28);
    const u = [Math.floor(uf / 10), uf % 10];
    let x = b.reduce((s, v, i) => s + v * (2 + i), 0) % 11;
    const dv1 = x === 10 ? 0 : (x === 0 && uf <= 2 ? 1 : x);
    x = (u[0] * 7 + u[1] * 8 + dv1 * 9) % 11;
    const dv2 = x === 10 ? 0 : (x === 0 && uf <= 2 ? 1 : x);
    return [...b, ...u, dv1, dv2].join('');
  }
}
/** A look-alike: same shape, last check digit wrong. */
export const spoil = (s) => s.slice(0, -1) + String((Number(s.at(-1)) + 3) % 10);
export const fmtCpf = (s) => `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}-${s.slice(9)}`;
export const fmtCnpj = (s) => `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}/${s.slice(8, 12)}-${s.slice(12)}`;
export const fmtCns = (s) => `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7, 11)} ${s.slice(11)}`;
export const fmtPis = (s) => `${s.slice(0, 3)}.${s.slice(3, 8)}.${s.slice(8, 10)}-${s.slice(10)}`;
export const fmtVoter = (s) => `${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8)}`;
