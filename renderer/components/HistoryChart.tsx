/** Analyses per period, stacked by risk level (hand-drawn SVG; a table is given to screen readers). */
import { useTranslation } from 'react-i18next';
import type { HistoryBucket } from '../../electron/shared/api.js';
import { RISK_LEVELS } from '../../electron/shared/report.js';
import { formatDay } from '../lib/format.js';

const W = 760;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

export function HistoryChart({ buckets }: { buckets: HistoryBucket[] }) {
  const { t, i18n } = useTranslation();
  const total = buckets.reduce((s, b) => s + b.total, 0);
  if (total === 0) return <p className="muted chart-empty">{t('history.chartEmpty')}</p>;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const niceMax = Math.max(4, Math.ceil(max / 4) * 4);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / buckets.length;
  const barW = Math.max(4, Math.min(36, slot * 0.62));
  const y = (v: number) => PAD.top + innerH - (v / niceMax) * innerH;
  const labelEvery = Math.ceil(buckets.length / 12);
  const series = [...RISK_LEVELS, 'error'] as const;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('history.chartSummary', { total })} preserveAspectRatio="xMidYMid meet">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(niceMax * f)} y2={y(niceMax * f)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(niceMax * f) + 4} className="chart-axis" textAnchor="end">{Math.round(niceMax * f)}</text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          let acc = 0;
          return (
            <g key={b.date}>
              {series.map((level) => {
                const v = level === 'error' ? b.errors : b.byLevel[level];
                if (!v) return null;
                const top = y(acc + v);
                const height = y(acc) - top;
                acc += v;
                return <rect key={level} x={x} y={top} width={barW} height={Math.max(1, height)} className={`bar bar-${level}`} rx={2}><title>{`${formatDay(b.date, i18n.language)} · ${level === 'error' ? t('history.errors') : t(`risk.${level}`)}: ${v}`}</title></rect>;
              })}
              {((i % labelEvery === 0 && buckets.length - 1 - i >= labelEvery / 2) || i === buckets.length - 1) && <text x={x + barW / 2} y={H - 8} className="chart-axis" textAnchor="middle">{formatDay(b.date, i18n.language)}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((level) => (
          <span key={level} className="legend-item"><span className={`swatch bar-${level}`} aria-hidden="true" />{level === 'error' ? t('history.errors') : t(`risk.${level}`)}</span>
        ))}
      </figcaption>
    </figure>
  );
}
