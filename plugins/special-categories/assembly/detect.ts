// Special categories detector (LGPD art. 5º, II), by context: a labelled field ("Religião: candomblé"),
// a self-declaration ("autodeclarada parda") or a phrase that means the category by itself.
import { Hit, Lexicon, Match, TableLayout, Tokens, forEachChunk, joinable, resolveOverlaps, tableCells, tableLayout } from "../../sdk/assembly/lexicon";
import {
  RACE_LABELS, ETHNIC_LABELS, RELIGION_LABELS, ORIENTATION_LABELS, RACE_VALUES, RELIGION_VALUES, RELIGION_STRONG,
  DECLARE_WORDS, RELIGION_PRE, SEX_STRONG, ORIENTATION_VALUES, BIOMETRIC, MEMBERSHIP_HEADS, UNION_STRONG, POLITICAL_STRONG,
  GENDER_IDENTITY, GENDER_LABELS, ETHNIC_STRONG,
} from "./vocab";

const RACE = "racial_ethnic_origin";
const RELIGION = "religious_belief";
const SEX = "sexual_orientation";
const POLITICAL = "political_opinion";
const UNION = "union_membership";
const BIOMETRIC_T = "biometric_data";

const L_RACE: i32 = 1, L_ETHNIC: i32 = 2, L_RELIGION: i32 = 3, L_ORIENT: i32 = 4, L_GENDER: i32 = 5;
const S_RELIGION: i32 = 1, S_SEX: i32 = 2, S_BIO: i32 = 3, S_UNION: i32 = 4, S_POLITICAL: i32 = 5, S_MEMBER: i32 = 6, S_GENDER: i32 = 7, S_ETHNIC: i32 = 8;

let labels: Lexicon | null = null;
let raceValues: Lexicon | null = null;
let religionValues: Lexicon | null = null;
let orientationValues: Lexicon | null = null;
let strong: Lexicon | null = null;
let declare: Lexicon | null = null;
let religionPre: Lexicon | null = null;

/** Builds the dictionaries once (kept in globals). */
export function setup(): void {
  if (religionPre != null) return;
  labels = new Lexicon();
  labels!.add(RACE_LABELS, L_RACE);
  labels!.add(ETHNIC_LABELS, L_ETHNIC);
  labels!.add(RELIGION_LABELS, L_RELIGION);
  labels!.add(ORIENTATION_LABELS, L_ORIENT);
  labels!.add(GENDER_LABELS, L_GENDER);
  raceValues = new Lexicon();
  raceValues!.add(RACE_VALUES, 1);
  religionValues = new Lexicon();
  religionValues!.add(RELIGION_VALUES, 1);
  orientationValues = new Lexicon();
  orientationValues!.add(ORIENTATION_VALUES, 1);
  strong = new Lexicon();
  strong!.add(RELIGION_STRONG, S_RELIGION);
  strong!.add(SEX_STRONG, S_SEX);
  strong!.add(BIOMETRIC, S_BIO);
  strong!.add(UNION_STRONG, S_UNION);
  strong!.add(POLITICAL_STRONG, S_POLITICAL);
  strong!.add(MEMBERSHIP_HEADS, S_MEMBER);
  strong!.add(GENDER_IDENTITY, S_GENDER);
  strong!.add(ETHNIC_STRONG, S_ETHNIC);
  declare = new Lexicon();
  declare!.add(DECLARE_WORDS, 1);
  religionPre = new Lexicon();
  religionPre!.add(RELIGION_PRE, 1);
}

let gText: string = "";
let gHits: Hit[] = [];
let table: TableLayout | null = null;
const CHUNK: i32 = 16384;

const COL_RACE: i32 = 1, COL_ETHNIC: i32 = 2, COL_RELIGION: i32 = 3, COL_ORIENT: i32 = 4;

