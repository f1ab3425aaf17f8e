import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormType, RedactionMode, ReportDetail, SigiloApi } from '../../electron/shared/api.js';
import type { Finding, OkReport } from '../../electron/shared/report.js';
import { errorMessage } from '../lib/api.js';
import { CATEGORY_ORDER, typeCategory, typeLabel, type HighlightCategory } from '../lib/format.js';
import { readingOrder, segmentText } from '../lib/segments.js';
import { RiskBadge } from '../components/RiskBadge.js';
import { EmptyState } from '../components/EmptyState.js';
import { Loading, Notice } from '../components/Notice.js';

interface Props {
  api: SigiloApi;
  reportId: string;
  from: string;
  nativeDialogs: boolean;
  onBack: () => void;
  onChanged: () => void;
}

export function ReportScreen({ api, reportId, from, nativeDialogs, onBack, onChanged }: Props) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<ReportDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(undefined);
    api.reportGet({ reportId }).then((d) => live && setDetail(d)).catch((err: unknown) => live && setError(errorMessage(err, t('errors.network'))));
    return () => { live = false; };
  }, [api, reportId, attempt, t]);

  const back = (
    <button type="button" className="link-button back" onClick={onBack}>← {from === 'history' ? t('report.backHistory') : t('report.back')}</button>
  );

  if (error) {
    return <div className="screen">{back}<Notice kind="error" action={<button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>{error}</Notice></div>;
  }
  if (!detail) return <div className="screen">{back}<Loading label={t('report.loadingReport')} /></div>;

  const report = detail.report;
  if (report.status === 'error') {
    return (
      <div className="screen">
        {back}
        <header className="screen-header"><h1 className="report-title">{detail.summary.name}</h1></header>
        <Notice kind="error"><strong>{t('report.errorTitle')}.</strong> {report.error.message}</Notice>
      </div>
    );
  }
  return <OkReportView api={api} detail={detail} report={report} back={back} nativeDialogs={nativeDialogs} onUpdate={(d) => { setDetail(d); onChanged(); }} />;
}

