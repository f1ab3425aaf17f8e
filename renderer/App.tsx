import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, JobStatus, SigiloApi } from '../electron/shared/api.js';
import type { Settings } from '../electron/shared/settings.js';
import { errorMessage } from './lib/api.js';
import { setLanguage } from './lib/i18n.js';
import { AnalyseScreen } from './screens/AnalyseScreen.js';
import { ReportScreen } from './screens/ReportScreen.js';
import { PluginsScreen } from './screens/PluginsScreen.js';
import { HistoryScreen } from './screens/HistoryScreen.js';
import { SettingsScreen } from './screens/SettingsScreen.js';
import { Notice } from './components/Notice.js';
import { Logo } from './components/Logo.js';

export type Section = 'analyse' | 'plugins' | 'history' | 'settings';
export type Route = { section: Section; reportId?: string };

const SECTIONS: Section[] = ['analyse', 'history', 'plugins', 'settings'];

export function App({ api }: { api: SigiloApi }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ section: 'analyse' });
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [job, setJob] = useState<JobStatus | undefined>();
  const [resultsVersion, setResultsVersion] = useState(0);
  const [fatal, setFatal] = useState<string | undefined>();
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    Promise.all([api.appInfo(), api.settingsGet()]).then(([i, s]) => {
      setInfo(i);
      setSettings(s);
      setLanguage(s.language);
    }).catch((err: unknown) => setFatal(errorMessage(err, t('errors.network'))));
  }, [api, t]);

  // progress events; a poll backs them up in case an event is missed
  useEffect(() => api.on('analysisProgress', (status) => {
    setJob((current) => (!current || current.jobId === status.jobId ? status : current));
    if (status.files.some((f) => f.reportId)) setResultsVersion((v) => v + 1);
  }), [api]);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(() => {
      api.analysisStatus({ jobId: job.jobId }).then((s) => {
        setJob((current) => (current?.jobId === s.jobId ? s : current));
        setResultsVersion((v) => v + 1);
      }).catch(() => {});
    }, 1000);
    return () => clearInterval(timer);
  }, [api, job?.jobId, job?.state]);

  const go = useCallback((next: Route) => {
    setRoute(next);
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);

  const onSettings = useCallback((s: Settings) => { setSettings(s); setLanguage(s.language); }, []);

  let content;
  if (route.reportId) {
    content = <ReportScreen api={api} reportId={route.reportId} from={route.section} nativeDialogs={info?.nativeDialogs ?? false} onBack={() => go({ section: route.section })} onChanged={() => setResultsVersion((v) => v + 1)} />;
  } else if (route.section === 'analyse') {
    content = <AnalyseScreen api={api} nativeDialogs={info?.nativeDialogs ?? false} job={job} onJob={setJob} resultsVersion={resultsVersion} onOpen={(reportId) => go({ section: 'analyse', reportId })} />;
  } else if (route.section === 'plugins') {
    content = <PluginsScreen api={api} />;
  } else if (route.section === 'history') {
    content = <HistoryScreen api={api} version={resultsVersion} onOpen={(reportId) => go({ section: 'history', reportId })} />;
  } else {
    content = <SettingsScreen api={api} info={info} settings={settings} onSaved={onSettings} />;
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>{t('app.skip')}</a>
      <aside className="sidebar">
        <div className="brand">
          <Logo />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-version">{info ? `v${info.version}` : ''}</div>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {SECTIONS.map((section) => (
              <li key={section}>
                <button
                  type="button"
                  className={`nav-item${route.section === section ? ' active' : ''}`}
                  aria-current={route.section === section ? 'page' : undefined}
                  onClick={() => go({ section })}
                  data-testid={`nav-${section}`}
                >
                  <NavIcon section={section} />
                  {t(`nav.${section}`)}
                  {section === 'analyse' && job?.state === 'running' && <span className="nav-pulse" aria-hidden="true" />}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <p className="sidebar-foot"><span className="lock" aria-hidden="true">●</span>{t('app.offline')}</p>
      </aside>
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        {fatal && <Notice kind="error">{fatal}</Notice>}
        {content}
      </main>
    </div>
  );
}

function NavIcon({ section }: { section: Section }) {
  const d = {
    analyse: 'M5 4h9l5 5v11H5z M14 4v5h5 M8 14h8 M8 17h5',
    history: 'M12 4a8 8 0 1 1-8 8 M4 5v4h4 M12 8v4l3 2',
    plugins: 'M9 3v5 M15 3v5 M6 8h12v3a6 6 0 0 1-12 0z M12 17v4',
    settings: 'M4 7h10 M18 7h2 M4 17h4 M12 17h8 M14 5v4 M8 15v4',
  }[section];
  return <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true"><path d={d} /></svg>;
}
