import { describe, expect, it } from 'vitest';
import { SigiloError } from '../../shared/error-codes.js';
import { createPseudonymizer } from './pseudonymizer.js';

describe('pseudonym table state (sent to the isolated process and back)', () => {
  it('a table continued from entries issues the same tokens as the original would', () => {
    const original = createPseudonymizer();
    original.tokenFor('person_name', 'Maria Silva');
    original.tokenFor('cpf', '529.982.247-25');
    const copy = createPseudonymizer(original.entries());
    expect(copy.tokenFor('cpf', '52998224725')).toBe('CPF_1');
    expect(copy.tokenFor('person_name', 'MARIA SILVA')).toBe('NOME_1');
    expect(copy.tokenFor('person_name', 'João Souza')).toBe(original.tokenFor('person_name', 'João Souza'));
    expect(copy.tokenFor('person_name', 'João Souza')).toBe('NOME_2');
  });

  it('absorbs the entries issued elsewhere, so later values continue the numbering', () => {
    const table = createPseudonymizer();
    table.tokenFor('cpf', '111.444.777-35');
    const remote = createPseudonymizer(table.entries());
    remote.tokenFor('cpf', '529.982.247-25');
    remote.tokenFor('email', 'a@b.com');
    table.absorb(remote.entries()); // known entries are accepted as they are
    expect(table.entries().map((e) => e.token)).toEqual(['CPF_1', 'CPF_2', 'EMAIL_1']);
    expect(table.tokenFor('cpf', '529.982.247-25')).toBe('CPF_2');
    expect(table.tokenFor('cpf', '390.533.447-05')).toBe('CPF_3');
  });

  it('refuses conflicting entries (same value, other token; same token, other value) and adds nothing', () => {
    const table = createPseudonymizer();
    table.tokenFor('cpf', '529.982.247-25');
    expect(() => table.absorb([{ type: 'cpf', key: '52998224725', token: 'CPF_9' }])).toThrow(SigiloError);
    expect(() => table.absorb([{ type: 'email', key: 'ab', token: 'EMAIL_1' }, { type: 'cpf', key: '11144477735', token: 'CPF_1' }])).toThrow(SigiloError);
    expect(() => table.absorb([{ type: 'cpf', key: 'x', token: 'CPF_2' }, { type: 'cpf', key: 'y', token: 'CPF_2' }])).toThrow(SigiloError);
    expect(table.entries()).toEqual([{ type: 'cpf', key: '52998224725', token: 'CPF_1' }]);
    expect(() => createPseudonymizer([{ type: 'cpf', key: 'a', token: 'CPF_1' }, { type: 'cpf', key: 'a', token: 'CPF_2' }])).toThrow(SigiloError);
  });
});
