import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('health-data'); });
afterAll(async () => { await plugin?.close(); });

async function find(text: string): Promise<Array<{ type: string; text: string; validated: boolean | undefined; reason: string | undefined }>> {
  const { findings } = await plugin.analyze(text);
  return findings.map((f) => ({ type: f.type, text: text.slice(f.start, f.end), validated: f.validated, reason: f.reason }));
}
const texts = async (text: string, type: string) => (await find(text)).filter((f) => f.type === type).map((f) => f.text);

describe('health-data plugin', () => {
  it('finds multiword diagnoses, whatever the case and accents, as one longest match', async () => {
    expect(await texts('Diagnóstico: HIPERTENSAO ARTERIAL SISTEMICA e diabetes mellitus tipo 2.', 'health_condition'))
      .toEqual(['HIPERTENSAO ARTERIAL SISTEMICA', 'diabetes mellitus tipo 2']);
    expect(await texts('Paciente com esquizofrenia paranoide, transtorno afetivo bipolar e doença de Alzheimer', 'health_condition'))
      .toEqual(['esquizofrenia paranoide', 'transtorno afetivo bipolar', 'doença de Alzheimer']);
    expect(await texts('neoplasia maligna da próstata; câncer de mama; hepatite C crônica', 'health_condition'))
      .toEqual(['neoplasia maligna da próstata', 'câncer de mama', 'hepatite C crônica']);
  });

  it('finds procedures and exams that reveal a condition', async () => {
    expect(await texts('Em hemodiálise 3x/semana. Realizou quimioterapia. Sorologia para HIV reagente.', 'health_condition'))
      .toEqual(['hemodiálise', 'quimioterapia', 'Sorologia para HIV']);
  });

  it('ignores vital signs and routine lab values', async () => {
    const text = 'PA 120x80 mmHg, FC 80 bpm, SatO2 97%.\nGlicemia de jejum: 126 mg/dL\nHemoglobina glicada: 7,8 %\nInsulina: 12 µUI/mL\nCreatinina: 1,9 mg/dL';
    expect(await find(text)).toEqual([]);
  });

  it('validates CID-10 codes against the category table', async () => {
    const found = await find('CID-10: F32.1. CID E11 e J45.0. CID F08.1 não existe. Sala G30.9. CID U07.1');
    const codes = found.filter((f) => f.type === 'icd10');
    expect(codes.map((f) => f.text)).toEqual(['F32.1', 'E11', 'J45.0', 'U07.1']);
    expect(codes.every((f) => f.validated)).toBe(true);
    expect(codes[0]!.reason).toContain('capítulo V');
  });

  it('reads codes typed loosely after "CID" (a space after the letter, no dot), and only there', async () => {
    const found = (await find('CID: F 32.1; cid10 f321; CID-10 J 45; CID principal: K359. Sala F 32, código A 150, lote k359'))
      .filter((f) => f.type === 'icd10');
    expect(found.map((f) => f.text)).toEqual(['F 32.1', 'f321', 'J 45', 'K359']);
    expect(found[1]!.reason).toContain('Código CID-10 F32.1 válido');
    expect(await texts('CID F 08.1 (não existe), CID d499 (D49 não existe)', 'icd10')).toEqual([]);
  });

  it('reads a code in a CID column by its place, with exported headers ("cid_principal") and the CSV text layout', async () => {
    const csv = 'nome_completo ; cartao_sus ; cid_principal ; obs\nMARIA DAS DORES ; 700000000000005 ; E11.9 ; usa insulina\n'
      + 'JOAO LIMA ; 898001234567890 ; f32.1 ; \nANA ; 1 ; D49.0 ; \n';
    const codes = (await find(csv)).filter((f) => f.type === 'icd10');
    expect(codes.map((f) => f.text)).toEqual(['E11.9', 'f32.1']);
    expect(codes[1]!.reason).toContain('F32.1');
    expect(await texts('IC descompensada; IC 95%: 1,2–3,4', 'health_condition')).toEqual(['IC descompensada']);
  });

  it('reads the obstetric formula and more clinical acronyms, not look-alikes', async () => {
    expect(await texts('G3P2A1; G4P3(2N1C)A0; G2 P1 A0; G1P0. Sala G12 P3, bloco G2.', 'health_condition'))
      .toEqual(['G3P2A1', 'G4P3(2N1C)A0', 'G2 P1 A0', 'G1P0']);
    expect(await texts('HPP: FA crônica, DLP, SAOS, DHGNA. ELA REFERE DOR. FA: 120 U/L.', 'health_condition'))
      .toEqual(['FA crônica', 'DLP', 'SAOS', 'DHGNA']);
  });

  it('reads "CA de <órgão>" as cancer, and not "CA" alone', async () => {
    const conditions = await texts('Paciente com CA de mama em quimioterapia; ca de próstata na família.', 'health_condition');
    expect(conditions).toContain('CA de mama');
    expect(conditions).toContain('ca de próstata');
    expect(await texts('Exame: CA 125 e cálcio (Ca) normais.', 'health_condition')).not.toContain('CA');
  });

  it('accepts a bare code only with health context', async () => {
    expect(await texts('Asma brônquica (J45.0)', 'icd10')).toEqual(['J45.0']);
    expect(await texts('nome;diagnostico;cid\nAna;hipotireoidismo;E03.9', 'icd10')).toEqual(['E03.9']);
    expect(await texts('Apartamento B12, bloco C61, sala A15.', 'icd10')).toEqual([]);
  });

  it('finds medications, with salts, each ingredient of a combination', async () => {
    expect(await texts('cloridrato de sertralina 50 mg; tenofovir + lamivudina + dolutegravir; insulina NPH 10 UI', 'medication'))
      .toEqual(['cloridrato de sertralina', 'tenofovir', 'lamivudina', 'dolutegravir', 'insulina NPH']);
  });

  it('does not take an allergy for a treatment', async () => {
    expect(await texts('Alergias: dipirona e penicilina. Em uso de losartana.', 'medication')).toEqual(['losartana']);
  });

  it('finds genetic data', async () => {
    const t = 'Resultado: mutação no gene BRCA2. Cariótipo 47,XX,+21. HLA-B27 positivo. Portadora de anemia falciforme (traço HbAS). Variante patogênica em CFTR.';
    expect(await texts(t, 'genetic_data')).toEqual(['mutação no gene BRCA2', 'Cariótipo 47,XX,+21', 'HLA-B27', 'Portadora de anemia falciforme (traço HbAS)', 'Variante patogênica em CFTR']);
    // the trait is genetic data, not also a diagnosis
    expect(await texts(t, 'health_condition')).toEqual([]);
  });

  it('reports a genetic test only with its result, never the mention of a method', async () => {
    expect(await texts('Realizado teste genético com resultado: mutação do gene CFTR.', 'genetic_data')).toEqual(['mutação do gene CFTR']);
    expect(await texts('Exame genético positivo para a doença.', 'genetic_data')).toEqual(['Exame genético']);
    expect(await texts('Solicitado teste genético.', 'genetic_data')).toEqual([]);
    expect(await texts('Relatório de Sequenciamento\nMetodologia: sequenciamento do exoma. Recomenda-se aconselhamento genético.', 'genetic_data')).toEqual([]);
  });

  it('does not report the zygosity of a variant already reported as a second finding', async () => {
    expect(await texts('Resultado: detectada variante patogênica no gene BRCA1, em heterozigose.', 'genetic_data'))
      .toEqual(['variante patogênica no gene BRCA1']);
    expect(await texts('Paciente heterozigoto para hemoglobina S.', 'genetic_data')).toEqual(['heterozigoto']);
  });

  it('reads "portador de <doença hereditária>" as the disease, and as carrier status only with a qualifier', async () => {
    const t = 'ASSISTIDO PORTADOR DE ATROFIA MUSCULAR ESPINHAL TIPO 2 (G12.1).';
    expect(await texts(t, 'genetic_data')).toEqual([]);
    expect(await texts(t, 'health_condition')).toEqual(['ATROFIA MUSCULAR ESPINHAL']);
    expect(await texts('Mãe portadora assintomática de fibrose cística.', 'genetic_data')).toEqual(['portadora assintomática de fibrose cística']);
    expect(await texts('Pai portador de mutação no gene CFTR.', 'genetic_data')).toEqual(['portador de mutação no gene CFTR']);
  });

  it('explains each finding in Portuguese citing the LGPD', async () => {
    const [f] = await find('Diagnóstico: diabetes mellitus');
    expect(f!.reason).toBe("Diagnóstico 'diabetes mellitus' (dado de saúde, LGPD art. 5º, II)");
  });

  it('reports offsets in UTF-16 code units', async () => {
    const text = '😀 Ação: 👍 tuberculose pulmonar';
    const { findings } = await plugin.analyze(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['tuberculose pulmonar']);
  });

  it('handles a long document (200 000 characters, thousands of findings) within its memory limit', async () => {
    const line = 'Paciente Fulano, hipertensão arterial sistêmica (I10), em uso de losartana 50 mg. PA 130x80 mmHg. Evolui bem.\n';
    const text = line.repeat(Math.ceil(200_000 / line.length));
    const { findings } = await plugin.analyze(text);
    expect(findings.length).toBe(3 * Math.ceil(200_000 / line.length));
  });
});