/** Kind of a table column by its header (folded words). */
function specialColumn(h: string): i32 {
  if (h == "raca" || h == "cor" || h == "raca cor" || h == "cor raca" || h.startsWith("raca ") || h.startsWith("cor da pele") || h == "cor pele") return COL_RACE;
  if (h.startsWith("etnia") || h == "grupo etnico" || h == "povo") return COL_ETHNIC;
  if (h.startsWith("religiao") || h.startsWith("crenca") || h == "credo") return COL_RELIGION;
  if (h.startsWith("orientacao sexual") || h == "orientacao") return COL_ORIENT;
  return 0;
}

function priority(type: string): i32 {
  return 1;
}

/** All special-category findings of `text` (see health-data detect() for `collect`). */
export function detect(text: string, collect: bool = false): Hit[] {
  setup();
  gText = text;
  gHits = [];
  table = tableLayout(text, specialColumn);
  forEachChunk(text, CHUNK, collect, detectChunk);
  const out = resolveOverlaps(gHits, priority);
  gHits = [];
  gText = "";
  table = null;
  return out;
}

const SENSITIVE = "dado sensível, LGPD art. 5º, II";

const HOW: string[] = ["", "campo de raça/cor", "campo de etnia", "campo de religião", "campo de orientação sexual", "menção no texto", "autodeclaração", "declaração no texto", "menção no texto", "campo de identidade de gênero"];
const H_RACE_FIELD: i32 = 1, H_ETHNIC_FIELD: i32 = 2, H_RELIGION_FIELD: i32 = 3, H_ORIENT_FIELD: i32 = 4, H_MENTION: i32 = 5, H_SELF: i32 = 6, H_STATED: i32 = 7;
/** Gender identity, mentioned or in its field: reported as sex life, and said so. */
const H_GENDER: i32 = 8, H_GENDER_FIELD: i32 = 9;

/** The Portuguese explanation of a finding. */
export function reasonOf(h: Hit, text: string): string {
  const type = h.type;
  let what = "";
  if (type == RACE) what = "Origem racial ou étnica";
  else if (type == RELIGION) what = "Convicção religiosa";
  else if (type == SEX) what = h.kind == H_GENDER || h.kind == H_GENDER_FIELD ? "Identidade de gênero (tratada como dado sobre a vida sexual)" : "Orientação ou vida sexual";
  else if (type == POLITICAL) what = "Opinião política (filiação partidária)";
  else if (type == UNION) what = "Filiação sindical";
  else what = "Dado biométrico";
  const how = h.kind > 0 && h.kind < HOW.length ? HOW[h.kind] : HOW[H_MENTION];
  const value = h.end - h.start > 120 ? text.substring(h.start, h.start + 120) + "…" : text.substring(h.start, h.end);
  return what + ": '" + value + "' (" + how + "; " + SENSITIVE + ")";
}

function add(hits: Hit[], type: string, start: i32, end: i32, confidence: f64, how: i32): void {
  hits.push(new Hit(type, start, end, confidence, false, how));
}

/**
 * "indígena (Guarani-Kaiowá)": the last token of a capitalised name (up to 3 words, hyphens allowed) in
 * parentheses right after token `last`, or -1.
 */
function parenthesisedPeople(tokens: Tokens, last: i32): i32 {
  const text = tokens.text;
  const v = last + 1;
  if (v >= tokens.length) return -1;
  const gapStart = tokens.ends[last], gapEnd = tokens.starts[v];
  const gap = text.substring(gapStart, gapEnd);
  if (gap != " (" && gap != "(") return -1;
  // "(etnia Sateré-Mawé)": the label's own rule reads it
  if (!isCapitalised(text.charCodeAt(gapEnd)) || labels!.matchAt(tokens, v) != null) return -1;
  let k = v;
  while (k + 1 < tokens.length && k - v < 3) {
    const between = text.substring(tokens.ends[k], tokens.starts[k + 1]);
    if (between != "-" && between != " ") break;
    if (!isCapitalised(text.charCodeAt(tokens.starts[k + 1]))) break;
    k++;
  }
  return tokens.ends[k] < text.length && text.charCodeAt(tokens.ends[k]) == 0x29 ? k : -1;
}

