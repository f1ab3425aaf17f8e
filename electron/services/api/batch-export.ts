/**
 * Batch exports: redacted copies of every analysed document of a batch (ONE pseudonym table, so the same value
 * gets the same token in every copy) and compliance forms covering the whole batch, all written into one
 * folder. Nothing is overwritten (a free name is picked). Every file written is recorded in the audit history.
 * A document that cannot be exported does not stop the others: the summary says why, in Portuguese.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BatchExportItem, BatchExportResult, ExportProgress, FormType, RedactionMode } from '../../shared/api.js';
import type { FileReport } from '../../shared/report.js';
import { createPseudonymizer } from '../redaction/pseudonymizer.js';
import { ApiError } from './api-error.js';
import type { AnalysisInput, AuditPort, ExportsPort, RedactionPort, SettingsPort } from './deps.js';

export interface BatchDocument { reportId: string; name: string; report: FileReport; source: AnalysisInput | undefined }

export const BATCH_FORM_TITLES: Record<FormType, string> = {
  report: 'Relatório de análise',
  consent: 'Termo de consentimento',
  ripd: 'Relatório de impacto (RIPD)',
  record: 'Registro das operações de tratamento',
};

const BATCH_FORM_FILES: Record<FormType, string> = {
  report: 'relatorio-analise', consent: 'termo-consentimento', ripd: 'ripd', record: 'registro-operacoes',
};

export interface BatchExportDeps {
  redaction: RedactionPort;
  exports: ExportsPort;
  audit: Pick<AuditPort, 'recordExport'>;
  settings: Pick<SettingsPort, 'get'>;
  now: () => Date;
  log: (message: string) => void;
  onProgress: (progress: ExportProgress) => void;
  /** Stops between files (the file being written is finished). */
  signal?: AbortSignal;
  batchId?: string;
}

/** Opens `folder/name` exclusively; `name-2.ext`, `name-3.ext`… when taken. Returns the path written. */
export async function writeNewFile(folder: string, fileName: string, bytes: Uint8Array): Promise<string> {
  await mkdir(folder, { recursive: true });
  const ext = path.extname(fileName);
  const base = path.basename(fileName, ext);
  for (let n = 1; n < 1000; n++) {
    const target = path.join(folder, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    let handle;
    try {
      handle = await open(target, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      await handle.writeFile(bytes);
      await handle.close();
    } catch (err) {
      await handle.close().catch(() => {});
      await rm(target, { force: true });
      throw err;
    }
    return target;
  }
  throw new ApiError('WRITE_FAILED', `Não há nome livre para ${fileName} na pasta escolhida.`);
}

function userMessage(err: unknown): string {
  if (err instanceof ApiError) return err.userMessage;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Sem permissão para gravar na pasta escolhida.';
  if (code === 'ENOSPC') return 'Não há espaço livre no disco.';
  if (err && typeof err === 'object' && 'userMessage' in err && typeof err.userMessage === 'string') return err.userMessage;
  return 'Não foi possível gerar este arquivo.';
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function runBatchExport(
  deps: BatchExportDeps,
  folder: string,
  documents: readonly BatchDocument[],
  options: { redaction: RedactionMode | null; forms: readonly FormType[] },
): Promise<BatchExportResult> {
  const batchId = deps.batchId ?? `lote-${randomUUID()}`;
  const stopped = (): boolean => deps.signal?.aborted === true;
  const STOPPED = 'A exportação foi interrompida antes deste arquivo.';
  const items: BatchExportItem[] = [];
  const analysed = documents.filter((d) => d.report.status === 'ok');
  const total = (options.redaction ? documents.length : 0) + options.forms.length;
  let done = 0;
  const progress = (current?: string): void => deps.onProgress({ batchId, done, total, ...(current ? { current } : {}), finished: done >= total });
  progress();

  if (options.redaction) {
    const mode = options.redaction;
    const pseudonyms = createPseudonymizer();
    for (const doc of documents) {
      progress(doc.name);
      if (stopped()) {
        items.push({ kind: 'redaction', name: doc.name, status: 'skipped', warnings: [], error: STOPPED });
      } else if (doc.report.status !== 'ok') {
        items.push({ kind: 'redaction', name: doc.name, status: 'skipped', warnings: [], error: 'Não foi analisado (houve erro na análise), então não há cópia redigida.' });
      } else if (!doc.source) {
        items.push({ kind: 'redaction', name: doc.name, status: 'skipped', warnings: [], error: 'O arquivo original não está disponível; analise-o de novo para gerar a cópia.' });
      } else {
        try {
          const copy = await deps.redaction.redact(doc.source, doc.report, mode, { pseudonyms });
          const output = await writeNewFile(folder, path.basename(copy.fileName), copy.bytes);
          await deps.audit.recordExport({
            kind: `redaction:${mode}`,
            ...(doc.report.auditId ? { auditId: doc.report.auditId } : {}),
            file: doc.report.file, output, sha256: sha256(copy.bytes), bytes: copy.bytes.byteLength, batchId, mode,
          });
          items.push({ kind: 'redaction', name: doc.name, status: 'ok', output, warnings: copy.warnings ?? [] });
        } catch (err) {
          deps.log(`batch export: ${doc.name}: ${err instanceof Error ? err.message : String(err)}`);
          items.push({ kind: 'redaction', name: doc.name, status: 'error', warnings: [], error: userMessage(err) });
        }
      }
      done += 1;
    }
  }

  if (options.forms.length > 0) {
    const settings = await deps.settings.get();
    const day = deps.now().toISOString().slice(0, 10);
    const auditIds = analysed.map((d) => d.report.auditId).filter((id): id is string => typeof id === 'string');
    for (const type of options.forms) {
      const name = BATCH_FORM_TITLES[type];
      progress(name);
      if (stopped()) {
        items.push({ kind: 'form', name, status: 'skipped', warnings: [], error: STOPPED });
      } else if (analysed.length === 0) {
        items.push({ kind: 'form', name, status: 'skipped', warnings: [], error: 'Nenhum documento do lote foi analisado com sucesso.' });
      } else {
        try {
          const pdf = await deps.exports.renderBatchForm(type, analysed.map((d) => d.report), settings);
          const output = await writeNewFile(folder, `${BATCH_FORM_FILES[type]}-lote-${day}.pdf`, pdf);
          await deps.audit.recordExport({
            kind: `form:${type}`, file: `lote de ${analysed.length} documento(s)`, output, sha256: sha256(pdf), bytes: pdf.byteLength,
            auditIds, batchId, reports: analysed.length,
          });
          // documents that could not be analysed are left out (the list says so once, under each of them)
          items.push({ kind: 'form', name, status: 'ok', output, warnings: [] });
        } catch (err) {
          deps.log(`batch export: form ${type}: ${err instanceof Error ? err.message : String(err)}`);
          items.push({ kind: 'form', name, status: 'error', warnings: [], error: userMessage(err) });
        }
      }
      done += 1;
    }
  }
  progress();
  return {
    batchId,
    stopped: stopped(),
    folder,
    copies: items.filter((i) => i.kind === 'redaction' && i.status === 'ok').length,
    forms: items.filter((i) => i.kind === 'form' && i.status === 'ok').length,
    failed: items.filter((i) => i.status === 'error').length,
    skipped: items.filter((i) => i.status === 'skipped').length,
    items,
  };
}
