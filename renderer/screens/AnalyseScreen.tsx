import { useEffect, useRef, useState, type DragEvent, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus, ResultSummary, SigiloApi } from '../../electron/shared/api.js';
import { RISK_LEVELS, type RiskLevel } from '../../electron/shared/report.js';
import { errorMessage } from '../lib/api.js';
import { fromDataTransfer, fromFileList, type PickedFiles } from '../lib/picked-files.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Notice } from '../components/Notice.js';
import { ResultsList } from './ResultsList.js';
import { BatchExport } from '../components/BatchExport.js';

interface Props {
  api: SigiloApi;
  nativeDialogs: boolean;
  job: JobStatus | undefined;
  onJob: Dispatch<SetStateAction<JobStatus | undefined>>;
  resultsVersion: number;
  onOpen: (reportId: string) => void;
}

export function AnalyseScreen({ api, nativeDialogs, job, onJob, resultsVersion, onOpen }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const running = job?.state === 'running';

  const start = async (picked: Promise<PickedFiles>) => {
    setError(undefined);
    setReading(true);
    try {
      const { paths, uploads } = await picked;
      if (paths.length + uploads.length === 0) { setError(t('errors.nothingDropped')); return; }
      const { jobId } = await api.analysisStart({ paths, uploads });
      const initial: JobStatus = { jobId, state: 'running', progress: 0, files: [...paths.map((p) => p.split(/[\\/]/).pop() ?? p), ...uploads.map((u) => u.name)].map((name) => ({ name, stage: 'queued', progress: 0 })) };
      // a progress event may already have arrived for this job: keep the newer state
      onJob((current) => (current?.jobId === jobId ? current : initial));
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    } finally {
      setReading(false);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (running || reading) return;
    void start(fromDataTransfer(e.dataTransfer, api));
  };

  const choose = async (folders: boolean) => {
    if (!nativeDialogs) { inputRef.current?.click(); return; }
    try {
      const { paths } = await api.chooseFiles({ folders });
      if (paths.length) void start(Promise.resolve({ paths, uploads: [] }));
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      await api.analysisCancel({ jobId: job.jobId });
      onJob(await api.analysisStatus({ jobId: job.jobId }));
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    }
  };

  const done = job ? job.files.filter((f) => f.stage === 'done' || f.stage === 'error').length : 0;

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('analyse.title')}</h1>
        <p className="lede">{t('analyse.intro')}</p>
      </header>

      <div
        className={`dropzone${dragging ? ' dragging' : ''}${running ? ' disabled' : ''}${job || resultsVersion > 0 ? ' compact' : ''}`}
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = running ? 'none' : 'copy'; setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <svg className="drop-icon" viewBox="0 0 48 48" aria-hidden="true"><path d="M24 30V8 M15 17l9-9 9 9 M8 30v8h32v-8" /></svg>
        <div className="drop-text">
          <p className="drop-title">{dragging ? t('analyse.dropActive') : t('analyse.dropTitle')}</p>
          <p className="muted">{t('analyse.dropHint')}</p>
        </div>
        <div className="drop-actions">
          <button type="button" className="button primary" onClick={() => void choose(false)} disabled={running || reading}>{t('analyse.chooseFiles')}</button>
          {nativeDialogs && <button type="button" className="button" onClick={() => void choose(true)} disabled={running || reading}>{t('analyse.chooseFolder')}</button>}
        </div>
        <input
          ref={inputRef}
          type="file"
          multiple
          className="visually-hidden"
          aria-label={t('analyse.fileInputLabel')}
          data-testid="file-input"
          tabIndex={-1}
          onChange={(e) => { const list = e.currentTarget.files; void start(fromFileList(list, api)).finally(() => { if (inputRef.current) inputRef.current.value = ''; }); }}
        />
      </div>

      {error && <Notice kind="error" onDismiss={() => setError(undefined)}>{error}</Notice>}
      {reading && <Notice kind="info">{t('analyse.readingFiles')}</Notice>}

      {job && (
        <section className="card queue" aria-labelledby="queue-title" data-testid="queue">
          <div className="card-head">
            <h2 id="queue-title">{t('analyse.queueTitle')}</h2>
            {running
              ? <button type="button" className="button danger-ghost" onClick={() => void cancel()}>{t('analyse.cancel')}</button>
              : <button type="button" className="button small" onClick={() => onJob(undefined)}>{t('analyse.clearQueue')}</button>}
          </div>
          <div className="overall">
            <ProgressBar value={job.progress} label={t('analyse.overall')} valueText={t('analyse.overallValue', { done, total: job.files.length })} />
            <span className="overall-text" aria-live="polite">{t('analyse.overallValue', { done, total: job.files.length })}</span>
          </div>
          {job.state === 'cancelled' && <Notice kind="warning">{t('analyse.cancelled')}</Notice>}
          {job.state === 'failed' && <Notice kind="error">{t('analyse.failed', { message: job.error ?? '' })}</Notice>}
          <ul className="queue-list">
            {job.files.map((f, i) => (
              <li key={i} className={`queue-item stage-${f.stage}`}>
                <span className="queue-name" title={f.name}>{f.name || '…'}</span>
                <ProgressBar size="sm" value={f.progress} label={f.name} valueText={t(`analyse.stage.${f.stage}`)} />
                <span className="queue-stage">{t(`analyse.stage.${f.stage}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Results api={api} version={resultsVersion} onOpen={onOpen} />
    </div>
  );
}

function Results({ api, version, onOpen }: { api: SigiloApi; version: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<'risk' | 'name' | 'findings' | 'recent'>('risk');
  const [level, setLevel] = useState<RiskLevel | ''>('');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ResultSummary[] | undefined>();
  const [all, setAll] = useState<ResultSummary[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const any = all.length > 0;

  useEffect(() => {
    let live = true;
    const args = { sort, ...(level ? { level } : {}), ...(query.trim() ? { query: query.trim() } : {}) };
    Promise.all([api.resultsList(args), api.resultsList({ sort })]).then(([filtered, all]) => {
      if (!live) return;
      setItems(filtered);
      setAll(all);
      setError(undefined);
    }).catch((err: unknown) => live && setError(errorMessage(err, t('errors.network'))));
    return () => { live = false; };
  }, [api, sort, level, query, version, t]);

  return (
    <section className="card results" aria-labelledby="results-title">
      <div className="card-head">
        <h2 id="results-title">{t('results.title')}</h2>
        {any && (
          <div className="filters">
            <label className="field-inline">
              <span>{t('results.sort')}</span>
              <select value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
                <option value="risk">{t('results.sortRisk')}</option>
                <option value="findings">{t('results.sortFindings')}</option>
                <option value="name">{t('results.sortName')}</option>
                <option value="recent">{t('results.sortRecent')}</option>
              </select>
            </label>
            <label className="field-inline">
              <span>{t('results.filterLevel')}</span>
              <select value={level} onChange={(e) => setLevel(e.target.value as RiskLevel | '')}>
                <option value="">{t('common.all')}</option>
                {[...RISK_LEVELS].reverse().map((l) => <option key={l} value={l}>{t(`risk.${l}`)}</option>)}
              </select>
            </label>
            <label className="field-inline">
              <span className="visually-hidden">{t('results.filterQuery')}</span>
              <input type="search" value={query} placeholder={t('results.filterQueryPlaceholder')} aria-label={t('results.filterQuery')} onChange={(e) => setQuery(e.target.value)} />
            </label>
            <button type="button" className={`button${batchOpen ? ' pressed' : ''}`} aria-expanded={batchOpen} aria-controls="batch-panel" onClick={() => setBatchOpen((o) => !o)} data-testid="batch-toggle">
              <svg className="btn-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 4v11 M7 10l5 5 5-5 M5 19h14" /></svg>
              {t('batch.open')}
            </button>
          </div>
        )}
      </div>
      {any && batchOpen && <div id="batch-panel"><BatchExport api={api} items={all} /></div>}
      {error && <Notice kind="error">{error}</Notice>}
      <ResultsList items={items} any={any} onOpen={onOpen} onClear={() => { setLevel(''); setQuery(''); }} />
    </section>
  );
}
