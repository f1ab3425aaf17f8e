import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSteadyOverChunks, loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('person-names'); });
afterAll(async () => { await plugin.close(); });

async function names(text: string): Promise<string[]> {
  const { findings } = await plugin.analyze(text);
  for (const f of findings) expect(f.type).toBe('person_name');
  return findings.map((f) => text.slice(f.start, f.end));
}

describe('person-names plugin', () => {
  it('finds names after form labels, in capitals and title case, without the label', async () => {
    expect(await names('FICHA\nPACIENTE: JOSÉ DA SILVA          DN: 12/03/1985\nMÃE: MARIA DO CARMO DOS SANTOS\n'))
      .toEqual(['JOSÉ DA SILVA', 'MARIA DO CARMO DOS SANTOS']);
    expect(await names('Nome completo: Cristiane Ferrari\nData de nascimento: 10/06/1993')).toEqual(['Cristiane Ferrari']);
    expect(await names('Nome: João Silva Neto Mãe: Maria Silva Idade: 45')).toEqual(['João Silva Neto', 'Maria Silva']);
  });

  it('accepts unknown names after a strong cue and leaves titles out of the span', async () => {
    expect(await names('Paciente: Xyzabel Wqartes\n\nAtenciosamente, Dra. Quenildes Trumbá - CRM/PE 43262.'))
      .toEqual(['Xyzabel Wqartes', 'Quenildes Trumbá']);
    expect(await names('Encaminho a Sra. Gúbio Pereira, 69 anos, para avaliação.')).toEqual(['Gúbio Pereira']);
  });

  it('finds relatives, witnesses and the "Eu, FULANO, portador" form', async () => {
    const text = 'Eu, Joaquim José da Silva Xavier, portador do RG 12.345.678-9, responsável legal por Benedita Lopes, '
      + 'declaro que fui informado. Acompanhada por sua mãe, Aparecida Pereira Barros. Testemunha: Márcia Moreira, RG 4.';
    expect(await names(text)).toEqual(['Joaquim José da Silva Xavier', 'Benedita Lopes', 'Aparecida Pereira Barros', 'Márcia Moreira']);
  });

  it('finds compound names with particles', async () => {
    expect(await names('Responsável: João de Deus Oliveira e Silva.')).toEqual(['João de Deus Oliveira e Silva']);
    expect(await names('Atendida pela enfermeira Joana D\'Arc Ferreira.')).toEqual(["Joana D'Arc Ferreira"]);
  });

  it('finds partial mentions of a name given in full elsewhere in the document', async () => {
    const found = await names('Paciente: Jurema Vieira Lins\n\nEvolução: Jurema refere melhora. Jurema Vieira aceitou a dieta.');
    expect(found).toContain('Jurema Vieira Lins');
    expect(found).toContain('Jurema Vieira');
    expect(found.filter((n) => n === 'Jurema')).toHaveLength(1);
    // without the full name, a lone word after a colon stays unreported
    expect(await names('Observação: Jurema')).toEqual([]);
  });

  it('reads chat exports: speakers and lower-case names', async () => {
    const text = '[03/02/2026 08:13] Rosa: bom dia, a paciente césar moreira ligou de novo\n'
      + '[03/02/2026 08:15] Ana Paula: oi, aqui é a maria souza, mãe dele\n'
      + '03/02/2026 09:15 - Dra. Paula: ok';
    expect(await names(text)).toEqual(['Rosa', 'césar moreira', 'Ana Paula', 'maria souza', 'Paula']);
    expect(await names('[21/11/26, 14:02:11] Enf. Patrícia: o sr. raimundo nonato chegou?')).toEqual(['Patrícia', 'raimundo nonato']);
  });

  it('reads senders written in lower case, and "seu"/"dona" before a given name or a common nickname', async () => {
    const chat = '[12/03/2026 10:21] joana: a dona cida e o seu joão vieram\n12/03/2026 10:22 - carlos eduardo: ok\n'
      + '[12/03/2026 10:23] obs: sem alterações. Tome o seu remédio; o seu filho ligou.';
    expect(await names(chat)).toEqual(['joana', 'cida', 'joão', 'carlos eduardo']);
  });

  it('keeps an unknown first name joined by "DE" to a given name after a strong cue', async () => {
    expect(await names('Paciente: KLEBERSON DE MARIA SANTOS\nNome: WELISSON DE JESUS')).toEqual(['KLEBERSON DE MARIA SANTOS', 'WELISSON DE JESUS']);
    // without a cue, "EM FACE DE MARCOS ANTÔNIO" is still two things
    expect(await names('EM FACE DE MARCOS ANTÔNIO')).toEqual(['MARCOS ANTÔNIO']);
  });

  it('accepts an unknown lower-case first name before a known surname, but not a verb', async () => {
    expect(await names('a paciente zorildo moura ligou. o paciente relatou costa doendo. a paciente ficou lima.'))
      .toEqual(['zorildo moura']);
  });

  it('does not take adjectives after "Paciente" for names', async () => {
    expect(await names('Paciente Hipertenso, Diabético. Paciente Gúbio Pereira.')).toEqual(['Gúbio Pereira']);
  });

  it('finds names in the "nome" column of a table', async () => {
    const text = 'nome;cpf;data_nascimento\nZélia Duarte;123;12/03/1950\nQuirilo Tamandaré;456;01/01/1960\n';
    const { findings } = await plugin.analyze(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['Zélia Duarte', 'Quirilo Tamandaré']);
    expect(findings[0]?.reason).toBe("Nome na coluna 'nome' da tabela");
    // quoted fields may hold the separator
    const csv = 'ID,Paciente,Data Nasc.,Município\n1,"Silva, Joana",1983-07-21,Campinas\n2,Wanderleia Furtado,03/03/2003,Jundiaí\n';
    expect(await names(csv)).toEqual(['Silva', 'Joana', 'Wanderleia Furtado']);
  });

  it('joins a name broken across lines and finds names on signature lines', async () => {
    expect(await names('Paciente: Ana Laura\nLins Reis, 45 anos.')).toEqual(['Ana Laura\nLins Reis']);
    expect(await names('____________________\nMarcos Vinícius Oliveira\nPsicólogo - CRP 06/12345')).toEqual(['Marcos Vinícius Oliveira']);
  });

  it('does not report eponymous diseases, streets, institutions or cities', async () => {
    const text = 'Paciente com doença de Parkinson, síndrome de Down e mal de Alzheimer. Doença de Chagas e doença de Crohn '
      + 'descartadas; linfoma de Hodgkin e síndrome de Guillain-Barré em investigação.\n'
      + 'Reside na Rua Tiradentes, 45, perto da Avenida Getúlio Vargas e da Rua Machado de Assis.\n'
      + 'Internado no Hospital São Lucas, depois na Santa Casa de Misericórdia e na UBS Dr. João Silva.\n'
      + 'Hospital Israelita Albert Einstein. Praça Rui Barbosa.\n'
      + 'Local e data: João Pessoa, 12/03/2026. O(a) paciente é Testemunha de Jeová.';
    expect(await names(text)).toEqual([]);
  });

  it('accepts a known first name alone in the middle of a sentence, but not an ambiguous one', async () => {
    expect(await names('Recebido por Jaqueline em 12/03. Conversei com Marta e com Rosa. Mudou-se para Vitória em 2020.'))
      .toEqual(['Jaqueline', 'Marta']);
  });

  it('does not take a city for a known first name', async () => {
    expect(await names('Dra. Vitória Barros - CRM-ES 1234\n\nVitória, 21/10/2026.')).toEqual(['Vitória Barros']);
  });

  it('explains each finding in Portuguese', async () => {
    const { findings } = await plugin.analyze('Paciente: Ana Laura Lins Reis');
    expect(findings[0]?.reason).toBe("Nome próprio após 'Paciente'");
    expect(findings[0]?.confidence).toBeGreaterThan(0.9);
  });

  it('analyses 10 MB as the host\'s chunks with one instance, the same findings in every chunk', async () => {
    await expectSteadyOverChunks(plugin, 'Paciente: Ana Laura Lins Reis, DN 03/05/1950. Acompanhada por sua mãe, Aparecida Barros. Doença de Parkinson.\n', 2);
  });
});

