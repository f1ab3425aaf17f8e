/**
 * The user's settings (stored as JSON in the data folder by electron/services/settings). Every field has a
 * default, so an old or partial file still loads. The compliance part (controller, DPO, legal basis…) is the
 * schema of compliance-settings.ts, used by the forms.
 */
import { z } from 'zod';
import {
  ComplianceSettingsSchema, DEFAULT_COMPLIANCE_SETTINGS, LEGAL_BASIS_KEYS, parseComplianceSettings, type ComplianceSettings,
} from './compliance-settings.js';

export { ComplianceSettingsSchema, type ComplianceSettings };

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const limitFields = {
  maxFileSizeMb: z.number().int().min(1).max(2048),
  maxPages: z.number().int().min(1).max(10_000),
  timeoutSeconds: z.number().int().min(5).max(3600),
};
export const LIMIT_RANGES = {
  maxFileSizeMb: { min: 1, max: 2048 },
  maxPages: { min: 1, max: 10_000 },
  timeoutSeconds: { min: 5, max: 3600 },
} as const;

export const LimitsSchema = z.object({
  maxFileSizeMb: limitFields.maxFileSizeMb.default(100),
  maxPages: limitFields.maxPages.default(500),
  timeoutSeconds: limitFields.timeoutSeconds.default(120),
});
export type Limits = z.infer<typeof LimitsSchema>;

export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES).default('pt-BR'),
  ocr: z.boolean().default(true),
  limits: LimitsSchema.default(() => LimitsSchema.parse({})),
  compliance: z.unknown().transform((v, ctx) => {
    try {
      return parseComplianceSettings(v ?? {});
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : 'configurações de conformidade inválidas' });
      return z.NEVER;
    }
  }),
});
export type Settings = Omit<z.infer<typeof SettingsSchema>, 'compliance'> & { compliance: ComplianceSettings };

const shortText = (max: number) => z.string().trim().max(max);
const lines = z.array(shortText(1000)).max(50);

/** A partial update, as sent by the settings screen; the merged result is validated again. */
export const SettingsPatchSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  ocr: z.boolean().optional(),
  limits: z.object(limitFields).partial().strict().optional(),
  compliance: z.object({
    controller: z.object({ name: shortText(300), cnpj: shortText(40), address: shortText(500), phone: shortText(60), email: shortText(200) }).partial().strict().optional(),
    dpo: z.object({ name: shortText(300), email: shortText(200), phone: shortText(60) }).partial().strict().optional(),
    legalBasis: z.enum(LEGAL_BASIS_KEYS).optional(),
    purposes: lines.optional(),
    recipients: lines.optional(),
    retention: shortText(1000).optional(),
    securityMeasures: lines.optional(),
    dataSubjects: z.array(shortText(300)).max(20).optional(),
    process: shortText(500).optional(),
    rightsChannel: shortText(500).optional(),
    consultedParties: z.array(shortText(500)).max(20).optional(),
    city: shortText(200).optional(),
  }).strict().optional(),
}).strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function defaultSettings(): Settings {
  return { language: 'pt-BR', ocr: true, limits: LimitsSchema.parse({}), compliance: structuredClone(DEFAULT_COMPLIANCE_SETTINGS) };
}

/** Applies a validated patch; throws a ZodError when the result is not valid (e.g. an emptied required field). */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const c = patch.compliance ?? {};
  const clean = (list: string[] | undefined) => list?.map((s) => s.trim()).filter((s) => s.length > 0);
  const compliance = ComplianceSettingsSchema.parse({
    ...current.compliance,
    ...c,
    controller: { ...current.compliance.controller, ...c.controller },
    dpo: { ...current.compliance.dpo, ...c.dpo },
    ...(c.purposes ? { purposes: clean(c.purposes) } : {}),
    ...(c.recipients ? { recipients: clean(c.recipients) } : {}),
    ...(c.securityMeasures ? { securityMeasures: clean(c.securityMeasures) } : {}),
    ...(c.dataSubjects ? { dataSubjects: clean(c.dataSubjects) } : {}),
    ...(c.consultedParties ? { consultedParties: clean(c.consultedParties) } : {}),
  });
  return {
    language: patch.language ?? current.language,
    ocr: patch.ocr ?? current.ocr,
    limits: LimitsSchema.parse({ ...current.limits, ...patch.limits }),
    compliance,
  };
}

export function parseSettings(input: unknown): Settings {
  return SettingsSchema.parse(input ?? {}) as Settings;
}
