import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SigiloApi } from '../../electron/shared/api.js';
import { LIMIT_RANGES, type ComplianceSettings, type Language, type Settings } from '../../electron/shared/settings.js';
import { LEGAL_BASES, LEGAL_BASIS_KEYS, type LegalBasis } from '../../electron/shared/compliance-settings.js';
import { errorMessage } from '../lib/api.js';
import { Loading, Notice } from '../components/Notice.js';
import { DataFolder } from '../components/DataFolder.js';

const LIMITS = {
  maxFileSizeMb: { ...LIMIT_RANGES.maxFileSizeMb, label: 'settings.maxFileSize' },
  maxPages: { ...LIMIT_RANGES.maxPages, label: 'settings.maxPages' },
  timeoutSeconds: { ...LIMIT_RANGES.timeoutSeconds, label: 'settings.timeout' },
} as const;
type LimitKey = keyof typeof LIMITS;

type PersonKey = 'controller' | 'dpo';
const PERSON_FIELDS: Array<{ group: PersonKey; key: string; type?: string; wide?: boolean; required?: boolean }> = [
  { group: 'controller', key: 'name', wide: true },
  { group: 'controller', key: 'cnpj' },
  { group: 'controller', key: 'phone', type: 'tel' },
  { group: 'controller', key: 'address', wide: true },
  { group: 'controller', key: 'email', type: 'email' },
  { group: 'dpo', key: 'name' },
  { group: 'dpo', key: 'email', type: 'email' },
  { group: 'dpo', key: 'phone', type: 'tel' },
];
/** Who the clinic and its DPO are: empty fields print "[a preencher]" in the forms. */
const IDENTITY_FIELDS: Array<{ group: PersonKey; key: string }> = [
  { group: 'controller', key: 'name' }, { group: 'controller', key: 'cnpj' }, { group: 'controller', key: 'address' },
  { group: 'dpo', key: 'name' }, { group: 'dpo', key: 'email' },
];
type TextKey = 'city' | 'process' | 'rightsChannel' | 'retention';
const TEXT_FIELDS: Array<{ key: TextKey; required?: boolean; multiline?: boolean }> = [
  { key: 'process', required: true },
  { key: 'rightsChannel', required: true },
  { key: 'retention', required: true, multiline: true },
  { key: 'city' },
];
type ListKey = 'purposes' | 'recipients' | 'securityMeasures' | 'dataSubjects' | 'consultedParties';
const LIST_FIELDS: Array<{ key: ListKey; required?: boolean }> = [
  { key: 'purposes', required: true },
  { key: 'dataSubjects', required: true },
  { key: 'recipients' },
  { key: 'securityMeasures' },
  { key: 'consultedParties' },
];
const toLines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

