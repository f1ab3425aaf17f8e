/**
 * Stable error codes of a report with status "error", each with the Portuguese message the
 * user sees. Codes are part of the public contract: add, never rename.
 */
export const ERROR_MESSAGES = {
  UNSUPPORTED_FORMAT: 'Formato de arquivo não suportado. Use PDF, DOCX, ODT, TXT, MD, CSV, HTML ou imagens (JPG, PNG, TIFF, WEBP).',
  MISLABELLED_FORMAT: 'A extensão do arquivo não corresponde ao conteúdo. O arquivo foi analisado pelo conteúdo real, mas não pôde ser lido.',
  EMPTY_FILE: 'O arquivo está vazio.',
  NOT_FOUND: 'Arquivo não encontrado ou sem permissão de leitura.',
  FILE_TOO_LARGE: 'O arquivo é maior que o limite configurado.',
  CORRUPT_FILE: 'O arquivo está corrompido ou incompleto e não pôde ser lido.',
  PASSWORD_PROTECTED: 'O PDF está protegido por senha. Remova a senha e tente novamente.',
  ZIP_BOMB: 'O arquivo compactado é suspeito (taxa de compressão ou tamanho descompactado excessivo) e foi recusado por segurança.',
  TOO_MANY_PAGES: 'O documento tem mais páginas que o limite configurado.',
  TIMEOUT: 'A análise do documento excedeu o tempo limite.',
  OCR_DISABLED: 'O documento não tem texto e o reconhecimento de texto (OCR) está desligado.',
  OCR_FAILED: 'Não foi possível reconhecer o texto da imagem.',
  NO_TEXT: 'Nenhum texto foi encontrado no documento.',
  PLUGIN_FAILURE: 'Nenhum detector conseguiu analisar o documento.',
  CANCELLED: 'Análise cancelada pelo usuário.',
  AUDIT_WRITE_FAILED: 'Não foi possível gravar o registro de auditoria; a análise não foi concluída. Verifique a pasta de dados.',
  INTERNAL: 'Erro interno inesperado ao analisar o documento.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** An error that carries a stable code; thrown by services, turned into an error report at the edge. */
export class SigiloError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'SigiloError';
    this.code = code;
    this.userMessage = ERROR_MESSAGES[code];
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
