// Held-out documents, part C: written AFTER the detector changes of 2026-11 and scored once without tuning
// ("blind" subset, files hc*), to measure generalisation without the bias of fixes made while looking at parts A/B.
export default [
{ file: 'hc01-chat-agendamento.txt', genre: 'chat', dataSubject: true, text: `[10:14, 02/06/2026] Recepção Clínica Girassol: Olá! Confirmando consulta de amanhã 9h com a dra [[n|Renata Pimentel]] (endocrino)
[10:20, 02/06/2026] [[n|Vanessa Albuquerque]]: oi bom dia, confirmo sim. vou levar os exames da tireoide
[10:21, 02/06/2026] [[n|Vanessa Albuquerque]]: ela pediu pra eu trazer a lista dos remedios: [[med|puran t4]] 75, [[med|vitamina d]] e [[med|anticoncepcional]]
[10:22, 02/06/2026] Recepção Clínica Girassol: Perfeito. Pode me passar seu cpf pra atualizar o cadastro?
[10:25, 02/06/2026] [[n|Vanessa Albuquerque]]: <<cpf>>
[10:25, 02/06/2026] [[n|Vanessa Albuquerque]]: meu email novo e [[em|vanessa.alb@outlook.com]]
` },
{ file: 'hc02-evolucao-medica-soap.txt', genre: 'evolucao', dataSubject: true, text: `EVOLUÇÃO - ENFERMARIA DE CLÍNICA MÉDICA - 14/07/2026
Nome: [[n|Adalberto Nogueira Campos]]   Reg.: [[mr|0098123]]
#1 [[hc|Insuficiência cardíaca]] descompensada (perfil B)
#2 [[hc|Fibrilação atrial]] de alta resposta
#3 [[hc|Doença renal crônica]] estágio 3b
S: refere melhora da dispneia, dormiu com 2 travesseiros.
O: MV+ com crepitações em bases, edema ++/4+ MMII. PA 128x76, FC 92 irregular.
A/P: manter [[med|furosemida]] 40 mg EV 12/12h, [[med|bisoprolol]] 2,5 mg, [[med|apixabana]] 5 mg 12/12h. Solicito ecocardiograma.
[[n|Dr. Henrique Paes Leme]] - [[pid|CRM-SP 201345]]
` },
{ file: 'hc03-oficio-defensoria.txt', genre: 'oficio', dataSubject: true, text: `DEFENSORIA PÚBLICA DO ESTADO DO RIO DE JANEIRO
NÚCLEO DE DEFESA DA SAÚDE

OFÍCIO DPGE/NUDESA Nº 2231/2026

SOLICITAMOS INFORMAÇÕES SOBRE A DISPONIBILIZAÇÃO DO MEDICAMENTO [[med|NUSINERSENA]] AO ASSISTIDO [[n|LUCAS GABRIEL MOREIRA]], NASCIDO EM [[bd|14/01/2020]], PORTADOR DE [[hc|ATROFIA MUSCULAR ESPINHAL TIPO 2]] ([[cid|G12.1]]), CARTÃO SUS <<cns:fmt>>, REPRESENTADO POR SUA GENITORA [[n|PRISCILA MOREIRA DA ROCHA]], TELEFONE [[ph|(21) 98877-6655]].

[[n|MARCELO AUGUSTO TEIXEIRA]]
DEFENSOR PÚBLICO
` },
{ file: 'hc04-laudo-anatomopatologico.txt', genre: 'laudo', dataSubject: true, text: `LAUDO ANATOMOPATOLÓGICO Nº AP-26-004411
Paciente: [[n|Cláudia Regina Fontes]]      Idade: 52 anos      Sexo: F
Material: [[hc|biópsia de mama esquerda]] (core biopsy)
Diagnóstico: [[hc|carcinoma ductal invasivo]], grau histológico 2. Receptores hormonais positivos.
Pesquisa de HER2 por imuno-histoquímica: escore 3+.
Patologista: [[n|Dr. Roberto Kenji Hayashi]] [[pid|CRM-PR 19877]]
` },
{ file: 'hc05-relatorio-caps-ad.txt', genre: 'relatorio', dataSubject: true, text: `CAPS AD III - RELATÓRIO DE ACOMPANHAMENTO

Usuário: [[n|Everton Luís da Silva]], 41 anos, autodeclarado [[race|pardo]], em situação de rua.
Motivo do acompanhamento: [[hc|dependência de crack]] e [[hc|uso nocivo de álcool]], com [[hc|tuberculose]] em tratamento supervisionado.
Faz uso de [[med|diazepam]] 10 mg à noite e [[med|topiramato]] 50 mg. Relata ser [[rel|umbandista]] e frequentar terreiro aos sábados.
Referência técnica: [[n|Joana Prates]] (enfermeira) - [[pid|COREN-PE 334221]]
` },
{ file: 'hc06-receita-simples-caixa-alta.txt', genre: 'receita', dataSubject: true, text: `RECEITUARIO SIMPLES
PACIENTE: [[n|TEREZINHA DE JESUS ARAUJO]]
USO ORAL
1- [[med|AMOXICILINA]] 500MG + [[med|CLAVULANATO]] 125MG ... 21 COMP
TOMAR 1 COMP DE 8/8H POR 7 DIAS
2- [[med|IBUPROFENO]] 600MG ... 10 COMP
TOMAR SE DOR
DR. [[n|FELIPE GUSMAO]] [[pid|CRM-AL 6654]]
` },
{ file: 'hc07-planilha-vacinacao.txt', genre: 'planilha', dataSubject: true, text: `Nome Completo;Data Nasc.;CNS;Vacina aplicada;Comorbidade
[[n|Antônia Pereira Lopes]];[[bd|03/05/1938]];<<cns:raw>>;Influenza;[[hc|DPOC]]
[[n|Benedito Souza Filho]];[[bd|22/10/1945]];<<cns:raw>>;Covid-19 reforço;[[hc|insuficiência renal crônica]]
[[n|Carmelita dos Santos]];[[bd|17/08/1950]];<<cns:raw>>;Pneumocócica 23;[[hc|diabetes]]
` },
{ file: 'hc08-email-rh.txt', genre: 'email', dataSubject: true, text: `Assunto: atestado - afastamento
De: [[n|Patrícia Lemos]] <[[em|patricia.lemos@empresaxyz.com.br]]>

Oi [[n|Marcos]], tudo bem?

Segue o atestado do colaborador [[n|Diego Fernandes Rocha]] (CPF <<cpf>>), afastado por 15 dias. O CID informado é [[cid|F41.1]] ([[hc|ansiedade generalizada]]). Ele pediu sigilo sobre o diagnóstico.

Abs,
[[n|Patrícia]]
` },
{ file: 'hc09-ocr-atestado.txt', genre: 'atestado', dataSubject: true, text: `ATESTAD0 MÉDlC0

Atest0 que [[n|Fabiana Cristina Rocha]], p0rtad0ra d0 RG [[rg|12.345.678-9]],
necessita de afastament0 p0r 5 (cinc0) dias a partir desta data
p0r m0tiv0 de [[hc|c0njuntivite]].
ClD: [[cid|H10.9]]

Dr. [[n|Mauríci0 Lemes]]
[[pid|CRM/PR 23345]]
` },
{ file: 'hc10-sumario-obstetrico.txt', genre: 'alta', dataSubject: true, text: `Sumário de alta obstétrica
Puérpera: [[n|Gabriela dos Santos Ribeiro]], 24 anos, G2P2, [[hc|parto cesáreo]] em 03/09/2026 por [[hc|pré-eclâmpsia grave]].
RN: [[n|Heitor]], sexo masculino, 3.120 g, Apgar 8/9, nascido em [[bd|03/09/2026]].
Medicações na alta: [[med|nifedipino]] 20 mg 12/12h, [[med|sulfato ferroso]], [[med|dipirona]] se dor.
Orientada sobre sinais de alarme. Retorno na UBS em 7 dias.
Endereço de contato: [[addr|Rua Itapeva, 77, bloco B, apto 12 - Bela Vista - São Paulo/SP]]
` },
{ file: 'hc11-notificacao-compulsoria.txt', genre: 'notificacao', dataSubject: true, text: `FICHA DE NOTIFICAÇÃO - SINAN
Agravo: [[hc|VIOLÊNCIA INTERPESSOAL/AUTOPROVOCADA]]
Nome: [[n|Larissa Beatriz Costa]]   Data de nascimento: [[bd|30/01/2011]]   Idade: 15 anos
Raça/cor: [[race|Preta]]   Escolaridade: ensino fundamental incompleto
Nome da mãe: [[n|Rosana Costa]]
Tipo: [[hc|violência sexual]]; provável autor: padrasto
Orientação sexual da vítima: [[sex|heterossexual]]
Notificador: [[n|Viviane Moraes]], assistente social
` },
{ file: 'hc12-nota-tecnica.txt', genre: 'protocolo', dataSubject: false, text: `NOTA TÉCNICA Nº 08/2026 - ASSISTÊNCIA FARMACÊUTICA

Assunto: substituição temporária da insulina NPH por insulina glargina em pacientes com diabetes tipo 1 durante o desabastecimento.
Pacientes em uso de metformina ou glibenclamida não são afetados. Casos de hipoglicemia devem ser notificados à farmacovigilância.
Dúvidas: [[em|farmacia.central@saude.exemplo.gov.br]]
Elaborada por: farmacêutico [[n|Rodrigo Assis Pontes]] - [[pid|CRF-MG 22190]]
` },
{ file: 'hc13-carta-paciente-minusculas.txt', genre: 'carta', dataSubject: true, text: `oi dra. [[n|simone]], aqui e a [[n|rosa maria]] filha do seu [[n|joaquim]]
so pra avisar que o pai voltou a tomar o [[med|rivotril]] e a [[med|sertralina]] mas ta esquecendo muito as coisas, acho que o [[hc|alzheimer]] ta piorando
o telefone novo dele e [[ph|(31) 99654-1122]] e ele mudou pra [[addr|rua padre eustaquio 1450, carlos prates, belo horizonte]]
obrigada
` },
{ file: 'hc14-fatura-lookalikes.txt', genre: 'fatura', dataSubject: false, text: `FATURA HOSPITALAR CONSOLIDADA - COMPETÊNCIA 05/2026
Conta nº 00412.558.901-22   Guia 3312249981
Lote de faturamento 2026/0514   Código do prestador 0004412
Itens: diárias de enfermaria (45), taxa de sala cirúrgica (12), materiais descartáveis (1.204)
Total geral: R$ 184.552,10
Vencimento: 10/06/2026   Linha digitável: 23793.38128 60000.000003 00000.000400 1 84340000018455
Contato do setor de faturamento: 0800 600 1200
` },
];
