// Held-out documents, part B (forms, OCR, other professions, no-subject documents). Same markup as part A.
export default [
{ file: 'h22-tcle-preenchido.txt', genre: 'termo', dataSubject: true, text: `TERMO DE CONSENTIMENTO INFORMADO PARA TRANSFUSÃO DE SANGUE E HEMOCOMPONENTES

Eu, [[n|Jurandir Gonçalves Pacheco]], RG nº [[rg|3.412.558]] SSP/GO, abaixo assinado, na qualidade de paciente, declaro que recebi do(a) médico(a) [[n|Letícia Barreto Sampaio]], [[pid|CRM-GO 20114]], informações claras sobre a necessidade de [[hc|transfusão de concentrado de hemácias]] em razão de [[hc|anemia grave]] decorrente de [[hc|leucemia mieloide aguda]], em tratamento com [[hc|quimioterapia]].

Declaro ser adepto da [[rel|Igreja Adventista do Sétimo Dia]] e que, após os esclarecimentos, CONSINTO com o procedimento.

Goiânia, ____ de ____________ de 2026.

Assinatura: __________________________
Testemunha: [[n|Wanderley Pacheco]] (filho) - telefone [[ph|62 9 8877-1234]]
` },
{ file: 'h23-ocr-laudo.txt', genre: 'laudo', dataSubject: true, text: `H0SPITAL SANTA CASA DE MlSERICÓRDIA DE P0RT0 ALEGRE
SERVlÇO DE RADl0L0GIA

Paciente: [[n|CARL0S EDUARD0 P1NHEIR0]]          Data nasc: [[bd|14/08/1963]]
Pront.: [[mr|OO45821]]    Exame: TC DE CRÂNl0 SEM C0NTRASTE

Laudo:
Área hipodensa córtico-subcortical em território da artéria cerebral
média esquerda, compatível com [[hc|isquemia
recente]]. Sinais de [[hc|microangiopatia]] crônica. Ausência de efeit0
de massa.

lmpressão: [[hc|AVC isquêmico]] agud0 em território de ACM esquerda.

Dr. [[n|Fábio Rangel Duarte]] - [[pid|CRM 21334]]
` },
{ file: 'h24-ocr-ficha.txt', genre: 'cadastro', dataSubject: true, text: `FlCHA DE ATENDlMENT0 AMBULAT0RlAL
Nome:[[n|Sandra Regina Bastos]]   Sexo:F   Nasc:[[bd|21/11/1977]]
CPF:<<cpf>>  RG:[[rg|MG-14.552.871]]
End:[[addr|Rua Tupis, 455 ap
301 Centro Belo Horizonte MG]]
CEP:[[cep|30190-060]] Tel:[[ph|(31)3274-5566]]
Queixa: "[[hc|dor lombar]] ha 3 meses" , [[hc|hernia de disco]] L4-L5 em RNM
Alergia: dipirona
Conduta: [[med|ciclobenzaprina]] 5mg + [[med|diclofenaco]] 50mg, fisio
` },
{ file: 'h25-psicologia-sessao.txt', genre: 'evolucao', dataSubject: true, text: `Registro de atendimento psicológico - sessão 14

Cliente: [[n|Thiago Moreira Leão]], 27 anos.

[[n|Thiago]] relata ter se assumido [[sex|homossexual]] para a família no último mês; o pai reagiu mal e o expulsou de casa. Vem apresentando [[hc|ideação suicida]] passiva, [[hc|insônia]] e [[hc|crises de ansiedade]]. Nega uso de substâncias. Relata relacionamento estável com namorado há dois anos.

Hipótese: [[hc|episódio depressivo moderado]] ([[cid|F32.1]]) reativo. Encaminhado ao psiquiatra do serviço para avaliação de [[med|sertralina]].

[[n|Carolina Mendes Faria]] - Psicóloga [[pid|CRP-06/98821]]
` },
{ file: 'h26-prep-hsh.txt', genre: 'evolucao', dataSubject: true, text: `SAE - Serviço de Atenção Especializada em IST/HIV/Aids
Atendimento [[hc|PrEP]] - retorno 120 dias

Usuário: [[n|Leandro Fagundes]]   CNS <<cns:fmt>>
Pop. chave: [[sex|HSH]]; refere parceiros múltiplos, uso irregular de preservativo.
Em uso de [[med|tenofovir/entricitabina]] (PrEP) com boa adesão.
Testes rápidos hoje: [[hc|HIV]] não reagente, [[hc|sífilis]] reagente - tratado com [[med|benzilpenicilina benzatina]] 2,4 milhões UI IM.
Próximo retorno em 30 dias para [[hc|VDRL]] de controle.
Enf. [[n|Douglas Aquino]] [[pid|COREN-SP 552190]]
` },
{ file: 'h27-cartao-gestante.txt', genre: 'prenatal', dataSubject: true, text: `CARTÃO DA [[hc|GESTANTE]]
Nome: [[n|Kelly Cristina da Paixão]]  Idade: 16 anos
DN: [[bd|08/08/2009]]
Raça/Cor: [[race|parda]]
Companheiro: [[n|Wesley]]
DUM: 02/01/2026   DPP: 09/10/2026   G1P0A0
Tipagem sanguínea: O Rh negativo
Sorologias 1º tri: [[hc|toxoplasmose]] IgG reagente / IgM não reagente; [[hc|HIV]] não reagente; [[hc|hepatite B]] não reagente
Intercorrências: [[hc|gravidez na adolescência]], [[hc|infecção urinária]] tratada com [[med|cefalexina]] na 14ª semana
Suplementos: [[med|ácido fólico]], [[med|sulfato ferroso]]
UBS Jardim Primavera - enf. [[n|Adriana]]
` },
{ file: 'h28-notificacao-receita.txt', genre: 'receita', dataSubject: true, text: `NOTIFICAÇÃO DE RECEITA "B"     UF: SP   Nº 35 2211487

Paciente: [[n|Vera Lúcia Antunes]]
Endereço: [[addr|R. Voluntários da Pátria, 3400, Santana, São Paulo - SP]]

Prescrição:
[[med|Alprazolam]] 0,5 mg ---------- 30 comprimidos
Tomar 1 comprimido à noite.

Emitente: Dr. [[n|Henrique Sato]]   [[pid|CRM-SP 145902]]
Comprador: [[n|Renan Antunes]]   RG [[rg|41.228.913-5]]   Tel. [[ph|(11) 2231-0987]]
` },
{ file: 'h29-atestado-minusculo.txt', genre: 'atestado', dataSubject: true, text: `atestado

atesto para fins escolares que o menor [[n|arthur gabriel lopes]], de 9 anos, esteve em atendimento nesta unidade no dia de hoje por quadro de [[hc|amigdalite bacteriana]], devendo permanecer afastado das aulas por 3 dias. em uso de [[med|amoxicilina]].

cid [[cid|j03.9]]

dra. [[n|marina figueiredo]]
pediatra [[pid|crm/rs 33019]]
` },
{ file: 'h30-samu.txt', genre: 'atendimento', dataSubject: true, text: `SAMU 192 - FICHA DE ATENDIMENTO PRÉ-HOSPITALAR
Ocorrência 26-118840  USA 03  Chamado 14:22  Chegada 14:39
Vítima: [[n|Edson Rodrigues Barros]] (identificado pelo RG [[rg|20.118.774-X]])  idade aprox. 50a
Local: [[addr|Av. Brasil, 12.880, Penha, Rio de Janeiro/RJ]]
Solicitante: [[n|Luiz Barros]] (irmão) [[ph|(21) 97744-1022]]
Queixa: vítima encontrada desacordada em via pública, glicemia capilar 38 mg/dl
Antecedentes: [[hc|diabetes tipo 1]], [[hc|alcoolismo]]
Conduta: acesso venoso, [[med|glicose 50%]] 60ml EV, [[med|tiamina]] 100mg EV, melhora do nível de consciência
Hipótese: [[hc|hipoglicemia grave]]
Médico regulador: [[n|Dra. Priscila Nóbrega]]  Médico intervencionista: [[n|Dr. Ítalo Guimarães]]
` },
{ file: 'h31-teleconsulta.txt', genre: 'evolucao', dataSubject: true, text: `TELECONSULTA - transcrição resumida (gravação autorizada)

Médico: boa tarde, é a dona [[n|Iracema]]?
Paciente: sou eu sim doutor, [[n|Iracema Bezerra de Menezes]].
Médico: a senhora confirma a data de nascimento?
Paciente: [[bd|2 de maio de 1952]]... isso, [[bd|02/05/1952]].
Médico: e como está a [[hc|artrose]] do joelho?
Paciente: dói muito, o [[med|tramadol]] não tá fazendo efeito e o [[med|meloxicam]] me dá azia.
Médico: vou trocar por [[med|duloxetina]] e pedir avaliação da ortopedia para [[hc|prótese de joelho]].
Médico responsável: [[n|Dr. Álvaro Nascimento]] - [[pid|CRM-CE 11982]]
` },
{ file: 'h32-odontologia.txt', genre: 'evolucao', dataSubject: true, text: `CLÍNICA ODONTOLÓGICA SORRISO - FICHA CLÍNICA

Paciente: [[n|Bianca Ferraz Lobo]]    Nascimento: [[bd|23 de janeiro de 1998|1998-01-23]]
E-mail: [[em|bianca.lobo98@hotmail.com]]   WhatsApp: [[ph|+55 (48) 99120-7755]]

Anamnese: [[hc|gestante]] de 20 semanas; [[hc|asma]] leve, usa [[med|salbutamol]] se necessário; alérgica a penicilina. Refere [[hc|bruxismo]].
Procedimento: restauração em resina dente 36; orientado uso de placa miorrelaxante.

CD [[n|Otávio Prates]] - [[pid|CRO-SC 12.004]]
` },
{ file: 'h33-fisioterapia.txt', genre: 'evolucao', dataSubject: true, text: `evolucao fisioterapia motora - 05/03
pcte [[n|Gilberto Ramalho]], 61a, [[hc|hemiparesia direita]] pos [[hc|AVE]], 12a sessao
realizado alongamento passivo MSD/MID, treino de marcha com andador, descarga de peso
pcte refere dor em ombro direito ([[hc|ombro doloroso do hemiplegico]])
conduta mantida. proxima sessao 07/03
ft. [[n|Aline Castro]] [[pid|crefito 3/118290-F]]
` },
{ file: 'h34-ficha-internacao.txt', genre: 'cadastro', dataSubject: true, text: `FICHA DE ADMISSÃO HOSPITALAR
NOME: [[n|MÁRCIO ANTÔNIO DE LIMA FILHO]]
FILIAÇÃO: [[n|MÁRCIO ANTÔNIO DE LIMA]] E [[n|CÉLIA REGINA DE LIMA]]
NASCIMENTO: [[bd|31/10/1987]]   NATURALIDADE: MANAUS-AM
COR/RAÇA: [[race|INDÍGENA]] (ETNIA [[race|SATERÉ-MAWÉ]])
CPF: <<cpf:raw>>   RG: [[rg|2233145-7]] SSP/AM
TÍTULO ELEITORAL: <<voter:fmt>>
PIS: <<pis:raw>>
RELIGIÃO: [[rel|ESPÍRITA]]
ENDEREÇO: [[addr|RUA JOAQUIM NABUCO, 1500, CENTRO, MANAUS - AM]]   CEP [[cep|69020-030]]
CONTATO: [[ph|(92) 99101-4545]]
MOTIVO DA INTERNAÇÃO: [[hc|MALÁRIA POR PLASMODIUM FALCIPARUM]]
` },
{ file: 'h35-aso.txt', genre: 'aso', dataSubject: true, text: `ATESTADO DE SAÚDE OCUPACIONAL (ASO) - PERIÓDICO
Empresa: Metalúrgica Vale do Aço Ltda   CNPJ: <<cnpj>>
Trabalhador: [[n|Robson Luiz Teixeira]]   CPF: <<cpf>>   NIT/PIS: <<pis:fmt>>
Função: soldador   Setor: caldeiraria
Riscos: ruído, fumos metálicos
Exames: audiometria ([[hc|perda auditiva induzida por ruído]] bilateral leve), espirometria normal
Parecer: APTO
Médico do trabalho: [[n|Dr. Sérgio Vidal]]  [[pid|CRM-MG 33821]]
Protocolo interno 2026/77812 - código de barras 7891000315507 - lote 000245
` },
{ file: 'h36-farmacia-dispensacao.txt', genre: 'farmacia', dataSubject: true, text: `Farmácia Municipal - Componente Especializado - comprovante de dispensação

Usuário: [[n|Denise Aparecida Coelho]] / CNS <<cns:raw>>
Medicamentos dispensados (competência 04/2026):
- [[med|Adalimumabe]] 40 mg seringa - 2 unidades
- [[med|Metotrexato]] 2,5 mg comp. - 24 unidades
- [[med|Ácido fólico]] 5 mg - 4 unidades
CID autorizado: [[cid|M05.8]] ([[hc|artrite reumatoide]])
Retirado por: [[n|Célio Coelho]] (esposo), RG [[rg|MG 8.775.031]]
Atendente: [[n|Patrícia]]
` },
{ file: 'h37-aconselhamento-genetico.txt', genre: 'laudo', dataSubject: true, text: `Serviço de Genética Médica
Carta ao médico assistente

Prezado Dr. [[n|Fernando Lacerda]],

Recebemos em consulta a família de [[n|Miguel Antunes Reis]] (DN [[bd|15/05/2021]]), encaminhado por [[hc|atraso do desenvolvimento neuropsicomotor]] e [[hc|deficiência intelectual]]. O cariótipo foi normal (46,XY). O estudo molecular evidenciou [[gen|expansão de repetições CGG no gene FMR1 (mais de 200 repetições)]], confirmando [[hc|síndrome do X frágil]]. A mãe, [[n|Aline Antunes Reis]], é [[gen|portadora de pré-mutação do FMR1]].

Orientamos a família quanto ao risco de recorrência e à investigação dos demais parentes.

Atenciosamente,
[[n|Profa. Dra. Heloísa Brandt]] - Geneticista - [[pid|CRM-RS 19.843]]
` },
{ file: 'h38-ouvidoria-familia.txt', genre: 'ouvidoria', dataSubject: true, text: `OUVIDORIA SUS - MANIFESTAÇÃO Nº 2026/00418

Tipo: denúncia
Manifestante: [[n|Rosemeire Pinto Dantas]] (filha)
Telefone para contato: [[ph|(85) 3246-1800]] / e-mail: [[em|rose.dantas@uol.com.br]]

Relato: "Minha mãe, [[n|Francisca Pinto Dantas]], 88 anos, com [[hc|Alzheimer]] avançado e [[hc|escaras]], ficou dois dias no corredor da UPA sem receber a [[med|memantina]] e a [[med|donepezila]] que toma todo dia. A técnica [[n|Jéssica]] disse que não tinha. Ela é [[rel|testemunha de jeová]] e já avisamos que não aceita sangue, mas o médico insistiu na transfusão."

Encaminhamento: Diretoria da UPA Messejana.
` },
{ file: 'h39-ocr-receita.txt', genre: 'receita', dataSubject: true, text: `RECElTUARl0 MÉDIC0

Nome d0 paciente: [[n|Osmar Tolentino]]
End: [[addr|Rua 7 de Setembro n° 88 - Centro - Blumenau SC]]

1) [[med|L0SARTANA]] P0TÁSSICA 50mg ----- 1 cp 12/12h
2) [[med|HlDR0CL0R0TlAZlDA]] 25mg ------- 1 cp pela manhã
3) [[med|SlNVASTATlNA]] 20mg --------- 1 cp à n0ite

Blumenau, 1O/O3/2O26
Dr. [[n|Anselmo Krieger]] [[pid|CRM/SC 8876]]
` },
{ file: 'h40-nutricao.txt', genre: 'evolucao', dataSubject: true, text: `Consulta de Nutrição - Ambulatório de Obesidade

Paciente: [[n|Priscila Amaral Siqueira]], 38 anos, IMC 44,2 kg/m².
Diagnósticos: [[hc|obesidade grau III]], [[hc|esteatose hepática]], [[hc|síndrome dos ovários policísticos]]; [[hc|pré-diabetes]].
Medicamentos: [[med|semaglutida]] 1 mg/semana, [[med|metformina]] 500 mg 2x/dia.
Plano: dieta hipocalórica 1.400 kcal, fracionada; candidata a [[hc|cirurgia bariátrica]].
Nutricionista [[n|Gabriela Vasques]] - [[pid|CRN-3 44512]]
` },
{ file: 'h41-protocolo-sepse.txt', genre: 'protocolo', dataSubject: false, text: `PROTOCOLO GERENCIADO DE SEPSE - VERSÃO 4 (2026)

1. Definição: disfunção orgânica ameaçadora à vida secundária a resposta desregulada à infecção. Choque séptico: hipotensão refratária a volume com lactato > 2 mmol/L.
2. Pacote da 1ª hora: coletar lactato e hemoculturas; iniciar antimicrobiano (ex.: ceftriaxona + azitromicina na pneumonia comunitária; piperacilina-tazobactam em foco abdominal); cristaloide 30 mL/kg se hipotensão; noradrenalina se PAM < 65 mmHg após volume.
3. Pacientes com doença renal crônica, cirrose ou insuficiência cardíaca: reavaliar volume a cada 500 mL.
4. CID-10 de referência: A41.9 (sepse não especificada), R65.2.
5. Indicadores: tempo porta-antibiótico, mortalidade em 28 dias. Dúvidas: ramal 4412.

Elaboração: Comissão de Controle de Infecção Hospitalar. Revisão: [[n|Dr. Renato Gusmão]] ([[pid|CRM-PR 27741]]) e enf. [[n|Sabrina Kühn]].
` },
{ file: 'h42-bula.txt', genre: 'bula', dataSubject: false, text: `CLORIDRATO DE SERTRALINA - comprimidos revestidos 50 mg

INDICAÇÕES: tratamento de depressão, transtorno obsessivo-compulsivo, transtorno do pânico, transtorno de estresse pós-traumático e fobia social.

CONTRAINDICAÇÕES: uso concomitante com inibidores da MAO (selegilina, moclobemida) ou pimozida. Não usar com dissulfiram na forma líquida.

ADVERTÊNCIAS: risco de síndrome serotoninérgica com tramadol, lítio, triptanos e erva-de-são-joão. Pacientes com epilepsia ou com histórico de mania devem ser monitorados.

Reg. MS 1.0043.0987.012-3   Farm. Resp.: [[n|Dra. Cíntia Yamamoto]] - [[pid|CRF-SP 28.114]]
SAC 0800 704 4444   Fabricado por: Laboratório Exemplo S.A. - CNPJ <<cnpj>>
Lote: 2301445   Fab.: 01/2026   Val.: 01/2028
` },
{ file: 'h43-boletim-epidemiologico.txt', genre: 'boletim', dataSubject: false, text: `BOLETIM EPIDEMIOLÓGICO Nº 17/2026 - SECRETARIA MUNICIPAL DE SAÚDE

Arboviroses: até a semana epidemiológica 20 foram notificados 4.812 casos prováveis de dengue (incidência de 612/100 mil hab.), 233 de chikungunya e 12 de zika. Três óbitos por dengue grave foram confirmados, todos em maiores de 60 anos com hipertensão ou diabetes.

Tuberculose: 88 casos novos, 71% bacilíferos; taxa de cura de 74%. O esquema básico (rifampicina, isoniazida, pirazinamida e etambutol) segue disponível em todas as UBS.

Sífilis congênita: 19 casos, aumento de 26% em relação a 2025. Reforça-se o tratamento da gestante com penicilina benzatina.

HIV/aids: 141 novos diagnósticos; 62% em homens que fazem sexo com homens. A PrEP está disponível nos SAE.

Vigilância Epidemiológica - telefone [[ph|(16) 3977-0000]] - [[em|vigilancia@saude.exemplo.gov.br]]
` },
{ file: 'h44-ata-comissao.txt', genre: 'ata', dataSubject: false, text: `ATA DA 3ª REUNIÃO ORDINÁRIA DA COMISSÃO DE REVISÃO DE PRONTUÁRIOS - 2026

Aos doze dias do mês de março de 2026, às 14h, reuniram-se na sala 204 os membros da comissão: [[n|Dra. Lúcia Helena Prado]] (presidente), [[n|Dr. Vítor Hugo Salgado]], enf. [[n|Marcos Paulo Ventura]] e a farmacêutica [[n|Denise Okamoto]].

Pauta: 1) taxa de prontuários incompletos no 4º trimestre (18%); 2) padronização das abreviaturas ("HAS", "DM", "ICC") nas evoluções; 3) uso do CID-10 nos sumários de alta.

Foram sorteados 60 prontuários para auditoria, numerados de 1 a 60 na planilha de controle (códigos internos 9051 a 9110). Não houve outras deliberações.

[[n|Lúcia Helena Prado]] - presidente
` },
{ file: 'h45-inventario-lookalikes.txt', genre: 'inventario', dataSubject: false, text: `INVENTÁRIO DE EQUIPAMENTOS - ALMOXARIFADO CENTRAL

Patrimônio   Descrição                         Nº de série       NF
04812233901  Monitor multiparamétrico           <<cpf:bad>>       NF 000.118.204
55120044871  Bomba de infusão (6 un.)           <<cnpj:bad>>      NF 000.118.205
30019922815  Cardioversor                       <<cns:bad>>       NF 000.118.311
Lote de seringas 1208-2026, validade 12/2028, código de barras 7896004703398.
Central de atendimento ao fornecedor: 0800 722 1010 / 4004-0001.
Pedido de compra 2026/004418, empenho 2026NE001233, CEP de entrega conforme cadastro.
` },
{ file: 'h46-diretriz-hipertensao.txt', genre: 'protocolo', dataSubject: false, text: `Linha de cuidado da hipertensão arterial e do diabetes na atenção primária

- rastrear pressão arterial anualmente em adultos; confirmar o diagnóstico de hipertensão com MRPA ou MAPA
- primeira linha: tiazídico (hidroclorotiazida ou clortalidona), IECA (enalapril) ou BRA (losartana), bloqueador de canal de cálcio (anlodipino)
- diabetes tipo 2: metformina como primeira escolha; associar glibenclamida ou gliclazida; insulina NPH ao deitar se HbA1c > 9%
- avaliar anualmente retinopatia diabética, nefropatia e pé diabético
- gestantes com hipertensão: metildopa; evitar IECA
Responsável técnica da linha de cuidado: enf. [[n|Maria Aparecida Gouveia]], [[pid|COREN-MG 201.554]]
` },
];
