import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PluginCandidate, PluginInfo, SigiloApi } from '../../electron/shared/api.js';
import { errorMessage } from '../lib/api.js';
import { CardHead } from './CardHead.js';
import { Notice } from './Notice.js';

/** The trust status in plain words ("Assinado por Sigilo", "Não assinado — só com modo de desenvolvedor"…). */
export function trustLabel(p: { trust?: PluginInfo['trust']; signer?: string; bundled?: boolean }, t: TFunction): string {
  switch (p.trust) {
    case 'trusted': return p.bundled || !p.signer || /sigilo/i.test(p.signer) ? t('plugins.trust.sigilo') : t('plugins.trust.partner', { name: p.signer });
    case 'untrusted': return t('plugins.trust.untrusted');
    case 'unsigned': return t('plugins.trust.unsigned');
    case 'invalid': return t('plugins.trust.invalid');
    default: return t('plugins.trust.unknown');
  }
}

/** Developer mode: off by default; turning it on needs a second, explicit confirmation. */
export function DevMode({ api, onPlugins }: { api: SigiloApi; onPlugins: (p: PluginInfo[]) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState<boolean | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => { api.pluginSettings().then((s) => setOn(s.devMode)).catch(() => setOn(false)); }, [api]);

  const set = async (value: boolean) => {
    setError(undefined);
    setConfirming(false);
    try {
      const r = await api.pluginDevMode({ on: value });
      setOn(r.devMode);
      onPlugins(r.plugins);
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    }
  };

  if (on === undefined) return null;
  return (
    <section className={`card dev-mode${on ? ' on' : ''}`} aria-labelledby="dev-title" data-testid="dev-mode">
      <CardHead id="dev-title" title={t('plugins.devMode')} help={on ? t('plugins.devModeOnHelp') : t('plugins.devModeOffHelp')}>
        <label className="switch">
          <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={() => (on ? void set(false) : setConfirming(true))} aria-label={t('plugins.devMode')} data-testid="dev-mode-switch" />
          <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
          <span className="switch-label">{on ? t('plugins.devModeOn') : t('plugins.devModeOff')}</span>
        </label>
      </CardHead>
      {confirming && (
        <Notice kind="warning" action={(
          <span className="form-actions-inline">
            <button type="button" className="button small danger-ghost" onClick={() => void set(true)} data-testid="dev-mode-confirm">{t('plugins.devModeConfirm')}</button>
            <button type="button" className="button small" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </span>
        )}>{t('plugins.devModeWarning')}</Notice>
      )}
      {on && !confirming && <Notice kind="warning">{t('plugins.devModeActive')}</Notice>}
      {error && <Notice kind="error" onDismiss={() => setError(undefined)}>{error}</Notice>}
    </section>
  );
}

/** Install from a .sigilo-plugin file or a folder: inspect, show what it asks for, grant explicitly, install. */
export function PluginInstall({ api, onInstalled }: { api: SigiloApi; onInstalled: (plugins: PluginInfo[], message: string) => void }) {
  const { t } = useTranslation();
  const [candidate, setCandidate] = useState<PluginCandidate | undefined>();
  const [grants, setGrants] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [blocked, setBlocked] = useState<string | undefined>();

  const inspect = async (from: 'file' | 'folder') => {
    setError(undefined);
    setBlocked(undefined);
    setBusy(true);
    try {
      const r = await api.pluginInspect({ from });
      if (!('cancelled' in r)) { setCandidate(r); setGrants(new Set()); }
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };

  const install = async () => {
    if (!candidate) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.pluginInstall({ path: candidate.path, grants: [...grants] as Array<'log' | 'audit'> });
      setCandidate(undefined);
      if (r.installed.blocked) setBlocked(r.installed.blocked);
      onInstalled(r.plugins, r.installed.previous
        ? t('plugins.upgraded', { name: candidate.name, from: r.installed.previous, to: r.installed.version })
        : t('plugins.installed', { name: candidate.name, version: r.installed.version }));
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card plugin-install" aria-labelledby="install-title" data-testid="plugin-install">
      <CardHead id="install-title" title={t('plugins.installTitle')} help={t('plugins.installHelp')}>
        <div className="form-actions-inline">
          <button type="button" className="button" onClick={() => void inspect('file')} disabled={busy} data-testid="install-file">{t('plugins.installFile')}</button>
          <button type="button" className="button" onClick={() => void inspect('folder')} disabled={busy} data-testid="install-folder">{t('plugins.installFolder')}</button>
        </div>
      </CardHead>
      {candidate && (
        <div className="candidate" data-testid="candidate">
          <p className="strong">{candidate.name} <span className="muted small"><code>{candidate.id}</code> · {t('plugins.version', { version: candidate.version })} · {t('plugins.author', { author: candidate.author })}</span></p>
          {candidate.description && <p className="plugin-desc">{candidate.description}</p>}
          <p className={`trust-line trust-${candidate.trust}`} title={candidate.trustMessage}>{trustLabel(candidate, t)}</p>
          {candidate.installedVersion && !candidate.refusal && <p className="help">{t('plugins.upgradeFrom', { from: candidate.installedVersion, to: candidate.version })}</p>}
          <fieldset className="batch-group">
            <legend>{t('plugins.requested')}</legend>
            {candidate.requested.length === 0
              ? <p className="muted small">{t('plugins.requestsNothing')}</p>
              : candidate.requested.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" checked={grants.has(c)} disabled={!!candidate.refusal}
                    onChange={(e) => setGrants((g) => { const n = new Set(g); if (e.target.checked) n.add(c); else n.delete(c); return n; })} data-testid={`candidate-grant-${c}`} />
                  <span>{t(`plugins.permission.${c}`, { defaultValue: c })}<span className="help block">{t(`plugins.permissionHelp.${c}`, { defaultValue: '' })}</span></span>
                </label>
              ))}
            {candidate.requested.length > 0 && <p className="help">{t('plugins.grantHelp')}</p>}
          </fieldset>
          {candidate.refusal && <Notice kind="error">{candidate.refusal}</Notice>}
          <div className="form-actions-inline">
            {!candidate.refusal && (
              <button type="button" className="button primary" onClick={() => void install()} disabled={busy} data-testid="install-confirm">
                {candidate.installedVersion ? t('plugins.upgrade') : t('plugins.install')}
              </button>
            )}
            <button type="button" className="button" onClick={() => setCandidate(undefined)} disabled={busy}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      {blocked && <Notice kind="warning" onDismiss={() => setBlocked(undefined)}>{t('plugins.blocked', { message: blocked })}</Notice>}
      {error && <Notice kind="error" onDismiss={() => setError(undefined)}>{error}</Notice>}
    </section>
  );
}
