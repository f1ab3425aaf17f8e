/**
 * Risk rating of one analysed document: transparent rules, each with a Portuguese reason citing the LGPD.
 *
 *  - none      nothing personal found.
 *  - low       nothing that identifies a data subject (a protocol naming diseases and drugs, a letter signed
 *              by a professional). Never high, whatever sensitive terms it holds.
 *  - medium    an identifiable data subject (art. 5º, I), no sensitive data.
 *  - high      an identifiable data subject together with sensitive data (art. 5º, II; art. 11).
 *  - critical  sensitive data of many data subjects (a list or spreadsheet), or high + a child (art. 14).
 *
 * The score (0–100) falls in the level's band (low 10–35, medium 40–65, high 70–89, critical 90–100) and
 * grows inside it with how much there is (validated identifiers weigh more), so it ranks documents.
 */
import { FINDING_TYPE_INFO, isFindingType, type FindingType } from '../../shared/finding-types';
import type { Finding, Risk, RiskLevel } from '../../shared/report';
import { normalizeValue } from './summary';

export interface RiskContext {
  text: string;
  mediaType: string;
  /** Data rows of a spreadsheet (CSV/XLSX), when known (cited in the reasons). */
  rows?: number;
  /** "Today", for ages (defaults to now). */
  now?: Date;
}

/** Identifiers that point to the data subject (a CRM points to the physician, a CNPJ to a company). */
const SUBJECT_IDENTIFIERS: readonly FindingType[] = ['cpf', 'rg', 'cns', 'cnh', 'pis', 'voter_id', 'medical_record', 'birth_date'];
const CONTACT: readonly FindingType[] = ['email', 'phone', 'address', 'cep'];
const HEALTH: readonly FindingType[] = ['health_condition', 'icd10', 'medication'];
const SPECIAL: readonly FindingType[] = ['genetic_data', 'racial_ethnic_origin', 'religious_belief', 'sexual_orientation', 'political_opinion', 'union_membership', 'biometric_data'];

/** Distinct data subjects from which a document is a list of people. */
export const MANY_SUBJECTS = 5;
export const CHILD_AGE = 12;
export const ADULT_AGE = 18;

const BANDS: Record<RiskLevel, [number, number]> = {
  none: [0, 0], low: [10, 35], medium: [40, 65], high: [70, 89], critical: [90, 100],
};
const ORDER: RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical'];

const MONTHS = ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

/** Parses a birth date as written (dd/mm/aaaa, dd-mm-aa, "6 de fevereiro de 1977", aaaa-mm-dd). */
export function parseBirthDate(text: string): Date | null {
  const f = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let m = f.match(/(\d{4})-(\d{1,2})-(\d{1,2})/);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = f.match(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})/);
  if (m) {
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y > (new Date().getFullYear() % 100) ? 1900 : 2000;
    return validDate(y, Number(m[2]), Number(m[1]));
  }
  m = f.match(/(\d{1,2})\s*(?:o|º)?\s+de\s+([a-z]+)\s+de\s+(\d{4})/);
  if (m && MONTHS.includes(m[2]!)) return validDate(Number(m[3]), MONTHS.indexOf(m[2]!) + 1, Number(m[1]));
  return null;
}

function validDate(y: number, mo: number, d: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1880 || y > 2200) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 ? date : null;
}

export function ageOn(birth: Date, now: Date): number {
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const m = now.getUTCMonth() - birth.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < birth.getUTCDate())) age--;
  return age;
}

const PROFESSIONAL_BEFORE = /(?:\bdra?\.?|\bm[ée]dic[oa](?:\(a\))?(?: respons[áa]vel)?|\benfermeir[oa]|\bpsic[óo]log[oa]|\bnutricionista|\bfarmac[êe]utic[oa]|\brespons[áa]vel t[ée]cnic[oa]|\bliberado (?:eletronicamente )?por|\bassinad[oa] (?:digitalmente )?por|\bprof(?:essor[a]?)?\.?|\bpelo\(a\)|\bpela|\bpelo)\s*:?\s*$/i;
const SUBJECT_BEFORE = new RegExp('(?:\\bpaciente|\\bpcte?\\.?|\\bpte\\.?|\\bnome(?: completo| do paciente| do falecido| da m[ãa]e| do pai| social)?|\\bsr\\.?|\\bsra\\.?|\\bsenhor[a]?|\\bdona|\\butente|' +
  '\\brespons[áa]vel(?: legal)?|\\bm[ãa]e|\\bpai|\\bfilh[oa]|\\besposa|\\bmarido|\\bacompanhante|\\bcontato de emerg[êe]ncia|\\bencaminho|\\batesto[^.]{0,40}que|\\beu|' +
  // other ways forms and letters introduce the person the document is about
  '\\bcliente|\\busu[áa]ri[oa]|\\bbenefici[áa]ri[oa]|\\bsegurad[oa]|\\bprobando|\\bcrian[çc]a|\\bmenor|\\balun[oa]|\\bv[íi]tima|\\bfalecid[oa]|' +
  '\\btrabalhador[a]?|\\bservidor[a]?|\\bgestante|\\bpu[ée]rpera|\\bmanifestante|\\brequerente|\\bassistid[oa]|\\binternad[oa]|\\bprontu[áa]rio (?:m[ée]dico )?de|\\bfiliação|\\bcomprador)' +
  '\\s*[:,-]?\\s*(?:o|a|\\(a\\))?\\s*$', 'i');
