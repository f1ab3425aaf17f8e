/**
 * `sigilo audit list|verify|export|purge|rotate-key` — the encrypted, tamper-evident audit history.
 * Exit status: 0 ok, 1 bad usage, 2 failure (tampering found, wrong key, unreadable history).
 */
import { AuditError } from '../../services/audit/audit-errors.js';
import type { AuditStore } from '../../services/audit/audit-store.js';
import { AUDIT_ENTRY_LABELS, AUDIT_ENTRY_TYPES, isAuditEntryType, type AuditEntry, type ListFilter, type VerifyResult } from '../../services/audit/audit-types.js';
import { resolveDataDir } from '../../services/audit/data-dir.js';
import { hasAuditHistory, openAuditForCli, rotateAuditKey } from '../../services/audit/open-audit.js';
import { KeyError } from '../../services/keys/key-errors.js';
import { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, UsageError, parseArgs, type CliIo } from '../cli-io.js';

const EXIT_FAILURE = EXIT_PARTIAL;

const USAGE = `usage:
  sigilo audit list [--since DATA] [--until DATA] [--type TIPO] [--limit N] [--json] [--data-dir DIR]
  sigilo audit verify [--json] [--data-dir DIR]
  sigilo audit export --format csv|json --out ARQUIVO [--since DATA] [--until DATA] [--type TIPO] [--data-dir DIR]
  sigilo audit purge --before DATA [--json] [--data-dir DIR]
  sigilo audit rotate-key [--data-dir DIR]
DATA: AAAA-MM-DD, DD/MM/AAAA ou data e hora ISO 8601. TIPO: ${AUDIT_ENTRY_TYPES.join(', ')}.
Chave: SIGILO_KEY (64 dígitos hexadecimais ou senha) ou o arquivo audit.key da pasta de dados.
`;

const LEVELS: Record<string, string> = { none: 'nenhum', low: 'baixo', medium: 'médio', high: 'alto', critical: 'crítico' };
const PROBLEMS: Record<string, string> = { changed: 'foi alterado', deleted: 'foi removido', inserted: 'foi inserido' };

export async function run(args: string[], io: CliIo): Promise<number> {
  try {
    return await runAudit(args, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`sigilo audit: ${err.message}\n`);
    return EXIT_USAGE;
  }
}