describe('person-names generalisation (held-out documents)', () => {
  it('reads names after roles of other kinds of documents', async () => {
    expect(await names('Trabalhador: Robson Luiz Teixeira   Função: soldador')).toContain('Robson Luiz Teixeira');
    expect(await names('Atendente: Patrícia Gomes\n')).toContain('Patrícia Gomes');
    expect(await names('[07:45] tec. rodrigo: ele eh o do leito 3')).toContain('rodrigo');
  });

  it('does not take the second word of a profession, a programme or a header for a name', async () => {
    expect(await names('Bruno Sales - Terapeuta Ocupacional. Mariana Peixoto - Assistente Social.')).toEqual(['Bruno Sales', 'Mariana Peixoto']);
    expect(await names('Usuária beneficiária do Bolsa Família. Vigilância Epidemiológica - telefone (16) 3977-0000')).toEqual([]);
    expect(await names('Nome Completo;Data Nasc.;CNS\nAntônia Pereira Lopes;03/05/1938;1\n')).toEqual(['Antônia Pereira Lopes']);
  });
});


describe('person-names: cues and forms beyond the templates (round 3)', () => {
  it('keeps a middle initial inside one name', async () => {
    expect(await names('enf plantonista Renata M. Dias / medico dr. Otávio Lemos')).toEqual(['Renata M. Dias', 'Otávio Lemos']);
    expect(await names('Responsável técnico: José A. Silva')).toEqual(['José A. Silva']);
    // in capitals a lone letter without a period reads as "e"/"a", not as an initial
    expect(await names('MARIA E SILVA')).toEqual([]);
  });

  it('reads a name after a kinship word and "de" in capitals even when the first name is rare', async () => {
    expect(await names('A CRIANÇA, NASCIDA EM 2016, FILHA DE JOSELITA DOS SANTOS, RESIDE COM A AVÓ.')).toContain('JOSELITA DOS SANTOS');
    expect(await names('TESTEMUNHA DE JEOVÁ. MÃE DE DEUS.')).toEqual([]);
    expect(await names('filha de joselita dos santos, mae de deus, filho de peixe')).toEqual(['joselita dos santos']);
  });

  it('reads a name signed under a closing formula or after a greeting', async () => {
    expect(await names('Segue o relatório.\n\nAtt.,\nSimone')).toEqual(['Simone']);
    expect(await names('Oi Marcos, tudo bem?')).toEqual(['Marcos']);
    expect(await names('Atenciosamente,\nEquipe de Enfermagem')).toEqual([]);
    expect(await names('Segue.\n\nAtenciosamente,\n\nSimone Prado\nEnfermeira')).toEqual(['Simone Prado']);
    expect(await names('Qualquer dúvida estou à disposição. Abraços, Marta')).toEqual(['Marta']);
    expect(await names('Olá Equipe, segue a escala.')).toEqual([]);
  });

  it('reads a name right after a role word in running text', async () => {
    expect(await names('A técnica Jéssica não soube informar.')).toEqual(['Jéssica']);
    expect(await names('o enfermeiro Paulo trouxe a medicação')).toEqual(['Paulo']);
    expect(await names('Feita com a técnica de Mohs.')).toEqual([]);
  });

  it('reads lower-case names: a full name with no cue, a table name column, "aqui e a …"', async () => {
    expect(await names('[08:03] enf. carla: leito 12 jose aparecido ferreira passou a noite agitado')).toContain('jose aparecido ferreira');
    expect(await names("usuario,nascimento,fone\njoana d'arc silveira,19.04.1982,(51) 99201-3344\nmarcos vinicius pires,02.11.1995,(51) 98450-7711\n"))
      .toEqual(["joana d'arc silveira", 'marcos vinicius pires']);
    expect(await names('oi dra. simone, aqui e a rosa maria')).toContain('rosa maria');
    expect(await names('paciente com dor lombar e febre alta, nega alergias')).toEqual([]);
    expect(await names('moro na rua jose maria pereira 12, perto da escola estadual joao batista silva')).toEqual([]);
  });

  it('reads names damaged by OCR (0 for O, 1 for I or l) and reports them as written', async () => {
    expect(await names('Paciente: CARL0S EDUARD0 P1NHEIR0          Data nasc: 14/08/1963')).toEqual(['CARL0S EDUARD0 P1NHEIR0']);
    expect(await names('Dr. Mauríci0 Lemes\nCRM 1234')).toEqual(['Mauríci0 Lemes']);
    expect(await names('Exames: COVID19, H1N1, HbA1C, B12 e CID10.')).toEqual([]);
    expect(await names('PACIENTE: MARIA DA SlLVA')).toEqual(['MARIA DA SlLVA']);
  });

  it('reads a name after an abbreviated role, a title before a rare name in capitals, and after a broken caps word', async () => {
    expect(await names('Pct. Antônio, 67a, HAS')).toEqual(['Antônio']);
    expect(await names('Responsável: GENITORA SRA. IVONETE')).toEqual(['IVONETE']);
    expect(await names('SOLICITO AVALIAÇÃO DE FRANCISCO DAS CHAGAS LIMA')).toEqual(['FRANCISCO DAS CHAGAS LIMA']);
    expect(await names('PORTADOR DE DOENÇA DE CHAGAS. PACIENTE: SIM')).toEqual([]);
  });

  it('reads several initials, a role in capitals, a profession after the name, a chat greeting and a bed number', async () => {
    expect(await names('Responsável: José A. B. Silva')).toEqual(['José A. B. Silva']);
    expect(await names('A TÉCNICA JÉSSICA INFORMOU QUE')).toEqual(['JÉSSICA']);
    expect(await names('Simone - Enfermeira\nPaulo Reis, fisioterapeuta')).toEqual(['Simone', 'Paulo Reis']);
    expect(await names('oi marcos, tudo bem?')).toEqual(['marcos']);
    expect(await names('leito 4 jose ferreira estavel, leito 3 rosa com febre')).toEqual(['jose ferreira']);
    expect(await names('Cardiologia - Médica. Vitória - ES')).toEqual([]);
  });

  it('reads a name signed above its office, and a name after an unknown word and "DE" in capitals', async () => {
    expect(await names('KLEBERSON ASTOLFO VIANA\nPROMOTOR DE JUSTIÇA')).toEqual(['KLEBERSON ASTOLFO VIANA']);
    expect(await names('Cleidiane Sousa\nEnfermeira - COREN 12345')).toEqual(['Cleidiane Sousa']);
    expect(await names('Hospital Santa Maria\nDiretora clínica\nRESUMO DE ALTA\nMédica: Dra. Ana')).toEqual(['Ana']);
    expect(await names('REQUEIRO EM FACE DE MARCOS ANTÔNIO PEREIRA')).toEqual(['MARCOS ANTÔNIO PEREIRA']);
  });

  it('reads an inverted name "SOBRENOME, Nome" at the start of a line', async () => {
    expect(await names('Lista de espera:\nSILVA, José Carlos\nSOUZA, Ana M.')).toEqual(['SILVA, José Carlos', 'SOUZA, Ana']);
  });
});