describe('health-data plugin: fields and tables', () => {
  it('takes each item of a diagnosis field as a condition, even outside the vocabulary', async () => {
    expect(await texts('Comorbidades: HAS, tendinopatia do supraespinhal e gonartrose.\nDiagnóstico: em investigação.\nAntecedentes: nega.', 'health_condition'))
      .toEqual(['HAS', 'tendinopatia do supraespinhal', 'gonartrose']);
  });

  it('reads diagnosis, CID and medication columns of a spreadsheet', async () => {
    const csv = 'nome;diagnostico;cid;medicamentos\nAna;tendinopatia do supraespinhal;M75.1;Ozempic + losartana\nBia;nenhum;;\n';
    const found = await find(csv);
    expect(found.map((f) => [f.type, f.text])).toEqual([
      ['health_condition', 'tendinopatia do supraespinhal'], ['icd10', 'M75.1'], ['medication', 'Ozempic'], ['medication', 'losartana'],
    ]);
  });

  it('keeps a negated condition with a lower confidence and says so', async () => {
    const { findings } = await plugin.analyze('Nega diabetes. Asma desde a infância.');
    expect(findings.map((f) => f.confidence)).toEqual([0.6, 0.9]);
    expect(findings[0]!.reason).toContain('negada');
  });

  it('does not take places or plain words for health data', async () => {
    expect(await find('Leito A15, sala B20. Coma frutas. Manda DM. Alergia: nega. Ferro de passar.')).toEqual([]);
  });
});