/** Whether the last label found by valueTokenAfter() was followed by ":" (or "-", "="). */
let labelColon = false;

/** Index of the first value token after a label ending at token `last`: skips "(autodeclarada)", ":" and "-" on the same line. */
function valueTokenAfter(tokens: Tokens, last: i32): i32 {
  const text = tokens.text;
  let i = last + 1;
  // optional "(autodeclarada)" / "autodeclarado"
  if (i < tokens.length && (tokens.is(i, "autodeclarada") || tokens.is(i, "autodeclarado") || tokens.is(i, "declarada") || tokens.is(i, "informada"))) i++;
  if (i >= tokens.length) return -1;
  let sawSeparator = false;
  let sawTab = false;
  const from = tokens.ends[i - 1];
  const to = tokens.starts[i];
  if (to - from > 12) return -1;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c == 0x0a) return -1;
    if (c == 0x3a || c == 0x2d || c == 0x3d || c == 0x2013 || c == 0x7c) sawSeparator = true;
    else if (c == 0x09) sawTab = true;
    else if (c != 0x20 && c != 0x28 && c != 0x29 && c != 0xa0) return -1;
  }
  // a label needs a separator (":"), or a table cell / several spaces; "cor branca" in prose is not a field
  labelColon = sawSeparator;
  if (!sawSeparator && !sawTab && to - from < 2) return -1;
  return i;
}

/** True when the value is followed by a word that makes it something else ("amarelo citrino" urine). */
function followedByModifier(tokens: Tokens, last: i32): bool {
  const i = last + 1;
  if (i >= tokens.length) return false;
  if (!joinable(tokens.text, tokens.ends[last], tokens.starts[i])) return false;
  return tokens.is(i, "claro") || tokens.is(i, "clara") || tokens.is(i, "citrino") || tokens.is(i, "escuro") || tokens.is(i, "escura") ||
    tokens.is(i, "palha") || tokens.is(i, "ouro") || tokens.is(i, "turvo") || tokens.is(i, "limpido") || tokens.is(i, "amarelado");
}

/** A lab context (urine, stool…) around a "Cor:" field. */
function labContext(tokens: Tokens, i: i32): bool {
  const from = i - 40 < 0 ? 0 : i - 40;
  const to = i + 20 > tokens.length ? tokens.length : i + 20;
  for (let k = from; k < to; k++) {
    if (tokens.is(k, "urina") || tokens.is(k, "eas") || tokens.is(k, "fezes") || tokens.is(k, "aspecto") || tokens.is(k, "sedimento") ||
      tokens.is(k, "densidade") || tokens.is(k, "liquor") || tokens.is(k, "escarro") || tokens.is(k, "secrecao") || tokens.is(k, "tinta") ||
      tokens.is(k, "veiculo") || tokens.is(k, "placa")) return true;
  }
  return false;
}

/** Words of a free-text field value up to the end of the line or punctuation (at most `max` words). */
function fieldValueEnd(tokens: Tokens, first: i32, max: i32): i32 {
  let last = first;
  while (last + 1 < tokens.length && last + 1 - first < max) {
    const from = tokens.ends[last], to = tokens.starts[last + 1];
    let ok = true;
    for (let k = from; k < to; k++) {
      const c = tokens.text.charCodeAt(k);
      if (c != 0x20 && c != 0x2d) { ok = false; break; }
    }
    if (!ok || to - from > 2) break;
    last++;
  }
  return last;
}

/** Last token of an organisation name ("Partido dos Trabalhadores", "sindicato dos enfermeiros"). */
function organisationEnd(tokens: Tokens, first: i32, max: i32): i32 {
  const limit = fieldValueEnd(tokens, first, max);
  let last = first;
  for (let k = first + 1; k <= limit; k++) {
    const c = tokens.text.charCodeAt(tokens.starts[k]);
    if (c >= 0x30 && c <= 0x39) break;
    if (tokens.is(k, "desde") || tokens.is(k, "ha") || tokens.is(k, "em") || tokens.is(k, "que") || tokens.is(k, "para") ||
      tokens.is(k, "com") || tokens.is(k, "por") || tokens.is(k, "ate") || tokens.is(k, "mas") || tokens.is(k, "onde") ||
      tokens.is(k, "ha") || tokens.is(k, "e") && k + 1 <= limit && !(tokens.text.charCodeAt(tokens.starts[k + 1]) >= 0x41 && tokens.text.charCodeAt(tokens.starts[k + 1]) <= 0x5a)) break;
    last = k;
  }
  return last;
}

