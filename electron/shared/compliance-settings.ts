/**
 * Settings the compliance forms (consent term, RIPD, record of processing, analysis report) are filled
 * from: the controller, the data protection officer (encarregado), the legal basis chosen by the user,
 * purposes, recipients, retention and security measures. Who the clinic and its DPO are starts EMPTY (the
 * settings screen shows hints, the forms print "[a preencher]"): a form never carries made-up identification.
 * Purposes, recipients, retention and security measures start with usual values for a clinic, to be reviewed.
 */
import { z } from 'zod';

export const LEGAL_BASES = {
  'art11-II-f': 'Tutela da saúde, exclusivamente, em procedimento realizado por profissionais de saúde, serviços de saúde ou autoridade sanitária (LGPD, art. 11, II, "f")',
  'art11-I': 'Consentimento específico e destacado do titular ou de seu responsável legal, para finalidades específicas (LGPD, art. 11, I)',
  'art11-II-a': 'Cumprimento de obrigação legal ou regulatória pelo controlador (LGPD, art. 11, II, "a")',
  'art11-II-c': 'Realização de estudos por órgão de pesquisa, garantida, sempre que possível, a anonimização (LGPD, art. 11, II, "c")',
  'art11-II-d': 'Exercício regular de direitos, inclusive em contrato e em processo judicial, administrativo ou arbitral (LGPD, art. 11, II, "d")',
  'art11-II-e': 'Proteção da vida ou da incolumidade física do titular ou de terceiro (LGPD, art. 11, II, "e")',
} as const;
export type LegalBasis = keyof typeof LEGAL_BASES;
export const LEGAL_BASIS_KEYS = Object.keys(LEGAL_BASES) as [LegalBasis, ...LegalBasis[]];

const text = (max = 2000) => z.string().trim().max(max);

export const ComplianceSettingsSchema = z.object({
  controller: z.object({
    name: text(300),
    cnpj: text(40),
    address: text(500),
    phone: text(60).default(''),
    email: text(200).default(''),
  }),
  dpo: z.object({
    name: text(300),
    email: text(200),
    phone: text(60).default(''),
  }),
  legalBasis: z.enum(LEGAL_BASIS_KEYS),
  purposes: z.array(text(1000).min(1)).min(1).max(50),
  recipients: z.array(text(1000).min(1)).max(50),
  retention: text(1000).min(1),
  securityMeasures: z.array(text(1000).min(1)).max(50),
  /** Who the data subjects are (RIPD, record of processing). */
  dataSubjects: z.array(text(300).min(1)).min(1).max(20),
  /** Internal process the processing belongs to (record of processing). */
  process: text(500).min(1),
  /** Channel where data subjects exercise their rights (art. 18) and revoke consent. */
  rightsChannel: text(500).min(1),
  /** Parties consulted for the RIPD. */
  consultedParties: z.array(text(500).min(1)).max(20),
  city: text(200).default(''),
});
export type ComplianceSettings = z.infer<typeof ComplianceSettingsSchema>;

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = {
  controller: { name: '', cnpj: '', address: '', phone: '', email: '' },
  dpo: { name: '', email: '', phone: '' },
  legalBasis: 'art11-II-f',
  purposes: [
    'Prestação de assistência à saúde: consultas, exames, diagnóstico e tratamento',
    'Registro e guarda do prontuário do paciente, conforme exigido pelo Conselho Federal de Medicina',
    'Comunicação com o paciente ou responsável sobre agendamentos, resultados e orientações',
  ],
  recipients: [
    'Profissionais de saúde envolvidos no atendimento',
    'Laboratórios e serviços de diagnóstico contratados',
    'Operadoras de planos de saúde, quando o atendimento for coberto por elas',
    'Autoridades sanitárias, nos casos de notificação compulsória',
  ],
  retention: 'Mínimo de 20 (vinte) anos a partir do último registro no prontuário (Lei nº 13.787/2018, art. 6º); demais dados pelo tempo necessário à finalidade ou ao cumprimento de obrigação legal',
  securityMeasures: [
    'Controle de acesso individual com senha aos sistemas e arquivos',
    'Criptografia dos dispositivos e cópias de segurança',
    'Registro de auditoria das análises e exportações de documentos',
    'Redação (ocultação) de dados pessoais antes de compartilhar documentos fora do atendimento',
    'Treinamento da equipe sobre sigilo profissional e proteção de dados',
  ],
  dataSubjects: ['Pacientes', 'Responsáveis legais e acompanhantes', 'Profissionais de saúde citados nos documentos'],
  process: 'Atendimento clínico e gestão de documentos de saúde',
  rightsChannel: 'Pelo e-mail do encarregado ou presencialmente na recepção da clínica',
  consultedParties: ['Encarregado pelo tratamento de dados pessoais', 'Direção clínica', 'Responsável pela tecnologia da informação'],
  city: '',
};

/** What the forms print where a field the clinic must fill in is empty. */
export const TO_FILL = '[a preencher]';

/**
 * Placeholder texts older versions stored as values; read as empty (a form must not present them as the
 * clinic's data).
 */
const LEGACY_PLACEHOLDERS: { controller: Record<string, string>; dpo: Record<string, string> } = {
  controller: { name: 'Nome da clínica (preencher nas configurações)', cnpj: '00.000.000/0000-00', address: 'Endereço completo da clínica' },
  dpo: { name: 'Nome do encarregado pelo tratamento de dados pessoais', email: 'encarregado@clinica.com.br' },
};

function withoutPlaceholders(value: unknown, legacy: Record<string, string>): Record<string, unknown> {
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, typeof v === 'string' && legacy[k] === v.trim() ? '' : v]));
}

/** Parses settings (e.g. from a JSON file), filling missing fields with the defaults. */
export function parseComplianceSettings(input: unknown): ComplianceSettings {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const merged = {
    ...DEFAULT_COMPLIANCE_SETTINGS,
    ...raw,
    controller: { ...DEFAULT_COMPLIANCE_SETTINGS.controller, ...withoutPlaceholders(raw.controller, LEGACY_PLACEHOLDERS.controller) },
    dpo: { ...DEFAULT_COMPLIANCE_SETTINGS.dpo, ...withoutPlaceholders(raw.dpo, LEGACY_PLACEHOLDERS.dpo) },
  };
  return ComplianceSettingsSchema.parse(merged);
}
