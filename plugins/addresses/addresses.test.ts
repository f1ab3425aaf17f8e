import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSteadyOverChunks, loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('addresses'); });
afterAll(async () => { await plugin.close(); });

async function addresses(text: string): Promise<string[]> {
  const { findings } = await plugin.analyze(text);
  for (const f of findings) expect(f.type).toBe('address');
  return findings.map((f) => text.slice(f.start, f.end));
}

describe('addresses plugin', () => {
  it('spans street, number, complement, bairro, city and UF, leaving the CEP out', async () => {
    expect(await addresses('Endereço: Rua Duque de Caxias, 1818, apto 1172 - Savassi, Uberlândia - MG, CEP 78080-968'))
      .toEqual(['Rua Duque de Caxias, 1818, apto 1172 - Savassi, Uberlândia - MG']);
    expect(await addresses('Residente à Rua das Flores, 123, apto 45, bloco B, Jardim América, São Paulo/SP, CEP 01234-567.'))
      .toEqual(['Rua das Flores, 123, apto 45, bloco B, Jardim América, São Paulo/SP']);
  });

  it('takes the form fields that continue an address, on its line after a gap and on the next lines', async () => {
    const form = 'Logradouro: Rua Padre Anchieta   Número: 233   Complemento: fundos\n'
      + 'Bairro: Centro   Município: Londrina   UF: PR   CEP: 86010-000\nTelefone: (43) 3322-1100';
    expect(await addresses(form)).toEqual(['Rua Padre Anchieta   Número: 233   Complemento: fundos\nBairro: Centro   Município: Londrina   UF: PR']);
    // other fields after a gap are not part of it
    expect(await addresses('Endereço: Rua A, 10     Estado civil: casado     Profissão: pedreiro'))
      .toEqual(['Rua A, 10']);
    // a rural highway address: the kilometre is its number
    expect(await addresses('Rod. BR-116, km 45, Sítio Boa Vista')).toEqual(['Rod. BR-116, km 45, Sítio Boa Vista']);
  });

  it('reads abbreviations, nº and s/n', async () => {
    expect(await addresses('Av. Getúlio Vargas, nº 1500 - Centro - Fortaleza-CE\nR. Tiradentes, s/n, Centro\nPraça da Sé, 1 - Sé, São Paulo - SP'))
      .toEqual(['Av. Getúlio Vargas, nº 1500 - Centro - Fortaleza-CE', 'R. Tiradentes, s/n, Centro', 'Praça da Sé, 1 - Sé, São Paulo - SP']);
    expect(await addresses('Travessa Sem Nome, 10')).toEqual(['Travessa Sem Nome, 10']);
    expect(await addresses('Rua Dr. João Pessoa, 123 - Centro\nAv. Eng. Luís Carlos Berrini, 1500, sala 3 – Brooklin – São Paulo/SP'))
      .toEqual(['Rua Dr. João Pessoa, 123 - Centro', 'Av. Eng. Luís Carlos Berrini, 1500, sala 3 – Brooklin – São Paulo/SP']);
    expect(await addresses('Rodovia BR-101, km 45, Palhoça - SC')).toEqual(['Rodovia BR-101, km 45, Palhoça - SC']);
  });

  it('follows "Endereço:" labels, lower-case chat and Bairro/Cidade lines', async () => {
    expect(await addresses('Endereço: Sítio Boa Esperança, zona rural, Caruaru - PE    Telefone: (81) 3333-4444'))
      .toEqual(['Sítio Boa Esperança, zona rural, Caruaru - PE']);
    expect(await addresses('oi, moro na rua sete de setembro 45 centro')).toEqual(['rua sete de setembro 45']);
    expect(await addresses('endereço: rua das acácias, 12 - jardim europa, recife - pe')).toEqual(['rua das acácias, 12 - jardim europa, recife - pe']);
    expect(await addresses('moro na rua x, 45, e trabalho no centro')).toEqual(['rua x, 45']);
    expect(await addresses('Endereço: Rua José Bonifácio, 88\nBairro: Boa Vista\nCidade: Recife - PE\nCEP: 50000-000'))
      .toEqual(['Rua José Bonifácio, 88\nBairro: Boa Vista\nCidade: Recife - PE']);
  });

  it('does not report institutions alone or streets used in prose', async () => {
    expect(await addresses('O Hospital São Lucas fica ao lado da Santa Casa. Paciente caiu na rua e machucou o joelho. '
      + 'A Rua Tiradentes estava interditada. Vila Nova é um bairro. Av. de ferro.')).toEqual([]);
  });

  it('explains each finding in Portuguese', async () => {
    const { findings } = await plugin.analyze('Endereço: Avenida Brasil, 150 - Centro, Recife - PE');
    expect(findings[0]?.reason).toBe("Endereço após 'Endereço', iniciado por 'Avenida', com número");
  });

  it('analyses 10 MB as the host\'s chunks with one instance, the same findings in every chunk', async () => {
    await expectSteadyOverChunks(plugin, 'Paciente reside na Rua Padre Anchieta, 2903 - Liberdade, Belém - PA, CEP 55594-457. Hospital Central.\n', 1);
  });
});

describe('addresses generalisation (held-out documents)', () => {
  it('reads a lower-case address after "mudou pra" and a complement broken across lines', async () => {
    expect(await addresses('ele mudou pra rua padre eustaquio 1450, carlos prates, belo horizonte\nobrigada'))
      .toEqual(['rua padre eustaquio 1450, carlos prates, belo horizonte']);
    expect(await addresses('End:Rua Tupis, 455 ap\n301 Centro Belo Horizonte MG\nCEP:30190-060'))
      .toEqual(['Rua Tupis, 455 ap\n301 Centro Belo Horizonte MG']);
  });
});

