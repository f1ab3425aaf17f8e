/** The analysis report form: per document, its risk, reasons, findings (masked by default), plugins and audit entry. */
import type { ComplianceSettings } from '../../../shared/compliance-settings.js';
import { FINDING_TYPE_INFO, isFindingType } from '../../../shared/finding-types.js';
import type { FileReport } from '../../../shared/report.js';
import type { FormModel, FormSection } from '../form-model.js';
import { acceptedFindings } from '../findings-summary.js';
import { maskValue } from '../mask.js';
import { controllerName } from './common.js';

const RISK_LABEL: Record<string, string> = { none: 'nenhum', low: 'baixo', medium: 'médio', high: 'alto', critical: 'crítico' };

export interface AuditRef {
  id: string;
  hash?: string;
}

export interface AnalysisReportOptions {
  /** Show values in clear (default: masked). */
  revealValues?: boolean;
  /** Audit entry of each report (by file name or audit id), when known. */
  audit?: (report: FileReport) => AuditRef | undefined;
}

export function buildAnalysisReportForm(reports: readonly FileReport[], s: ComplianceSettings, now: Date, options: AnalysisReportOptions = {}): FormModel {
  const sections: FormSection[] = reports.map((report, index) => {
    const audit = options.audit?.(report) ?? (report.auditId ? { id: report.auditId } : undefined);
    const auditFields = [
      { label: 'Registro de auditoria (id)', value: audit?.id ?? 'não registrado' },
      { label: 'Hash do registro', value: audit?.hash ?? '—' },
    ];
    if (report.status === 'error') {
      return {
        title: `${index + 1}. ${report.file}`,
        blocks: [{ kind: 'fields', fields: [{ label: 'Situação', value: `não analisado — ${report.error.message} (${report.error.code})` }, ...auditFields] }],
      };
    }
    const findings = acceptedFindings(report);
    const rejected = report.findings.length - findings.length;
    const plugins = report.plugins?.map((p) => `${p.plugin}${p.error ? ` (falhou: ${p.error.code})` : ''}`) ?? [...new Set(report.findings.map((f) => f.plugin))];
    return {
      title: `${index + 1}. ${report.file}`,
      blocks: [
        { kind: 'fields', fields: [
          { label: 'Risco', value: `${RISK_LABEL[report.risk.level] ?? report.risk.level} (${report.risk.score}/100)` },
          { label: 'Tipo de arquivo', value: `${report.mediaType}, ${report.pages} página(s), extração ${report.extraction.method === 'ocr' ? 'por OCR' : report.extraction.method === 'mixed' ? 'mista (texto e OCR)' : 'do texto'}` },
          { label: 'SHA-256 do arquivo', value: report.sha256 },
          ...auditFields,
        ] },
        { kind: 'paragraph', bold: true, text: 'Motivos do risco' },
        report.risk.reasons.length > 0 ? { kind: 'list', items: report.risk.reasons } : { kind: 'paragraph', text: 'Nenhum motivo registrado.' },
        { kind: 'paragraph', bold: true, text: `Achados (${findings.length}${rejected > 0 ? `; ${rejected} rejeitado(s) na revisão não listados` : ''})${options.revealValues ? '' : ' — valores mascarados'}` },
        findings.length > 0
          ? {
              kind: 'table',
              columns: ['Tipo', 'Valor', 'Pág.', 'Confiança', 'Detector'],
              widths: [2.2, 3.2, 0.8, 1.2, 2.6],
              rows: [...findings]
                .sort((a, b) => a.type.localeCompare(b.type) || a.start - b.start)
                .map((f) => [
                  isFindingType(f.type) ? `${FINDING_TYPE_INFO[f.type].label}${FINDING_TYPE_INFO[f.type].sensitive ? ' (sensível)' : ''}` : f.type,
                  options.revealValues ? f.text : maskValue(f.type, f.text),
                  String(f.page),
                  `${Math.round(f.confidence * 100)}%`,
                  f.plugin,
                ]),
            }
          : { kind: 'paragraph', text: 'Nenhum dado pessoal encontrado.' },
        { kind: 'paragraph', small: true, text: `Detectores: ${plugins.join(', ') || '—'}` },
      ],
    };
  });
  return {
    title: 'RELATÓRIO DE ANÁLISE DE DADOS PESSOAIS',
    subtitle: `${reports.length} documento(s) — ${controllerName(s)}`,
    header: controllerName(s),
    generatedAt: now,
    sections,
  };
}
