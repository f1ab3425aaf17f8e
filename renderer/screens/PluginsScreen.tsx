import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginInfo, SigiloApi } from '../../electron/shared/api.js';
import { errorMessage } from '../lib/api.js';
import { formatNumber, typeLabel } from '../lib/format.js';
import { EmptyState } from '../components/EmptyState.js';
import { Loading, Notice } from '../components/Notice.js';
import { PluginInstall, DevMode, trustLabel } from '../components/PluginLifecycle.js';
import { TrustedKeys } from '../components/TrustedKeys.js';

export function PluginsScreen({ api }: { api: SigiloApi }) {
  const { t, i18n } = useTranslation();
  const [plugins, setPlugins] = useState<PluginInfo[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | undefined>();
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>();

  const act = async (id: string, fn: () => Promise<PluginInfo[]>, message?: string) => {
    setBusy(id);
    setError(undefined);
    setDone(undefined);
    try {
      setPlugins(await fn());
      if (message) setDone(message);
    } catch (err) {
      setError(t('plugins.actionFailed', { message: errorMessage(err, t('errors.network')) }));
    } finally {
      setBusy(undefined);
    }
  };

  useEffect(() => {
    let live = true;
    setError(undefined);
    api.pluginsList().then((p) => live && setPlugins(p)).catch((err: unknown) => live && setError(errorMessage(err, t('errors.network'))));
    return () => { live = false; };
  }, [api, attempt, t]);

  const toggle = async (p: PluginInfo) => {
    setBusy(p.id);
    setError(undefined);
    try {
      setPlugins(await api.pluginSetEnabled({ id: p.id, enabled: !p.enabled }));
    } catch (err) {
      setError(t('plugins.toggleFailed', { message: errorMessage(err, t('errors.network')) }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('plugins.title')}</h1>
        <p className="lede">{t('plugins.intro')}</p>
      </header>
      <PluginInstall api={api} onInstalled={(list, message) => { setPlugins(list); setDone(message); }} />
      {done && <Notice kind="success" onDismiss={() => setDone(undefined)}>{done}</Notice>}
      {error && <Notice kind="error" action={<button type="button" className="button small" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>{error}</Notice>}
      {!plugins && !error && <Loading label={t('common.loading')} />}
      {plugins && plugins.length === 0 && <div className="card"><EmptyState title={t('plugins.emptyTitle')} icon="plug">{t('plugins.emptyBody')}</EmptyState></div>}
      {plugins && plugins.length > 0 && (
        <ul className="plugin-list" data-testid="plugins">
          {plugins.map((p) => (
            <li key={p.id} className={`card plugin${p.enabled ? '' : ' off'}`} data-testid={`plugin-${p.id}`}>
              <div className="plugin-head">
                <div>
                  <h2 className="plugin-name">{p.name}</h2>
                  <p className="muted small"><code>{p.id}</code> · {t('plugins.version', { version: p.version })} · {t('plugins.author', { author: p.author })}{p.bundled ? ` · ${t('plugins.bundled')}` : ''}</p>
                </div>
                <label className="switch">
                  <input type="checkbox" role="switch" checked={p.enabled} aria-checked={p.enabled} disabled={busy === p.id} onChange={() => void toggle(p)} aria-label={t('plugins.toggle', { name: p.name })} />
                  <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
                  <span className="switch-label">{p.enabled ? t('plugins.enabled') : t('plugins.disabled')}</span>
                </label>
              </div>
              <p className={`trust-line trust-${p.trust ?? 'unknown'}`} title={p.trustMessage} data-testid="trust">{trustLabel(p, t)}</p>
              {p.description && <p className="plugin-desc">{p.description}</p>}
              {p.loadError && <Notice kind="error">{t('plugins.loadError', { message: p.loadError })}</Notice>}
              <dl className="plugin-facts">
                <div>
                  <dt>{t('plugins.permissions')}</dt>
                  <dd>{p.capabilities.length === 0 ? <span className="muted">{t('plugins.noPermissions')}</span>
                    : (
                      <ul className="grant-list">
                        {p.capabilities.map((c) => {
                          const granted = (p.grants ?? p.capabilities).includes(c);
                          return (
                            <li key={c}>
                              <span className={granted ? 'granted' : 'not-granted'}>{granted ? '✓' : '—'} {t(`plugins.permission.${c}`, { defaultValue: c })}</span>
                              <span className="muted small"> · {granted ? t('plugins.granted') : t('plugins.notGranted')}</span>
                              {p.grants && (
                                <button type="button" className="link-button small" disabled={busy === p.id}
                                  onClick={() => void act(p.id, () => api.pluginGrant({ id: p.id, capability: c as 'log' | 'audit', granted: !granted }), granted ? t('plugins.revoked', { name: p.name }) : t('plugins.grantedDone', { name: p.name }))}
                                  data-testid={`${granted ? 'revoke' : 'grant'}-${c}`}>
                                  {granted ? t('plugins.revoke') : t('plugins.grant')}
                                </button>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}</dd>
                </div>
                {p.findingTypes.length > 0 && (
                  <div>
                    <dt>{t('plugins.types')}</dt>
                    <dd className="chips">{p.findingTypes.map((ty) => <span key={ty} className="chip subtle">{typeLabel(ty, i18n.language)}</span>)}</dd>
                  </div>
                )}
              </dl>
              <div className="stats">
                <div className="stat"><span className="stat-value">{formatNumber(p.stats.calls, i18n.language)}</span><span className="stat-label">{t('plugins.calls')}</span></div>
                <div className={`stat${p.stats.errors > 0 ? ' warn' : ''}`}><span className="stat-value">{formatNumber(p.stats.errors, i18n.language)}</span><span className="stat-label">{t('plugins.errors')}</span></div>
                <div className="stat"><span className="stat-value">{t('plugins.latencyValue', { value: formatNumber(p.stats.medianLatencyMs, i18n.language, 1) })}</span><span className="stat-label">{t('plugins.latency')}</span></div>
                <div className="stat"><span className="stat-value">{t('plugins.latencyValue', { value: formatNumber(p.stats.p95LatencyMs, i18n.language, 1) })}</span><span className="stat-label">{t('plugins.latencyP95')}</span></div>
                <div className={`stat${(p.stats.timeouts ?? 0) > 0 ? ' warn' : ''}`}><span className="stat-value">{formatNumber(p.stats.timeouts ?? 0, i18n.language)}</span><span className="stat-label">{t('plugins.timeouts')}</span></div>
                <div className="stat"><span className="stat-value">{p.stats.memoryHighWaterPages ? t('plugins.memoryValue', { value: formatNumber((p.stats.memoryHighWaterPages * 64) / 1024, i18n.language, 1) }) : '—'}</span><span className="stat-label">{t('plugins.memory')}</span></div>
                {p.instructionBudget !== undefined && (
                  <div className="stat" title={t('plugins.instructionsHelp', { budget: formatNumber(p.instructionBudget, i18n.language) })} data-testid="instructions">
                    <span className="stat-value">{p.stats.instructionsP50 !== undefined ? formatNumber(p.stats.instructionsP50, i18n.language) : '—'}</span>
                    <span className="stat-label">{t('plugins.instructions', { budget: formatNumber(p.instructionBudget, i18n.language) })}</span>
                  </div>
                )}
              </div>
              {(p.source === 'installed' || p.previousVersion) && (
                <div className="plugin-actions">
                  {p.previousVersion && (
                    <button type="button" className="button small" disabled={busy === p.id} onClick={() => void act(p.id, () => api.pluginRollback({ id: p.id }), t('plugins.rolledBack', { name: p.name, version: p.previousVersion }))}>
                      {t('plugins.rollback', { version: p.previousVersion })}
                    </button>
                  )}
                  {p.source === 'installed' && (confirmRemove === p.id
                    ? (
                      <span className="confirm-inline">
                        {t('plugins.removeConfirm', { name: p.name })}
                        <button type="button" className="button small danger-ghost" onClick={() => { setConfirmRemove(undefined); void act(p.id, () => api.pluginRemove({ id: p.id }), t('plugins.removed', { name: p.name })); }} data-testid="remove-confirm">{t('plugins.remove')}</button>
                        <button type="button" className="button small" onClick={() => setConfirmRemove(undefined)}>{t('common.cancel')}</button>
                      </span>
                    )
                    : <button type="button" className="button small danger-ghost" disabled={busy === p.id} onClick={() => setConfirmRemove(p.id)} data-testid="remove">{t('plugins.remove')}</button>)}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <TrustedKeys api={api} onPlugins={setPlugins} />
      <DevMode api={api} onPlugins={setPlugins} />
    </div>
  );
}
