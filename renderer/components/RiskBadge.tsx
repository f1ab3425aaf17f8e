import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../electron/shared/report.js';

export function RiskBadge({ level, score }: { level: RiskLevel; score?: number }) {
  const { t } = useTranslation();
  const label = t(`risk.${level}`);
  return (
    <span className={`risk-badge risk-${level}`} title={score !== undefined ? t('risk.score', { score }) : undefined}>
      <span className="risk-dot" aria-hidden="true" />
      {t('risk.badge', { level: label })}
      {score !== undefined && <span className="risk-score" aria-label={t('risk.score', { score })}>{score}</span>}
    </span>
  );
}
