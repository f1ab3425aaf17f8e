/** Errors of key handling, with the Portuguese message the user sees. */
export const KEY_ERROR_MESSAGES = {
  AUDIT_WRONG_KEY: 'A chave não abre o histórico de auditoria (chave ou senha incorreta). Nada foi alterado.',
  AUDIT_KEY_MISSING: 'A chave do histórico de auditoria não foi encontrada. Informe a chave em SIGILO_KEY ou restaure o arquivo de chave da pasta de dados.',
  AUDIT_KEY_INVALID: 'A chave informada é inválida. Use 64 dígitos hexadecimais ou uma senha com pelo menos 8 caracteres.',
  AUDIT_KEYCHAIN_UNAVAILABLE: 'O cofre de senhas do sistema não está disponível para proteger a chave do histórico.',
} as const;

export type KeyErrorCode = keyof typeof KEY_ERROR_MESSAGES;

export class KeyError extends Error {
  readonly code: KeyErrorCode;
  readonly userMessage: string;
  constructor(code: KeyErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'KeyError';
    this.code = code;
    this.userMessage = KEY_ERROR_MESSAGES[code];
  }
}
