import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { AUDIT_ENTRY_LABELS, AUDIT_ENTRY_TYPES } from '../../electron/shared/audit-entries.js';
import type { HistoryEntry } from '../../electron/shared/api.js';
import ptBR from '../i18n/pt-BR.json';
import en from '../i18n/en.json';
import { describeEntry } from './history-text.js';

async function translator(lng: 'pt-BR' | 'en') {
  const i18n = createInstance();
  await i18n.init({ resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return i18n;
}

const SAMPLES: Record<(typeof AUDIT_ENTRY_TYPES)[number], Partial<HistoryEntry>> = {
  analysis: { file: '/docs/laudo.pdf', status: 'ok', findings: 3 },
  export: { file: 'laudo.pdf', detail: { kind: 'redaction', mode: 'pseudonym', output: 'laudo.redigido.pdf' } },
  plugin_install: { detail: { plugin: 'cep-extra', version: '1.2.0' } },
  plugin_enable: { detail: { plugin: 'cep-extra' } },
  plugin_disable: { detail: { plugin: 'cep-extra' } },
  plugin_remove: { detail: { plugin: 'cep-extra' } },
  plugin_upgrade: { detail: { plugin: 'cep-extra', version: '1.3.0', event: 'plugin_rollback' } },
  plugin_rollback: { detail: { plugin: 'cep-extra', version: '1.1.0' } },
  trust_add: { detail: { plugin: 'Laboratório Parceiro' } },
  trust_remove: {},
  dev_mode: { detail: { ok: true } },
  permission_grant: { detail: { plugin: 'cep-extra', capability: 'audit' } },
  permission_revoke: { detail: { plugin: 'cep-extra', capability: 'log' } },
  settings_change: { detail: { changed: ['ocr', 'compliance'] } },
  key_rotation: {},
  verification: { detail: { ok: true, count: 12 } },
  purge: { detail: { count: 40 } },
  finding_review: { detail: { decision: 'rejected', findingType: 'cpf' } },
  plugin_event: { detail: { plugin: 'cep-extra', event: 'lote-processado' } },
};

describe('history entries in the interface', () => {
  it('every entry type has the audit service\'s Portuguese label, and an English one', () => {
    for (const type of AUDIT_ENTRY_TYPES) {
      expect((ptBR.history.types as Record<string, string>)[type]).toBe(AUDIT_ENTRY_LABELS[type]);
      expect((en.history.types as Record<string, string>)[type]).toBeTruthy();
    }
  });

  it('every entry type gets a one-line description with its details, in both languages', async () => {
    for (const lng of ['pt-BR', 'en'] as const) {
      const i18n = await translator(lng);
      for (const type of AUDIT_ENTRY_TYPES) {
        const entry: HistoryEntry = { id: 'x', at: '2026-11-24T10:00:00Z', type, file: '', status: 'ok', findings: 0, ...SAMPLES[type] };
        const text = describeEntry(entry, i18n.t, lng);
        expect(text, `${lng} ${type}`).not.toMatch(/history\.|\{\{|undefined/);
        expect(text.length).toBeGreaterThan(5);
      }
    }
    const pt = await translator('pt-BR');
    const line = (type: (typeof AUDIT_ENTRY_TYPES)[number]) => describeEntry({ id: 'x', at: '', type, file: '', status: 'ok', findings: 0, ...SAMPLES[type] }, pt.t, 'pt-BR');
    expect(line('analysis')).toBe('laudo.pdf — 3 achados');
    expect(line('export')).toBe('Cópia anonimizada de laudo.pdf (Pseudônimo) → laudo.redigido.pdf');
    expect(line('plugin_upgrade')).toBe('cep-extra voltou para a versão 1.3.0');
    expect(line('permission_grant')).toBe('cep-extra recebeu a permissão: Gravar no histórico de auditoria');
    expect(line('settings_change')).toBe('Alterado: OCR, dados dos formulários');
    expect(line('finding_review')).toBe('Achado rejeitado: CPF');
  });
});
