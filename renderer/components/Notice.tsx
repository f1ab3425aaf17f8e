import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Notice({ kind, children, onDismiss, action }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; onDismiss?: () => void; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-icon" aria-hidden="true">{kind === 'error' ? '!' : kind === 'success' ? '✓' : kind === 'warning' ? '!' : 'i'}</span>
      <div className="notice-body">{children}</div>
      {action}
      {onDismiss && <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('common.dismiss')}>×</button>}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return <div className="loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />{label}</div>;
}
