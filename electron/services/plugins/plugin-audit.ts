/**
 * Audit entries of the plugin lifecycle. Every step is recorded with `event` set to its precise name;
 * grants and revocations are the history's permission_grant / permission_revoke entries.
 */
import type { AuditStore } from '../audit/audit-store.js';
import { isAuditEntryType, type AuditEntryType } from '../audit/audit-types.js';

export const PLUGIN_AUDIT_EVENTS = [
  'plugin_install', 'plugin_enable', 'plugin_disable', 'plugin_remove', 'plugin_upgrade', 'plugin_rollback',
  'plugin_grant', 'plugin_revoke', 'trust_add', 'trust_remove', 'dev_mode',
] as const;
export type PluginAuditEvent = (typeof PLUGIN_AUDIT_EVENTS)[number];

export type PluginAuditSink = (event: PluginAuditEvent, payload: Record<string, unknown>) => void;

const FALLBACK: Record<PluginAuditEvent, AuditEntryType> = {
  plugin_install: 'plugin_install',
  plugin_enable: 'plugin_enable',
  plugin_disable: 'plugin_disable',
  plugin_remove: 'plugin_remove',
  plugin_upgrade: 'plugin_upgrade',
  plugin_rollback: 'plugin_upgrade',
  plugin_grant: 'permission_grant',
  plugin_revoke: 'permission_revoke',
  trust_add: 'settings_change',
  trust_remove: 'settings_change',
  dev_mode: 'settings_change',
};

export function auditEntryTypeFor(event: PluginAuditEvent): AuditEntryType {
  return isAuditEntryType(event) ? event : FALLBACK[event];
}

/** A sink writing to the audit history (throws when the entry cannot be written). */
export function auditSink(store: Pick<AuditStore, 'append'>): PluginAuditSink {
  return (event, payload) => {
    store.append(auditEntryTypeFor(event), { event, ...payload });
  };
}
