/** Adapts the audit history (electron/services/audit AuditStore) to the API's AuditPort. */
import type { AuditStore } from '../audit/audit-store.js';
import type { AnalysisPayload, AuditEntry } from '../audit/audit-types.js';
import type { HistoryBucket, HistoryDetail, HistoryEntry, HistoryStats, IntegrityResult } from '../../shared/api.js';
import { RISK_LEVELS, type RiskLevel } from '../../shared/report.js';
import type { AuditPort, HistoryFilter } from './deps.js';

type Store = Pick<AuditStore, 'list' | 'count' | 'stats' | 'verify' | 'getReport' | 'setFindingDecision' | 'append'>;

/** 'YYYY-MM-DD' as the start (or, with endOfDay, the end) of that local day. */
function localDay(day: string, endOfDay = false): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const str = (v: unknown, max = 200): string | undefined => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const baseName = (v: unknown): string | undefined => {
  const s = str(v, 4096);
  return s ? s.split(/[\\/]/).pop()?.slice(0, 200) : undefined;
};

/** What an entry is about, from its payload (entries written by the app, the CLI and the plugin registry differ). */
export function historyDetail(entry: Pick<AuditEntry, 'type' | 'payload'>): HistoryDetail | undefined {
  const p = entry.payload;
  const d: HistoryDetail = {};
  const set = <K extends keyof HistoryDetail>(k: K, v: HistoryDetail[K] | undefined): void => { if (v !== undefined) d[k] = v; };
  switch (entry.type) {
    case 'analysis':
      return undefined;
    case 'export': {
      const raw = str(p.kind) ?? str(p.what) ?? '';
      const [kind, sub] = raw.split(':') as [string, string | undefined];
      set('kind', kind || undefined);
      if (kind === 'redaction') set('mode', str(p.mode) ?? sub);
      if (kind === 'form') set('form', str(p.form) ?? sub);
      set('count', kind === 'audit' ? num(p.entries) : num(p.reports) ?? (Array.isArray(p.auditIds) && p.auditIds.length > 1 ? p.auditIds.length : undefined));
      set('output', baseName(p.output) ?? baseName(p.file));
      break;
    }
    case 'plugin_install': case 'plugin_enable': case 'plugin_disable': case 'plugin_remove': case 'plugin_upgrade': case 'plugin_rollback':
    case 'permission_grant': case 'permission_revoke': case 'plugin_event': {
      set('plugin', str(p.plugin) ?? str(p.id));
      set('version', str(p.version) ?? str(p.to));
      const caps = [p.capability, p.grant, ...(Array.isArray(p.capabilities) ? p.capabilities : [])].filter((c): c is string => typeof c === 'string');
      if (entry.type.startsWith('permission_') && caps.length) set('capability', caps.join(', ').slice(0, 200));
      const ev = p.event;
      if (typeof ev === 'string') set('event', ev.slice(0, 120));
      else if (ev && typeof ev === 'object') set('event', (str((ev as Record<string, unknown>).event) ?? str((ev as Record<string, unknown>).type) ?? str((ev as Record<string, unknown>).name) ?? JSON.stringify(ev)).slice(0, 120));
      break;
    }
    case 'dev_mode':
      if (typeof p.enabled === 'boolean') set('ok', p.enabled);
      if (typeof p.on === 'boolean') set('ok', p.on);
      break;
    case 'trust_add': case 'trust_remove':
      set('plugin', str(p.name) ?? str(p.signer));
      set('event', str(p.keyId));
      break;
    case 'settings_change':
      if (Array.isArray(p.changed)) set('changed', p.changed.filter((c): c is string => typeof c === 'string').slice(0, 20));
      set('event', str(p.event));
      if (typeof p.enabled === 'boolean') set('ok', p.enabled);
      break;
    case 'verification':
      if (typeof p.ok === 'boolean') set('ok', p.ok);
      set('count', num(p.entries));
      break;
    case 'purge':
      set('count', num(p.removed));
      break;
    case 'finding_review':
      set('decision', str(p.decision));
      set('findingType', str(p.findingType));
      break;
    case 'key_rotation':
      break;
  }
  return Object.keys(d).length ? d : undefined;
}

