/**
 * The finding types of the report contract (../shared/contract/REPORT.md), with their
 * Portuguese labels and the LGPD category each belongs to.
 */
export const FINDING_TYPES = [
  'cpf', 'cnpj', 'rg', 'cns', 'cnh', 'pis', 'voter_id', 'professional_id', 'medical_record',
  'email', 'phone', 'cep', 'address', 'person_name', 'birth_date',
  'health_condition', 'icd10', 'medication', 'genetic_data',
  'racial_ethnic_origin', 'religious_belief', 'sexual_orientation',
  'political_opinion', 'union_membership', 'biometric_data',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

/** identifier: points to a person by itself; contact: reaches a person; sensitive: LGPD art. 5º, II. */
export type FindingCategory = 'identifier' | 'contact' | 'personal' | 'health' | 'special';

export interface FindingTypeInfo {
  label: string;
  labelEn: string;
  category: FindingCategory;
  /** Sensitive personal data under LGPD art. 5º, II. */
  sensitive: boolean;
}

export const FINDING_TYPE_INFO: Record<FindingType, FindingTypeInfo> = {
  cpf: { label: 'CPF', labelEn: 'CPF (taxpayer ID)', category: 'identifier', sensitive: false },
  cnpj: { label: 'CNPJ', labelEn: 'CNPJ (company ID)', category: 'identifier', sensitive: false },
  rg: { label: 'RG', labelEn: 'RG (identity card)', category: 'identifier', sensitive: false },
  cns: { label: 'CNS', labelEn: 'CNS (SUS card)', category: 'identifier', sensitive: false },
  cnh: { label: 'CNH', labelEn: "Driver's licence", category: 'identifier', sensitive: false },
  pis: { label: 'PIS/PASEP', labelEn: 'PIS/PASEP/NIS', category: 'identifier', sensitive: false },
  voter_id: { label: 'Título de eleitor', labelEn: 'Voter ID', category: 'identifier', sensitive: false },
  professional_id: { label: 'Registro profissional', labelEn: 'Professional registration', category: 'identifier', sensitive: false },
  medical_record: { label: 'Prontuário', labelEn: 'Medical record number', category: 'identifier', sensitive: false },
  email: { label: 'E-mail', labelEn: 'E-mail', category: 'contact', sensitive: false },
  phone: { label: 'Telefone', labelEn: 'Phone', category: 'contact', sensitive: false },
  cep: { label: 'CEP', labelEn: 'Postal code', category: 'contact', sensitive: false },
  address: { label: 'Endereço', labelEn: 'Address', category: 'contact', sensitive: false },
  person_name: { label: 'Nome', labelEn: 'Name', category: 'personal', sensitive: false },
  birth_date: { label: 'Data de nascimento', labelEn: 'Date of birth', category: 'personal', sensitive: false },
  health_condition: { label: 'Condição de saúde', labelEn: 'Health condition', category: 'health', sensitive: true },
  icd10: { label: 'CID-10', labelEn: 'ICD-10 code', category: 'health', sensitive: true },
  medication: { label: 'Medicamento', labelEn: 'Medication', category: 'health', sensitive: true },
  genetic_data: { label: 'Dado genético', labelEn: 'Genetic data', category: 'special', sensitive: true },
  racial_ethnic_origin: { label: 'Origem racial ou étnica', labelEn: 'Racial or ethnic origin', category: 'special', sensitive: true },
  religious_belief: { label: 'Convicção religiosa', labelEn: 'Religious belief', category: 'special', sensitive: true },
  sexual_orientation: { label: 'Vida sexual', labelEn: 'Sex life / orientation', category: 'special', sensitive: true },
  political_opinion: { label: 'Opinião política', labelEn: 'Political opinion', category: 'special', sensitive: true },
  union_membership: { label: 'Filiação sindical', labelEn: 'Union membership', category: 'special', sensitive: true },
  biometric_data: { label: 'Dado biométrico', labelEn: 'Biometric data', category: 'special', sensitive: true },
};

export function isFindingType(value: string): value is FindingType {
  return (FINDING_TYPES as readonly string[]).includes(value);
}
