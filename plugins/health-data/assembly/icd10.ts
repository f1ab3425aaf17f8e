// CID-10 (ICD-10, WHO, as used in Brazil) three-character categories, encoded as ranges with the
// real gaps, and the chapter of each. A code is valid when its category exists; subcategories .0–.9
// (and a second decimal for the few extended ones) are accepted.

const RANGES = "A00-A09,A15-A28,A30-A44,A46,A48-A60,A63-A71,A74-A96,A98-B09,B15-B60,B64-B83,B85-B97,B99," +
  "C00-C26,C30-C34,C37-C41,C43-C58,C60-C86,C88,C90-C97,D00-D48," +
  "D50-D53,D55-D77,D80-D84,D86,D89," +
  "E00-E07,E10-E16,E20-E32,E34-E35,E40-E46,E50-E56,E58-E61,E63-E68,E70-E80,E83-E90," +
  "F00-F07,F09-F25,F28-F34,F38-F45,F48-F55,F59-F66,F68-F73,F78-F84,F88-F95,F98-F99," +
  "G00-G14,G20-G26,G30-G32,G35-G37,G40-G47,G50-G64,G70-G73,G80-G83,G90-G99," +
  "H00-H06,H10-H13,H15-H22,H25-H28,H30-H36,H40-H55,H57-H62,H65-H75,H80-H83,H90-H95," +
  "I00-I02,I05-I13,I15,I20-I28,I30-I52,I60-I74,I77-I89,I95,I97-I99," +
  "J00-J06,J09-J18,J20-J22,J30-J47,J60-J70,J80-J86,J90-J99," +
  "K00-K14,K20-K31,K35-K38,K40-K46,K50-K52,K55-K67,K70-K77,K80-K87,K90-K93," +
  "L00-L08,L10-L14,L20-L30,L40-L45,L50-L68,L70-L75,L80-L95,L97-L99," +
  "M00-M03,M05-M25,M30-M36,M40-M43,M45-M54,M60-M63,M65-M68,M70-M99," +
  "N00-N08,N10-N23,N25-N51,N60-N64,N70-N77,N80-N99," +
  "O00-O16,O20-O26,O28-O36,O40-O48,O60-O92,O94-O99," +
  "P00-P08,P10-P15,P20-P29,P35-P39,P50-P61,P70-P78,P80-P83,P90-P96," +
  "Q00-Q07,Q10-Q18,Q20-Q28,Q30-Q45,Q50-Q56,Q60-Q93,Q95-Q99," +
  "R00-R23,R25-R64,R68-R96,R98-R99," +
  "S00-S99,T00-T88,T90-T98," +
  "U04,U07-U10,U80-U85,U99," +
  "V01-V99,W00-W99,X00-X99,Y00-Y36,Y40-Y98," +
  "Z00-Z13,Z20-Z65,Z70-Z76,Z80-Z99";

/** Bit set of valid categories: index = letter * 100 + number. */
const valid = new StaticArray<bool>(2600);
let built = false;

function catIndex(s: string): i32 {
  const l = s.charCodeAt(0) - 0x41;
  const n = (s.charCodeAt(1) - 0x30) * 10 + (s.charCodeAt(2) - 0x30);
  return l * 100 + n;
}

function build(): void {
  const parts = RANGES.split(",");
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const a = catIndex(p.substring(0, 3));
    const b = p.length > 3 ? catIndex(p.substring(4, 7)) : a;
    for (let k = a; k <= b; k++) valid[k] = true;
  }
  built = true;
}

/** True when letter (A–Z) + two digits is a CID-10 category. */
export function isValidCategory(letter: i32, number: i32): bool {
  if (!built) build();
  if (letter < 0x41 || letter > 0x5a || number < 0 || number > 99) return false;
  return valid[(letter - 0x41) * 100 + number];
}

class Chapter {
  constructor(public first: i32, public last: i32, public roman: string, public name: string) {}
}

function code(letter: string, n: i32): i32 { return (letter.charCodeAt(0) - 0x41) * 100 + n; }

const CHAPTERS: Chapter[] = [
  new Chapter(code("A", 0), code("B", 99), "I", "doenças infecciosas e parasitárias"),
  new Chapter(code("C", 0), code("D", 48), "II", "neoplasias"),
  new Chapter(code("D", 50), code("D", 89), "III", "doenças do sangue e transtornos imunitários"),
  new Chapter(code("E", 0), code("E", 90), "IV", "doenças endócrinas, nutricionais e metabólicas"),
  new Chapter(code("F", 0), code("F", 99), "V", "transtornos mentais e comportamentais"),
  new Chapter(code("G", 0), code("G", 99), "VI", "doenças do sistema nervoso"),
  new Chapter(code("H", 0), code("H", 59), "VII", "doenças do olho e anexos"),
  new Chapter(code("H", 60), code("H", 95), "VIII", "doenças do ouvido"),
  new Chapter(code("I", 0), code("I", 99), "IX", "doenças do aparelho circulatório"),
  new Chapter(code("J", 0), code("J", 99), "X", "doenças do aparelho respiratório"),
  new Chapter(code("K", 0), code("K", 93), "XI", "doenças do aparelho digestivo"),
  new Chapter(code("L", 0), code("L", 99), "XII", "doenças da pele"),
  new Chapter(code("M", 0), code("M", 99), "XIII", "doenças do sistema osteomuscular"),
  new Chapter(code("N", 0), code("N", 99), "XIV", "doenças do aparelho geniturinário"),
  new Chapter(code("O", 0), code("O", 99), "XV", "gravidez, parto e puerpério"),
  new Chapter(code("P", 0), code("P", 96), "XVI", "afecções do período perinatal"),
  new Chapter(code("Q", 0), code("Q", 99), "XVII", "malformações congênitas e anomalias cromossômicas"),
  new Chapter(code("R", 0), code("R", 99), "XVIII", "sintomas e achados anormais"),
  new Chapter(code("S", 0), code("T", 98), "XIX", "lesões e envenenamentos"),
  new Chapter(code("U", 0), code("U", 99), "XXII", "códigos para propósitos especiais"),
  new Chapter(code("V", 1), code("Y", 98), "XX", "causas externas"),
  new Chapter(code("Z", 0), code("Z", 99), "XXI", "fatores que influenciam o estado de saúde"),
];

/** "capítulo V – transtornos mentais e comportamentais" for a valid category. */
export function chapterOf(letter: i32, number: i32): string {
  const k = (letter - 0x41) * 100 + number;
  for (let i = 0; i < CHAPTERS.length; i++) {
    const c = CHAPTERS[i];
    if (k >= c.first && k <= c.last) return "capítulo " + c.roman + " – " + c.name;
  }
  return "";
}
