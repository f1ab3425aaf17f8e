/** Relatório de Impacto à Proteção de Dados Pessoais (LGPD art. 38), following the ANPD's public RIPD template. */
import type { ComplianceSettings } from '../../../shared/compliance-settings.js';
import type { FileReport } from '../../../shared/report.js';
import type { FormModel } from '../form-model.js';
import { assessRisks, okReports, RATING_LABEL, summarizeCategories } from '../findings-summary.js';
import { categoriesTable, controllerFields, controllerName, dateBr, dpoFields, filled, legalBasisText } from './common.js';
import { TO_FILL } from '../../../shared/compliance-settings.js';

export function buildRipdForm(reports: readonly FileReport[], s: ComplianceSettings, now: Date): FormModel {
  const categories = summarizeCategories(reports);
  const sensitive = categories.filter((c) => c.sensitive);
  const docs = okReports(reports);
  const risks = assessRisks(reports);
  const highest = docs.reduce((max, r) => Math.max(max, r.risk.score), 0);
  return {
    title: 'RELATÓRIO DE IMPACTO À PROTEÇÃO DE DADOS PESSOAIS (RIPD)',
    subtitle: 'Minuta — LGPD art. 38, segundo o modelo de RIPD publicado pela ANPD',
    header: controllerName(s),
    generatedAt: now,
    sections: [
      { title: '1. Identificação dos agentes de tratamento e do encarregado', blocks: [controllerFields(s), dpoFields(s)] },
      {
        title: '2. Necessidade de elaborar o relatório',
        blocks: [{ kind: 'paragraph', text: `O tratamento envolve ${sensitive.length > 0 ? `dados pessoais sensíveis (${sensitive.map((c) => c.label).join(', ')})` : 'dados pessoais'} de ${s.dataSubjects.join(', ').toLowerCase()}, o que caracteriza tratamento que pode gerar riscos às liberdades civis e aos direitos fundamentais dos titulares (LGPD arts. 5º, XVII, e 38). ${docs.length} documento(s) foram analisados; o maior escore de risco encontrado foi ${highest}/100.` }],
      },
      {
        title: '3. Descrição do tratamento',
        blocks: [
          { kind: 'fields', fields: [
            { label: 'Natureza', value: `${s.process}. Coleta, registro, armazenamento, consulta e compartilhamento de documentos clínicos.` },
            { label: 'Escopo', value: `${docs.length} documento(s); ${categories.reduce((n, c) => n + c.count, 0)} ocorrência(s) de dados pessoais em ${categories.length} categoria(s); titulares: ${s.dataSubjects.join(', ')}.` },
            { label: 'Contexto', value: 'Documentos de atendimento em saúde, sujeitos a sigilo profissional, mantidos pelo controlador.' },
            { label: 'Finalidade', value: s.purposes.join('; ') },
            { label: 'Base legal', value: legalBasisText(s) },
            { label: 'Retenção', value: s.retention },
          ] },
          { kind: 'paragraph', text: 'Categorias de dados encontradas nos documentos:' },
          categoriesTable(categories),
        ],
      },
      { title: '4. Partes interessadas consultadas', blocks: [s.consultedParties.length > 0 ? { kind: 'list', items: s.consultedParties } : { kind: 'paragraph', text: TO_FILL }] },
      {
        title: '5. Necessidade e proporcionalidade',
        blocks: [{ kind: 'list', items: [
          `Base legal: ${legalBasisText(s)}.`,
          'Finalidade: os dados são tratados somente para as finalidades descritas, compatíveis com o atendimento de saúde (art. 6º, I e II).',
          'Necessidade: limitar o tratamento ao mínimo necessário; documentos compartilhados fora do atendimento devem ser redigidos (art. 6º, III).',
          `Transparência e direitos: o titular é informado e exerce seus direitos ${s.rightsChannel.charAt(0).toLowerCase()}${s.rightsChannel.slice(1)} (arts. 9º e 18).`,
          'Qualidade dos dados e prevenção: revisão dos achados antes de exportar e registro de auditoria de cada operação (art. 6º, V e VIII).',
        ] }],
      },
      {
        title: '6. Identificação e avaliação de riscos',
        blocks: [
          { kind: 'paragraph', text: 'Risco = probabilidade × impacto (Baixo = 1, Médio = 2, Alto = 3). Produto ≥ 6: alto; 3 a 5: médio; até 2: baixo. Avaliação derivada dos dados encontrados.' },
          {
            kind: 'table',
            columns: ['Risco', 'Probabilidade', 'Impacto', 'Nível', 'Fundamento'],
            widths: [2.8, 1.6, 1.2, 1, 3.2],
            rows: risks.map((r) => [r.risk, RATING_LABEL[r.probability], RATING_LABEL[r.impact], r.level, r.basis]),
          },
        ],
      },
      {
        title: '7. Medidas para tratar os riscos',
        blocks: [
          { kind: 'table', columns: ['Risco', 'Medida', 'Efeito sobre o risco'], widths: [3, 4, 2], rows: risks.map((r) => [r.risk, r.measures, 'Reduzir']) },
          { kind: 'paragraph', text: 'Medidas de segurança já adotadas:' },
          { kind: 'list', items: s.securityMeasures },
        ],
      },
      {
        title: '8. Aprovação',
        blocks: [
          { kind: 'fields', fields: [{ label: 'Data', value: '' }, { label: 'Responsável pela aprovação', value: '' }] },
          { kind: 'signatures', captions: [`Representante do controlador: ${controllerName(s)}`, `Encarregado: ${filled(s.dpo.name)}`] },
        ],
      },
      {
        title: '9. Histórico de revisões',
        blocks: [{ kind: 'table', columns: ['Versão', 'Data', 'Descrição', 'Responsável'], widths: [1, 1.5, 4, 2.5], rows: [['0.1', dateBr(now), 'Minuta gerada pelo Sigilo a partir da análise dos documentos', ''], ['', '', '', '']] }],
      },
    ],
  };
}