function isNegativeValue(tokens: Tokens, i: i32): bool {
  return tokens.is(i, "nao") || tokens.is(i, "nega") || tokens.is(i, "sem") || tokens.is(i, "ignorado") || tokens.is(i, "ignorada") ||
    tokens.is(i, "na") || tokens.is(i, "nd") || tokens.is(i, "ni") || tokens.is(i, "desconhecida") || tokens.is(i, "prefere") || tokens.is(i, "outra") || tokens.is(i, "outros") ||
    tokens.is(i, "nenhuma") || tokens.is(i, "nenhum") || tokens.is(i, "ignora") || tokens.is(i, "informada") || tokens.is(i, "informado") || tokens.is(i, "declarada");
}

/** A percentage or a count of cases just before `pos` on the same line ("62% em", "141 casos entre"). */
function isStatistic(text: string, pos: i32): bool {
  let lim = pos - 24;
  if (lim < 0) lim = 0;
  for (let k = pos - 1; k >= lim; k--) {
    const c = text.charCodeAt(k);
    if (c == 0x0a || c == 0x2e || c == 0x3b) return false;
    if (c == 0x25) return true;
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

function isCapitalised(c: i32): bool {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

/** Last token of a run of capitalised words joined by spaces or hyphens (at most `max` words). */
function capitalisedRunEnd(tokens: Tokens, first: i32, max: i32): i32 {
  let last = first;
  while (last + 1 < tokens.length && last + 1 - first < max) {
    const from = tokens.ends[last], to = tokens.starts[last + 1];
    if (to - from != 1) break;
    const sep = tokens.text.charCodeAt(from);
    if (sep != 0x20 && sep != 0x2d) break;
    if (!isCapitalised(tokens.text.charCodeAt(to))) break;
    last++;
  }
  return last;
}

/** A comma-separated item: ", católico," / ", católico." (the value alone between commas or a comma and a full stop). */
function isListItem(text: string, start: i32, end: i32): bool {
  let a = start - 1;
  while (a >= 0 && text.charCodeAt(a) == 0x20) a--;
  if (a < 0 || text.charCodeAt(a) != 0x2c) return false;
  let b = end;
  while (b < text.length && text.charCodeAt(b) == 0x20) b++;
  if (b >= text.length) return true;
  const c = text.charCodeAt(b);
  return c == 0x2c || c == 0x2e || c == 0x3b || c == 0x0a;
}

/** Upper-case acronym of 2–10 letters (a party: PT, PSDB, PSOL). */
function isAcronym(tokens: Tokens, i: i32): bool {
  const s = tokens.starts[i], e = tokens.ends[i];
  if (e - s < 2 || e - s > 10) return false;
  for (let k = s; k < e; k++) {
    const c = tokens.text.charCodeAt(k);
    if (!(c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

function detectChunk(from: i32, to: i32): void {
  const text = gText;
  const tokens = new Tokens(text, from, to);
  const hits: Hit[] = [];
  const lab = labels!, rv = raceValues!, relv = religionValues!, ov = orientationValues!, st = strong!, dec = declare!, rp = religionPre!;
  let i = 0;
  while (i < tokens.length) {
    // 1. labelled fields
    const lm = lab.matchAt(tokens, i);
    // "(etnia Sateré-Mawé)", "etnia Guarani Kaiowá": a capitalised name right after "etnia"/"povo indígena"
    if (lm != null && lm.entry.kind == L_ETHNIC) {
      const v = lm.lastToken + 1;
      if (v < tokens.length && tokens.starts[v] - tokens.ends[lm.lastToken] == 1 && text.charCodeAt(tokens.ends[lm.lastToken]) == 0x20 &&
        isCapitalised(text.charCodeAt(tokens.starts[v])) && rv.matchAt(tokens, v) == null) {
        const last = capitalisedRunEnd(tokens, v, 3);
        add(hits, RACE, tokens.starts[v], tokens.ends[last], 0.85, H_ETHNIC_FIELD);
        i = last + 1;
        continue;
      }
    }
    if (lm != null) {
      const v = valueTokenAfter(tokens, lm.lastToken);
      if (v >= 0) {
        const kind = lm.entry.kind;
        if (kind == L_RACE || kind == L_ETHNIC) {
          const m = rv.matchAt(tokens, v);
          const bareCor = lm.entry.keys.length == 1 && lm.entry.keys[0] == "cor";
          if (m != null && !followedByModifier(tokens, m.lastToken) && !(bareCor && labContext(tokens, i))) {
            add(hits, RACE, m.start, m.end, 0.95, H_RACE_FIELD);
            i = m.lastToken + 1;
            // "indígena (Guarani-Kaiowá)": the people named in parentheses
            const people = parenthesisedPeople(tokens, m.lastToken);
            if (people >= 0) {
              add(hits, RACE, tokens.starts[m.lastToken + 1], tokens.ends[people], 0.9, H_ETHNIC_FIELD);
              i = people + 1;
            }
            continue;
          }
          if (kind == L_ETHNIC && labelColon && !isNegativeValue(tokens, v)) {
            const last = fieldValueEnd(tokens, v, 3);
            add(hits, RACE, tokens.starts[v], tokens.ends[last], 0.85, H_ETHNIC_FIELD);
            i = last + 1;
            continue;
          }
        } else if (kind == L_RELIGION) {
          const m = relv.matchAt(tokens, v);
          if (m != null) {
            add(hits, RELIGION, m.start, m.end, 0.95, H_RELIGION_FIELD);
            i = m.lastToken + 1;
            continue;
          }
          if (labelColon && !isNegativeValue(tokens, v)) {
            const last = fieldValueEnd(tokens, v, 4);
            add(hits, RELIGION, tokens.starts[v], tokens.ends[last], 0.75, H_RELIGION_FIELD);
            i = last + 1;
            continue;
          }
        } else if (kind == L_ORIENT || kind == L_GENDER) {
          // "Orientação sexual: bissexual", "Identidade de gênero: mulher trans"
          const gender = kind == L_GENDER;
          const m = gender ? st.matchAt(tokens, v) : ov.matchAt(tokens, v);
          if ((m != null || labelColon) && !isNegativeValue(tokens, v)) {
            const last = m != null ? m.lastToken : fieldValueEnd(tokens, v, 3);
            add(hits, SEX, tokens.starts[v], tokens.ends[last], m != null ? 0.95 : 0.8, gender ? H_GENDER_FIELD : H_ORIENT_FIELD);
            i = last + 1;
            continue;
          }
        }
      }
    }
    // 2. phrases that mean the category by themselves
    const sm = st.matchAt(tokens, i);
    if (sm != null) {
      const kind = sm.entry.kind;
      if (kind == S_MEMBER) {
        // "filiado ao partido X" / "filiada ao sindicato dos …" / "filiado ao PT"
        const n = sm.lastToken + 1;
        if (n < tokens.length && joinable(text, tokens.ends[sm.lastToken], tokens.starts[n])) {
          let type = "";
          if (tokens.is(n, "partido")) type = POLITICAL;
          else if (tokens.is(n, "sindicato") || tokens.is(n, "central") && n + 1 < tokens.length && tokens.is(n + 1, "sindical")) type = UNION;
          else if (isAcronym(tokens, n)) {
            const raw = tokens.raw(n);
            type = raw.startsWith("SIND") ? UNION : POLITICAL;
          }
          if (type.length > 0) {
            const last = organisationEnd(tokens, n, 8);
            add(hits, type, sm.start, tokens.ends[last], 0.85, H_MENTION);
            i = last + 1;
            continue;
          }
        }
        i++;
        continue;
      }
      // "62% em homens que fazem sexo com homens": a population statistic (bulletin), not a person's sex life
      if (kind == S_SEX && isStatistic(text, sm.start) && (tokens.is(sm.firstToken, "homens") || tokens.is(sm.firstToken, "mulheres"))) {
        i = sm.lastToken + 1;
        continue;
      }
      const type = kind == S_RELIGION ? RELIGION : kind == S_SEX || kind == S_GENDER ? SEX : kind == S_BIO ? BIOMETRIC_T
        : kind == S_UNION ? UNION : kind == S_ETHNIC ? RACE : POLITICAL;
      add(hits, type, sm.start, sm.end, 0.9, kind == S_GENDER ? H_GENDER : H_MENTION);
      i = sm.lastToken + 1;
      continue;
    }
    // 3. self-declarations: "autodeclarada parda", "é evangélica", "paciente indígena"
    const dm = dec.matchAt(tokens, i);
    if (dm != null) {
      const v = dm.lastToken + 1;
      if (v < tokens.length && joinable(text, tokens.ends[dm.lastToken], tokens.starts[v])) {
        const m = rv.matchAt(tokens, v);
        // "paciente amarela/amarelo" usually means jaundice, not the IBGE category
        const jaundice = tokens.is(dm.firstToken, "paciente") && (tokens.is(v, "amarela") || tokens.is(v, "amarelo"));
        // "urina de cor amarela": a colour, not the IBGE category
        const colourOnly = tokens.is(dm.firstToken, "de") && labContext(tokens, i);
        if (m != null && !jaundice && !colourOnly && !followedByModifier(tokens, m.lastToken)) {
          add(hits, RACE, m.start, m.end, 0.85, H_SELF);
          i = m.lastToken + 1;
          continue;
        }
      }
    }
    const pm = rp.matchAt(tokens, i);
    if (pm != null) {
      const v = pm.lastToken + 1;
      if (v < tokens.length && joinable(text, tokens.ends[pm.lastToken], tokens.starts[v])) {
        const m = relv.matchAt(tokens, v);
        if (m != null) {
          add(hits, RELIGION, m.start, m.end, 0.8, H_STATED);
          i = m.lastToken + 1;
          continue;
        }
      }
    }
    // 4. an item of an identification list: "58 anos, agricultor, católico, viúvo"
    const lv = relv.matchAt(tokens, i);
    if (lv != null && isListItem(text, lv.start, lv.end)) {
      add(hits, RELIGION, lv.start, lv.end, 0.7, H_STATED);
      i = lv.lastToken + 1;
      continue;
    }
    i++;
  }
  if (table != null) detectTableCells(text, tokens, hits, from, to);
  for (let k = 0; k < hits.length; k++) gHits.push(hits[k]);
}

/** Cells under a "raça/cor", "etnia", "religião" or "orientação sexual" header. */
function detectTableCells(text: string, tokens: Tokens, hits: Hit[], from: i32, to: i32): void {
  const cells = tableCells(text, table!, from, to);
  const rv = raceValues!;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    const first = tokens.indexAt(c.start);
    if (first >= tokens.length || tokens.starts[first] >= c.end || isNegativeValue(tokens, first)) continue;
    if (c.column == COL_RACE) {
      const m = rv.matchAt(tokens, first);
      if (m != null && m.end <= c.end) add(hits, RACE, m.start, m.end, 0.9, H_RACE_FIELD);
    } else if (c.end - c.start > 60) continue; // free text, not a category value
    else if (c.column == COL_ETHNIC) add(hits, RACE, c.start, c.end, 0.8, H_ETHNIC_FIELD);
    else if (c.column == COL_RELIGION) add(hits, RELIGION, c.start, c.end, 0.85, H_RELIGION_FIELD);
    else add(hits, SEX, c.start, c.end, 0.85, H_ORIENT_FIELD);
  }
}
