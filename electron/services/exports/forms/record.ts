/** Registro das operações de tratamento (LGPD art. 37), ANPD's simplified model for small agents: eight fields. */
import type { ComplianceSettings } from '../../../shared/compliance-settings.js';
import type { FileReport } from '../../../shared/report.js';
import type { FormModel } from '../form-model.js';
import { okReports, summarizeCategories } from '../findings-summary.js';
import { controllerName, dateBr, filled, legalBasisText } from './common.js';

export function buildRecordForm(reports: readonly FileReport[], s: ComplianceSettings, now: Date): FormModel {
  const categories = summarizeCategories(reports);
  const personal = categories.filter((c) => !c.sensitive).map((c) => c.label);
  const sensitive = categories.filter((c) => c.sensitive).map((c) => c.label);
  const docs = okReports(reports).length;
  return {
    title: 'REGISTRO DAS OPERAÇÕES DE TRATAMENTO DE DADOS PESSOAIS',
    subtitle: 'LGPD art. 37 — modelo simplificado da ANPD para agentes de tratamento de pequeno porte (Resolução CD/ANPD nº 2/2022, art. 9º)',
    header: controllerName(s),
    generatedAt: now,
    sections: [
      {
        title: '1. Informações de contato do agente de tratamento',
        blocks: [{ kind: 'fields', fields: [
          { label: 'Agente de tratamento (controlador)', value: filled(s.controller.name) },
          { label: 'CNPJ', value: filled(s.controller.cnpj) },
          { label: 'Endereço', value: filled(s.controller.address) },
          { label: 'Encarregado / canal de comunicação', value: [filled(s.dpo.name), filled(s.dpo.email), s.dpo.phone].filter(Boolean).join(' — ') },
        ] }],
      },
      { title: '2. Categorias de titulares', blocks: [{ kind: 'list', items: s.dataSubjects }] },
      {
        title: '3. Dados pessoais tratados',
        blocks: [
          { kind: 'fields', fields: [
            { label: 'Dados pessoais', value: personal.join(', ') || 'nenhum encontrado' },
            { label: 'Dados pessoais sensíveis', value: sensitive.join(', ') || 'nenhum encontrado' },
            { label: 'Origem', value: `${docs} documento(s) analisado(s) pelo Sigilo em ${dateBr(now)}` },
          ] },
        ],
      },
      {
        title: '4. Compartilhamento de dados',
        blocks: [s.recipients.length > 0 ? { kind: 'list', items: s.recipients } : { kind: 'paragraph', text: 'Não há compartilhamento.' }],
      },
      { title: '5. Medidas de segurança adotadas', blocks: [{ kind: 'list', items: s.securityMeasures }] },
      { title: '6. Período de armazenamento dos dados', blocks: [{ kind: 'paragraph', text: s.retention }] },
      {
        title: '7. Processo, finalidade e hipótese legal',
        blocks: [{ kind: 'fields', fields: [
          { label: 'Processo', value: s.process },
          { label: 'Finalidade', value: s.purposes.join('; ') },
          { label: 'Hipótese legal', value: legalBasisText(s) },
        ] }],
      },
      {
        title: '8. Observações',
        blocks: [{ kind: 'paragraph', text: sensitive.length > 0
          ? 'Há tratamento de dados pessoais sensíveis de saúde. Atenção: a ANPD não admite as flexibilizações para agentes de pequeno porte quando o tratamento é de alto risco (por exemplo, dados sensíveis em larga escala); avalie se o registro completo e o RIPD são exigíveis.'
          : 'Nenhum dado sensível foi encontrado nos documentos analisados.' }],
      },
    ],
  };
}
