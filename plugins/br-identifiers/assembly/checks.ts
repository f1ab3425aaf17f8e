// Check-digit algorithms of Brazilian identifiers. All take a pointer to `n` digit values (0–9, or for the
// alphanumeric CNPJ the value ASCII-48) in linear memory, so the scanner can validate without allocating.

// @ts-ignore: decorator
@inline function d(p: usize, i: i32): i32 {
  return <i32>load<u8>(p + <usize>i);
}

function allSame(p: usize, n: i32): bool {
  const first = d(p, 0);
  for (let i = 1; i < n; i++) if (d(p, i) != first) return false;
  return true;
}

/** CPF: 11 digits, two mod-11 check digits (weights 10..2 and 11..2); repeated digits are invalid. */
export function cpfValid(p: usize, n: i32): bool {
  if (n != 11 || allSame(p, 11)) return false;
  let s = 0;
  for (let i = 0; i < 9; i++) s += d(p, i) * (10 - i);
  let r = s % 11;
  if (d(p, 9) != (r < 2 ? 0 : 11 - r)) return false;
  s = 0;
  for (let i = 0; i < 10; i++) s += d(p, i) * (11 - i);
  r = s % 11;
  return d(p, 10) == (r < 2 ? 0 : 11 - r);
}

/**
 * CNPJ, numeric or alphanumeric (from July 2026): 12 characters valued ASCII-48 (digits 0–9, A=17 … Z=42)
 * then two numeric check digits, mod 11 with weights 5..2,9..2 and 6..2,9..2.
 */
export function cnpjValid(p: usize, n: i32): bool {
  if (n != 14 || allSame(p, 14)) return false;
  let s = 0;
  for (let i = 0; i < 12; i++) s += d(p, i) * (i < 4 ? 5 - i : 13 - i);
  let r = s % 11;
  if (d(p, 12) != (r < 2 ? 0 : 11 - r)) return false;
  s = 0;
  for (let i = 0; i < 13; i++) s += d(p, i) * (i < 5 ? 6 - i : 14 - i);
  r = s % 11;
  return d(p, 13) == (r < 2 ? 0 : 11 - r);
}

/**
 * CNS (Cartão Nacional de Saúde): 15 digits, weighted sum (15..1) divisible by 11. Cards starting 1 or 2
 * (definitive, derived from the PIS) also have "000"/"001" in positions 12–14; provisional ones start 7, 8, 9.
 */
export function cnsValid(p: usize, n: i32): bool {
  if (n != 15) return false;
  const first = d(p, 0);
  if (first == 1 || first == 2) {
    if (d(p, 11) != 0 || d(p, 12) != 0 || d(p, 13) > 1) return false;
  } else if (first < 7) return false;
  let s = 0;
  for (let i = 0; i < 15; i++) s += d(p, i) * (15 - i);
  return s % 11 == 0;
}

/** PIS/PASEP/NIS/NIT: 11 digits, weights 3,2,9..2, DV = 11 - sum mod 11 (10, 11 → 0). */
export function pisValid(p: usize, n: i32): bool {
  if (n != 11 || allSame(p, 11)) return false;
  let s = 0;
  for (let i = 0; i < 10; i++) s += d(p, i) * (i < 2 ? 3 - i : 11 - i);
  let dv = 11 - s % 11;
  if (dv >= 10) dv = 0;
  return d(p, 10) == dv;
}

/**
 * CNH (registro nacional): 11 digits with two check digits. Accepts the DENATRAN rule (DV1 weights 9..1 with
 * the "dsc" adjustment, DV2 weights 1..9) and the variant with weights 2..10 / 3..11 + 2·DV1 found in
 * published validators.
 */
export function cnhValid(p: usize, n: i32): bool {
  if (n != 11 || allSame(p, 11)) return false;
  let s = 0;
  for (let i = 0; i < 9; i++) s += d(p, i) * (9 - i);
  let dv1 = s % 11;
  let dsc = 0;
  if (dv1 >= 10) { dv1 = 0; dsc = 2; }
  s = 0;
  for (let i = 0; i < 9; i++) s += d(p, i) * (1 + i);
  const x = s % 11;
  const dv2 = x >= 10 ? 0 : x - dsc;
  if (d(p, 9) == dv1 && d(p, 10) == dv2) return true;
  // variant
  s = 0;
  for (let i = 0; i < 9; i++) s += d(p, i) * (2 + i);
  let v1 = s % 11;
  if (v1 >= 10) v1 = 0;
  s = 0;
  for (let i = 0; i < 9; i++) s += d(p, i) * (3 + i);
  s += v1 * 2;
  let v2 = s % 11;
  if (v2 >= 10) v2 = 0;
  return d(p, 9) == v1 && d(p, 10) == v2;
}

/**
 * Título de eleitor: 12 digits = 8 sequential + UF code (01–28) + 2 check digits. DV1 = sum(seq·2..9) mod 11,
 * DV2 = (uf1·7 + uf2·8 + DV1·9) mod 11; remainder 10 → 0; remainder 0 for SP (01) and MG (02) → 1.
 */
export function voterValid(p: usize, n: i32): bool {
  if (n != 12) return false;
  const uf = d(p, 8) * 10 + d(p, 9);
  if (uf < 1 || uf > 28) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += d(p, i) * (2 + i);
  let r = s % 11;
  const dv1 = r == 10 ? 0 : (r == 0 && uf <= 2 ? 1 : r);
  if (d(p, 10) != dv1) return false;
  r = (d(p, 8) * 7 + d(p, 9) * 8 + dv1 * 9) % 11;
  const dv2 = r == 10 ? 0 : (r == 0 && uf <= 2 ? 1 : r);
  return d(p, 11) == dv2;
}

/**
 * RG of São Paulo: 8 digits + check digit (weights 2..9, DV = 11 - sum mod 11; 10 → X, 11 → 0).
 * `dv` is the check character's value: 0–9, or 10 for X.
 */
export function rgSpValid(p: usize, n: i32, dv: i32): bool {
  if (n != 8 || allSame(p, 8)) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += d(p, i) * (2 + i);
  let e = 11 - s % 11;
  if (e == 11) e = 0;
  return dv == e;
}
