import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHUNKING } from '../../electron/services/analysis/chunked-analyzer.js';
import { loadBuiltPlugin, type LoadedPlugin } from '../testing/run-plugin';
import {
  breakCheck, cnh, cnpj, cns, cpf, formatCnpj, formatCns, formatCpf, formatPis, formatRg, isCpf, isPis, pis, rgSp, rng, voter,
} from './test/generators';

let plugin: LoadedPlugin;
beforeAll(async () => { plugin = await loadBuiltPlugin('br-identifiers'); });
afterAll(async () => { await plugin?.close(); });

interface Hit { type: string; text: string; validated: boolean | undefined; confidence: number; reason: string | undefined; start: number; end: number }

async function find(text: string): Promise<Hit[]> {
  const { findings } = await plugin.analyze(text);
  return findings.map((f) => ({ type: f.type, text: text.slice(f.start, f.end), validated: f.validated, confidence: f.confidence, reason: f.reason, start: f.start, end: f.end }));
}
const summary = (hits: Hit[]) => hits.map((h) => [h.type, h.text]);

const r = rng(20260724);

describe('check digits: valid numbers are found and validated, broken ones are not', () => {
  const cases: { label: string; type: string; kw: string; make: () => string; format?: (s: string) => string }[] = [
    { label: 'CPF', type: 'cpf', kw: 'CPF', make: () => cpf(r), format: formatCpf },
    { label: 'CNPJ', type: 'cnpj', kw: 'CNPJ', make: () => cnpj(r), format: formatCnpj },
    { label: 'CNPJ alfanumérico', type: 'cnpj', kw: 'CNPJ', make: () => cnpj(r, true), format: formatCnpj },
    { label: 'CNS definitivo', type: 'cns', kw: 'CNS', make: () => cns(r, 'definitive'), format: formatCns },
    { label: 'CNS provisório', type: 'cns', kw: 'Cartão SUS', make: () => cns(r, 'provisional'), format: formatCns },
    { label: 'PIS', type: 'pis', kw: 'PIS/PASEP', make: () => pis(r), format: formatPis },
    { label: 'CNH', type: 'cnh', kw: 'CNH', make: () => cnh(r) },
    { label: 'título', type: 'voter_id', kw: 'Título de eleitor', make: () => voter(r) },
    { label: 'título SP', type: 'voter_id', kw: 'título eleitoral', make: () => voter(r, 1) },
    { label: 'RG SP', type: 'rg', kw: 'RG', make: () => rgSp(r), format: formatRg },
    { label: 'RG SP com X', type: 'rg', kw: 'RG', make: () => rgSp(r, true), format: formatRg },
  ];
  for (const c of cases) {
    it(`${c.label}: formatted and bare, with context`, async () => {
      for (let k = 0; k < 12; k++) {
        const v = c.make();
        for (const written of [v, c.format ? c.format(v) : v]) {
          const hits = await find(`Paciente: José da Silva\n${c.kw}: ${written}\nObs: sem alterações.`);
          const h = hits.find((x) => x.type === c.type);
          expect(h, `${c.label} ${written}`).toBeDefined();
          expect(h!.text).toBe(written);
          expect(h!.validated).toBe(true);
          expect(h!.confidence).toBeGreaterThanOrEqual(0.95);
          expect(h!.reason).toMatch(/dígitos? verificador/);
        }
      }
    });
    it(`${c.label}: broken check digit is not validated`, async () => {
      for (let k = 0; k < 8; k++) {
        const v = breakCheck(c.make());
        const written = c.format ? c.format(v) : v;
        // without context: never reported as this type with a validated check
        const plain = await find(`Valor ${written} registrado.`);
        expect(plain.filter((x) => x.type === c.type && x.validated)).toEqual([]);
        // with context: reported at most with validated=false
        const ctx = await find(`${c.kw}: ${written}`);
        for (const h of ctx.filter((x) => x.type === c.type)) expect(h.validated).toBe(false);
      }
    });
  }

  it('finds strongly-formatted valid numbers without any context word', async () => {
    const c1 = formatCpf(cpf(r)), c2 = formatCnpj(cnpj(r)), c3 = formatCns(cns(r, 'definitive')), c4 = formatPis(pis(r));
    const hits = await find(`Dados: ${c1}; empresa ${c2}; cartão ${c3}; inscrição ${c4}.`);
    expect(summary(hits)).toEqual([['cpf', c1], ['cnpj', c2], ['cns', c3], ['pis', c4]]);
  });

  it('rejects repeated-digit placeholders', async () => {
    expect(await find('CPF 111.111.111-11 e 000.000.000-00')).toEqual([]);
  });
});

