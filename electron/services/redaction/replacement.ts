/** What replaces a redacted value: its type label, a block, or a consistent pseudonym. */
import { FINDING_TYPE_INFO, isFindingType } from '../../shared/finding-types.js';
import type { Pseudonymizer } from './pseudonymizer.js';

export const REDACTION_MODES = ['label', 'block', 'pseudonym'] as const;
export type RedactionMode = (typeof REDACTION_MODES)[number];

export const BLOCK_CHAR = '█';

export function typeLabel(type: string): string {
  return isFindingType(type) ? FINDING_TYPE_INFO[type].label.toUpperCase() : type.toUpperCase();
}

export function replacementText(type: string, value: string, mode: RedactionMode, pseudonyms: Pseudonymizer): string {
  switch (mode) {
    case 'label':
      return `[${typeLabel(type)}]`;
    case 'block':
      return BLOCK_CHAR.repeat(4);
    case 'pseudonym':
      return pseudonyms.tokenFor(type, value);
  }
}
