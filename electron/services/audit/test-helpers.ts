/** Shared helpers of the audit tests (not shipped code paths). */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileReport } from '../../shared/report.js';

export function tempDir(prefix = 'sigilo-audit-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function newKey(): Buffer { return randomBytes(32); }

export function sampleReport(overrides: { file?: string; name?: string; cpf?: string; level?: 'none' | 'low' | 'medium' | 'high' | 'critical' } = {}): FileReport {
  const name = overrides.name ?? 'Maria Aparecida dos Santos';
  const cpf = overrides.cpf ?? '529.982.247-25';
  const text = `Paciente: ${name}, CPF ${cpf}. Diagnóstico: diabetes mellitus tipo 2 (CID E11).`;
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return {
    file: overrides.file ?? 'exames/laudo.pdf',
    sha256: 'a'.repeat(64),
    mediaType: 'application/pdf',
    status: 'ok',
    pages: 1,
    extraction: { method: 'text', chars: text.length },
    risk: { score: 87, level: overrides.level ?? 'high', reasons: ['CPF válido junto a dado de saúde (LGPD art. 5º, II)'] },
    findings: [
      { type: 'person_name', text: name, ...at(name), page: 1, confidence: 0.9, validated: false, plugin: 'names@1.0.0' },
      { type: 'cpf', text: cpf, ...at(cpf), page: 1, confidence: 0.99, validated: true, plugin: 'br-identifiers@1.0.0' },
      { type: 'health_condition', text: 'diabetes mellitus tipo 2', ...at('diabetes mellitus tipo 2'), page: 1, confidence: 0.8, validated: false, plugin: 'health@1.2.0' },
    ],
    durationMs: 41,
    plugins: [
      { plugin: 'br-identifiers@1.0.0', durationMs: 3, findings: 1 },
      { plugin: 'names@1.0.0', durationMs: 5, findings: 1 },
      { plugin: 'health@1.2.0', durationMs: 7, findings: 1 },
    ],
    text,
  };
}
