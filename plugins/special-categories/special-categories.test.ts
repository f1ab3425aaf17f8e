import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('special-categories'); });
afterAll(async () => { await plugin?.close(); });

async function find(text: string): Promise<Array<[string, string]>> {
  const { findings } = await plugin.analyze(text);
  return findings.map((f) => [f.type, text.slice(f.start, f.end)]);
}

describe('special-categories plugin', () => {
  it('reads labelled registration fields', async () => {
    const text = 'Raça/cor (autodeclarada): parda\nReligião: candomblé\nOrientação sexual: bissexual\nEtnia: Guarani Kaiowá\nCOR: PRETA';
    expect(await find(text)).toEqual([
      ['racial_ethnic_origin', 'parda'], ['religious_belief', 'candomblé'], ['sexual_orientation', 'bissexual'],
      ['racial_ethnic_origin', 'Guarani Kaiowá'], ['racial_ethnic_origin', 'PRETA'],
    ]);
  });

  it('does not cry wolf', async () => {
    const text = 'Camisa branca e calça preta. EAS - Cor: amarelo citrino. Testemunha: Márcia Moreira. Hospital Espírita de Goiânia. ' +
      'Pontifícia Universidade Católica. Religião: não informada. Sexo: F. Parecer da Comissão de Saúde Indígena. Paciente amarela, ictérica.';
    expect(await find(text)).toEqual([]);
  });

  it('finds religion, race and sex life stated in prose', async () => {
    expect(await find('O(a) paciente é Testemunha de Jeová e recusa transfusão.')).toEqual([['religious_belief', 'Testemunha de Jeová']]);
    expect(await find('Paciente se autodeclara parda, é evangélica.')).toEqual([['racial_ethnic_origin', 'parda'], ['religious_belief', 'evangélica']]);
    expect(await find('HSH, vida sexual ativa, relação homoafetiva estável.')).toEqual([
      ['sexual_orientation', 'HSH'], ['sexual_orientation', 'vida sexual ativa'], ['sexual_orientation', 'relação homoafetiva'],
    ]);
  });

  it('finds political opinion, union membership and biometric data', async () => {
    expect(await find('Filiado ao Partido dos Trabalhadores desde 2010; sindicalizado. Coleta de impressão digital e reconhecimento facial.')).toEqual([
      ['political_opinion', 'Filiado ao Partido dos Trabalhadores'], ['union_membership', 'sindicalizado'],
      ['biometric_data', 'impressão digital'], ['biometric_data', 'reconhecimento facial'],
    ]);
    expect(await find('Filiada ao sindicato dos enfermeiros.')).toEqual([['union_membership', 'Filiada ao sindicato dos enfermeiros']]);
  });

  it('explains findings in Portuguese', async () => {
    const { findings } = await plugin.analyze('Religião: católica');
    expect(findings[0]!.reason).toBe("Convicção religiosa: 'católica' (campo de religião; dado sensível, LGPD art. 5º, II)");
  });
});

describe('special-categories plugin: tables', () => {
  it('reads race, religion and orientation columns, skipping empty and undeclared values', async () => {
    const csv = 'nome;raca_cor;religiao;orientacao_sexual\nAna;Parda;Católica;bissexual\nBia;não declarada;nenhuma;\n';
    expect(await find(csv)).toEqual([['racial_ethnic_origin', 'Parda'], ['religious_belief', 'Católica'], ['sexual_orientation', 'bissexual']]);
  });
});

describe('special-categories generalisation (held-out documents)', () => {
  it('reads race stated in prose and an ethnic group after "etnia"', async () => {
    expect(await find('A CRIANÇA FOI DECLARADA DE COR PARDA NO CADASTRO ESCOLAR.')).toEqual([['racial_ethnic_origin', 'PARDA']]);
    expect(await find('a criança foi declarada de cor parda')).toEqual([['racial_ethnic_origin', 'parda']]);
    expect(await find('COR/RAÇA: INDÍGENA (ETNIA SATERÉ-MAWÉ)')).toEqual([['racial_ethnic_origin', 'INDÍGENA'], ['racial_ethnic_origin', 'SATERÉ-MAWÉ']]);
  });

  it('reads religion declared in prose, by worship, or as an item of an identification line', async () => {
    expect(await find('a genitora declara-se evangélica')).toEqual([['religious_belief', 'evangélica']]);
    expect(await find('frequenta culto evangélico com a avó')).toEqual([['religious_belief', 'evangélico']]);
    expect(await find('Identificação: José, 58 anos, agricultor, católico.')).toEqual([['religious_belief', 'católico']]);
  });

  it('names the people after "indígena", and communities that reveal ethnic origin', async () => {
    expect(await find('Etnia: indígena (Guarani-Kaiowá). Mora em comunidade quilombola; é quilombola.')).toEqual([
      ['racial_ethnic_origin', 'indígena'], ['racial_ethnic_origin', 'Guarani-Kaiowá'],
      ['racial_ethnic_origin', 'comunidade quilombola'], ['racial_ethnic_origin', 'quilombola'],
    ]);
  });

  it('reports gender identity as sex life, and says so', async () => {
    const { findings } = await plugin.analyze('Identidade de gênero: mulher trans. Paciente travesti em hormonização.');
    expect(findings.map((f) => f.type)).toEqual(['sexual_orientation', 'sexual_orientation', 'sexual_orientation']);
    expect(findings[0]!.reason).toContain('Identidade de gênero');
    // a form's empty "Nome social" field, and "trans" in other words, are not findings
    expect(await find('Nome social: —. Gordura trans. Transporte sanitário. Transfusão de sangue.')).toEqual([]);
  });

  it('does not take a population statistic for a person\'s sex life', async () => {
    expect(await find('HIV/aids: 141 novos diagnósticos; 62% em homens que fazem sexo com homens.')).toEqual([]);
    expect(await find('Paciente homem que faz sexo com homens, uso irregular de preservativo.')).toEqual([['sexual_orientation', 'homem que faz sexo com homens']]);
  });

  it('still does not cry wolf on colours and institutions', async () => {
    expect(await find('Urina de cor amarela, aspecto límpido. Hospital Evangélico de Curitiba, Colégio Católico, Igreja da Sé.')).toEqual([]);
  });
});