export function SettingsScreen({ api, info, settings, onSaved }: { api: SigiloApi; info: AppInfo | undefined; settings: Settings | undefined; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Settings | undefined>(settings);
  const [limits, setLimits] = useState<Record<LimitKey, string>>({ maxFileSizeMb: '', maxPages: '', timeoutSeconds: '' });
  const [lists, setLists] = useState<Record<ListKey, string>>({ purposes: '', recipients: '', securityMeasures: '', dataSubjects: '', consultedParties: '' });
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; key: string; message?: string } | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!settings) return;
    setDraft(settings);
    const c = settings.compliance;
    setLists({ purposes: c.purposes.join('\n'), recipients: c.recipients.join('\n'), securityMeasures: c.securityMeasures.join('\n'), dataSubjects: c.dataSubjects.join('\n'), consultedParties: c.consultedParties.join('\n') });
    setLimits({ maxFileSizeMb: String(settings.limits.maxFileSizeMb), maxPages: String(settings.limits.maxPages), timeoutSeconds: String(settings.limits.timeoutSeconds) });
  }, [settings]);

  if (!draft) return <div className="screen"><Loading label={t('common.loading')} /></div>;

  const limitError = (key: LimitKey): string | undefined => {
    const n = Number(limits[key]);
    const { min, max } = LIMITS[key];
    return Number.isInteger(n) && n >= min && n <= max ? undefined : t('settings.rangeError', { min, max });
  };
  const missing = (value: string) => (value.trim().length === 0 ? t('settings.required') : undefined);
  const personError = (group: PersonKey, key: string, required?: boolean) => (required ? missing((draft.compliance[group] as Record<string, string>)[key] ?? '') : undefined);
  const invalid = (Object.keys(LIMITS) as LimitKey[]).some((k) => limitError(k))
    || PERSON_FIELDS.some((f) => personError(f.group, f.key, f.required))
    || TEXT_FIELDS.some((f) => f.required && missing(draft.compliance[f.key]))
    || LIST_FIELDS.some((f) => f.required && toLines(lists[f.key]).length === 0);
  const identityMissing = IDENTITY_FIELDS
    .filter(({ group, key }) => !((draft.compliance[group] as Record<string, string>)[key] ?? '').trim())
    .map(({ group, key }) => t(`settings.${group}.${key}`));
  const setCompliance = (patch: Partial<ComplianceSettings>) => setDraft({ ...draft, compliance: { ...draft.compliance, ...patch } });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (invalid) { setStatus({ kind: 'error', key: 'settings.invalid' }); return; }
    setSaving(true);
    setStatus(undefined);
    try {
      const saved = await api.settingsSet({
        language: draft.language,
        ocr: draft.ocr,
        limits: { maxFileSizeMb: Number(limits.maxFileSizeMb), maxPages: Number(limits.maxPages), timeoutSeconds: Number(limits.timeoutSeconds) },
        compliance: {
          controller: draft.compliance.controller,
          dpo: draft.compliance.dpo,
          legalBasis: draft.compliance.legalBasis,
          city: draft.compliance.city, process: draft.compliance.process, rightsChannel: draft.compliance.rightsChannel, retention: draft.compliance.retention,
          purposes: toLines(lists.purposes), recipients: toLines(lists.recipients), securityMeasures: toLines(lists.securityMeasures),
          dataSubjects: toLines(lists.dataSubjects), consultedParties: toLines(lists.consultedParties),
        },
      });
      onSaved(saved);
      setStatus({ kind: 'success', key: 'settings.saved' });
    } catch (err) {
      setStatus({ kind: 'error', key: 'settings.saveFailed', message: errorMessage(err, t('errors.network')) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="screen">
      <header className="screen-header"><h1>{t('settings.title')}</h1></header>
      <form className="settings" onSubmit={(e) => void save(e)} noValidate>
        <section className="card" aria-labelledby="set-general">
          <h2 id="set-general">{t('settings.general')}</h2>
          <div className="form-grid">
            <label className="field">
              <span className="field-label">{t('settings.language')}</span>
              <select value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}>
                <option value="pt-BR">Português (Brasil)</option>
                <option value="en">English</option>
              </select>
            </label>
            <DataFolder api={api} info={info} />
            <label className="check wide">
              <input type="checkbox" checked={draft.ocr} onChange={(e) => setDraft({ ...draft, ocr: e.target.checked })} aria-describedby="ocr-help" />
              <span>{t('settings.ocr')}<span className="help block" id="ocr-help">{t('settings.ocrHelp')}</span></span>
            </label>
          </div>
        </section>

        <section className="card" aria-labelledby="set-limits">
          <h2 id="set-limits">{t('settings.limits')}</h2>
          <div className="form-grid three">
            {(Object.keys(LIMITS) as LimitKey[]).map((key) => {
              const err = limitError(key);
              return (
                <label key={key} className={`field${err ? ' has-error' : ''}`}>
                  <span className="field-label">{t(LIMITS[key].label)}</span>
                  <input type="number" inputMode="numeric" min={LIMITS[key].min} max={LIMITS[key].max} value={limits[key]}
                    aria-invalid={!!err} aria-describedby={err ? `${key}-err` : undefined}
                    onChange={(e) => setLimits({ ...limits, [key]: e.target.value })} />
                  {err && <span className="field-error" id={`${key}-err`}>{err}</span>}
                </label>
              );
            })}
          </div>
        </section>

        <section className="card" aria-labelledby="set-compliance">
          <h2 id="set-compliance">{t('settings.compliance')}</h2>
          {identityMissing.length > 0 && (
            <Notice kind="warning">{t('settings.toFill', { fields: identityMissing.join(', ') })}</Notice>
          )}
          <div className="form-grid">
            {PERSON_FIELDS.map(({ group, key, type, wide, required }) => {
              const err = personError(group, key, required);
              const id = `${group}-${key}`;
              return (
                <label key={id} className={`field${wide ? ' wide' : ''}${err ? ' has-error' : ''}`}>
                  <span className="field-label">{t(`settings.${group}.${key}`)}{required && <span aria-hidden="true"> *</span>}</span>
                  <input type={type ?? 'text'} value={(draft.compliance[group] as Record<string, string>)[key] ?? ''} required={required} placeholder={t(`settings.placeholder.${group}.${key}`)} aria-invalid={!!err} aria-describedby={err ? `${id}-err` : undefined}
                    onChange={(e) => setCompliance({ [group]: { ...draft.compliance[group], [key]: e.target.value } } as Partial<ComplianceSettings>)} />
                  {err && <span className="field-error" id={`${id}-err`}>{err}</span>}
                </label>
              );
            })}
          </div>
        </section>

        <section className="card" aria-labelledby="set-processing">
          <h2 id="set-processing">{t('settings.processing')}</h2>
          <div className="form-grid">
            <label className="field wide">
              <span className="field-label">{t('settings.legalBasis')}</span>
              <select value={draft.compliance.legalBasis} onChange={(e) => setCompliance({ legalBasis: e.target.value as LegalBasis })}>
                {LEGAL_BASIS_KEYS.map((b) => <option key={b} value={b}>{LEGAL_BASES[b]}</option>)}
              </select>
            </label>
            {TEXT_FIELDS.map(({ key, required, multiline }) => {
              const err = required ? missing(draft.compliance[key]) : undefined;
              return (
                <label key={key} className={`field${multiline ? ' wide' : ''}${err ? ' has-error' : ''}`}>
                  <span className="field-label">{t(`settings.${key}`)}{required && <span aria-hidden="true"> *</span>}</span>
                  {multiline
                    ? <textarea rows={2} value={draft.compliance[key]} required={required} aria-invalid={!!err} onChange={(e) => setCompliance({ [key]: e.target.value })} />
                    : <input type="text" value={draft.compliance[key]} required={required} aria-invalid={!!err} onChange={(e) => setCompliance({ [key]: e.target.value })} />}
                  {err && <span className="field-error">{err}</span>}
                </label>
              );
            })}
            {LIST_FIELDS.map(({ key, required }) => {
              const err = required && toLines(lists[key]).length === 0 ? t('settings.required') : undefined;
              return (
                <label key={key} className={`field wide${err ? ' has-error' : ''}`}>
                  <span className="field-label">{t(`settings.${key}`)}{required && <span aria-hidden="true"> *</span>}</span>
                  <textarea rows={Math.min(6, Math.max(2, toLines(lists[key]).length + 1))} value={lists[key]} required={required} aria-invalid={!!err} aria-describedby={`${key}-help`}
                    onChange={(e) => setLists({ ...lists, [key]: e.target.value })} />
                  <span className="help" id={`${key}-help`}>{t('settings.onePerLine')}</span>
                  {err && <span className="field-error">{err}</span>}
                </label>
              );
            })}
          </div>
        </section>

        <div className="form-actions">
          {status && <Notice kind={status.kind} onDismiss={() => setStatus(undefined)}>{t(status.key, { message: status.message ?? '' })}</Notice>}
          <button type="submit" className="button primary" disabled={saving}>{saving ? t('common.saving') : t('common.save')}</button>
        </div>
      </form>
    </div>
  );
}
