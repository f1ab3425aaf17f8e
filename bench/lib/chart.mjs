// The results chart, as hand-written SVG: one bar per target, measured value over target on a log scale
// (1× = target met; right of the line is better), with the spread as a whisker.
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** rows: [{ label, value, lo, hi, target, better: 'higher'|'lower', unit }] */
export function chartSvg(rows, title, subtitle) {
  const W = 1000, left = 330, right = 150, top = 70, rowH = 30;
  const H = top + rows.length * rowH + 50;
  const plotW = W - left - right;
  const minL = Math.log10(0.01), maxL = Math.log10(100);
  const x = (ratio) => left + ((Math.log10(Math.min(100, Math.max(0.01, ratio))) - minL) / (maxL - minL)) * plotW;
  const ratio = (r, v) => (r.better === 'higher' ? v / r.target : r.target / v);
  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="20" y="28" font-size="18" font-weight="bold" fill="#111">${esc(title)}</text>`);
  parts.push(`<text x="20" y="50" font-size="12" fill="#555">${esc(subtitle)}</text>`);
  for (const t of [0.01, 0.1, 1, 10, 100]) {
    const xx = x(t);
    parts.push(`<line x1="${xx}" y1="${top - 8}" x2="${xx}" y2="${top + rows.length * rowH}" stroke="${t === 1 ? '#333' : '#ddd'}" stroke-width="${t === 1 ? 2 : 1}"${t === 1 ? '' : ' stroke-dasharray="3,3"'}/>`);
    parts.push(`<text x="${xx}" y="${top + rows.length * rowH + 18}" font-size="11" text-anchor="middle" fill="#555">${t}×</text>`);
  }
  parts.push(`<text x="${x(1)}" y="${top + rows.length * rowH + 36}" font-size="11" text-anchor="middle" fill="#333">value ÷ target (log scale; ≥ 1× meets the target)</text>`);
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const ok = Number.isFinite(r.value) && ratio(r, r.value) >= 1;
    parts.push(`<text x="${left - 10}" y="${y + 19}" font-size="12" text-anchor="end" fill="#111">${esc(r.label)}</text>`);
    if (!Number.isFinite(r.value)) {
      parts.push(`<text x="${left + 6}" y="${y + 19}" font-size="12" fill="#b00">not measured</text>`);
      return;
    }
    const xv = x(ratio(r, r.value));
    const x0 = x(0.01);
    parts.push(`<rect x="${x0}" y="${y + 6}" width="${Math.max(1, xv - x0)}" height="${rowH - 12}" fill="${ok ? '#3a9a5b' : '#d0503c'}" opacity="0.85"/>`);
    if (Number.isFinite(r.lo) && Number.isFinite(r.hi)) {
      const a = x(ratio(r, r.lo)), b = x(ratio(r, r.hi));
      const lo = Math.min(a, b), hi = Math.max(a, b);
      parts.push(`<line x1="${lo}" y1="${y + 15}" x2="${hi}" y2="${y + 15}" stroke="#111" stroke-width="1.5"/>`);
      parts.push(`<line x1="${lo}" y1="${y + 10}" x2="${lo}" y2="${y + 20}" stroke="#111" stroke-width="1.5"/>`);
      parts.push(`<line x1="${hi}" y1="${y + 10}" x2="${hi}" y2="${y + 20}" stroke="#111" stroke-width="1.5"/>`);
    }
    parts.push(`<text x="${W - right + 8}" y="${y + 19}" font-size="11" fill="#333">${esc(r.valueText)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