async function runAudit(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === 'help') {
    (sub ? io.stdout : io.stderr)(USAGE);
    return sub ? EXIT_OK : EXIT_USAGE;
  }
  const parsed = parseArgs(rest, {
    flags: ['json'],
    options: ['data-dir', 'since', 'until', 'type', 'limit', 'offset', 'format', 'out', 'before'],
  });
  if (parsed.positional.length > 0) throw new UsageError(`unexpected argument '${parsed.positional[0]}'\n${USAGE}`);
  const json = parsed.flags.has('json');
  const dataDir = resolveDataDir({ ...(parsed.options.has('data-dir') ? { dataDir: parsed.options.get('data-dir')! } : {}), env: io.env, cwd: io.cwd });
  const command = COMMANDS[sub];
  if (!command) throw new UsageError(`unknown audit command '${sub}'\n${USAGE}`);
  const filter = listFilter(parsed.options);
  command.check?.(parsed.options);
  if (!hasAuditHistory(dataDir) && sub !== 'rotate-key') {
    if (sub === 'list') {
      io.stdout(json ? `${JSON.stringify({ dataDir, entries: [], total: 0 }, null, 2)}\n` : `Nenhum registro: não há histórico de auditoria em ${dataDir}.\n`);
      return EXIT_OK;
    }
    io.stderr(`sigilo audit: não há histórico de auditoria em ${dataDir}.\n`);
    return EXIT_FAILURE;
  }
  let store: AuditStore | undefined;
  try {
    const handle = await openAuditForCli({ dataDir, env: io.env, cwd: io.cwd });
    store = handle.store;
    return await command.run({ store, io, json, dataDir, filter, options: parsed.options, rotate: () => rotateAuditKey(handle.store, handle.provider) });
  } catch (err) {
    if (err instanceof AuditError || err instanceof KeyError) {
      io.stderr(`sigilo audit: ${err.userMessage}\n  (${err.message})\n`);
      return EXIT_FAILURE;
    }
    if (err instanceof UsageError) throw err;
    io.stderr(`sigilo audit: erro inesperado: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  } finally {
    store?.close();
  }
}

interface Ctx {
  store: AuditStore;
  io: CliIo;
  json: boolean;
  dataDir: string;
  filter: ListFilter;
  options: Map<string, string>;
  rotate: () => Promise<AuditEntry>;
}

const COMMANDS: Record<string, { check?: (o: Map<string, string>) => void; run: (ctx: Ctx) => Promise<number> }> = {
  list: {
    run: async ({ store, io, json, filter, dataDir }) => {
      const entries = store.list(filter);
      const total = store.count(filter);
      if (json) {
        io.stdout(`${JSON.stringify({ dataDir, entries, total }, null, 2)}\n`);
        return EXIT_OK;
      }
      if (entries.length === 0) io.stdout('Nenhum registro encontrado.\n');
      for (const e of entries) io.stdout(`${listLine(e)}\n`);
      if (total > entries.length) io.stdout(`(${entries.length} de ${total} registros; use --limit e --offset para ver mais)\n`);
      return EXIT_OK;
    },
  },
  verify: {
    run: async ({ store, io, json }) => {
      const result = store.verify({ record: true });
      io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : `${verifyText(result)}\n`);
      return result.ok ? EXIT_OK : EXIT_FAILURE;
    },
  },
  export: {
    check: (o) => {
      if (!o.get('out')) throw new UsageError(`export needs --out FILE\n${USAGE}`);
      const format = o.get('format') ?? o.get('out')!.split('.').pop()?.toLowerCase();
      if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
      o.set('format', format);
    },
    run: async ({ store, io, json, filter, options }) => {
      const { limit: _l, offset: _o, order: _r, ...rest } = filter;
      const out = options.get('out')!;
      const result = store.exportTo(out, options.get('format') as 'csv' | 'json', rest);
      io.stdout(json ? `${JSON.stringify({ file: result.file, entries: result.entries, bytes: result.bytes }, null, 2)}\n`
        : `Exportado${result.entries === 1 ? '' : 's'} ${registros(result.entries)} para ${result.file} (${result.bytes} bytes).\n`);
      return EXIT_OK;
    },
  },
  purge: {
    check: (o) => { if (!o.get('before')) throw new UsageError(`purge needs --before DATE\n${USAGE}`); },
    run: async ({ store, io, json, options }) => {
      const before = parseDate(options.get('before')!, '--before');
      const result = store.purge(before);
      io.stdout(json ? `${JSON.stringify({ removed: result.removed, anchorSeq: result.anchorSeq, entry: result.entry }, null, 2)}\n`
        : `Expurgado${result.removed === 1 ? '' : 's'} ${registros(result.removed)} anteriores a ${localTime(before.toISOString())}. `
          + `A cadeia continua verificável a partir do registro #${result.anchorSeq + 1}.\n`);
      return EXIT_OK;
    },
  },
  'rotate-key': {
    run: async ({ io, json, rotate }) => {
      const entry = await rotate();
      io.stdout(json ? `${JSON.stringify(entry, null, 2)}\n` : `Chave trocada e histórico recriptografado (registro #${entry.seq}).\n`);
      return EXIT_OK;
    },
  },
};