function toHistoryEntry(entry: AuditEntry): HistoryEntry {
  const p = entry.payload as Partial<AnalysisPayload>;
  const level = p.risk?.level;
  const detail = historyDetail(entry);
  if (entry.type !== 'analysis') {
    return {
      id: entry.id, at: entry.ts, type: entry.type,
      ...(entry.ref ? { ref: entry.ref } : {}),
      ...(detail ? { detail } : {}),
      file: typeof p.file === 'string' ? p.file : typeof entry.payload.input === 'string' ? entry.payload.input : '',
      status: 'ok', findings: 0,
    };
  }
  return {
    id: entry.id,
    at: entry.ts,
    type: 'analysis',
    file: typeof p.file === 'string' ? p.file : '',
    ...(p.sha256 ? { sha256: p.sha256 } : {}),
    status: p.status === 'ok' ? 'ok' : 'error',
    ...(level && (RISK_LEVELS as readonly string[]).includes(level) ? { level: level as RiskLevel } : {}),
    ...(typeof p.risk?.score === 'number' ? { score: p.risk.score } : {}),
    findings: typeof p.findings === 'number' ? p.findings : 0,
    ...(p.error?.code ? { errorCode: p.error.code } : {}),
  };
}

const emptyLevels = (): Record<RiskLevel, number> => ({ none: 0, low: 0, medium: 0, high: 0, critical: 0 });

/** Days with no analysis are filled in so the chart's time axis is continuous (day buckets, ≤ 366 days). */
function fillDays(buckets: HistoryBucket[], from: string | undefined, to: string | undefined, today: Date): HistoryBucket[] {
  const first = from ?? buckets[0]?.date;
  if (!first) return buckets;
  const start = localDay(first);
  const end = to ? localDay(to) : localDay(isoDay(today));
  const byDate = new Map(buckets.map((b) => [b.date, b]));
  const out: HistoryBucket[] = [];
  for (let d = new Date(start); d <= end && out.length < 366; d.setDate(d.getDate() + 1)) {
    const key = isoDay(d);
    out.push(byDate.get(key) ?? { date: key, total: 0, byLevel: emptyLevels(), errors: 0 });
  }
  return out;
}

export function auditPort(store: Store, now: () => Date = () => new Date()): AuditPort {
  const range = (from?: string, to?: string) => ({
    ...(from ? { since: localDay(from) } : {}),
    ...(to ? { until: localDay(to, true) } : {}),
  });
  return {
    async list(filter: HistoryFilter) {
      // risk level and status exist only on analyses: with either, the list is of analyses
      const type = filter.type ?? (filter.level || filter.status ? 'analysis' as const : undefined);
      const where = { ...range(filter.from, filter.to), ...(type ? { type } : {}), ...(filter.level ? { level: filter.level } : {}), ...(filter.status ? { status: filter.status } : {}), ...(filter.query ? { query: filter.query } : {}) };
      const entries = store.list({ ...where, limit: filter.limit, offset: filter.offset }).map(toHistoryEntry);
      return { entries, total: store.count(where) };
    },
    async stats({ from, to, bucket }): Promise<HistoryStats> {
      const s = store.stats({ ...range(from, to), bucket, tzOffsetMinutes: -now().getTimezoneOffset() });
      const buckets = s.buckets.map((b) => ({ date: b.date, total: b.total, byLevel: { ...emptyLevels(), ...b.byLevel }, errors: b.errors }));
      const total = buckets.reduce((n, b) => n + b.total, 0);
      return { buckets: bucket === 'day' ? fillDays(buckets, from, to, now()) : buckets, total };
    },
    async verify(): Promise<IntegrityResult> {
      const r = store.verify({ record: true });
      if (r.ok) return { ok: true, checked: r.entries, message: `${r.entries} registros conferidos.` };
      const bad = r.firstBad;
      const what = bad?.problem === 'deleted' ? 'foi apagado' : bad?.problem === 'inserted' ? 'foi inserido' : 'foi alterado';
      return {
        ok: false,
        checked: r.entries,
        ...(bad?.id ? { firstBadId: bad.id } : {}),
        message: bad ? `o registro nº ${bad.seq} ${what} depois de gravado. O histórico não é confiável a partir desse ponto.` : 'o histórico não pôde ser conferido.',
      };
    },
    async getReport(auditId: string) {
      return store.getReport(auditId);
    },
    async setFindingDecision(auditId, findingIndex, decision) {
      store.setFindingDecision(auditId, findingIndex, decision);
    },
    async recordExport(entry) {
      store.append('export', { ...entry }, entry.auditId ? { ref: entry.auditId } : {});
    },
  };
}