describe('ambiguity between 11-digit identifiers is decided by context', () => {
  // numbers valid both as CPF and as PIS
  const both: string[] = [];
  const g = rng(7);
  while (both.length < 3) { const v = cpf(g); if (isPis(v)) both.push(v); }

  it('uses the context word when present and prefers CPF without one', async () => {
    for (const v of both) {
      expect((await find(`PIS: ${v}`)).map((h) => h.type)).toEqual(['pis']);
      expect((await find(`NIT ${v}`)).map((h) => h.type)).toEqual(['pis']);
      expect((await find(`cpf: ${v}`)).map((h) => h.type)).toEqual(['cpf']);
      expect((await find(`número ${v}`)).map((h) => h.type)).toEqual(['cpf']);
    }
  });

  it('CNH numbers need their context word', async () => {
    let v = cnh(r);
    while (isCpf(v)) v = cnh(r);
    expect((await find(`CNH nº ${v}`)).map((h) => [h.type, h.validated])).toEqual([['cnh', true]]);
    expect((await find(`Carteira de motorista: ${v}`)).map((h) => h.type)).toEqual(['cnh']);
  });
});

describe('writing variations', () => {
  it('finds numbers with spaces inside, line breaks inside and lower/upper-case context words', async () => {
    const c = cpf(r);
    const f = formatCpf(c);
    const spaced = `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6, 9)} ${c.slice(9)}`;
    const broken = `${f.slice(0, 8)}\n${f.slice(8)}`;
    const hits = await find(`cpf ${spaced}\nCPF DO PACIENTE: ${broken}\nCpf: ${c}`);
    expect(summary(hits)).toEqual([['cpf', spaced], ['cpf', broken], ['cpf', c]]);
  });

  it('reports UTF-16 offsets after accents, emoji and CRLF line ends', async () => {
    const c = formatCpf(cpf(r));
    const text = `Paciente: Conceição Araújo 😀 ñ\r\nInformação: CPF ${c}\r\n`;
    const [h] = await find(text);
    expect(h?.start).toBe(text.indexOf(c));
    expect(h?.end).toBe(text.indexOf(c) + c.length);
  });

  it('reads CSV columns by their header', async () => {
    const c1 = cpf(r), c2 = cpf(r);
    const csv = `nome;cpf;telefone;cns\nAna;${c1};11987654321;${cns(r, 'provisional')}\nBia;${formatCpf(c2)};(21) 3456-7890;\n`;
    const hits = await find(csv);
    expect(hits.map((h) => h.type)).toEqual(['cpf', 'phone', 'cns', 'cpf', 'phone']);
    expect(hits[0]?.reason).toContain("coluna 'cpf'");
  });

  it('finds a CPF whose leading zeros were dropped by a spreadsheet when the column says CPF', async () => {
    let c = cpf(r);
    while (!c.startsWith('0') || c.startsWith('00')) c = cpf(r);
    const hits = await find(`nome,cpf,cidade\nAna,${c.slice(1)},Recife\n`);
    expect(summary(hits)).toEqual([['cpf', c.slice(1)]]);
  });
});