function listFilter(o: Map<string, string>): ListFilter {
  const filter: ListFilter = {};
  if (o.has('since')) filter.since = parseDate(o.get('since')!, '--since');
  if (o.has('until')) filter.until = parseDate(o.get('until')!, '--until', true);
  if (o.has('type')) {
    const types = o.get('type')!.split(',').map((t) => t.trim());
    for (const t of types) if (!isAuditEntryType(t)) throw new UsageError(`unknown --type '${t}' (use ${AUDIT_ENTRY_TYPES.join(', ')})`);
    filter.type = types as ListFilter['type'];
  }
  filter.limit = o.has('limit') ? nonNegativeInt(o.get('limit')!, '--limit') : 100;
  if (o.has('offset')) filter.offset = nonNegativeInt(o.get('offset')!, '--offset');
  return filter;
}

function nonNegativeInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number`);
  return Number(value);
}

/** AAAA-MM-DD and DD/MM/AAAA are local days (`endOfDay` for --until: the whole day counts); ISO with time as given. */
export function parseDate(value: string, flag: string, endOfDay = false): Date {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  let ymd: [number, number, number] | undefined = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (ymd) {
    const [y, mo, d] = ymd;
    const date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) throw new UsageError(`${flag}: invalid date '${value}'`);
    if (endOfDay) date.setDate(date.getDate() + 1);
    return date;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const date = new Date(v);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UsageError(`${flag}: invalid date '${value}' (use AAAA-MM-DD or DD/MM/AAAA)`);
}

function registros(n: unknown): string { return `${str(n)} registro${n === 1 ? '' : 's'}`; }

function pad(n: number): string { return String(n).padStart(2, '0'); }

function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function str(v: unknown): string { return typeof v === 'string' || typeof v === 'number' ? String(v) : ''; }

function summary(e: AuditEntry): string {
  const p = e.payload;
  switch (e.type) {
    case 'analysis': {
      const name = str(p.name) || str(p.file);
      if (p.status === 'error') return `${name} — erro ${str((p.error as { code?: unknown } | undefined)?.code)}`;
      const risk = p.risk as { level?: unknown; score?: unknown } | undefined;
      const n = typeof p.findings === 'number' ? p.findings : 0;
      return `${name} — risco ${LEVELS[str(risk?.level)] ?? str(risk?.level)} (${str(risk?.score)}), ${n} achado${n === 1 ? '' : 's'}`;
    }
    case 'finding_review':
      return `achado ${str(p.findingIndex)} (${str(p.findingType)}) ${p.decision === 'rejected' ? 'rejeitado' : 'aceito'} na análise ${str(p.entryId)}`;
    case 'verification':
      return p.ok ? `íntegro (${registros(p.entries)})` : `PROBLEMA encontrado (${str((p.firstBad as { seq?: unknown } | null)?.seq)})`;
    case 'purge':
      return `${registros(p.removed)} anteriores a ${localTime(str(p.before))}`;
    case 'key_rotation':
      return 'chave trocada, histórico recriptografado';
    default: {
      const text = JSON.stringify(p);
      return text.length > 100 ? `${text.slice(0, 99)}…` : text;
    }
  }
}

function listLine(e: AuditEntry): string {
  return `#${e.seq}  ${localTime(e.ts)}  ${AUDIT_ENTRY_LABELS[e.type] ?? e.type}  ${summary(e)}  [${e.id}]`;
}

function verifyText(r: VerifyResult): string {
  const purged = r.anchorSeq > 0 ? ` (registros até #${r.anchorSeq} foram expurgados por retenção)` : '';
  if (r.ok) return `Histórico íntegro: ${registros(r.entries)} verificado${r.entries === 1 ? '' : 's'} em ${r.durationMs} ms${purged}.`;
  const bad = r.firstBad!;
  const who = bad.id ? `#${bad.seq} [${bad.id}]` : `#${bad.seq}`;
  return `HISTÓRICO ADULTERADO: o registro ${who} ${PROBLEMS[bad.problem]} (${bad.detail}). `
    + `Registros anteriores íntegros: ${r.entries}${purged}.`;
}
