/** What the forms say about a batch of reports: data categories found and the risks they imply. */
import { FINDING_TYPE_INFO, isFindingType, type FindingCategory } from '../../shared/finding-types.js';
import type { FileReport, Finding, OkReport } from '../../shared/report.js';

export interface CategorySummary {
  type: string;
  label: string;
  category: FindingCategory | 'other';
  sensitive: boolean;
  count: number;
  documents: number;
}

export function okReports(reports: readonly FileReport[]): OkReport[] {
  return reports.filter((r): r is OkReport => r.status === 'ok');
}

export function acceptedFindings(report: OkReport): Finding[] {
  return report.findings.filter((f) => f.decision !== 'rejected');
}

export function summarizeCategories(reports: readonly FileReport[]): CategorySummary[] {
  const byType = new Map<string, CategorySummary>();
  for (const report of okReports(reports)) {
    const seenHere = new Set<string>();
    for (const f of acceptedFindings(report)) {
      const info = isFindingType(f.type) ? FINDING_TYPE_INFO[f.type] : undefined;
      const entry = byType.get(f.type) ?? {
        type: f.type, label: info?.label ?? f.type, category: info?.category ?? 'other', sensitive: info?.sensitive ?? false, count: 0, documents: 0,
      };
      entry.count++;
      if (!seenHere.has(f.type)) { entry.documents++; seenHere.add(f.type); }
      byType.set(f.type, entry);
    }
  }
  return [...byType.values()].sort((a, b) => Number(b.sensitive) - Number(a.sensitive) || b.count - a.count);
}

export type Rating = 1 | 2 | 3;
export const RATING_LABEL: Record<Rating, string> = { 1: 'Baixo', 2: 'Médio', 3: 'Alto' };

export interface RiskItem {
  risk: string;
  probability: Rating;
  impact: Rating;
  level: string;
  basis: string;
  measures: string;
}

function level(p: Rating, i: Rating): string {
  const product = p * i;
  return product >= 6 ? 'Alto' : product >= 3 ? 'Médio' : 'Baixo';
}

/** Risks rated probability × impact from what was found (e.g. sensitive health data + identifiers → high impact). */
export function assessRisks(reports: readonly FileReport[]): RiskItem[] {
  const cats = summarizeCategories(reports);
  const has = (pred: (c: CategorySummary) => boolean): boolean => cats.some(pred);
  const sensitive = has((c) => c.sensitive);
  const special = has((c) => c.category === 'special');
  const identifiers = has((c) => c.category === 'identifier' || c.type === 'person_name');
  const contact = has((c) => c.category === 'contact');
  const docs = okReports(reports).length;
  const total = cats.reduce((n, c) => n + c.count, 0);
  const volume: Rating = total > 50 || docs > 10 ? 3 : total > 10 ? 2 : 1;
  const items: RiskItem[] = [];
  const add = (risk: string, probability: Rating, impact: Rating, basis: string, measures: string): void => {
    items.push({ risk, probability, impact, level: level(probability, impact), basis, measures });
  };
  add(
    'Acesso não autorizado ou vazamento de dados de saúde',
    volume,
    sensitive && identifiers ? 3 : sensitive || identifiers ? 2 : 1,
    sensitive && identifiers
      ? 'Dados sensíveis de saúde junto a identificadores do titular (LGPD art. 5º, II)'
      : sensitive ? 'Dados sensíveis sem identificador direto' : 'Sem dados sensíveis encontrados',
    'Controle de acesso, criptografia, registro de auditoria e redação antes de compartilhar',
  );
  add(
    'Reidentificação do titular em documento compartilhado',
    identifiers ? 2 : 1,
    identifiers ? (sensitive ? 3 : 2) : 1,
    identifiers ? 'Identificadores diretos (nome, CPF, CNS, prontuário…) presentes nos documentos' : 'Nenhum identificador direto encontrado',
    'Gerar cópias redigidas (pseudonimizadas) para compartilhamento externo',
  );
  add(
    'Uso de contatos para fraude ou comunicação indevida',
    contact ? 2 : 1,
    contact ? 2 : 1,
    contact ? 'Telefone, e-mail ou endereço do titular nos documentos' : 'Nenhum dado de contato encontrado',
    'Restringir a exportação de contatos; ocultar contatos em cópias externas',
  );
  add(
    'Discriminação pelo uso de dados de categorias especiais',
    special ? 2 : 1,
    special ? 3 : 1,
    special ? 'Dados genéticos, origem racial, religião, vida sexual ou outras categorias do art. 5º, II' : 'Nenhuma categoria especial além de saúde',
    'Acesso restrito por necessidade; minimização dos dados coletados',
  );
  add(
    'Retenção além do necessário',
    2,
    sensitive ? 2 : 1,
    'Prontuários exigem guarda longa; cópias e exportações podem ficar esquecidas',
    'Política de retenção e eliminação; expurgo do histórico conforme o prazo configurado',
  );
  return items;
}
