/**
 * Consistent pseudonyms: the same value (after normalisation) gets the same token across a batch,
 * e.g. NOME_1, CPF_1, CPF_2. "529.982.247-25" and "52998224725" map to the same token.
 *
 * The table lives on the main side; redaction runs in the isolated extraction process, so the table's
 * entries are sent with each document and the entries the process added come back and are absorbed.
 */
import { z } from 'zod';
import { SigiloError } from '../../shared/error-codes.js';
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

/** One issued token: `key` is the normalised value. */
export const PseudonymEntrySchema = z.object({
  type: z.string().min(1).max(200),
  key: z.string().max(100_000),
  token: z.string().min(1).max(300),
});
export type PseudonymEntry = z.infer<typeof PseudonymEntrySchema>;

export interface Pseudonymizer {
  /** The token of a value of a given type; stable for the life of the pseudonymizer. */
  tokenFor(type: string, value: string): string;
  /** Every token issued so far, in issue order (the table's state, e.g. for a key file the user may keep). */
  entries(): Array<{ type: string; key: string; token: string }>;
  /**
   * Takes in entries issued elsewhere from this table's state (the isolated process): new ones are added,
   * known ones must agree. Throws (and adds nothing) when a key or a token conflicts.
   */
  absorb(entries: readonly PseudonymEntry[]): void;
}

/** A pseudonymizer, optionally continuing from a table's entries. */
export function createPseudonymizer(initial: readonly PseudonymEntry[] = []): Pseudonymizer {
  const tokens = new Map<string, string>();
  const owners = new Map<string, string>();
  const counters = new Map<string, number>();
  const list: PseudonymEntry[] = [];
  const mapKey = (type: string, key: string): string => `${tokenPrefix(type)}\u0000${key}`;
  const add = (entry: PseudonymEntry): void => {
    const prefix = tokenPrefix(entry.type);
    tokens.set(mapKey(entry.type, entry.key), entry.token);
    owners.set(entry.token, mapKey(entry.type, entry.key));
    const n = entry.token.startsWith(`${prefix}_`) ? Number(entry.token.slice(prefix.length + 1)) : NaN;
    if (Number.isSafeInteger(n)) counters.set(prefix, Math.max(counters.get(prefix) ?? 0, n));
    list.push({ type: entry.type, key: entry.key, token: entry.token });
  };
  const pseudonymizer: Pseudonymizer = {
    tokenFor(type, value) {
      const key = normalizeValue(value);
      let token = tokens.get(mapKey(type, key));
      if (!token) {
        const prefix = tokenPrefix(type);
        let n = counters.get(prefix) ?? 0;
        do token = `${prefix}_${++n}`; while (owners.has(token));
        add({ type, key, token });
      }
      return token;
    },
    entries: () => list.map((e) => ({ ...e })),
    absorb(entries) {
      const fresh: PseudonymEntry[] = [];
      const seenKeys = new Map<string, string>();
      const seenTokens = new Map<string, string>();
      for (const raw of entries) {
        const entry = PseudonymEntrySchema.parse(raw);
        const key = mapKey(entry.type, entry.key);
        const known = tokens.get(key) ?? seenKeys.get(key);
        const owner = owners.get(entry.token) ?? seenTokens.get(entry.token);
        if (known !== undefined || owner !== undefined) {
          if (known === entry.token && owner === key) continue;
          throw new SigiloError('INTERNAL', `pseudonym table conflict for ${entry.token}`);
        }
        seenKeys.set(key, entry.token);
        seenTokens.set(entry.token, key);
        fresh.push(entry);
      }
      fresh.forEach(add);
    },
  };
  pseudonymizer.absorb(initial);
  return pseudonymizer;
}
