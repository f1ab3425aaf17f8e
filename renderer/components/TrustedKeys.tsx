import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginInfo, SigiloApi, TrustKeys } from '../../electron/shared/api.js';
import { errorMessage } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { CardHead } from './CardHead.js';
import { Notice } from './Notice.js';

/** Largest public-key file read into the form (an Ed25519 PEM is ~113 bytes). */
const MAX_KEY_FILE_BYTES = 4096;

/**
 * The keys whose plugins run without developer mode: Sigilo's own (bundled plugins) and the partners' keys the
 * user adds here (pasted or read from the author's .pub file) or removes. Every change is audited by the main side.
 */
export function TrustedKeys({ api, onPlugins }: { api: SigiloApi; onPlugins: (plugins: PluginInfo[]) => void }) {
  const { t, i18n } = useTranslation();
  const [trust, setTrust] = useState<TrustKeys | undefined>();
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    api.trustList().then((r) => live && setTrust(r)).catch((err: unknown) => live && setError(errorMessage(err, t('errors.network'))));
    return () => { live = false; };
  }, [api, t]);

  const run = async <R extends TrustKeys & { plugins: PluginInfo[] }>(fn: () => Promise<R>, message: (r: R) => string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const r = await fn();
      setTrust({ keys: r.keys, ...(r.problem ? { problem: r.problem } : {}) });
      onPlugins(r.plugins);
      setDone(message(r));
      return true;
    } catch (err) {
      setError(errorMessage(err, t('errors.network')));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const ok = await run(() => api.trustAdd({ name: name.trim(), publicKey }), (r) => t('plugins.keys.added', { name: r.added.name }));
    if (ok) { setName(''); setPublicKey(''); }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    if (file.size > MAX_KEY_FILE_BYTES) { setError(t('plugins.keys.fileTooLarge')); return; }
    setPublicKey(await file.text());
    if (!name.trim()) setName(file.name.replace(/\.(pub|pem)$/i, ''));
  };

  const canAdd = name.trim().length > 0 && publicKey.trim().length > 0 && !busy;

  return (
    <section className="card trusted-keys" aria-labelledby="keys-title" data-testid="trusted-keys">
      <CardHead id="keys-title" title={t('plugins.keys.title')} help={t('plugins.keys.help')} />
      {trust?.problem && <Notice kind="error">{trust.problem}</Notice>}
      {trust && (
        <ul className="key-list" data-testid="key-list">
          {trust.keys.map((k) => (
            <li key={k.keyId} className="key-row" data-testid={`key-${k.keyId}`}>
              <div>
                <span className="strong">{k.name}</span>
                <span className="muted small"> · <code>{k.keyId}</code> · {k.source === 'bundled' ? t('plugins.keys.bundled') : t('plugins.keys.addedAt', { date: k.addedAt ? formatDateTime(k.addedAt, i18n.language) : '—' })}</span>
              </div>
              {k.source === 'user' && (confirmRemove === k.keyId
                ? (
                  <span className="confirm-inline">
                    {t('plugins.keys.removeConfirm', { name: k.name })}
                    <button type="button" className="button small danger-ghost" disabled={busy} data-testid="key-remove-confirm"
                      onClick={() => { setConfirmRemove(undefined); void run(() => api.trustRemove({ keyId: k.keyId }), () => t('plugins.keys.removed', { name: k.name })); }}>
                      {t('plugins.keys.remove')}
                    </button>
                    <button type="button" className="button small" onClick={() => setConfirmRemove(undefined)}>{t('common.cancel')}</button>
                  </span>
                )
                : <button type="button" className="button small danger-ghost" disabled={busy} onClick={() => setConfirmRemove(k.keyId)} data-testid="key-remove">{t('plugins.keys.remove')}</button>)}
            </li>
          ))}
        </ul>
      )}
      <form className="key-form" onSubmit={(e) => { e.preventDefault(); if (canAdd) void add(); }} aria-labelledby="keys-add-title">
        <h3 id="keys-add-title" className="small-title">{t('plugins.keys.addTitle')}</h3>
        <label className="field">
          <span className="field-label">{t('plugins.keys.name')}</span>
          <input type="text" value={name} maxLength={200} placeholder={t('plugins.keys.namePlaceholder')} onChange={(e) => setName(e.target.value)} data-testid="key-name" />
        </label>
        <label className="field">
          <span className="field-label">{t('plugins.keys.publicKey')}</span>
          <textarea rows={4} value={publicKey} spellCheck={false} placeholder="-----BEGIN PUBLIC KEY-----" onChange={(e) => setPublicKey(e.target.value)} data-testid="key-pem" aria-describedby="key-pem-help" />
          <span className="help" id="key-pem-help">{t('plugins.keys.publicKeyHelp')}</span>
        </label>
        <input ref={fileInput} type="file" accept=".pub,.pem,text/plain" hidden onChange={(e) => { void readFile(e.target.files?.[0]); e.target.value = ''; }} data-testid="key-file" />
        <div className="form-actions-inline">
          <button type="submit" className="button primary" disabled={!canAdd} data-testid="key-add">{t('plugins.keys.add')}</button>
          <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>{t('plugins.keys.fromFile')}</button>
        </div>
      </form>
      {done && <Notice kind="success" onDismiss={() => setDone(undefined)}>{done}</Notice>}
      {error && <Notice kind="error" onDismiss={() => setError(undefined)}>{error}</Notice>}
    </section>
  );
}
