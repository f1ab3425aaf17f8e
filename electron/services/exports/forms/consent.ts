/** Termo de consentimento (LGPD art. 8º): the consent clause highlighted, purposes, data, recipients, rights. */
import type { ComplianceSettings } from '../../../shared/compliance-settings.js';
import type { FileReport } from '../../../shared/report.js';
import type { FormModel } from '../form-model.js';
import { summarizeCategories } from '../findings-summary.js';
import { ART18_RIGHTS, categoriesTable, controllerFields, controllerName, dpoFields, filled } from './common.js';

export function buildConsentForm(reports: readonly FileReport[], s: ComplianceSettings, now: Date): FormModel {
  const categories = summarizeCategories(reports);
  const sensitive = categories.filter((c) => c.sensitive).map((c) => c.label);
  return {
    title: 'TERMO DE CONSENTIMENTO PARA TRATAMENTO DE DADOS PESSOAIS',
    subtitle: 'Lei nº 13.709/2018 (LGPD), arts. 8º e 11, I',
    header: controllerName(s),
    generatedAt: now,
    sections: [
      { title: '1. Identificação do controlador', blocks: [controllerFields(s), dpoFields(s)] },
      {
        title: '2. Cláusula de consentimento',
        blocks: [{
          kind: 'highlight',
          text: `Eu, titular dos dados (ou seu responsável legal), identificado(a) abaixo, AUTORIZO de forma livre, informada e inequívoca ${controllerName(s)} a tratar meus dados pessoais, INCLUSIVE DADOS PESSOAIS SENSÍVEIS REFERENTES À SAÚDE, exclusivamente para as finalidades específicas descritas neste termo.`,
        }],
      },
      { title: '3. Finalidades específicas do tratamento', blocks: [{ kind: 'list', items: s.purposes }] },
      {
        title: '4. Dados pessoais tratados',
        blocks: [
          { kind: 'paragraph', text: 'Categorias de dados identificadas nos documentos analisados (as marcadas como sensíveis recebem proteção reforçada, LGPD art. 11):' },
          categoriesTable(categories),
          ...(sensitive.length > 0 ? [{ kind: 'paragraph' as const, bold: true, text: `Dados sensíveis tratados: ${sensitive.join(', ')}.` }] : []),
        ],
      },
      {
        title: '5. Compartilhamento',
        blocks: s.recipients.length > 0
          ? [{ kind: 'paragraph', text: 'Os dados poderão ser compartilhados com:' }, { kind: 'list', items: s.recipients }]
          : [{ kind: 'paragraph', text: 'Os dados não serão compartilhados com terceiros.' }],
      },
      { title: '6. Período de armazenamento', blocks: [{ kind: 'paragraph', text: s.retention }] },
      {
        title: '7. Direitos do titular (LGPD art. 18) e revogação',
        blocks: [
          { kind: 'list', items: ART18_RIGHTS },
          { kind: 'paragraph', text: `O consentimento pode ser revogado a qualquer momento, de forma gratuita e facilitada (art. 8º, § 5º): ${s.rightsChannel}. Contato do encarregado: ${filled(s.dpo.name)}, ${filled(s.dpo.email)}. A revogação não afeta os tratamentos realizados anteriormente nem aqueles amparados em outra base legal, como a guarda obrigatória do prontuário.` },
        ],
      },
      {
        title: '8. Consequências da recusa',
        blocks: [{ kind: 'paragraph', text: 'O titular pode recusar este consentimento. Nesse caso, os dados não serão tratados para as finalidades que dependem dele; o atendimento de saúde e o cumprimento de obrigações legais seguem amparados nas demais bases legais aplicáveis (art. 11, II), mas serviços que dependam exclusivamente do consentimento poderão não ser prestados.' }],
      },
      {
        title: '9. Assinaturas',
        blocks: [
          { kind: 'fields', fields: [{ label: 'Nome do titular', value: '' }, { label: 'CPF do titular', value: '' }, { label: 'Responsável legal (se houver)', value: '' }] },
          { kind: 'paragraph', text: `Local e data: ${s.city || '____________________'}, ____ de ______________ de ________.` },
          { kind: 'signatures', captions: ['Assinatura do titular ou responsável legal', `Pelo controlador: ${controllerName(s)}`] },
        ],
      },
    ],
  };
}
