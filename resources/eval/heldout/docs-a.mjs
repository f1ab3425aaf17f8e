// Held-out documents, part A (patient documents). Markup: [[type|text]] labels `text` (birth dates may add
// |iso); <<kind>> / <<kind:raw>> / <<kind:bad>> are replaced by generated identifiers (valid ones labelled,
// :bad look-alikes with a wrong check digit left unlabelled, since they must not be reported).
export default [
{ file: 'h01-whatsapp-enfermagem.txt', genre: 'chat', dataSubject: true, text: `[08/03/26 07:41] enf. [[n|carla]]: bom dia equipe
[08/03/26 07:42] enf. [[n|carla]]: leito 12 [[n|jose aparecido ferreira]] passou a noite agitado, fez [[med|haloperidol]] 5mg im as 3h
[08/03/26 07:45] tec. [[n|rodrigo]]: ele eh o do [[hc|delirium]] ne? filha dele ligou, dona [[n|marta]], pediu pra ligar no [[ph|(71) 99812-4410]]
[08/03/26 07:47] enf. [[n|carla]]: isso. cpf dele pra ficha de notificacao: <<cpf:raw>>
[08/03/26 07:50] dr [[n|henrique]]: suspender o [[med|diazepam]], manter [[med|quetiapina]] 25 a noite
[08/03/26 07:52] tec. [[n|rodrigo]]: ok doutor
` },
{ file: 'h02-whatsapp-familia.txt', genre: 'chat', dataSubject: true, text: `Conversa do WhatsApp com Mae

12/05/2026 19:02 - [[n|Luciana]]: mae o resultado do exame da vó saiu
12/05/2026 19:03 - [[n|Luciana]]: deu [[hc|diabetes]] e ta com a [[hc|pressao alta]] tbm
12/05/2026 19:05 - Mae: meu deus. o medico passou remedio?
12/05/2026 19:06 - [[n|Luciana]]: [[med|metformina]] 850 e [[med|losartana]]. vou comprar na farmacia popular, precisa do cpf dela <<cpf>> e o cartao do sus <<cns:fmt>>
12/05/2026 19:08 - Mae: ela mora ainda na [[addr|rua das acacias 45, jardim america, goiania]] ne
12/05/2026 19:09 - [[n|Luciana]]: sim. a vó nasceu em [[bd|14/02/1941]] ne? o posto pediu
12/05/2026 19:10 - Mae: isso
` },
{ file: 'h03-nota-enfermagem.txt', genre: 'evolucao', dataSubject: true, text: `EVOLUÇÃO DE ENFERMAGEM - CLÍNICA MÉDICA 2º ANDAR
Pct [[n|MARIA DE FÁTIMA SOUZA OLIVEIRA]], 67a, leito 208B, pront. [[mr|443190]]
07h: Pct consciente, orientada, comunicativa. SSVV: PA 150x90mmHg FC 88bpm FR 20irpm T 36,4ºC SpO2 94% AA. HGT 243 mg/dl, feito 4UI [[med|insulina regular]] cf prescrição.
Refere dor em MIE. Portadora de [[hc|HAS]], [[hc|DM2]] e [[hc|IRC]] em tto conservador. Em uso de [[med|enoxaparina]] 40mg SC 1x/d.
Curativo em [[hc|LPP]] sacral grau 2 realizado c/ SF 0,9% + [[med|sulfadiazina de prata]].
Diurese espontânea presente, evacuação ausente há 3 dias. Aceitou parcialmente dieta.
Enf. [[n|Patrícia Gomes Lacerda]] [[pid|COREN-BA 412.887]]
` },
{ file: 'h04-passagem-plantao.txt', genre: 'evolucao', dataSubject: true, text: `passagem de plantao UTI adulto noite 23/06

leito 1 - [[n|ANTONIO CARLOS BEZERRA]] 72a pos op de [[hc|revascularizacao do miocardio]] D2, em uso de [[med|noradrenalina]] 0,1 mcg/kg/min, [[med|amiodarona]] em BIC. dreno mediastinal debito 150ml
leito 2 - [[n|sra. Josefa Alves]] [[hc|sepse de foco pulmonar]], IOT, sedada com [[med|fentanil]] + [[med|midazolam]], [[med|meropenem]] D4
leito 3 - [[n|Kauã Ribeiro Santos]] 19a [[hc|TCE grave]] pos acidente de moto, PIC monitorizada, familia (pai [[n|Edvaldo]]) orientada no boletim das 16h
enf plantonista [[n|Renata M. Dias]] / medico plantonista dr. [[n|Otávio Lemos]] [[pid|CRM 52-88731]]
` },
{ file: 'h05-oficio-judicial.txt', genre: 'oficio', dataSubject: true, text: `PODER JUDICIÁRIO
TRIBUNAL DE JUSTIÇA DO ESTADO DE MINAS GERAIS
COMARCA DE CONTAGEM - 2ª VARA DE FAMÍLIA

OFÍCIO Nº 1877/2026 - PROCESSO Nº 5012334-61.2026.8.13.0079

AO DIRETOR CLÍNICO DO HOSPITAL MUNICIPAL DE CONTAGEM

SENHOR DIRETOR,

DE ORDEM DO MM. JUIZ DE DIREITO, SOLICITO A VOSSA SENHORIA O ENVIO, NO PRAZO DE 10 (DEZ) DIAS, DE CÓPIA INTEGRAL DO PRONTUÁRIO MÉDICO DE [[n|RAIMUNDO NONATO PEREIRA DA SILVA]], NASCIDO EM [[bd|22/09/1958]], CPF <<cpf>>, FILHO DE [[n|MARIA JOSÉ PEREIRA]], INTERNADO NESSA UNIDADE EM MARÇO DE 2026 COM DIAGNÓSTICO DE [[hc|ACIDENTE VASCULAR CEREBRAL HEMORRÁGICO]], PARA INSTRUIR AÇÃO DE CURATELA PROPOSTA POR [[n|SEBASTIÃO PEREIRA DA SILVA]].

RESPEITOSAMENTE,

[[n|ADRIANA COSTA VILELA]]
ESCRIVÃ JUDICIAL
` },
{ file: 'h06-ministerio-publico.txt', genre: 'oficio', dataSubject: true, text: `MINISTÉRIO PÚBLICO DO ESTADO DA BAHIA
PROMOTORIA DE JUSTIÇA DA INFÂNCIA E JUVENTUDE DE FEIRA DE SANTANA

OFÍCIO Nº 412/2026 - PJIJ
NOTÍCIA DE FATO Nº 003.9.145872/2026

AO CENTRO DE ATENÇÃO PSICOSSOCIAL INFANTOJUVENIL - CAPSI

REQUISITO, NOS TERMOS DO ART. 201 DO ECA, RELATÓRIO CIRCUNSTANCIADO SOBRE O ACOMPANHAMENTO DA CRIANÇA [[n|YASMIN VITÓRIA DOS SANTOS]], NASCIDA EM [[bd|03 DE ABRIL DE 2016|2016-04-03]], FILHA DE [[n|JOSELITA DOS SANTOS]], RESIDENTE NA [[addr|RUA BARÃO DE COTEGIPE, 88, BAIRRO KALILÂNDIA, FEIRA DE SANTANA/BA]], INFORMANDO DIAGNÓSTICO, ADESÃO AO TRATAMENTO E EVENTUAIS SINAIS DE [[hc|VIOLÊNCIA SEXUAL]] OU NEGLIGÊNCIA.

A CRIANÇA FOI DECLARADA DE COR [[race|PARDA]] NO CADASTRO ESCOLAR.

[[n|CLÁUDIA REGINA MOTA BRANDÃO]]
PROMOTORA DE JUSTIÇA
` },
{ file: 'h07-hemograma-sorologias.txt', genre: 'laudo', dataSubject: true, text: `LABORATÓRIO SÃO LUCAS ANÁLISES CLÍNICAS LTDA   CNPJ <<cnpj>>
[[addr|Rua Marechal Deodoro, 500 - Centro - Juiz de Fora/MG]]   Tel [[ph|(32) 3215-0000]]

Paciente.....: [[n|WELLINGTON DE SOUZA BARBOSA]]
Nascimento...: [[bd|30.07.1989]]      Idade: 36 anos   Sexo: Masc.
Médico.......: Dr(a). [[n|Fabiana Tostes]]   [[pid|CRM/MG 40221]]
Convênio.....: UNIMED   Carteira: 0 032 458812004127 1
Nº Atendimento: 26-0098412          Coleta: 14/05/2026 07:32

HEMOGRAMA COMPLETO
Hemácias ........ 4,21 milhões/mm3   (4,50 a 5,90)
Hemoglobina ..... 12,1 g/dL          (13,5 a 17,5)
Leucócitos ...... 3.200 /mm3         (4.000 a 11.000)
Plaquetas ....... 98.000 /mm3        (150.000 a 450.000)

[[hc|ANTI-HIV 1/2]] (4ª GERAÇÃO): REAGENTE
[[hc|HBsAg]]: NÃO REAGENTE
[[hc|VDRL]]: REAGENTE 1/32

Resultado liberado por: [[n|Dra. Gisele Amaral Couto]] - [[pid|CRF-MG 18.332]]
` },
{ file: 'h08-laudo-genetico.txt', genre: 'laudo', dataSubject: true, text: `Laboratório de Genética Molecular - Relatório de Sequenciamento

Probando: [[n|Helena Cristina Matos Furtado]]   DN: [[bd|11/11/1979]]
Solicitante: Dr. [[n|Marcelo Tavares]] ([[pid|CRM-SP 118877]])
Indicação clínica: [[hc|câncer de ovário]] aos 44 anos; mãe com [[hc|câncer de mama]] aos 50.

Metodologia: painel NGS de 30 genes de predisposição hereditária ao câncer.

Resultado: detectada [[gen|variante patogênica c.5266dupC (p.Gln1756Profs*74) no gene BRCA1]], em heterozigose.
Não foram detectadas variantes em [[gen|TP53]], [[gen|PALB2]] ou genes de reparo de mau pareamento.

Interpretação: o resultado confirma [[hc|síndrome de câncer de mama e ovário hereditários]]. Recomenda-se aconselhamento genético e teste em cascata para familiares de primeiro grau.
` },
{ file: 'h09-sumario-alta.txt', genre: 'alta', dataSubject: true, text: `Sumário de Alta

Identificação: [[n|Francisco das Chagas Lima]], masculino, 58 anos, natural de Teresina-PI, agricultor, [[rel|católico]].
Registro hospitalar [[mr|2026-004512]]. Data de internação 02/04/2026, data de alta 15/04/2026.

História: paciente [[hc|etilista]] ([[hc|etilismo crônico]]), admitido com [[hc|hemorragia digestiva alta]] secundária a [[hc|varizes esofágicas]]. Submetido a [[hc|ligadura elástica]] por via endoscópica.

Diagnósticos na alta: [[hc|cirrose hepática alcoólica]] Child B ([[cid|K70.3]]); [[hc|varizes esofágicas com sangramento]] ([[cid|I85.0]]).

Medicações de uso domiciliar: [[med|propranolol]] 40 mg 12/12h, [[med|espironolactona]] 100 mg/dia, [[med|lactulose]] 20 mL 8/8h.

Acompanhante: esposa [[n|Maria do Socorro Lima]], fone [[ph|86 99933-1207]].

[[n|Lucas Mendonça Rocha]]
Médico residente - [[pid|CRM-PI 9812]]
` },
{ file: 'h10-alta-sem-pontuacao.txt', genre: 'alta', dataSubject: true, text: `RESUMO DE ALTA
PACIENTE [[n|GERALDO MAGELA CUNHA]] NASC [[bd|05/01/1950]] PRONTUARIO [[mr|778120]]
MOTIVO DA INTERNACAO [[hc|PNEUMONIA ADQUIRIDA NA COMUNIDADE]] [[cid|J18.9]] EM PACIENTE COM [[hc|DPOC]] [[cid|J44.1]]
EVOLUCAO BOA RESPOSTA A [[med|CEFTRIAXONA]] E [[med|CLARITROMICINA]] RECEBEU [[med|PREDNISONA]] 40MG POR 5 DIAS
ALTA EM USO DE [[med|FORMOTEROL]] MAIS [[med|BUDESONIDA]] INALATORIO E [[med|TIOTROPIO]]
RETORNO NO AMBULATORIO DE PNEUMOLOGIA EM 30 DIAS
DR [[n|JULIO CESAR VASCONCELOS]] [[pid|CRM 61234 RJ]]
` },
{ file: 'h11-relatorio-capsi.txt', genre: 'relatorio', dataSubject: true, text: `CENTRO DE ATENÇÃO PSICOSSOCIAL INFANTOJUVENIL - CAPSi "Pequeno Príncipe"

RELATÓRIO MULTIPROFISSIONAL

Criança: [[n|Pedro Henrique Almeida Cruz]]
Data de nascimento: [[bd|17 de agosto de 2018|2018-08-17]] (7 anos)
Responsáveis: [[n|Daniela Almeida]] (mãe) e [[n|Roberto Cruz]] (pai)
Cartão SUS: <<cns:fmt>>

[[n|Pedro]] é acompanhado neste serviço desde 2022 com diagnóstico de [[hc|Transtorno do Espectro Autista]] nível 2 de suporte ([[cid|F84.0]]) e [[hc|Transtorno de Déficit de Atenção e Hiperatividade]] ([[cid|F90.0]]). Apresenta [[hc|atraso de linguagem]] e seletividade alimentar importante.

Faz uso de [[med|risperidona]] 0,5 mg à noite e [[med|metilfenidato]] 10 mg pela manhã, prescritos pela psiquiatra infantil Dra. [[n|Sônia Ferraz]].

A família refere que a criança frequenta culto [[rel|evangélico]] com a avó e que há conflitos entre os genitores quanto ao tratamento.

[[n|Tatiana Lopes]] - Psicóloga - [[pid|CRP 03/14552]]
[[n|Bruno Sales]] - Terapeuta Ocupacional - [[pid|CREFITO-7 221890-TO]]
` },
{ file: 'h12-relatorio-escolar.txt', genre: 'relatorio', dataSubject: true, text: `Escola Municipal Professora Anita Garibaldi
Relatório de acompanhamento pedagógico - 2º bimestre

Aluna: [[n|Ana Beatriz Nunes]]   Turma: 3º ano B
Nascida em [[bd|9 de dezembro de 2017|2017-12-09]]

A aluna tem laudo de [[hc|epilepsia]] e usa [[med|ácido valproico]] ([[med|Depakene]]) diariamente; teve duas crises na escola neste bimestre, atendidas conforme orientação do neurologista. Também tem [[hc|dislexia]] e recebe atendimento na sala de recursos.

A mãe, sra. [[n|Rosângela Nunes]], pediu que a escola comunique qualquer crise pelo telefone [[ph|(19) 98140-2231]].

Professora regente: [[n|Kátia Moraes]]
Coordenação pedagógica: [[n|Elaine Cristina Prado]]
` },
{ file: 'h13-relatorio-social.txt', genre: 'relatorio', dataSubject: true, text: `SERVIÇO SOCIAL - HOSPITAL REGIONAL DO GAMA
RELATÓRIO SOCIAL

Usuária: [[n|Jaqueline Ferreira de Sousa]], 34 anos, autodeclarada [[race|preta]], [[rel|adepta do candomblé]], beneficiária do Bolsa Família (NIS <<pis:fmt>>).
Endereço: [[addr|Quadra 12 Conjunto F Casa 7, Setor Leste, Gama - DF]], CEP [[cep|72460-120]].

Encontra-se internada em razão de [[hc|tuberculose pulmonar]], em tratamento com [[med|rifampicina]], [[med|isoniazida]], [[med|pirazinamida]] e [[med|etambutol]]. Refere ter sido vítima de [[hc|violência doméstica]] pelo ex-companheiro. Possui três filhos menores, atualmente sob cuidados da avó materna, sra. [[n|Benedita Ferreira]].

Realizados contatos com o CRAS e o Conselho Tutelar.

[[n|Mariana Peixoto]] - Assistente Social - [[pid|CRESS-DF 7765]]
` },
{ file: 'h14-autorizacao-convenio.txt', genre: 'autorizacao', dataSubject: true, text: `GUIA DE SOLICITAÇÃO DE INTERNAÇÃO / AUTORIZAÇÃO PRÉVIA
Operadora: Saúde Mais Planos S.A. - Registro ANS 41.887-6
Beneficiário: [[n|Rafael Augusto Lins]]   Carteirinha: 8899 0012 4455 7781
Data de nasc.: [[bd|02/02/1984]]   CPF: <<cpf>>
Prestador: Hospital Santa Mônica - CNPJ <<cnpj>>
Profissional solicitante: [[n|Dr. Caio Brandão]] - [[pid|CRM/PE 23901]]
Indicação clínica: [[hc|colelitíase sintomática]] com episódios de [[hc|cólica biliar]] de repetição.
CID principal: [[cid|K80.2]]
Procedimento solicitado: 31005497 - [[hc|colecistectomia por videolaparoscopia]]
Regime: internação eletiva, 1 diária.
Status: AUTORIZADA - senha 554812237
` },
{ file: 'h15-encaminhamento-ubs.txt', genre: 'encaminhamento', dataSubject: true, text: `UBS Vila Nova Esperança - Ficha de Referência

Para: Ambulatório de Endocrinologia
Usuário: [[n|Cícero Batista]]  CNS <<cns:raw>>
Idade: 45 anos

Motivo: paciente com [[hc|hipotireoidismo]] de difícil controle apesar de [[med|levotiroxina]] 150 mcg, TSH 18. Também [[hc|obesidade]] (IMC 41) e [[hc|apneia do sono]]. Solicito avaliação.

Ass. Enf.ª [[n|Luana Rezende]] / Dr. [[n|Paulo Sérgio Amorim]] - médico de família

Contrarreferência: favor devolver para a equipe Verde desta UBS.
` },
{ file: 'h16-declaracao-obito.txt', genre: 'obito', dataSubject: true, text: `DECLARAÇÃO DE ÓBITO Nº 3-45118790-2

I - IDENTIFICAÇÃO
Nome do falecido: [[n|Severino Ramos da Costa]]
Nome do pai: [[n|João Ramos da Costa]]   Nome da mãe: [[n|Maria Luiza da Costa]]
Data de nascimento: [[bd|19/03/1944]]   Idade: 82 anos   Sexo: M
Raça/cor: [[race|branca]]   Estado civil: viúvo
Naturalidade: Caruaru/PE
Residência: [[addr|Rua do Sol, 102, Boa Vista, Recife - PE]]

II - CONDIÇÕES E CAUSAS DO ÓBITO
Parte I
a) [[hc|choque cardiogênico]]  - horas
b) [[hc|infarto agudo do miocárdio]] - 2 dias
c) [[hc|doença arterial coronariana]] - anos
Parte II: [[hc|diabetes mellitus tipo 2]]; [[hc|doença renal crônica]]

Médico atestante: [[n|Ricardo Fonseca Guedes]]   [[pid|CRM 15533/PE]]
` },
{ file: 'h17-cartao-vacina.txt', genre: 'vacina', dataSubject: true, text: `CADERNETA DE VACINAÇÃO - CRIANÇA
Nome: [[n|Lorena Beatriz Vieira Castro]]
Data nasc.: [[bd|28/06/2025]]   Sexo: F
Mãe: [[n|Thaís Vieira Castro]]
CNS: <<cns:fmt>>
Endereço: [[addr|Av. Getúlio Vargas 2210 ap 504 - Bela Vista - Campo Grande/MS]]

BCG ......................... dose única   28/06/2025   lote 240118   vac. [[n|Ivone]]
Hepatite B .................. 1ª dose     28/06/2025   lote HB2291
Pentavalente ................ 1ª dose     30/08/2025
VIP ......................... 1ª dose     30/08/2025
Rotavírus ................... 1ª dose     30/08/2025
Pneumocócica 10 ............. 1ª dose     30/08/2025   vac. [[n|Jéssica Moura]]

Observação: criança nascida [[hc|prematura]] (34 semanas); [[hc|cardiopatia congênita]] em acompanhamento.
` },
{ file: 'h18-email-clinica.txt', genre: 'email', dataSubject: true, text: `De: Recepção Clínica Viver Bem <[[em|recepcao@clinicaviverbem.com.br]]>
Para: [[n|Dra. Fernanda Queiroz]] <[[em|fernanda.queiroz@clinicaviverbem.com.br]]>
Assunto: remarcação - paciente [[n|Gustavo Henrique Tavares]]

Dra. [[n|Fernanda]], boa tarde.

O paciente [[n|Gustavo Henrique Tavares]] (prontuário nº [[mr|10288]]) pediu para remarcar a sessão de quinta. Ele disse que está em crise por causa do [[hc|transtorno de pânico]] e que parou o [[med|clonazepam]] por conta própria. Pediu retorno no celular [[ph|(11) 97654-3321]] ou no e-mail [[em|gustavo.htavares@gmail.com]].

Att.,
[[n|Simone]]
Recepção
` },
{ file: 'h19-email-paciente.txt', genre: 'email', dataSubject: true, text: `from: [[em|neide.c.macedo@yahoo.com.br]]
to: [[em|ouvidoria@hospitalbomjesus.org.br]]
subject: reclamacao atendimento pronto socorro

prezados, meu nome e [[n|neide conceicao macedo]], cpf <<cpf>>. no dia 03/02 levei meu marido [[n|osvaldo macedo]] ao ps com [[hc|dor no peito]], ele e [[hc|hipertenso]] e [[hc|diabetico]] e toma [[med|glibenclamida]]. esperamos 6 horas e so depois descobriram que era [[hc|infarto]]. quero uma resposta formal.
meu endereco [[addr|av. sete de setembro 1200 apto 32, centro, salvador/ba]] cep [[cep|40060-001]]
tel [[ph|71 3322 4567]]
` },
{ file: 'h20-planilha-tsv.txt', genre: 'planilha', dataSubject: true, text: `PACIENTE\tDT NASC\tDOCUMENTO\tCONTATO\tHIPOTESE DIAGNOSTICA\tCOD
[[n|ELIANE PRADO GUSMAO]]\t[[bd|12/10/1971]]\t<<cpf>>\t[[ph|(62) 98122-0091]]\t[[hc|LUPUS ERITEMATOSO SISTEMICO]]\t[[cid|M32.1]]
[[n|NILSON FREITAS]]\t[[bd|03/03/1966]]\t<<cpf:raw>>\t[[ph|62981330045]]\t[[hc|GOTA]]\t[[cid|M10.0]]
[[n|KARINA ROCHA LEAL]]\t[[bd|25/12/1990]]\t<<cpf>>\t[[ph|(62) 3241-7788]]\t[[hc|ENDOMETRIOSE]]\t[[cid|N80.9]]
[[n|VALDIR DOS REIS]]\t[[bd|07/07/1949]]\t<<cpf:bad>>\t[[ph|(62) 99655-1020]]\t[[hc|HIPERPLASIA PROSTATICA BENIGNA]]\t[[cid|N40]]
` },
{ file: 'h21-planilha-csv-minusculas.txt', genre: 'planilha', dataSubject: true, text: `usuario,nascimento,sus,fone,agravo,medicamento_em_uso
[[n|joana d'arc silveira]],[[bd|19.04.1982]],<<cns:raw>>,[[ph|(51) 99201-3344]],[[hc|hanseniase]],[[med|dapsona]]
[[n|marcos vinicius pires]],[[bd|02.11.1995]],<<cns:raw>>,[[ph|(51) 98450-7711]],[[hc|sifilis adquirida]],[[med|penicilina benzatina]]
[[n|tereza cristina moura]],[[bd|30.08.1960]],<<cns:raw>>,[[ph|(51) 3312-8890]],[[hc|leishmaniose]],[[med|antimoniato de meglumina]]
` },
];
