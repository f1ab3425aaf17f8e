/** Pieces shared by the forms. */
import { LEGAL_BASES, TO_FILL, type ComplianceSettings } from '../../../shared/compliance-settings.js';
import type { FormBlock } from '../form-model.js';
import type { CategorySummary } from '../findings-summary.js';

export const ART18_RIGHTS = [
  'Confirmação da existência de tratamento (art. 18, I)',
  'Acesso aos dados (art. 18, II)',
  'Correção de dados incompletos, inexatos ou desatualizados (art. 18, III)',
  'Anonimização, bloqueio ou eliminação de dados desnecessários, excessivos ou tratados em desconformidade com a LGPD (art. 18, IV)',
  'Portabilidade dos dados a outro fornecedor de serviço (art. 18, V)',
  'Eliminação dos dados tratados com o consentimento, salvo as hipóteses do art. 16 (art. 18, VI)',
  'Informação sobre as entidades públicas e privadas com as quais o controlador compartilhou os dados (art. 18, VII)',
  'Informação sobre a possibilidade de não fornecer consentimento e sobre as consequências da negativa (art. 18, VIII)',
  'Revogação do consentimento, nos termos do § 5º do art. 8º (art. 18, IX)',
];

/** The value, or "[a preencher]" when the clinic has not filled it in (never a made-up value). */
export function filled(value: string | undefined): string {
  return value && value.trim() ? value : TO_FILL;
}

/** The clinic's name for headers and sentences. */
export function controllerName(s: ComplianceSettings): string {
  return s.controller.name.trim() ? s.controller.name : `Controlador ${TO_FILL}`;
}

export function controllerFields(s: ComplianceSettings): FormBlock {
  return {
    kind: 'fields',
    fields: [
      { label: 'Controlador', value: filled(s.controller.name) },
      { label: 'CNPJ', value: filled(s.controller.cnpj) },
      { label: 'Endereço', value: filled(s.controller.address) },
      ...(s.controller.phone ? [{ label: 'Telefone', value: s.controller.phone }] : []),
      ...(s.controller.email ? [{ label: 'E-mail', value: s.controller.email }] : []),
    ],
  };
}

export function dpoFields(s: ComplianceSettings): FormBlock {
  return {
    kind: 'fields',
    fields: [
      { label: 'Encarregado (DPO)', value: filled(s.dpo.name) },
      { label: 'E-mail do encarregado', value: filled(s.dpo.email) },
      ...(s.dpo.phone ? [{ label: 'Telefone do encarregado', value: s.dpo.phone }] : []),
    ],
  };
}

export function legalBasisText(s: ComplianceSettings): string {
  return LEGAL_BASES[s.legalBasis];
}

export function categoriesTable(categories: CategorySummary[]): FormBlock {
  if (categories.length === 0) return { kind: 'paragraph', text: 'Nenhum dado pessoal foi encontrado nos documentos analisados.' };
  return {
    kind: 'table',
    columns: ['Categoria de dado', 'Dado sensível (art. 5º, II)', 'Ocorrências', 'Documentos'],
    widths: [3, 2, 1.2, 1.2],
    rows: categories.map((c) => [c.label, c.sensitive ? 'SIM — sensível' : 'não', String(c.count), String(c.documents)]),
  };
}

export function dateBr(date: Date): string {
  return date.toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo', day: '2-digit', month: '2-digit', year: 'numeric' });
}
