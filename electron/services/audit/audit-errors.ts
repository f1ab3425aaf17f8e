/** Errors of the audit history, each with the Portuguese message the user sees. Codes are stable. */
export const AUDIT_ERROR_MESSAGES = {
  AUDIT_WRONG_KEY: 'A chave não abre o histórico de auditoria (chave ou senha incorreta). Nada foi alterado.',
  AUDIT_KEY_CHANGED: 'A chave do histórico foi trocada por outro processo. Feche e abra o Sigilo novamente.',
  AUDIT_BUSY: 'O histórico de auditoria está ocupado por outro processo há muito tempo. Tente novamente.',
  AUDIT_TAMPERED: 'O histórico de auditoria foi alterado fora do Sigilo; a operação foi recusada. Rode "sigilo audit verify".',
  AUDIT_NOT_FOUND: 'Registro de auditoria não encontrado (pode ter sido expurgado).',
  AUDIT_INVALID_INPUT: 'Dados inválidos para o histórico de auditoria.',
  AUDIT_NEWER_SCHEMA: 'O histórico de auditoria foi criado por uma versão mais nova do Sigilo. Atualize o programa.',
  AUDIT_CORRUPT: 'O arquivo do histórico de auditoria está danificado ou não é um histórico do Sigilo.',
  AUDIT_CLOSED: 'O histórico de auditoria já foi fechado.',
  AUDIT_WRITE_FAILED: 'Não foi possível gravar o registro de auditoria. Verifique o espaço e as permissões da pasta de dados.',
} as const;

export type AuditErrorCode = keyof typeof AUDIT_ERROR_MESSAGES;

export class AuditError extends Error {
  readonly code: AuditErrorCode;
  readonly userMessage: string;
  constructor(code: AuditErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'AuditError';
    this.code = code;
    this.userMessage = AUDIT_ERROR_MESSAGES[code];
  }
}

/** The message to show a user for any error of the audit or key services. */
export function auditUserMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'userMessage' in err && typeof err.userMessage === 'string') return err.userMessage;
  return AUDIT_ERROR_MESSAGES.AUDIT_WRITE_FAILED;
}
