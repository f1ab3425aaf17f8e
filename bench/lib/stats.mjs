// Summaries of repeated measurements: median with its spread.

export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** { p50, p25, p75, p95, min, max, n } of the samples. */
export function summary(values) {
  return {
    p50: quantile(values, 0.5), p25: quantile(values, 0.25), p75: quantile(values, 0.75), p95: quantile(values, 0.95),
    min: Math.min(...values), max: Math.max(...values), n: values.length,
  };
}

/** Runs fn `runs` times (after `warmup` untimed runs); returns the wall times in ms. */
export async function timeRuns(fn, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times;
}

export const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
