import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, DataDirCheck, SigiloApi } from '../../electron/shared/api.js';
import { errorMessage } from '../lib/api.js';
import { Notice } from './Notice.js';

/**
 * The data folder (history, keys, settings): shows where it is and lets the user pick another one. The choice
 * is checked, saved outside the data folder and applied at the next start (the history cannot move while open).
 */
export function DataFolder({ api, info }: { api: SigiloApi; info: AppInfo | undefined }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string | undefined>(info?.pendingDataDir);
  const [offer, setOffer] = useState<DataDirCheck | undefined>();
  const [copy, setCopy] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => { setPending(info?.pendingDataDir); }, [info?.pendingDataDir]);

  const choose = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const r = await api.dataDirChoose();
      if (!('cancelled' in r)) { setOffer(r); setCopy(!r.hasHistory); }
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };

  const apply = async (target: string, copyCurrent: boolean) => {
    setError(undefined);
    setBusy(true);
    try {
      const r = await api.dataDirSet({ path: target, copyCurrent });
      setPending(r.pendingDataDir);
      setOffer(undefined);
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };

  const current = info?.dataDir;
  return (
    <div className="field wide data-folder" data-testid="data-folder">
      <span className="field-label">{t('settings.dataDir')}</span>
      <div className="data-folder-row">
        <code className="path" data-testid="data-dir">{current ?? '…'}</code>
        <button type="button" className="button small" onClick={() => void choose()} disabled={busy || !current} data-testid="data-dir-change">{t('settings.dataDirChange')}</button>
      </div>
      <span className="help">{t('settings.dataDirHelp')}</span>

      {offer && (
        <div className="data-folder-offer" role="group" aria-labelledby="data-offer-title" data-testid="data-dir-offer">
          <p id="data-offer-title" className="strong">{t('settings.dataDirChosen')} <code className="path">{offer.path}</code></p>
          <Notice kind={offer.ok ? 'info' : 'error'}>{offer.message}</Notice>
          {offer.ok && offer.path !== current && (
            <>
              {!offer.hasHistory && (
                <label className="check">
                  <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} data-testid="data-dir-copy" />
                  <span>{t('settings.dataDirCopy')}<span className="help block">{copy ? t('settings.dataDirCopyHelp') : t('settings.dataDirNoCopyHelp')}</span></span>
                </label>
              )}
              <p className="help">{t('settings.dataDirRestartNote')}</p>
            </>
          )}
          <div className="form-actions-inline">
            {offer.ok && offer.path !== current && <button type="button" className="button primary small" onClick={() => void apply(offer.path, copy && !offer.hasHistory)} disabled={busy} data-testid="data-dir-use">{t('settings.dataDirUse')}</button>}
            <button type="button" className="button small" onClick={() => setOffer(undefined)} disabled={busy}>{t('common.cancel')}</button>
          </div>
        </div>
      )}

      {pending && !offer && (
        <Notice kind="warning" action={current ? <button type="button" className="button small" onClick={() => void apply(current, false)} disabled={busy} data-testid="data-dir-undo">{t('settings.dataDirUndo')}</button> : undefined}>
          <span data-testid="data-dir-pending">{t('settings.dataDirPending', { path: pending })}</span>
        </Notice>
      )}
      {error && <Notice kind="error" onDismiss={() => setError(undefined)}>{error}</Notice>}
    </div>
  );
}