describe('health-data generalisation (held-out documents)', () => {
  it('knows intensive-care drugs and common procedures and conditions beyond the clinic templates', async () => {
    expect(await texts('leito 1 em uso de noradrenalina 0,1 mcg/kg/min; meropenem D4; lactulose 20 mL', 'medication'))
      .toEqual(['noradrenalina', 'meropenem', 'lactulose']);
    expect(await texts('Submetido a ligadura elástica. Evoluiu com choque cardiogênico e hipoglicemia grave.', 'health_condition'))
      .toEqual(['ligadura elástica', 'choque cardiogênico', 'hipoglicemia grave']);
  });

  it('reads a code after "CID principal:" and a code column next to a diagnosis column', async () => {
    expect(await texts('Indicação: cólica biliar.\nCID principal: K80.2\n', 'icd10')).toEqual(['K80.2']);
    const tsv = 'PACIENTE\tHIPOTESE DIAGNOSTICA\tCOD\nNILSON\tGOTA TOFACEA\tM10.0\n';
    expect(await texts(tsv, 'icd10')).toEqual(['M10.0']);
  });

  it('does not take a name particle, a vaccine row or a field label for a disease', async () => {
    expect(await texts('Identificação: Francisco das Chagas Lima, 58 anos.', 'health_condition')).toEqual([]);
    expect(await texts('Paciente com doença de Chagas.', 'health_condition')).toEqual(['doença de Chagas']);
    expect(await texts('Hepatite B .......... 1ª dose   28/06/2025\nDPP: 09/10/2026', 'health_condition')).toEqual([]);
  });

  it('matches drug names misread by OCR (0 for O, l for I) and reports the text as written', async () => {
    expect(await texts('1) L0SARTANA P0TÁSSICA 50mg\n2) HlDR0CL0R0TlAZlDA 25mg', 'medication'))
      .toEqual(['L0SARTANA P0TÁSSICA', 'HlDR0CL0R0TlAZlDA']);
  });

  it('matches plurals of known terms, brand names and common drug classes', async () => {
    expect(await texts('Apresenta hérnias de disco e úlceras gástricas; cálculos renais.', 'health_condition'))
      .toEqual(['hérnias de disco', 'úlceras gástricas', 'cálculos renais']);
    expect(await texts('voltou a tomar o rivotril e o puran t4; vitamina d e anticoncepcional', 'medication'))
      .toEqual(['rivotril', 'puran t4', 'vitamina d', 'anticoncepcional']);
  });

  it('reads vaccines in a vaccine column as vaccines, and a CID misread by OCR', async () => {
    const csv = 'Nome;Vacina aplicada;Comorbidade\nAna;Influenza;DPOC\nBeto;Covid-19 reforço;asma\n';
    expect(await texts(csv, 'health_condition')).toEqual(['DPOC', 'asma']);
    expect(await texts('p0r m0tiv0 de conjuntivite.\nClD: H10.9', 'icd10')).toEqual(['H10.9']);
    expect(await texts('Diagnóstico: acidente vascular cerebral isquêmico (163.9).\nCID: 110.0. Glicemia (126). Lote 163.9', 'icd10'))
      .toEqual(['163.9', '110.0']);
  });

  it('still does not report a drug named as an allergy', async () => {
    expect(await texts('Alergia: dipirona. Paciente alérgica a penicilina.', 'medication')).toEqual([]);
  });
});
