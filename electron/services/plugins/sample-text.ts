/** A made-up Portuguese clinical note with one of each common kind of data, for `sigilo plugin test` and health checks. */
export const SAMPLE_TEXT = [
  'HOSPITAL SANTA CLARA — EVOLUÇÃO CLÍNICA',
  'Paciente: Maria Aparecida dos Santos   Prontuário: 0048213-7',
  'CPF: 529.982.247-25   CNS: 898 0012 3456 7890   Data de nascimento: 14/03/1961',
  'Endereço: Rua das Acácias, 145, apto 32, Vila Mariana, São Paulo - SP, CEP 04117-040',
  'Telefone: (11) 98765-4321   E-mail: maria.santos@example.com.br',
  'Amostra do laboratório: AMOSTRA-2026-000123 (coleta em 02/02/2026).',
  'Diagnóstico: diabetes mellitus tipo 2 (CID-10 E11.9) e hipertensão arterial sistêmica (I10).',
  'Em uso de metformina 850 mg 2x/dia e losartana 50 mg/dia. Sorologia para HIV não reagente.',
  'Declara-se parda, católica. Médico responsável: Dr. João Pereira Lima, CRM-SP 123456.',
].join('\n');
