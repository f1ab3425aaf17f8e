import { useTranslation } from 'react-i18next';
import type { ResultSummary } from '../../electron/shared/api.js';
import { RiskBadge } from '../components/RiskBadge.js';
import { EmptyState } from '../components/EmptyState.js';
import { Loading } from '../components/Notice.js';
import { CATEGORY_ORDER, typeCategory, typeLabel } from '../lib/format.js';

export function ResultsList({ items, any, onOpen, onClear }: { items: ResultSummary[] | undefined; any: boolean; onOpen: (id: string) => void; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  if (!items) return <Loading label={t('common.loading')} />;
  if (!any) return <EmptyState title={t('results.emptyTitle')}>{t('results.emptyBody')}</EmptyState>;
  if (items.length === 0) {
    return <EmptyState title={t('results.noMatch')} icon="search"><button type="button" className="button" onClick={onClear}>{t('results.clearFilters')}</button></EmptyState>;
  }
  return (
    <ul className="result-list" data-testid="results">
      {items.map((r) => {
        const counts = Object.entries(r.countsByType).sort((a, b) =>
          CATEGORY_ORDER.indexOf(typeCategory(a[0])) - CATEGORY_ORDER.indexOf(typeCategory(b[0])) || b[1] - a[1]);
        return (
          <li key={r.reportId}>
            <button type="button" className="result-row" onClick={() => onOpen(r.reportId)} aria-label={t('results.open', { name: r.name })} data-testid="result-row">
              <span className="result-main">
                <span className="result-name">{r.name}</span>
                <span className="result-meta">
                  {r.status === 'ok'
                    ? <>{t('common.findings', { count: r.findings })}{r.pages ? ` · ${t('common.pages', { count: r.pages })}` : ''}{r.rejected ? ` · ${t('results.rejected', { count: r.rejected })}` : ''}</>
                    : <span className="error-text">{r.error?.message}</span>}
                </span>
                {r.status === 'ok' && (
                  <span className="chips">
                    {counts.length === 0 && <span className="muted">{t('results.noFindings')}</span>}
                    {counts.map(([type, n]) => (
                      <span key={type} className={`chip cat-${typeCategory(type)}`}>{typeLabel(type, i18n.language)} <b>{n}</b></span>
                    ))}
                  </span>
                )}
              </span>
              <span className="result-side">
                {r.status === 'ok' && r.risk ? <RiskBadge level={r.risk.level} score={r.risk.score} /> : <span className="risk-badge risk-error">{t('results.errorRow')}</span>}
                <span className="chevron" aria-hidden="true">›</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