describe('negatives: numbers that identify nobody are not reported', () => {
  it('ignores lab orders, lots, barcodes, ANVISA registrations, protocols and dates', async () => {
    const c = cpf(r);
    const text = [
      `Pedido nº ${c}    Coleta: 22/08/2026    Lote do reagente: 859785`,
      `Código de barras da amostra: ${cns(r, 'provisional')}`,
      `registro ANVISA 5.4165.9758.152-0; lote de referência ${cpf(r)}.`,
      `Protocolo 2025.48.205 - Ofício nº 350/2024 - NF 123456789`,
      `Data: 03/02/2026, 2026-02-03, 12.05.1982. Valor R$ 1.234,56. Leucócitos: 11.800 /mm³`,
      `Central de regulação: 0800 329 2433 ou 0800-722-0001; SAC 4004-0001; (11) 4003-1234`,
    ].join('\n');
    expect(await find(text)).toEqual([]);
  });

  it('ignores numbers glued to letters or codes', async () => {
    const c = cpf(r);
    expect(await find(`ref ABC${c} lote X-${c}-B versão 2.${c}`)).toEqual([]);
  });
});

describe('phones', () => {
  it('finds Brazilian formats and skips service numbers and invalid area codes', async () => {
    const text = 'Tel: (16) 98530-8597, +55 61 96891-1881, (27)3784-6664, 31 3333-4444, +5511987654321, ' +
      'contato 83988044943, telefone 3151276716, (016) 9 8530-8597, (0xx11) 3456-7890. Não: (10) 98530-8597, 0800 123 4567, (11) 4004-1234, 98530-8597';
    const hits = await find(text);
    expect(hits.filter((h) => h.type === 'phone').map((h) => h.text)).toEqual([
      '(16) 98530-8597', '+55 61 96891-1881', '(27)3784-6664', '31 3333-4444', '+5511987654321', '83988044943', '3151276716', '(016) 9 8530-8597', '(0xx11) 3456-7890',
    ]);
  });
});

describe('professional registrations', () => {
  it('reads council, UF and number in the usual forms', async () => {
    const text = 'Dra. A - CRM-SP 123456; Dr. B (CRM/RJ 123.456); CRM 42757/GO; crm 98765 sp; COREN-RJ 123456-ENF; ' +
      'CRP 06/12345; CRO-MG 4567; CRF-PR 12345; CRBM-CE 40254; CREFITO-3/12345-F; CRN 3 1234? não; CRM nº 55443';
    const hits = (await find(text)).filter((h) => h.type === 'professional_id').map((h) => h.text);
    expect(hits).toEqual(expect.arrayContaining([
      'CRM-SP 123456', 'CRM/RJ 123.456', 'CRM 42757/GO', 'crm 98765 sp', 'COREN-RJ 123456-ENF', 'CRP 06/12345', 'CRO-MG 4567',
      'CRF-PR 12345', 'CRBM-CE 40254', 'CRM nº 55443',
    ]));
    expect(hits.some((t) => t.startsWith('CREFITO'))).toBe(true);
  });
  it('does not take words that merely start like an acronym', async () => {
    expect(await find('Crônico, coração, criança, cromossomo 21, oab, crm')).toEqual([]);
  });
});

