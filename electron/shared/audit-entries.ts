/**
 * The audit history's entry types and their Portuguese labels, for the renderer and the API schemas.
 * The source of truth is electron/services/audit/audit-types.ts (dependency-free); this file only
 * re-exports it under electron/shared so the interface does not reach into the services folder.
 */
export { AUDIT_ENTRY_TYPES, AUDIT_ENTRY_LABELS, isAuditEntryType, type AuditEntryType } from '../services/audit/audit-types.js';
