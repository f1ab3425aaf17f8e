import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchExportResult, ExportProgress, FormType, RedactionMode, ResultSummary, SigiloApi } from '../../electron/shared/api.js';
import { errorMessage } from '../lib/api.js';
import { Notice } from './Notice.js';
import { ProgressBar } from './ProgressBar.js';

const BATCH_FORMS: FormType[] = ['consent', 'ripd', 'record', 'report'];

/**
 * Exports for the whole batch (every document of the results list): redacted copies, one pseudonym table for
 * all of them, and/or compliance forms covering all of them, written into one folder the user chooses.
 */
export function BatchExport({ api, items }: { api: SigiloApi; items: ResultSummary[] }) {
  const { t } = useTranslation();
  const [redact, setRedact] = useState(true);
  const [mode, setMode] = useState<RedactionMode>('pseudonym');
  const [forms, setForms] = useState<Set<FormType>>(new Set());
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | undefined>();
  const [result, setResult] = useState<BatchExportResult | undefined>();
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();

  useEffect(() => (busy ? api.on('exportProgress', setProgress) : undefined), [api, busy]);

  const analysed = items.filter((i) => i.status === 'ok').length;
  const failed = items.length - analysed;
  const nothingChosen = !redact && forms.size === 0;

  const toggleForm = (type: FormType, on: boolean) => setForms((f) => {
    const next = new Set(f);
    if (on) next.add(type); else next.delete(type);
    return next;
  });

  const run = async () => {
    setBusy(true);
    setResult(undefined);
    setMessage(undefined);
    setProgress(undefined);
    try {
      const r = await api.exportBatch({ reportIds: items.map((i) => i.reportId), redaction: redact ? mode : null, forms: BATCH_FORMS.filter((f) => forms.has(f)) });
      if ('cancelled' in r) setMessage({ kind: 'info', text: t('batch.cancelled') });
      else setResult(r);
    } catch (err) {
      setMessage({ kind: 'error', text: t('batch.failed', { message: errorMessage(err, t('errors.network')) }) });
    } finally {
      setBusy(false);
    }
  };

  const reveal = (path: string) => { void api.revealPath({ path }).catch(() => {}); };

  return (
    <section className="batch-export" aria-labelledby="batch-title" data-testid="batch-export">
      <div className="batch-head">
        <h3 id="batch-title">{t('batch.title')}</h3>
        <span className="muted small">{t('batch.scope', { count: items.length })}{failed > 0 ? ` · ${t('batch.scopeErrors', { count: failed })}` : ''}</span>
      </div>
      <div className="batch-options">
        <fieldset className="batch-group">
          <legend>{t('batch.copies')}</legend>
          <label className="check">
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} disabled={busy} data-testid="batch-redact" />
            <span>{t('batch.redactAll', { count: analysed })}</span>
          </label>
          <label className="field-inline">
            <span>{t('report.redactMode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as RedactionMode)} disabled={busy || !redact} data-testid="batch-mode">
              <option value="pseudonym">{t('report.redactModes.pseudonym')}</option>
              <option value="label">{t('report.redactModes.label')}</option>
              <option value="block">{t('report.redactModes.block')}</option>
            </select>
          </label>
          <p className="help">{mode === 'pseudonym' ? t('batch.pseudonymHelp') : t('batch.redactHelp')}</p>
        </fieldset>
        <fieldset className="batch-group">
          <legend>{t('batch.forms')}</legend>
          <div className="batch-forms">
            {BATCH_FORMS.map((type) => (
              <label key={type} className="check">
                <input type="checkbox" checked={forms.has(type)} onChange={(e) => toggleForm(type, e.target.checked)} disabled={busy} data-testid={`batch-form-${type}`} />
                <span>{t(`batch.form.${type}`)}</span>
              </label>
            ))}
          </div>
          <p className="help">{t('batch.formsHelp')}</p>
        </fieldset>
      </div>
      <div className="batch-actions">
        <button type="button" className="button primary" onClick={() => void run()} disabled={busy || nothingChosen || items.length === 0} data-testid="batch-run">
          {busy ? t('batch.running') : t('batch.run')}
        </button>
        {busy && progress && !progress.finished && (
          <button type="button" className="button danger-ghost" onClick={() => void api.exportCancel({ batchId: progress.batchId }).catch(() => {})} data-testid="batch-stop">{t('batch.stop')}</button>
        )}
        {nothingChosen && <span className="muted small">{t('batch.chooseSomething')}</span>}
      </div>
      {busy && progress && progress.total > 0 && (
        <div className="batch-progress" aria-live="polite">
          <ProgressBar value={progress.done / progress.total} label={t('batch.progressLabel')} valueText={t('batch.progress', { done: progress.done, total: progress.total })} />
          <span className="muted small">{t('batch.progress', { done: progress.done, total: progress.total })}{progress.current ? ` — ${progress.current}` : ''}</span>
        </div>
      )}
      {message && <Notice kind={message.kind} onDismiss={() => setMessage(undefined)}>{message.text}</Notice>}
      {result && <BatchSummary result={result} onReveal={reveal} onDismiss={() => setResult(undefined)} />}
    </section>
  );
}

function BatchSummary({ result, onReveal, onDismiss }: { result: BatchExportResult; onReveal: (p: string) => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const warnings = result.items.reduce((n, i) => n + i.warnings.length, 0);
  const problems = [
    result.failed > 0 ? t('batch.failedCount', { count: result.failed }) : '',
    result.skipped > 0 ? t('batch.skippedCount', { count: result.skipped }) : '',
    warnings > 0 ? t('batch.warningCount', { count: warnings }) : '',
  ].filter(Boolean);
  const kind = result.failed > 0 || result.stopped ? 'warning' : 'success';
  return (
    <div className="batch-summary" data-testid="batch-summary">
      <Notice kind={kind} onDismiss={onDismiss} action={<button type="button" className="button small" onClick={() => onReveal(result.folder)}>{t('common.showInFolder')}</button>}>
        {result.stopped && <strong className="block">{t('batch.stopped')}</strong>}
        <strong>{t('batch.done', { copies: result.copies, forms: result.forms })}</strong>
        <span className="block">{t('batch.folder')} <code className="path">{result.folder}</code></span>
        {problems.length > 0 && <span className="block">{t('batch.problems', { list: problems.join(' · ') })}</span>}
      </Notice>
      <ul className="batch-items">
        {result.items.map((item, i) => (
          <li key={i} className={`batch-item status-${item.status}`} data-testid="batch-item">
            <span className="batch-icon" aria-hidden="true">{item.status === 'ok' ? '✓' : item.status === 'skipped' ? '–' : '!'}</span>
            <span className="batch-name">
              <span>{item.kind === 'form' ? t('batch.formItem', { name: item.name }) : item.name}</span>
              {item.output && <span className="muted small"> → {item.output.split(/[\\/]/).pop()}</span>}
              {item.error && <span className="block error-text small">{t(`batch.status.${item.status}`)}: {item.error}</span>}
              {item.warnings.map((w, j) => <span key={j} className="block warning-text small">{w}</span>)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
