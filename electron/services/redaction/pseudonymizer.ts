/**
 * Consistent pseudonyms: the same value (after normalisation) gets the same token across a batch,
 * e.g. NOME_1, CPF_1, CPF_2. "529.982.247-25" and "52998224725" map to the same token.
 */
import { skeletonString } from './text-match.js';

/** Token prefix of each finding type; unknown types use their upper-cased name. */
const TOKEN_PREFIX: Record<string, string> = {
  cpf: 'CPF', cnpj: 'CNPJ', rg: 'RG', cns: 'CNS', cnh: 'CNH', pis: 'PIS', voter_id: 'TITULO_ELEITOR',
  professional_id: 'REGISTRO_PROFISSIONAL', medical_record: 'PRONTUARIO', email: 'EMAIL', phone: 'TELEFONE',
  cep: 'CEP', address: 'ENDERECO', person_name: 'NOME', birth_date: 'DATA_NASCIMENTO',
  health_condition: 'CONDICAO_SAUDE', icd10: 'CID', medication: 'MEDICAMENTO', genetic_data: 'DADO_GENETICO',
  racial_ethnic_origin: 'ORIGEM_RACIAL', religious_belief: 'RELIGIAO', sexual_orientation: 'VIDA_SEXUAL',
  political_opinion: 'OPINIAO_POLITICA', union_membership: 'FILIACAO_SINDICAL', biometric_data: 'DADO_BIOMETRICO',
};

export function tokenPrefix(type: string): string {
  return TOKEN_PREFIX[type] ?? (type.toUpperCase().replace(/[^A-Z0-9]+/g, '_') || 'DADO');
}

/** The key under which two spellings of the same value are the same: folded case/accents, no separators. */
export function normalizeValue(value: string): string {
  return skeletonString(value);
}

export interface Pseudonymizer {
  /** The token of a value of a given type; stable for the life of the pseudonymizer. */
  tokenFor(type: string, value: string): string;
  /** Every token issued so far (token → type), e.g. for a key file the user may keep. */
  entries(): Array<{ type: string; key: string; token: string }>;
}

export function createPseudonymizer(): Pseudonymizer {
  const tokens = new Map<string, string>();
  const counters = new Map<string, number>();
  const list: Array<{ type: string; key: string; token: string }> = [];
  return {
    tokenFor(type, value) {
      const prefix = tokenPrefix(type);
      const key = `${prefix}\u0000${normalizeValue(value)}`;
      let token = tokens.get(key);
      if (!token) {
        const n = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, n);
        token = `${prefix}_${n}`;
        tokens.set(key, token);
        list.push({ type, key: normalizeValue(value), token });
      }
      return token;
    },
    entries: () => list.map((e) => ({ ...e })),
  };
}
