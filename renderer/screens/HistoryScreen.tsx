import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryStats, IntegrityResult, SigiloApi } from '../../electron/shared/api.js';
import { RISK_LEVELS, type RiskLevel } from '../../electron/shared/report.js';
import { errorMessage } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { HistoryChart } from '../components/HistoryChart.js';
import { RiskBadge } from '../components/RiskBadge.js';
import { EmptyState } from '../components/EmptyState.js';
import { Loading, Notice } from '../components/Notice.js';
import { AUDIT_ENTRY_TYPES, type AuditEntryType } from '../../electron/shared/audit-entries.js';
import { describeEntry } from '../lib/history-text.js';

interface Filters { type: AuditEntryType | ''; from: string; to: string; level: RiskLevel | ''; status: 'ok' | 'error' | ''; query: string }
const EMPTY: Filters = { type: '', from: '', to: '', level: '', status: '', query: '' };
const PAGE = 50;

function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function HistoryScreen({ api, version, onOpen }: { api: SigiloApi; version: number; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [total, setTotal] = useState(0);
  const [stats, setStats] = useState<HistoryStats | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [verify, setVerify] = useState<{ busy: boolean; result?: IntegrityResult; error?: string }>({ busy: false });

  const args = useCallback((f: Filters) => ({
    ...(f.type ? { type: f.type } : {}),
    ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}),
    ...(f.level ? { level: f.level } : {}), ...(f.status ? { status: f.status } : {}),
    ...(f.query.trim() ? { query: f.query.trim() } : {}),
  }), []);

  useEffect(() => {
    let live = true;
    setError(undefined);
    const a = args(filters);
    Promise.all([
      api.historyList({ ...a, limit: PAGE, offset: 0 }),
      api.historyStats({ from: filters.from || daysAgo(29), ...(filters.to ? { to: filters.to } : {}), bucket: 'day' }),
    ]).then(([page, s]) => {
      if (!live) return;
      setEntries(page.entries);
      setTotal(page.total);
      setStats(s);
    }).catch((err: unknown) => live && setError(errorMessage(err, t('errors.network'))));
    return () => { live = false; };
  }, [api, filters, version, args, t]);

  const more = async () => {
    try {
      const page = await api.historyList({ ...args(filters), limit: PAGE, offset: entries?.length ?? 0 });
      setEntries((e) => [...(e ?? []), ...page.entries]);
      setTotal(page.total);
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    }
  };

  const runVerify = async () => {
    setVerify({ busy: true });
    try {
      setVerify({ busy: false, result: await api.historyVerify() });
    } catch (err) {
      setVerify({ busy: false, error: errorMessage(err, t('errors.network')) });
    }
  };

  const submit = (e: FormEvent) => { e.preventDefault(); setFilters(draft); };
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);
  // the risk column only means something for analyses
  const showRisk = filters.type === '' || filters.type === 'analysis';

  return (
    <div className="screen">
      <header className="screen-header with-action">
        <div>
          <h1>{t('history.title')}</h1>
          <p className="lede">{t('history.intro')}</p>
        </div>
        <button type="button" className="button primary" onClick={() => void runVerify()} disabled={verify.busy} data-testid="verify">
          <svg className="btn-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z M9 12l2 2 4-4" /></svg>
          {verify.busy ? t('history.verifying') : t('history.verify')}
        </button>
      </header>

      <div aria-live="polite" data-testid="verify-result">
        {verify.result && (verify.result.ok
          ? <Notice kind="success" onDismiss={() => setVerify({ busy: false })}>{t('history.verifyOk', { count: verify.result.checked })}</Notice>
          : <Notice kind="error" onDismiss={() => setVerify({ busy: false })}>{t('history.verifyBad', { message: verify.result.message })}</Notice>)}
        {verify.error && <Notice kind="error" onDismiss={() => setVerify({ busy: false })}>{t('history.verifyFailed', { message: verify.error })}</Notice>}
      </div>

      <section className="card" aria-labelledby="chart-title">
        <div className="card-head">
          <h2 id="chart-title">{t('history.chartTitle')}</h2>
          {stats && <span className="muted small">{t('history.chartSummary', { total: stats.total })}</span>}
        </div>
        {stats ? <HistoryChart buckets={stats.buckets} /> : !error && <Loading label={t('common.loading')} />}
      </section>

      <section className="card" aria-labelledby="table-title">
        <h2 id="table-title">{t('history.table')}</h2>
        <form className="filters wrap" onSubmit={submit}>
          <label className="field-inline"><span>{t('history.type')}</span>
            <select value={draft.type} data-testid="history-type"
              onChange={(e) => {
                const type = e.target.value as Filters['type'];
                // risk and status exist only on analyses
                const next = type && type !== 'analysis' ? { ...draft, type, level: '' as const, status: '' as const } : { ...draft, type };
                setDraft(next);
                setFilters(next);
              }}>
              <option value="">{t('history.allTypes')}</option>
              {AUDIT_ENTRY_TYPES.map((type) => <option key={type} value={type}>{t(`history.types.${type}`)}</option>)}
            </select>
          </label>
          <label className="field-inline"><span>{t('history.from')}</span><input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
          <label className="field-inline"><span>{t('history.to')}</span><input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
          <label className="field-inline"><span>{t('history.level')}</span>
            <select value={draft.level} disabled={draft.type !== '' && draft.type !== 'analysis'} onChange={(e) => setDraft({ ...draft, level: e.target.value as RiskLevel | '' })}>
              <option value="">{t('common.all')}</option>
              {[...RISK_LEVELS].reverse().map((l) => <option key={l} value={l}>{t(`risk.${l}`)}</option>)}
            </select>
          </label>
          <label className="field-inline"><span>{t('history.status')}</span>
            <select value={draft.status} disabled={draft.type !== '' && draft.type !== 'analysis'} onChange={(e) => setDraft({ ...draft, status: e.target.value as Filters['status'] })}>
              <option value="">{t('common.all')}</option>
              <option value="ok">{t('history.statusOk')}</option>
              <option value="error">{t('history.statusError')}</option>
            </select>
          </label>
          <label className="field-inline"><span>{t('history.query')}</span><input type="search" value={draft.query} onChange={(e) => setDraft({ ...draft, query: e.target.value })} /></label>
          <button type="submit" className="button">{t('history.apply')}</button>
          {filtered && <button type="button" className="link-button" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); }}>{t('history.clear')}</button>}
        </form>
        {error && <Notice kind="error">{error}</Notice>}
        {!entries && !error && <Loading label={t('common.loading')} />}
        {entries && entries.length === 0 && (filtered
          ? <EmptyState title={t('history.noMatch')} icon="search" />
          : <EmptyState title={t('history.emptyTitle')} icon="clock">{t('history.emptyBody')}</EmptyState>)}
        {entries && entries.length > 0 && (
          <>
            <table className="table" data-testid="history-table">
              <thead>
                <tr><th scope="col">{t('history.when')}</th><th scope="col">{t('history.type')}</th><th scope="col">{t('history.description')}</th>{showRisk && <th scope="col">{t('history.risk')}</th>}<th scope="col"><span className="visually-hidden">{t('history.open')}</span></th></tr>
              </thead>
              <tbody>
                {entries.map((e) => {
                  const opens = e.type === 'analysis' ? (e.status === 'ok' ? e.id : undefined) : e.ref;
                  return (
                    <tr key={e.id} data-type={e.type}>
                      <td className="nowrap">{formatDateTime(e.at, i18n.language)}</td>
                      <td className="nowrap"><span className={`type-chip type-${e.type.split('_')[0]}`}>{t(`history.types.${e.type}`)}</span></td>
                      <td className="desc-cell" title={e.type === 'analysis' ? e.file : describeEntry(e, t, i18n.language)}>{describeEntry(e, t, i18n.language)}</td>
                      {showRisk && <td>{e.type !== 'analysis' ? null : e.status === 'ok' && e.level ? <RiskBadge level={e.level} score={e.score} /> : <span className="risk-badge risk-error" title={e.errorCode}>{t('history.statusError')}</span>}</td>}
                      <td className="num">{opens && <button type="button" className="link-button nowrap" onClick={() => onOpen(opens)}>{e.type === 'analysis' ? t('history.open') : t('history.openAnalysis')}</button>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="table-foot">
              <span className="muted small">{t('history.showing', { shown: entries.length, total })}</span>
              {entries.length < total && <button type="button" className="button" onClick={() => void more()}>{t('history.more')}</button>}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