describe('context-only identifiers', () => {
  it('medical record numbers after prontuário/registro, not other numbers', async () => {
    const text = 'Prontuário: 5364537\nPRONTUARIO Nº 2026/011895\nRegistro hospitalar 778899\nProntuário 9375839. Internação: 03/02/2026.\n' +
      'Exame 123456\nRegistro: 2021/058223\nPA registrada, registro de 2019; registro em 12/05/2020';
    const hits = await find(text);
    expect(summary(hits)).toEqual([
      ['medical_record', '5364537'], ['medical_record', '2026/011895'], ['medical_record', '778899'], ['medical_record', '9375839'],
      ['medical_record', '2021/058223'],
    ]);
  });

  it('RG of other states by context, with issuing body after, or SP check digit', async () => {
    const sp = formatRg(rgSp(r));
    const hits = await find(`Identidade nº 1234567 SSP/BA; RG: MG-12.345.678; doc 7654321 SSP/RS; testemunha ${sp}; Estado MG 12345678`);
    expect(hits.map((h) => h.type)).toEqual(['rg', 'rg', 'rg', 'rg']);
    expect(hits.map((h) => h.text)).toEqual(['1234567', 'MG-12.345.678', '7654321', sp]);
  });

  it('CEP with context or in the 00000-000 form', async () => {
    const hits = await find('CEP: 01310100; Belém - PA, 66055-090; cep 30.130-010; código 12345');
    expect(summary(hits)).toEqual([['cep', '01310100'], ['cep', '66055-090'], ['cep', '30.130-010']]);
  });

  it('e-mail addresses, trimmed of punctuation', async () => {
    const hits = await find('Contato: maria.souza+saude@hospital.org.br. Ou JOAO_1980@UOL.COM.BR, não: a@b, @x.com');
    expect(summary(hits)).toEqual([['email', 'maria.souza+saude@hospital.org.br'], ['email', 'JOAO_1980@UOL.COM.BR']]);
  });
});

describe('robustness', () => {
  it('handles empty text, text without candidates and the largest chunk the host sends, within its memory cap', async () => {
    expect(await find('')).toEqual([]);
    expect(await find('Sem dados pessoais aqui.')).toEqual([]);
    const c = formatCpf(cpf(r));
    const filler = 'Evolução estável, PA 120x80 mmHg, FC 72 bpm. ';
    const big = filler.repeat(Math.floor((DEFAULT_CHUNKING.chunkChars - 20) / filler.length)) + `CPF ${c}`;
    for (let round = 0; round < 3; round++) {
      const hits = await find(big);
      expect(hits).toHaveLength(1);
      expect(hits[0]?.start).toBe(big.length - c.length);
    }
    // A chunk dense with findings (one CPF every ~20 characters) also fits.
    const dense = Array.from({ length: Math.floor(DEFAULT_CHUNKING.chunkChars / 20) }, () => `CPF ${formatCpf(cpf(r))}`).join(' ');
    expect((await find(dense)).length).toBeGreaterThan(2000);
  });
});

describe('generalisation (held-out documents)', () => {
  it('reads council registrations with a numbered region', async () => {
    expect(summary(await find('Terapeuta Ocupacional - CREFITO-7 221890-TO; Nutricionista - CRN-3 44512')))
      .toEqual([['professional_id', 'CREFITO-7 221890-TO'], ['professional_id', 'CRN-3 44512']]);
  });

  it('keeps a valid CPF a CPF after a weak word such as "ficha"', async () => {
    const c = cpf(r);
    expect(summary(await find(`cpf dele pra ficha de notificacao: ${c}`))).toEqual([['cpf', c]]);
  });

  it('does not take operator/product registrations or a year after "prontuários" for a record number', async () => {
    expect(summary(await find('Operadora: Saúde Mais - Registro ANS 41.887-6. Reg. MS 1.0043.0987.012-3. COMISSÃO DE REVISÃO DE PRONTUÁRIOS - 2026')))
      .toEqual([]);
  });

  it('reads numbers misread by OCR (O for 0, l for 1) and validates them after correction', async () => {
    const c = formatCpf(cpf(r));
    const noisy = c.replace(/0/g, 'O').replace(/1/g, 'l');
    const text = `Pront.: OO45821\nCPF: ${noisy}\nHOSPITAL P0RTO ALEGRE, Rua Olinda 1O0`;
    const found = summary(await find(text));
    expect(found).toContainEqual(['medical_record', 'OO45821']);
    if (noisy !== c) expect(found).toContainEqual(['cpf', noisy]);
    expect(found.filter(([t]) => t === 'cpf')).toHaveLength(1);
  });

  it('splits comma-separated cells: a CNS right after a date cell', async () => {
    const c = cns(r, 'provisional');
    expect(summary(await find(`usuario,nascimento,sus,fone\njoana,19.04.1982,${c},x\n`))).toEqual([['cns', c]]);
  });
});