const CHILD_WORDS = /(?:\bcrian[çc]a|\bmenor de idade|\bmenor impúbere|\bpedi[áa]tri[ac]o?|\bpuericultura|\brec[ée]m[- ]nascid[oa]|\blactente|\bneonat[ao]l?\b|\bber[çc][áa]rio)/i;
/** "RN de Maria", "RN masculino": a newborn (not the state of Rio Grande do Norte). */
const NEWBORN = /\bRN (?:de|do|da|masculino|feminino|pr[ée]-termo|a termo)\b/;
const ADOLESCENT_WORDS = /\b(?:adolescente|menor de 18|hebiatria)/i;

/** Youngest age stated in the text ("Maria, 7 anos", "(76 anos)", "idade: 4 anos", "3 meses de vida"), or null. */
export function statedAge(text: string): number | null {
  let youngest: number | null = null;
  for (const m of text.matchAll(/(?:,\s*|\(\s*|idade\s*:?\s*|com\s+)(\d{1,3})\s*anos\b/gi)) {
    const age = Number(m[1]);
    if (age <= 120 && (youngest === null || age < youngest)) youngest = age;
  }
  if (/\b\d{1,2}\s*(?:meses|dias)\s+de\s+(?:vida|idade)\b/i.test(text)) youngest = 0;
  return youngest;
}

/** A person name that belongs to a professional (signature, "Dra.", next to a CRM/COREN). */
function isProfessionalName(name: Finding, all: readonly Finding[], text: string): boolean {
  const before = text.slice(Math.max(0, name.start - 40), name.start);
  if (PROFESSIONAL_BEFORE.test(before)) return true;
  return all.some((f) => f.type === 'professional_id' && f.start >= name.end && f.start - name.end <= 40 && !text.slice(name.end, f.start).includes('\n\n'));
}

function typeLabel(type: string): string {
  return isFindingType(type) ? FINDING_TYPE_INFO[type].label : type;
}

function clampToBand(level: RiskLevel, value: number): number {
  const [lo, hi] = BANDS[level];
  return Math.round(Math.max(lo, Math.min(hi, value)));
}

function raise(level: RiskLevel): RiskLevel {
  return ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(level) + 1)]!;
}

