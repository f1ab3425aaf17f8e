import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSteadyOverChunks, loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('birth-dates'); });
afterAll(async () => { await plugin.close(); });

async function dates(text: string, options: Record<string, unknown> = {}): Promise<string[]> {
  const { findings } = await plugin.analyze(text, options);
  for (const f of findings) {
    expect(f.type).toBe('birth_date');
    expect(f.validated).toBe(true);
  }
  return findings.map((f) => text.slice(f.start, f.end));
}

describe('birth-dates plugin', () => {
  it('takes dates after birth keywords and leaves other dates out', async () => {
    const text = 'Pedido nº 101    Coleta: 22/08/2026\nNome: Lívia Viana\nData de nascimento: 19/10/2003    Sexo: F\n'
      + 'DN: 03-05-1950 (76 anos)    Data do atendimento: 04/09/2026\nD.N.: 12.03.1985  Alta: 21/10/2026. Impresso em 24/11/2026';
    expect(await dates(text)).toEqual(['19/10/2003', '03-05-1950', '12.03.1985']);
  });

  it('reads written-out and ISO dates', async () => {
    const text = 'Paciente: Bento Queiroz, 49 anos, nascido(a) em 6 de fevereiro de 1977.\n'
      + 'Nascida em 1º de maio de 1990; nasc. 12 de marco de 1985; Dt. Nasc 1985-03-12; DN 12/mar/1960\n'
      + 'Consulta em 3 de maio de 2026.';
    expect(await dates(text)).toEqual(['6 de fevereiro de 1977', '1º de maio de 1990', '12 de marco de 1985', '1985-03-12', '12/mar/1960']);
  });

  it('reads dates written entirely in words (certidões, dictated notes), with the same context rules', async () => {
    const text = 'Nascido em vinte e três de maio de mil novecentos e setenta.\n'
      + 'Certidão: nascida aos cinco dias do mês de março do ano de dois mil e um, filha de Ana.\n'
      + 'Data de nascimento: primeiro de abril de 1980\nDN: 23 de maio de mil novecentos e noventa e nove\n'
      + 'Consulta em dois de junho de dois mil e vinte e seis. Nasceu em trinta e um de fevereiro de 1990.';
    expect(await dates(text)).toEqual([
      'vinte e três de maio de mil novecentos e setenta', 'cinco dias do mês de março do ano de dois mil e um',
      'primeiro de abril de 1980', '23 de maio de mil novecentos e noventa e nove',
    ]);
    // words that are not a date: no month, or no year
    expect(await dates('Nascida em uma quinta de maio; nascido em vinte de maio passado')).toEqual([]);
  });

  it('reads dates without separators, and year first with slashes, only right after a birth keyword', async () => {
    expect(await dates('DN 12031985\nNascimento: 1985/03/12\nDN: 19850312\nDN 31021985')).toEqual(['12031985', '1985/03/12', '19850312']);
    // the same digits elsewhere are not dates, even when a birth date with these digits is on the line
    expect(await dates('Nascimento: 12/03/1985   CEP 12031985\nProtocolo 12031985')).toEqual(['12/03/1985']);
  });

  it('accepts two-digit years and a label on the line above', async () => {
    expect(await dates('DN: 12/03/85')).toEqual(['12/03/85']);
    expect(await dates('Data Nasc.: 12 / 03 / 1985   Data: 01/02/2026')).toEqual(['12 / 03 / 1985']);
    expect(await dates('Data de nascimento:\n01/01/1970\nData: 02/02/2026')).toEqual(['01/01/1970']);
  });

  it('uses the birth column of tables', async () => {
    const text = 'nome;cpf;data_nascimento;data_consulta\nAna;1;18/12/1958;02/02/2026\nBia;2;16.01.1966;03/03/2026\n';
    expect(await dates(text)).toEqual(['18/12/1958', '16.01.1966']);
    const tsv = 'Nome\tNascimento\tAtendimento\nAna\t01/02/1990\t05/05/2026\n';
    expect(await dates(tsv)).toEqual(['01/02/1990']);
    const quoted = 'ID,Paciente,Data Nasc.,Data Coleta\n1,"Silva, Joana",1983-07-21,2026-10-02\n';
    expect(await dates(quoted)).toEqual(['1983-07-21']);
  });

  it('uses the birth column of tables aligned with spaces (printed reports), and only that column', async () => {
    const report = [
      'RELAÇÃO DE PACIENTES — AGENDA DE 03/03/2026',
      '',
      'Paciente             Data coleta    Data de nascimento    Sexo',
      'Ana Souza            02/03/2026     12/08/1990            F',
      'Pedro Alves          02/03/2026      30/01/1985           M',
      'Maria do Carmo       03/03/2026     5/7/1948              F',
      '',
      'Próxima coleta: 10/03/2026',
    ].join('\n');
    expect(await dates(report)).toEqual(['12/08/1990', '30/01/1985', '5/7/1948']);
    // a line with a gap but no birth title is no table; the table ends at a line without gaps
    expect(await dates('Paciente: Ana     Coleta: 02/03/2026\n01/02/1990')).toEqual([]);
    expect(await dates('Nome          DN\nJoão Lima     01/02/1990\nRetorno em 05/05/2026')).toEqual(['01/02/1990']);
  });

  it('takes a date followed by an age or after the age', async () => {
    expect(await dates('Maria Souza, 12/03/1950 (76 anos), procurou o serviço em 02/02/2026.')).toEqual(['12/03/1950']);
    expect(await dates('Idade: 76 anos (03/05/1950)   Data: 02/02/2026')).toEqual(['03/05/1950']);
  });

  it('takes a repeated birth date without context, not one in another context', async () => {
    expect(await dates('a data de nascimento dele é 02/02/1950?\nisso, 02/02/1950. Consulta: 02/02/1950'))
      .toEqual(['02/02/1950', '02/02/1950']);
  });

  it('ignores chat timestamps and dates without context', async () => {
    expect(await dates('[03/02/2026 08:13] Rosa: bom dia\nRetorno em 15/12/2026. Exame de 12/03/1985.')).toEqual([]);
  });

  it('rejects impossible and future dates', async () => {
    expect(await dates('DN: 31/02/1980; nasc.: 29/02/2001; DN 29/02/2000')).toEqual(['29/02/2000']);
    expect(await dates('DN: 12/03/2099 e DN: 12/03/2020', { today: '2026-11-24' })).toEqual(['12/03/2020']);
    // without today's date: not later than the document's other dates
    expect(await dates('DN: 12/03/2099\nData do atendimento: 01/02/2026')).toEqual([]);
  });

  it('explains each finding in Portuguese', async () => {
    const { findings } = await plugin.analyze('Data de nascimento: 19/10/2003');
    expect(findings[0]?.reason).toBe("Data após 'nascimento'");
  });

  it('analyses 10 MB as the host\'s chunks with one instance, the same findings in every chunk', async () => {
    await expectSteadyOverChunks(plugin, 'Paciente: Ana, DN: 03/05/1950. Atendimento: 04/09/2026. Coleta 2026-01-02.\n', 1);
  });
});
