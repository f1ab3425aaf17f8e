// Held-out documents, part D: written after the second round of detector changes and only ever scored in
// aggregate (files hd*): the least biased estimate of how the detectors do on unseen documents.
export default [
{ file: 'hd01-ficha-triagem.txt', genre: 'triagem', dataSubject: true, text: `ACOLHIMENTO COM CLASSIFICAÇÃO DE RISCO - PA CENTRAL
Nome: [[n|Wagner Luiz Prestes]]   DN: [[bd|09/09/1969]]   Sexo: M
Cartão SUS: <<cns:fmt>>
Queixa principal: [[hc|cefaleia]] intensa há 2 dias, vômitos.
Comorbidades: [[hc|HAS]], [[hc|tabagismo]]. Medicações em uso: [[med|captopril]] 25 mg 2x/dia.
Classificação: LARANJA. Enf. [[n|Silvana Torres]] [[pid|COREN-SC 412339]]
` },
{ file: 'hd02-whatsapp-grupo-familia.txt', genre: 'chat', dataSubject: true, text: `[19:02] tia [[n|cida]]: gente a [[n|bruna]] ganhou o bebe!! nasceu hoje [[bd|12/03/2026]] as 15h, menina, 3kg
[19:03] [[n|paulo]]: que benção!! e a [[n|bruna]] ta bem?
[19:05] tia [[n|cida]]: ta sim, fez cesarea pq deu [[hc|pressao alta]] no final. ta tomando [[med|metildopa]] ainda
[19:06] [[n|paulo]]: manda o endereço do hospital que a gente vai visitar
[19:07] tia [[n|cida]]: maternidade santa ines, quarto 212
` },
{ file: 'hd03-laudo-ultrassom.txt', genre: 'laudo', dataSubject: true, text: `ULTRASSONOGRAFIA DE ABDOME TOTAL
Paciente: [[n|MARLENE APARECIDA CORREIA]]      Idade: 61 anos
Solicitante: Dr. [[n|Caio Menezes]]
Fígado de dimensões aumentadas, ecotextura difusamente heterogênea, compatível com [[hc|esteatose hepática]] grau II.
Vesícula biliar com múltiplos cálculos móveis ([[hc|colelitíase]]).
Rins tópicos, sem sinais de [[hc|hidronefrose]].
Médico ultrassonografista: [[n|Dra. Laís Fonseca Amaral]] - [[pid|CRM-BA 27781]]
` },
{ file: 'hd04-oficio-conselho-tutelar.txt', genre: 'oficio', dataSubject: true, text: `CONSELHO TUTELAR DA REGIÃO NORTE - PORTO VELHO/RO
OFÍCIO Nº 098/2026

ENCAMINHAMOS A CRIANÇA [[n|KAIQUE SOARES DE LIMA]], 6 ANOS, NASCIDO EM [[bd|21/02/2020]], FILHO DE [[n|ADRIANA SOARES]], RESIDENTE À [[addr|RUA JOSÉ BONIFÁCIO, 1300, BAIRRO OLARIA, PORTO VELHO/RO]], PARA AVALIAÇÃO PSICOLÓGICA EM RAZÃO DE SUSPEITA DE [[hc|MAUS-TRATOS]].

A GENITORA DECLAROU-SE [[rel|EVANGÉLICA]] E INFORMOU QUE A CRIANÇA FAZ USO DE [[med|CARBAMAZEPINA]] PARA [[hc|EPILEPSIA]].

[[n|JOSÉ RIBAMAR FARIAS]]
CONSELHEIRO TUTELAR
` },
{ file: 'hd05-prescricao-uti.txt', genre: 'receita', dataSubject: true, text: `PRESCRIÇÃO MÉDICA - UTI NEONATAL
RN de [[n|Amanda Cristina Lopes]]   Leito 04   Peso 1.480 g   IG 31 sem
1. Leite materno ordenhado 8 mL 3/3h por SOG
2. [[med|Ampicilina]] 75 mg EV 12/12h (D3)
3. [[med|Gentamicina]] 6 mg EV 1x/dia (D3)
4. [[med|Cafeína]] 7,5 mg VO 1x/dia
5. Fototerapia contínua - [[hc|icterícia neonatal]]
Dra. [[n|Yara Nakamura]] - [[pid|CRM-RS 40112]]
` },
{ file: 'hd06-relatorio-psiquiatrico.txt', genre: 'relatorio', dataSubject: true, text: `Relatório psiquiátrico para perícia do INSS

Declaro que [[n|Rogério Antunes Maia]], CPF <<cpf>>, está em acompanhamento neste ambulatório desde 2023 por [[hc|transtorno afetivo bipolar]], episódio atual [[hc|depressivo grave]] com sintomas psicóticos ([[cid|F31.5]]). Apresentou duas internações psiquiátricas no último ano após [[hc|tentativa de suicídio]].
Em uso de [[med|lítio]] 900 mg/dia, [[med|olanzapina]] 10 mg e [[med|lamotrigina]] 100 mg.
Sem condições de exercer atividade laboral no momento.

[[n|Dr. Afonso Brito]] - Psiquiatra - [[pid|CRM-DF 15502]] / RQE 9821
` },
{ file: 'hd07-planilha-pacientes-dialise.txt', genre: 'planilha', dataSubject: true, text: `Paciente|Nascimento|Telefone|Etiologia|Acesso
[[n|Osvaldo Ribeiro Neto]]|[[bd|11/04/1957]]|[[ph|(27) 99812-3321]]|[[hc|nefropatia diabética]]|FAV braço esq
[[n|Luzia Helena Batista]]|[[bd|02/12/1963]]|[[ph|(27) 3344-1290]]|[[hc|glomerulonefrite crônica]]|cateter permcath
[[n|Jorge Miguel Assunção]]|[[bd|29/06/1971]]|[[ph|(27) 98120-4477]]|[[hc|rins policísticos]]|FAV braço dir
` },
{ file: 'hd08-email-laboratorio.txt', genre: 'email', dataSubject: true, text: `Prezada [[n|Sra. Helena Vasconcelos]],

Informamos que o resultado do seu exame de [[hc|carga viral para hepatite C]] (pedido 2026-88412) está disponível no portal. Por se tratar de resultado que exige orientação médica, pedimos que agende retorno com o Dr. [[n|Fábio Tavares]].

Qualquer dúvida, responda este e-mail ou ligue [[ph|(61) 3323-4400]].
Laboratório Central - atendimento@labcentral.exemplo.com.br
` },
{ file: 'hd09-ocr-receituario-controle.txt', genre: 'receita', dataSubject: true, text: `RECElTUÁRl0 DE C0NTR0LE ESPEClAL
ldentificação d0 emitente: Dr. [[n|Gustav0 Rangel]] [[pid|CRM-ES 9981]]
Paciente: [[n|Neuza Maria Pires]]
Endereç0: [[addr|Av. Jer0nim0 M0nteir0, 400 - Centr0 - Vit0ria/ES]]
Prescriçã0:
[[med|CL0NAZEPAM]] 2mg ----- 60 c0mprimid0s
Uso: 1 cp à n0ite
` },
{ file: 'hd10-manual-procedimentos.txt', genre: 'protocolo', dataSubject: false, text: `MANUAL DE PROCEDIMENTOS DE ENFERMAGEM - CURATIVOS

1. Lesão por pressão estágio 1 e 2: limpar com soro fisiológico 0,9%, aplicar hidrocoloide ou AGE.
2. Feridas infectadas: avaliar coleta de cultura; considerar sulfadiazina de prata 1%.
3. Pé diabético: avaliação vascular antes do desbridamento; controle glicêmico rigoroso.
4. Pacientes com alergia a látex: utilizar luvas de nitrilo.
Revisado pela enfermeira [[n|Cecília Ramos Duarte]] ([[pid|COREN-GO 118220]]) em 02/2026.
` },
];
