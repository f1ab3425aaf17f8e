/** Errors of the renderer API: a stable code and a Portuguese message the user can act on. */
import { ZodError } from 'zod';
import { SigiloError } from '../../shared/error-codes.js';
import type { ApiErrorShape } from '../../shared/api.js';

export const API_ERROR_MESSAGES = {
  UNKNOWN_METHOD: 'Operação desconhecida.',
  INVALID_ARGS: 'Parâmetros inválidos.',
  NOT_FOUND: 'O item pedido não foi encontrado. Ele pode ter sido apagado do histórico.',
  JOB_NOT_FOUND: 'Essa análise não existe mais. Comece uma nova análise.',
  REPORT_NOT_FOUND: 'Relatório não encontrado. Ele pode ter sido apagado do histórico; analise o arquivo de novo.',
  FINDING_NOT_FOUND: 'Achado não encontrado no relatório.',
  REPORT_HAS_ERROR: 'Este arquivo não pôde ser analisado, então não há achados para exportar.',
  NO_SOURCE: 'O arquivo original não está disponível. Analise o arquivo de novo para gerar a cópia anonimizada.',
  NOT_ALLOWED: 'Operação não permitida.',
  UNAVAILABLE: 'Este recurso ainda não está disponível nesta versão.',
  EXPORT_FAILED: 'Não foi possível gerar o arquivo.',
  WRITE_FAILED: 'Não foi possível gravar o arquivo. Verifique se a pasta existe e se você tem permissão de escrita.',
  PLUGIN_REFUSED: 'O plugin não pôde ser instalado ou alterado.',
  DATA_DIR_INVALID: 'Esta pasta não pode ser usada como pasta de dados.',
  INTERNAL: 'Erro interno inesperado. Tente de novo; se persistir, reinicie o Sigilo.',
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_MESSAGES;

export class ApiError extends Error {
  readonly code: string;
  readonly userMessage: string;
  constructor(code: ApiErrorCode, detail?: string) {
    const base = API_ERROR_MESSAGES[code];
    const message = detail ? `${base} ${detail}` : base;
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.userMessage = message;
  }
}

/** Describes a zod error in Portuguese: "campo: problema; …". */
export function describeZodError(err: ZodError): string {
  return err.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'argumentos';
    return `${where}: ${issue.message}`;
  }).join('; ');
}

/** Turns anything thrown by a handler into the shape that crosses a transport. */
export function toApiErrorShape(err: unknown, log: (msg: string) => void = () => {}): ApiErrorShape {
  if (err instanceof ApiError) return { code: err.code, message: err.userMessage };
  if (err instanceof SigiloError) return { code: err.code, message: err.userMessage };
  if (err instanceof ZodError) return { code: 'INVALID_ARGS', message: `${API_ERROR_MESSAGES.INVALID_ARGS} ${describeZodError(err)}` };
  log(`api: unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  return { code: 'INTERNAL', message: API_ERROR_MESSAGES.INTERNAL };
}
