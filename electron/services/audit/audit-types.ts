/** What the audit history records. */
import type { RiskLevel } from '../../shared/report.js';

export const AUDIT_ENTRY_TYPES = [
  'analysis',
  'export',
  'plugin_install', 'plugin_enable', 'plugin_disable', 'plugin_remove', 'plugin_upgrade', 'plugin_rollback',
  'trust_add', 'trust_remove', 'dev_mode',
  'permission_grant', 'permission_revoke',
  'settings_change',
  'key_rotation',
  'verification',
  'purge',
  'finding_review',
  'plugin_event',
] as const;
export type AuditEntryType = (typeof AUDIT_ENTRY_TYPES)[number];

export function isAuditEntryType(value: string): value is AuditEntryType {
  return (AUDIT_ENTRY_TYPES as readonly string[]).includes(value);
}

/** Portuguese labels for lists and exports. */
export const AUDIT_ENTRY_LABELS: Record<AuditEntryType, string> = {
  analysis: 'Análise',
  export: 'Exportação',
  plugin_install: 'Plugin instalado',
  plugin_enable: 'Plugin ativado',
  plugin_disable: 'Plugin desativado',
  plugin_remove: 'Plugin removido',
  plugin_upgrade: 'Plugin atualizado',
  plugin_rollback: 'Plugin revertido à versão anterior',
  trust_add: 'Chave de parceiro confiável adicionada',
  trust_remove: 'Chave de parceiro confiável removida',
  dev_mode: 'Modo de desenvolvedor alterado',
  permission_grant: 'Permissão concedida',
  permission_revoke: 'Permissão revogada',
  settings_change: 'Configuração alterada',
  key_rotation: 'Troca de chave',
  verification: 'Verificação de integridade',
  purge: 'Expurgo (retenção)',
  finding_review: 'Revisão de achado',
  plugin_event: 'Evento de plugin',
};

export type JsonObject = Record<string, unknown>;

export interface AuditEntry {
  /** ULID, unique and time-sortable; the id users and other records refer to. */
  id: string;
  /** Position in the chain: contiguous, never reused (purge keeps numbering). */
  seq: number;
  /** ISO 8601 UTC. */
  ts: string;
  type: AuditEntryType;
  /** The entry this one refers to (a finding review → its analysis). */
  ref?: string;
  payload: JsonObject;
  /** HMAC of the previous entry (the chain link). */
  prev: string;
  /** HMAC-SHA256 of this entry's canonical form. */
  hash: string;
}

/** Summary stored in an analysis entry (the full report is stored encrypted beside it). */
export interface AnalysisPayload {
  file: string;
  name: string;
  status: 'ok' | 'error';
  sha256?: string;
  mediaType?: string;
  size?: number;
  pages?: number;
  extraction?: string;
  risk?: { level: RiskLevel; score: number };
  findings: number;
  findingsByType: Record<string, number>;
  plugins: string[];
  durationMs?: number;
  error?: { code: string };
}

export type ChainProblem = 'changed' | 'deleted' | 'inserted';

export interface VerifyResult {
  ok: boolean;
  /** Entries checked and found good (before the first problem). */
  entries: number;
  /** The first entry that was changed, deleted or inserted. `id` is null for a deleted entry. */
  firstBad?: { seq: number; id: string | null; problem: ChainProblem; detail: string };
  /** Entries before this seq were purged (retention); 0 when nothing was. */
  anchorSeq: number;
  durationMs: number;
}

export interface ListFilter {
  since?: Date | string;
  until?: Date | string;
  type?: AuditEntryType | AuditEntryType[];
  /** Analysis entries only: risk level / status. */
  level?: RiskLevel;
  status?: 'ok' | 'error';
  /** Case-insensitive substring of the file name (analysis entries). */
  query?: string;
  limit?: number;
  offset?: number;
  /** Default: newest first. */
  order?: 'asc' | 'desc';
}

export interface StatsBucket {
  date: string;
  total: number;
  byLevel: Record<RiskLevel, number>;
  errors: number;
}

export interface AuditStats {
  total: number;
  byType: Partial<Record<AuditEntryType, number>>;
  /** Analyses by risk level (errors counted apart). */
  byLevel: Record<RiskLevel, number>;
  errors: number;
  /** Analyses per day/week/month (local days when tzOffsetMinutes is given). */
  buckets: StatsBucket[];
  first?: string;
  last?: string;
}

export interface PurgeResult { removed: number; anchorSeq: number; entry: AuditEntry }