function OkReportView({ api, detail, report, back, nativeDialogs, onUpdate }: {
  api: SigiloApi; detail: ReportDetail; report: OkReport; back: React.ReactNode; nativeDialogs: boolean; onUpdate: (d: ReportDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const order = useMemo(() => readingOrder(report.findings), [report.findings]);
  const [selected, setSelected] = useState<number | undefined>(order[0]);
  const [decisionError, setDecisionError] = useState<string | undefined>();
  const markRefs = useRef(new Map<number, HTMLElement>());
  const itemRefs = useRef(new Map<number, HTMLElement>());

  const focusFinding = useCallback((index: number, focus = true) => {
    setSelected(index);
    requestAnimationFrame(() => {
      // scroll only the text and the list (never the page: the header and the risk stay where they are)
      const mark = markRefs.current.get(index);
      if (mark) {
        centreIn(mark, mark.closest('.doc-text'));
        if (focus) mark.focus({ preventScroll: true });
      }
      const item = itemRefs.current.get(index);
      if (item) {
        centreIn(item, item.closest('.finding-list'));
        if (!mark && focus) item.focus({ preventScroll: true });
      }
    });
  }, []);

  const step = useCallback((delta: number) => {
    if (order.length === 0) return;
    const pos = selected === undefined ? -1 : order.indexOf(selected);
    const next = order[(pos + delta + order.length) % order.length];
    if (next !== undefined) focusFinding(next);
  }, [order, selected, focusFinding]);

  const decide = useCallback(async (index: number, decision: 'accepted' | 'rejected') => {
    setDecisionError(undefined);
    try {
      const { finding, summary } = await api.findingSetDecision({ reportId: detail.reportId, findingIndex: index, decision });
      const findings = report.findings.map((f, i) => (i === index ? finding : f));
      onUpdate({ ...detail, summary, report: { ...report, findings } });
    } catch (err) {
      setDecisionError(t('report.decisionFailed', { message: errorMessage(err, t('errors.network')) }));
    }
  }, [api, detail, report, onUpdate, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const inFindings = !!target?.closest('.doc-text, .finding-list');
      if (e.key === 'n' || (inFindings && (e.key === 'ArrowDown' || e.key === 'ArrowRight'))) { e.preventDefault(); step(1); }
      else if (e.key === 'p' || (inFindings && (e.key === 'ArrowUp' || e.key === 'ArrowLeft'))) { e.preventDefault(); step(-1); }
      else if ((e.key === 'a' || e.key === 'r') && selected !== undefined && inFindings) { e.preventDefault(); void decide(selected, e.key === 'a' ? 'accepted' : 'rejected'); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, decide, selected]);

  const segments = useMemo(() => (report.text !== undefined ? segmentText(report.text, report.findings) : []), [report.text, report.findings]);
  const legend = useMemo(() => {
    const byCat = new Map<HighlightCategory, Set<string>>();
    for (const f of report.findings) {
      const c = typeCategory(f.type);
      if (!byCat.has(c)) byCat.set(c, new Set());
      byCat.get(c)!.add(f.type);
    }
    return CATEGORY_ORDER.filter((c) => byCat.has(c)).map((c) => ({ category: c, types: [...byCat.get(c)!] }));
  }, [report.findings]);

  const position = selected === undefined ? 0 : order.indexOf(selected) + 1;
  const methodLabel = t(`report.method.${report.extraction.method}`);

  return (
    <div className="screen report-screen">
      {back}
      <header className="report-header">
        <div className="report-heading">
          <h1 className="report-title" title={report.file}>{detail.summary.name}</h1>
          <p className="muted">{t('report.meta', { mediaType: report.mediaType, pages: t('common.pages', { count: report.pages }), method: methodLabel })}</p>
        </div>
        <RiskBadge level={report.risk.level} score={report.risk.score} />
      </header>

      <div className="report-grid">
        <section className="card doc-card" aria-labelledby="doc-title">
          <div className="card-head">
            <h2 id="doc-title">{t('report.text')}</h2>
            {order.length > 0 && (
              <div className="stepper">
                <button type="button" className="icon-button" onClick={() => step(-1)} aria-label={t('report.prev')}>↑</button>
                <span className="muted" aria-live="polite">{t('report.position', { current: position, total: order.length })}</span>
                <button type="button" className="icon-button" onClick={() => step(1)} aria-label={t('report.next')}>↓</button>
              </div>
            )}
          </div>
          {legend.length > 0 && (
            <div className="legend" aria-label={t('report.legend')}>
              {legend.map(({ category, types }) => (
                <span key={category} className="legend-item">
                  <span className={`swatch hl-${category}`} aria-hidden="true" />
                  <span><b>{t(`category.${category}`)}</b>: {types.map((ty) => typeLabel(ty, i18n.language)).join(', ')}</span>
                </span>
              ))}
            </div>
          )}
          <p className="help" id="doc-help">{t('report.textHelp')}</p>
          {report.text === undefined
            ? <Notice kind="info">{t('report.noText')}</Notice>
            : (
              <div className="doc-text" data-testid="doc-text" aria-describedby="doc-help">
                {segments.map((s) => s.kind === 'text'
                  ? <span key={`t${s.start}`}>{s.text}</span>
                  : (
                    <mark
                      key={`f${s.index}`}
                      ref={(el) => { if (el) markRefs.current.set(s.index, el); else markRefs.current.delete(s.index); }}
                      className={`hl hl-${typeCategory(s.finding.type)}${s.finding.decision === 'rejected' ? ' rejected' : ''}${selected === s.index ? ' selected' : ''}`}
                      tabIndex={selected === s.index ? 0 : -1}
                      data-finding={s.index}
                      data-type={s.finding.type}
                      aria-label={t('report.findingLabel', { type: typeLabel(s.finding.type, i18n.language), text: s.text })}
                      title={typeLabel(s.finding.type, i18n.language)}
                      onClick={() => focusFinding(s.index)}
                      onFocus={() => setSelected(s.index)}
                    >{s.text}</mark>
                  ))}
              </div>
            )}
        </section>

        <div className="report-side">
          <section className="card" aria-labelledby="risk-title">
            <h2 id="risk-title">{t('report.riskTitle')}</h2>
            <div className="risk-summary">
              <div className={`risk-meter risk-${report.risk.level}`} aria-hidden="true"><span>{report.risk.score}</span></div>
              <div>
                <RiskBadge level={report.risk.level} />
                <p className="muted small">{t('risk.score', { score: report.risk.score })}</p>
              </div>
            </div>
            <h3 className="small-heading">{t('report.reasons')}</h3>
            {report.risk.reasons.length === 0
              ? <p className="muted">{t('report.noReasons')}</p>
              : <ul className="reasons">{report.risk.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>}
            {report.warnings && report.warnings.length > 0 && (
              <details className="warnings"><summary>{t('report.warnings')} ({report.warnings.length})</summary><ul>{report.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul></details>
            )}
          </section>


          <section className="card findings-card" aria-labelledby="findings-title">
            <h2 id="findings-title">{t('report.findings')} <span className="count">{report.findings.length}</span></h2>
            {decisionError && <Notice kind="error" onDismiss={() => setDecisionError(undefined)}>{decisionError}</Notice>}
            {report.findings.length === 0
              ? <EmptyState title={t('report.noFindingsTitle')} icon="search">{t('report.noFindingsBody')}</EmptyState>
              : (
                <ol className="finding-list" data-testid="finding-list">
                  {order.map((index) => {
                    const f = report.findings[index]!;
                    return <FindingItem key={index} index={index} finding={f} selected={selected === index}
                      itemRef={(el) => { if (el) itemRefs.current.set(index, el); else itemRefs.current.delete(index); }}
                      onSelect={() => focusFinding(index, false)} onDecide={(d) => void decide(index, d)} />;
                  })}
                </ol>
              )}
          </section>

          <ExportPanel api={api} detail={detail} nativeDialogs={nativeDialogs} />
        </div>
      </div>
    </div>
  );
}

/** Scrolls `container` so that `el` is in its middle (no-op when it is already fully visible). */
function centreIn(el: HTMLElement, container: Element | null): void {
  if (!(container instanceof HTMLElement)) return;
  const box = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top >= box.top + 8 && r.bottom <= box.bottom - 8) return;
  container.scrollTo({ top: container.scrollTop + (r.top - box.top) - box.height / 2 + r.height / 2, behavior: 'smooth' });
}

function FindingItem({ index, finding, selected, itemRef, onSelect, onDecide }: {
  index: number; finding: Finding; selected: boolean; itemRef: (el: HTMLLIElement | null) => void; onSelect: () => void; onDecide: (d: 'accepted' | 'rejected') => void;
}) {
  const { t, i18n } = useTranslation();
  const rejected = finding.decision === 'rejected';
  const accepted = finding.decision === 'accepted';
  const cat = typeCategory(finding.type);
  return (
    <li ref={itemRef} className={`finding${selected ? ' selected' : ''}${rejected ? ' rejected' : ''}`} data-testid="finding" data-index={index} tabIndex={-1}>
      <button type="button" className="finding-main" onClick={onSelect} aria-current={selected ? 'true' : undefined}>
        <span className={`finding-type cat-${cat}`}><span className={`swatch hl-${cat}`} aria-hidden="true" />{typeLabel(finding.type, i18n.language)}</span>
        <span className="finding-text">{finding.text}</span>
        {finding.reason && <span className="finding-reason">{finding.reason}</span>}
        <span className="finding-meta">
          {t('report.confidence', { value: Math.round(finding.confidence * 100) })} · {t('common.page', { page: finding.page })}
          {finding.validated && <> · <span className="validated" title={t('report.validatedHelp')}>✓ {t('report.validated')}</span></>}
        </span>
      </button>
      <div className="decision" role="group" aria-label={typeLabel(finding.type, i18n.language)}>
        <button type="button" className={`seg${accepted ? ' on' : ''}`} aria-pressed={accepted} onClick={() => onDecide('accepted')}>{t('report.accept')}</button>
        <button type="button" className={`seg reject${rejected ? ' on' : ''}`} aria-pressed={rejected} onClick={() => onDecide('rejected')}>{t('report.reject')}</button>
      </div>
      {rejected && <span className="rejected-note">{t('report.rejectedState')}</span>}
    </li>
  );
}

const FORM_BUTTONS: Array<{ type: FormType; key: string }> = [
  { type: 'report', key: 'report.exportReport' },
  { type: 'consent', key: 'report.exportConsent' },
  { type: 'ripd', key: 'report.exportRipd' },
  { type: 'record', key: 'report.exportRecord' },
];

function ExportPanel({ api, detail, nativeDialogs }: { api: SigiloApi; detail: ReportDetail; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | undefined>();
  const [mode, setMode] = useState<RedactionMode>('label');
  const [result, setResult] = useState<{ kind: 'success' | 'error' | 'info'; text: string; path?: string } | undefined>();

  const run = async (key: string, call: () => Promise<{ path: string; bytes: number } | { cancelled: true }>) => {
    setBusy(key);
    setResult(undefined);
    try {
      const r = await call();
      if ('cancelled' in r) setResult({ kind: 'info', text: t('report.exportCancelled') });
      else setResult({ kind: 'success', text: t('report.exported', { path: r.path }), path: r.path });
    } catch (err) {
      setResult({ kind: 'error', text: t('report.exportFailed', { message: errorMessage(err, t('errors.network')) }) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('report.exports')}</h2>
      <div className="export-grid">
        {FORM_BUTTONS.map(({ type, key }) => (
          <button key={type} type="button" className="button" disabled={!!busy} onClick={() => void run(type, () => api.exportForm({ reportId: detail.reportId, type }))} data-testid={`export-${type}`}>
            {busy === type ? t('report.exporting') : t(key)}
          </button>
        ))}
      </div>
      <div className="redact-row">
        <label className="field-inline">
          <span>{t('report.redactMode')}</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as RedactionMode)} disabled={!detail.canRedact}>
            <option value="label">{t('report.redactModes.label')}</option>
            <option value="block">{t('report.redactModes.block')}</option>
            <option value="pseudonym">{t('report.redactModes.pseudonym')}</option>
          </select>
        </label>
        <button type="button" className="button primary" disabled={!!busy || !detail.canRedact} onClick={() => void run('redact', () => api.exportRedacted({ reportId: detail.reportId, mode }))} data-testid="export-redacted">
          {busy === 'redact' ? t('report.exporting') : t('report.exportRedacted')}
        </button>
      </div>
      {!detail.canRedact && <p className="help">{t('report.redactUnavailable')}</p>}
      {result && (
        <Notice kind={result.kind} onDismiss={() => setResult(undefined)}
          action={result.path && nativeDialogs ? <button type="button" className="button small" onClick={() => void api.revealPath({ path: result.path! })}>{t('common.showInFolder')}</button> : undefined}>
          <span className="break">{result.text}</span>
        </Notice>
      )}
    </section>
  );
}
