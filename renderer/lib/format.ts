import { FINDING_TYPE_INFO, isFindingType, type FindingCategory } from '../../electron/shared/finding-types.js';

export function typeLabel(type: string, language: string): string {
  if (!isFindingType(type)) return type;
  return language === 'en' ? FINDING_TYPE_INFO[type].labelEn : FINDING_TYPE_INFO[type].label;
}

export type HighlightCategory = FindingCategory | 'other';

export function typeCategory(type: string): HighlightCategory {
  return isFindingType(type) ? FINDING_TYPE_INFO[type].category : 'other';
}

export const CATEGORY_ORDER: HighlightCategory[] = ['identifier', 'contact', 'personal', 'health', 'special', 'other'];

export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(d);
}

export function formatDay(isoDay: string, language: string): string {
  const d = new Date(`${isoDay.slice(0, 10)}T12:00:00`);
  if (Number.isNaN(d.getTime())) return isoDay;
  return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit' }).format(d);
}

export function formatNumber(n: number, language: string, digits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n);
}
