/** The one-line description of an audit history entry, in the interface's language. */
import type { TFunction } from 'i18next';
import type { HistoryEntry } from '../../electron/shared/api.js';
import { typeLabel } from './format.js';

const SETTINGS_FIELDS = ['language', 'ocr', 'limits', 'compliance'] as const;

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

export function describeEntry(entry: HistoryEntry, t: TFunction, language: string): string {
  const d = entry.detail ?? {};
  const plugin = d.plugin ?? t('history.desc.somePlugin');
  switch (entry.type) {
    case 'analysis':
      return entry.status === 'ok'
        ? t('history.desc.analysis', { file: baseName(entry.file), count: entry.findings })
        : t('history.desc.analysisError', { file: baseName(entry.file), code: entry.errorCode ?? '' });
    case 'export': {
      const output = d.output ?? '';
      if (d.kind === 'redaction') {
        const mode = d.mode ? t(`report.redactModes.${d.mode}`, { defaultValue: d.mode }) : '';
        return t('history.desc.exportRedaction', { file: baseName(entry.file), mode, output });
      }
      if (d.kind === 'form') {
        const form = t(`batch.form.${d.form ?? 'report'}`, { defaultValue: d.form ?? '' });
        return d.count && d.count > 1
          ? t('history.desc.exportFormBatch', { form, count: d.count, output })
          : t('history.desc.exportForm', { form, output });
      }
      if (d.kind === 'audit') return t('history.desc.exportAudit', { count: d.count ?? 0, output });
      return t('history.desc.exportOther', { output });
    }
    case 'plugin_install': return t('history.desc.pluginInstall', { plugin, version: d.version ?? '' });
    case 'plugin_enable': return t('history.desc.pluginEnable', { plugin });
    case 'plugin_disable': return t('history.desc.pluginDisable', { plugin });
    case 'plugin_remove': return t('history.desc.pluginRemove', { plugin });
    case 'plugin_rollback': return t('history.desc.pluginRollback', { plugin, version: d.version ?? '' });
    case 'dev_mode': return t(d.ok ? 'history.desc.devModeOn' : 'history.desc.devModeOff');
    case 'trust_add': return d.plugin ? t('history.desc.trustAddNamed', { name: d.plugin }) : t('history.desc.trustAdd');
    case 'trust_remove': return d.plugin ? t('history.desc.trustRemoveNamed', { name: d.plugin }) : t('history.desc.trustRemove');
    case 'plugin_upgrade':
      return d.event === 'plugin_rollback'
        ? t('history.desc.pluginRollback', { plugin, version: d.version ?? '' })
        : t('history.desc.pluginUpgrade', { plugin, version: d.version ?? '' });
    case 'permission_grant':
    case 'permission_revoke': {
      const capability = d.capability
        ? d.capability.split(', ').map((c) => t(`plugins.permission.${c}`, { defaultValue: c })).join(', ')
        : t('history.desc.somePermission');
      return t(entry.type === 'permission_grant' ? 'history.desc.permissionGrant' : 'history.desc.permissionRevoke', { plugin, capability });
    }
    case 'settings_change':
      if (d.event === 'dev_mode') return t(d.ok ? 'history.desc.devModeOn' : 'history.desc.devModeOff');
      if (d.event === 'trust_add') return t('history.desc.trustAdd');
      if (d.event === 'trust_remove') return t('history.desc.trustRemove');
      return d.changed?.length
        ? t('history.desc.settings', { fields: d.changed.map((f) => ((SETTINGS_FIELDS as readonly string[]).includes(f) ? t(`history.settingsField.${f}`) : f)).join(', ') })
        : t('history.desc.settingsSome');
    case 'key_rotation': return t('history.desc.keyRotation');
    case 'verification':
      return d.ok === false ? t('history.desc.verificationBad') : t('history.desc.verificationOk', { count: d.count ?? 0 });
    case 'purge': return t('history.desc.purge', { count: d.count ?? 0 });
    case 'finding_review':
      return t(d.decision === 'rejected' ? 'history.desc.reviewRejected' : 'history.desc.reviewAccepted', { type: d.findingType ? typeLabel(d.findingType, language) : '' });
    case 'plugin_event': return t('history.desc.pluginEvent', { plugin, event: d.event ?? '' });
  }
  return t(`history.types.${entry.type}`, { defaultValue: entry.type });
}
