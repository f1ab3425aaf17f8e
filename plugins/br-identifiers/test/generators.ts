// Reference implementations of the check-digit rules, written independently of the AssemblyScript code, used
// to generate valid (and deliberately invalid) identifiers for the plugin tests.

import { seededRandom } from '../../../scripts/lib/seeded-random.mjs';

/** Small deterministic PRNG (mulberry32). */
export const rng = seededRandom;

const digitsOf = (r: () => number, k: number): number[] => Array.from({ length: k }, () => Math.floor(r() * 10));
const join = (d: number[]): string => d.join('');
const mod11 = (sum: number): number => { const x = sum % 11; return x < 2 ? 0 : 11 - x; };
const notAllSame = (d: number[]): boolean => d.some((x) => x !== d[0]);

export function cpfCheck(base9: number[]): number[] {
  const d1 = mod11(base9.reduce((s, x, i) => s + x * (10 - i), 0));
  const d2 = mod11([...base9, d1].reduce((s, x, i) => s + x * (11 - i), 0));
  return [d1, d2];
}
export function cpf(r: () => number): string {
  for (;;) { const b = digitsOf(r, 9); if (notAllSame(b)) return join([...b, ...cpfCheck(b)]); }
}
export const formatCpf = (s: string): string => `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}-${s.slice(9)}`;

export function pisCheck(base10: number[]): number {
  const w = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const dv = 11 - (base10.reduce((s, x, i) => s + x * w[i]!, 0) % 11);
  return dv >= 10 ? 0 : dv;
}
export function pis(r: () => number): string {
  for (;;) { const b = digitsOf(r, 10); if (notAllSame(b)) return join([...b, pisCheck(b)]); }
}
export const formatPis = (s: string): string => `${s.slice(0, 3)}.${s.slice(3, 8)}.${s.slice(8, 10)}-${s.slice(10)}`;

const CNPJ_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export function cnpjCheck(base12: string): string {
  const v = [...base12].map((c) => c.charCodeAt(0) - 48);
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const d1 = mod11(v.reduce((s, x, i) => s + x * w1[i]!, 0));
  const w2 = [6, ...w1];
  const d2 = mod11([...v, d1].reduce((s, x, i) => s + x * w2[i]!, 0));
  return `${d1}${d2}`;
}
export function cnpj(r: () => number, alphanumeric = false): string {
  for (;;) {
    const base = Array.from({ length: 12 }, () => (alphanumeric ? CNPJ_CHARS[Math.floor(r() * 36)]! : String(Math.floor(r() * 10)))).join('');
    if (alphanumeric && !/[A-Z]/.test(base)) continue;
    if (!alphanumeric && /^(\d)\1+$/.test(base)) continue;
    return base + cnpjCheck(base);
  }
}
export const formatCnpj = (s: string): string => `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}/${s.slice(8, 12)}-${s.slice(12)}`;

/** CNS: definitive cards (1/2) are built from an 11-digit PIS-like prefix; provisional ones (7/8/9) by search. */
export function cns(r: () => number, kind: 'definitive' | 'provisional'): string {
  if (kind === 'definitive') {
    for (;;) {
      const p = [1 + Math.floor(r() * 2), ...digitsOf(r, 10)];
      let sum = p.reduce((s, x, i) => s + x * (15 - i), 0);
      let dv = 11 - (sum % 11);
      if (dv === 11) dv = 0;
      if (dv === 10) {
        sum += 2;
        dv = 11 - (sum % 11);
        return join([...p, 0, 0, 1, dv]);
      }
      return join([...p, 0, 0, 0, dv]);
    }
  }
  for (;;) {
    const d = [7 + Math.floor(r() * 3), ...digitsOf(r, 13)];
    const partial = d.reduce((s, x, i) => s + x * (15 - i), 0);
    // last digit has weight 1: choose it so the sum is divisible by 11
    const last = (11 - (partial % 11)) % 11;
    if (last <= 9) return join([...d, last]);
  }
}
export const formatCns = (s: string): string => `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7, 11)} ${s.slice(11)}`;

/** CNH, DENATRAN rule. */
export function cnh(r: () => number): string {
  for (;;) {
    const b = digitsOf(r, 9);
    if (!notAllSame(b)) continue;
    let dv1 = b.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    let dsc = 0;
    if (dv1 >= 10) { dv1 = 0; dsc = 2; }
    const x = b.reduce((s, y, i) => s + y * (1 + i), 0) % 11;
    const dv2 = x >= 10 ? 0 : x - dsc;
    if (dv2 < 0) continue;
    return join([...b, dv1, dv2]);
  }
}

/** Título de eleitor for a UF code 1..28 (01 = SP, 02 = MG get the "remainder 0 → 1" rule). */
export function voter(r: () => number, uf = 1 + Math.floor(r() * 28)): string {
  const seq = digitsOf(r, 8);
  const u = [Math.floor(uf / 10), uf % 10];
  const rule = (x: number): number => (x === 10 ? 0 : x === 0 && uf <= 2 ? 1 : x);
  const dv1 = rule(seq.reduce((s, x, i) => s + x * (2 + i), 0) % 11);
  const dv2 = rule((u[0]! * 7 + u[1]! * 8 + dv1 * 9) % 11);
  return join([...seq, ...u, dv1, dv2]);
}

/** RG of São Paulo: 8 digits + DV (X for 10). `wantX` searches for one whose DV is X. */
export function rgSp(r: () => number, wantX = false): string {
  for (;;) {
    const b = digitsOf(r, 8);
    const e = 11 - (b.reduce((s, x, i) => s + x * (2 + i), 0) % 11);
    const dv = e === 10 ? 'X' : e === 11 ? '0' : String(e);
    if (wantX !== (dv === 'X')) continue;
    return join(b) + dv;
  }
}
export const formatRg = (s: string): string => `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}-${s.slice(8)}`;

/** Same number with its last check digit changed (so the check fails). */
export function breakCheck(s: string): string {
  const last = s[s.length - 1]!;
  const d = /\d/.test(last) ? String((Number(last) + 1) % 10) : '0';
  return s.slice(0, -1) + d;
}

export const isCpf = (s: string): boolean => s.length === 11 && notAllSame([...s].map(Number)) && cpfCheck([...s.slice(0, 9)].map(Number)).join('') === s.slice(9);
export const isPis = (s: string): boolean => s.length === 11 && pisCheck([...s.slice(0, 10)].map(Number)) === Number(s[10]);
