/**
 * `sigilo export form --type consent|ripd|record|report --from REPORT.json|AUDIT_ID --out FILE
 *   [--format pdf|docx] [--settings SETTINGS.json] [--data-dir DIR] [--reveal]`
 * REPORT.json is the output of `sigilo analyze --json` (a batch allowed); an audit id is loaded from the history.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseComplianceSettings, type ComplianceSettings } from '../../shared/compliance-settings.js';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../services/settings/settings-store.js';
import { FileReportSchema, type FileReport } from '../../shared/report.js';
import { openAuditForCli } from '../../services/audit/open-audit.js';
import { resolveDataDir } from '../../services/audit/data-dir.js';
import { FORM_FORMATS, FORM_TYPES, renderForm, type AuditRef, type FormFormat, type FormType } from '../../services/exports/index.js';
import { EXIT_OK, EXIT_PARTIAL, UsageError, parseArgs, type CliIo } from '../cli-io.js';

const ReportsFileSchema = z.union([
  z.object({ reports: z.array(FileReportSchema) }).transform((o) => o.reports),
  z.array(FileReportSchema),
  FileReportSchema.transform((r) => [r]),
]);

/** Reads reports from a `sigilo analyze --json` file (or one report / an array of reports). */
export async function readReportsFile(file: string): Promise<FileReport[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`não foi possível ler o relatório ${file}: ${(error as Error).message}`);
  }
  const parsed = ReportsFileSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${file} não é a saída de "sigilo analyze --json": ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * The controller, officer and legal basis: from --settings FILE (a compliance-settings JSON), else the
 * settings the app saved in the data folder (settings.json → compliance), else the defaults.
 */
export async function loadSettings(file: string | undefined, dataDir: string | undefined, io: CliIo): Promise<ComplianceSettings> {
  if (file) {
    if (!existsSync(file)) throw new UsageError(`arquivo de configurações não encontrado: ${file}`);
    try {
      return parseComplianceSettings(JSON.parse(await readFile(file, 'utf8')));
    } catch (error) {
      throw new UsageError(`configurações inválidas em ${file}: ${(error as Error).message}`);
    }
  }
  if (dataDir && existsSync(path.join(dataDir, SETTINGS_FILE_NAME))) {
    return (await new SettingsStore(dataDir, (m) => io.stderr(`${m}\n`)).get()).compliance;
  }
  io.stderr('aviso: configurações de conformidade não encontradas; usando os valores padrão (edite-as no aplicativo ou passe --settings).\n');
  return parseComplianceSettings({});
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'form') throw new UsageError('usage: sigilo export form --type consent|ripd|record|report --from REPORT.json|AUDIT_ID --out FILE [--format pdf|docx]');
  const parsed = parseArgs(rest, { flags: ['reveal', 'force'], options: ['type', 'from', 'out', 'format', 'settings', 'data-dir'] });
  const type = parsed.options.get('type');
  if (!type || !(FORM_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${FORM_TYPES.join(', ')}`);
  const from = parsed.options.get('from');
  if (!from) throw new UsageError('--from REPORT.json or an audit entry id is required');
  const outArg = parsed.options.get('out');
  if (!outArg) throw new UsageError('--out FILE is required');
  const out = path.resolve(io.cwd, outArg);
  const format = (parsed.options.get('format') ?? (path.extname(out).toLowerCase() === '.docx' ? 'docx' : 'pdf')) as FormFormat;
  if (!(FORM_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be pdf or docx`);
  if (existsSync(out) && !parsed.flags.has('force')) {
    io.stderr(`sigilo export: ${out} já existe; escolha outro nome ou use --force para substituir.\n`);
    return EXIT_PARTIAL;
  }
  const dataDirOption = parsed.options.get('data-dir');
  const fromFile = path.resolve(io.cwd, from);
  const isFile = existsSync(fromFile);
  const audit = await openAuditForCli({ ...(dataDirOption ? { dataDir: dataDirOption } : {}), env: io.env, cwd: io.cwd }).catch((error: unknown) => {
    if (!isFile) throw error;
    io.stderr(`aviso: histórico de auditoria indisponível (${(error as Error).message}); a exportação não será registrada.\n`);
    return undefined; // the form still works from a report file without the history
  });
  try {
    let reports: FileReport[];
    if (isFile) reports = await readReportsFile(fromFile);
    else {
      const report = audit!.store.getReport(from);
      if (!report) {
        io.stderr(`sigilo export: nenhuma análise com o id ${from} no histórico (nem arquivo com esse nome).\n`);
        return EXIT_PARTIAL;
      }
      reports = [{ ...report, auditId: report.auditId ?? from }];
    }
    const dataDir = audit?.dataDir ?? (dataDirOption ? path.resolve(io.cwd, dataDirOption) : safeDataDir(io));
    const settings = await loadSettings(parsed.options.get('settings') && path.resolve(io.cwd, parsed.options.get('settings')!), dataDir, io);
    const auditRef = (report: FileReport): AuditRef | undefined => {
      if (!report.auditId) return undefined;
      const entry = audit?.store.getEntry(report.auditId);
      return { id: report.auditId, ...(entry ? { hash: entry.hash } : {}) };
    };
    const bytes = await renderForm(type as FormType, reports, settings, format, { audit: auditRef, revealValues: parsed.flags.has('reveal') });
    await writeFile(out, bytes, { flag: parsed.flags.has('force') ? 'w' : 'wx' });
    audit?.store.append('export', { kind: 'form', form: type, format, output: out, reports: reports.length, auditIds: reports.map((r) => r.auditId).filter(Boolean) });
    io.stdout(`${out}\n`);
    return reports.some((r) => r.status === 'error') ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    audit?.store.close();
  }
}

function safeDataDir(io: CliIo): string | undefined {
  try {
    return resolveDataDir({ env: io.env, cwd: io.cwd });
  } catch {
    return undefined;
  }
}