export function rateRisk(findings: readonly Finding[], ctx: RiskContext): Risk {
  const active = findings.filter((f) => f.decision !== 'rejected');
  if (active.length === 0) return { score: 0, level: 'none', reasons: ['Nenhum dado pessoal ou sensível encontrado.'] };
  const now = ctx.now ?? new Date();
  const reasons: string[] = [];
  const of = (types: readonly string[]) => active.filter((f) => types.includes(f.type));
  const distinct = (list: readonly Finding[]) => new Set(list.map((f) => `${f.type}:${normalizeValue(f.type, f.text)}`)).size;

  // --- the data subject
  const ids = of(SUBJECT_IDENTIFIERS);
  const names = active.filter((f) => f.type === 'person_name' && !isProfessionalName(f, active, ctx.text));
  const contact = of(CONTACT);
  // a name alone identifies the subject when it is introduced as one ("Paciente: …", "Sra. …") or comes
  // with a way to reach the person; an author cited by a guideline does not
  const namedSubject = names.length > 0 && (contact.length > 0 || names.some((n) => SUBJECT_BEFORE.test(ctx.text.slice(Math.max(0, n.start - 40), n.start))));
  const identifiable = ids.length > 0 || namedSubject;
  const idTypes = [...new Set(ids.map((f) => f.type))];
  const validatedTypes = new Set(ids.filter((f) => f.validated).map((f) => f.type));
  if (ids.length > 0) {
    reasons.push(`Identificadores do titular: ${idTypes.map((t) => typeLabel(t) + (validatedTypes.has(t) ? ' (validado)' : '')).join(', ')} (LGPD art. 5º, I).`);
  }
  if (namedSubject) reasons.push(`Nome de pessoa identificada (LGPD art. 5º, I).`);
  else if (names.length > 0 && ids.length === 0) reasons.push('Nomes de pessoas sem outro identificador nem indicação de que sejam titulares (ex.: autores, profissionais).');
  if (contact.length > 0 && identifiable) reasons.push(`Dados de contato do titular: ${[...new Set(contact.map((f) => typeLabel(f.type)))].join(', ')}.`);

  // --- sensitive data
  const health = of(HEALTH);
  const special = of(SPECIAL);
  const sensitive = health.length + special.length > 0;
  if (health.length > 0) {
    reasons.push(`Dados de saúde: ${[...new Set(health.map((f) => typeLabel(f.type)))].join(', ')} — dado pessoal sensível (LGPD art. 5º, II; art. 11).`);
  }
  if (special.length > 0) {
    reasons.push(`Categorias especiais: ${[...new Set(special.map((f) => typeLabel(f.type)))].join(', ')} — dado pessoal sensível (LGPD art. 5º, II; art. 11).`);
  }

  // --- how many people
  const subjectKeys = (type: string) => new Set(active.filter((f) => f.type === type).map((f) => normalizeValue(f.type, f.text))).size;
  const subjects = Math.max(subjectKeys('cpf'), subjectKeys('cns'), subjectKeys('medical_record'), subjectKeys('birth_date'),
    new Set(names.map((f) => normalizeValue(f.type, f.text))).size);

  // --- children (art. 14)
  let youngest: number | null = null;
  for (const b of of(['birth_date'])) {
    const d = parseBirthDate(b.text);
    if (!d) continue;
    const age = ageOn(d, now);
    if (age >= 0 && (youngest === null || age < youngest)) youngest = age;
  }
  if (youngest === null) youngest = statedAge(ctx.text);
  // an age (from a birth date or stated) decides; words such as "Pediatria" only when there is none
  const child = identifiable && (youngest !== null ? youngest < CHILD_AGE : CHILD_WORDS.test(ctx.text) || NEWBORN.test(ctx.text));
  const adolescent = identifiable && !child && (youngest !== null ? youngest < ADULT_AGE : ADOLESCENT_WORDS.test(ctx.text));

  // --- level
  let level: RiskLevel;
  if (identifiable && sensitive && subjects >= MANY_SUBJECTS) {
    level = 'critical';
    const sheet = ctx.rows !== undefined ? ` (planilha com ${ctx.rows} ${ctx.rows === 1 ? 'linha' : 'linhas'})` : '';
    reasons.push(`Lista com ${subjects} titulares e dados sensíveis${sheet}: um vazamento atingiria muitas pessoas (LGPD art. 46 e 48).`);
  } else if (identifiable && sensitive) {
    level = 'high';
    reasons.push('Titular identificável junto a dado sensível: o tratamento exige uma das bases legais do art. 11 da LGPD.');
  } else if (identifiable) {
    level = 'medium';
  } else {
    level = 'low';
    reasons.push(sensitive
      ? 'Sem titular identificável: termos de saúde sem pessoa associada (ex.: protocolo, diretriz) não são dado pessoal (LGPD art. 5º, I).'
      : 'Sem titular identificável: apenas dados de profissionais, instituições ou contatos genéricos.');
  }
  if (child) {
    reasons.push(youngest !== null && youngest < CHILD_AGE
      ? `Dados de criança (${youngest} ${youngest === 1 ? 'ano' : 'anos'}): exigem o melhor interesse e consentimento de um dos pais (LGPD art. 14).`
      : 'Dados de criança (contexto pediátrico): exigem o melhor interesse e consentimento de um dos pais (LGPD art. 14).');
    level = raise(level);
  } else if (adolescent) {
    reasons.push('Dados de adolescente: tratamento no seu melhor interesse (LGPD art. 14).');
  }

  // --- score inside the band
  const idPoints = Math.min(12, idTypes.reduce((p, t) => p + (validatedTypes.has(t) ? 4 : 2.5), 0)) +
    Math.min(4, names.length > 0 ? 3 : 0) + Math.min(3, new Set(contact.map((f) => f.type)).size);
  const sensPoints = Math.min(10, 2 * distinct(health)) + Math.min(8, 3 * new Set(special.map((f) => f.type)).size);
  const [lo] = BANDS[level];
  let score: number;
  switch (level) {
    case 'critical': score = lo + Math.min(6, subjects / 5) + (child ? 2 : 0) + Math.min(2, sensPoints / 9); break;
    case 'high': score = lo + (idPoints + sensPoints) / 2 + (child ? 2 : adolescent ? 1 : 0); break;
    case 'medium': score = lo + idPoints + (child ? 5 : adolescent ? 2 : 0); break;
    default: score = lo + sensPoints + Math.min(5, active.length / 4); break;
  }
  return { score: clampToBand(level, score), level, reasons };
}
