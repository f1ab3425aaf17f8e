/** Writes the audit entries to a CSV or JSON file (owner-only, written atomically). */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ENTRY_LABELS, type AuditEntry, type VerifyResult } from './audit-types.js';

export type ExportFormat = 'csv' | 'json';

const CSV_COLUMNS = ['seq', 'id', 'ts', 'type', 'tipo', 'arquivo', 'risco', 'achados', 'payload', 'hash'] as const;

/** A CSV cell: quoted when needed, and protected against formula injection in spreadsheets. */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function entryToCsvRow(e: AuditEntry): string {
  const p = e.payload;
  const risk = typeof p.risk === 'object' && p.risk !== null ? (p.risk as { level?: unknown }).level : undefined;
  return [
    e.seq, e.id, e.ts, e.type, AUDIT_ENTRY_LABELS[e.type] ?? e.type,
    typeof p.file === 'string' ? p.file : '',
    typeof risk === 'string' ? risk : '',
    typeof p.findings === 'number' ? p.findings : '',
    JSON.stringify(p), e.hash,
  ].map((v) => csvCell(v)).join(',');
}

export function renderAuditExport(format: ExportFormat, entries: AuditEntry[], meta: { exportedAt: string; verification: VerifyResult }): string {
  if (format === 'json') {
    return `${JSON.stringify({ tool: { name: 'sigilo' }, exportedAt: meta.exportedAt, verification: meta.verification, entries }, null, 2)}\n`;
  }
  // BOM so that spreadsheet programs read the accents as UTF-8
  return `\uFEFF${CSV_COLUMNS.join(',')}\r\n${entries.map((e) => `${entryToCsvRow(e)}\r\n`).join('')}`;
}

/** Returns the number of bytes written. */
export function writeAuditExport(file: string, format: ExportFormat, entries: AuditEntry[], meta: { exportedAt: string; verification: VerifyResult }): number {
  const data = Buffer.from(renderAuditExport(format, entries, meta), 'utf8');
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  return data.length;
}
