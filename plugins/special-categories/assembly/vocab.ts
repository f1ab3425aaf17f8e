// Vocabulary of the special categories of personal data (LGPD art. 5º, II). Folded matching:
// accents and case do not matter; "{a|b}" expands; "=" = exact case.

/** Field labels whose value is the category ("Raça/cor: parda"). */
export const RACE_LABELS = `
raca
cor
raca cor
cor raca
raca ou cor
cor ou raca
raca e cor
cor da pele
quesito raca cor
raca etnia
`;

export const ETHNIC_LABELS = `
etnia
origem etnica
grupo etnico
povo indigena
`;

export const RELIGION_LABELS = `
religiao
crenca religiosa
crenca
credo
credo religioso
religiosidade
denominacao religiosa
confissao religiosa
`;

export const ORIENTATION_LABELS = `
orientacao sexual
opcao sexual
`;

/** IBGE colour/race categories (and common variants). */
export const RACE_VALUES = `
branca
branco
preta
preto
parda
pardo
amarela
amarelo
indigena
negra
negro
`;

export const RELIGION_VALUES = `
catolica {|apostolica romana|romana}
catolico {|apostolico romano|romano}
evangelica {|pentecostal|luterana|batista|presbiteriana|metodista}
evangelico {|pentecostal|luterano|batista|presbiteriano|metodista}
protestante
cristã
crista
cristao
espirita
kardecista
umbanda
umbandista
candomble
candomblecista
matriz africana
religiao de matriz africana
judaica
judaico
judeu
judia
muculmana
muculmano
islamica
islamico
budista
hinduista
testemunha de jeova
testemunhas de jeova
adventista {|do setimo dia}
batista
presbiteriana
presbiteriano
metodista
luterana
luterano
pentecostal
neopentecostal
assembleia de deus
congregacao crista
igreja universal {|do reino de deus}
mormon
santo daime
ortodoxa
ortodoxo
ateu
ateia
ateismo
agnostico
agnostica
sem religiao
wicca
xamanismo
`;

/** Religion mentions that identify a belief anywhere (no label needed). */
export const RELIGION_STRONG = `
testemunha de jeova
testemunhas de jeova
candomble
candomblecista
umbanda
umbandista
kardecista
adventista do setimo dia
recusa transfusao por motivos religiosos
recusa hemotransfusao por motivos religiosos
por motivos religiosos
por conviccao religiosa
`;

/** Words before a bare value that make it a statement about the person. */
export const DECLARE_WORDS = `
autodeclarada
autodeclarado
autodeclarada como
autodeclarado como
se declara
se declara como
se autodeclara
se autodeclara como
declara-se
autodeclara-se
declarou-se
se declarou
se considera
paciente
de cor
declarada de cor
declarado de cor
autodeclarada de cor
autodeclarado de cor
declarada como
declarado como
`;

/** Words before a bare religion that make it a statement about the person ("é evangélica"). */
export const RELIGION_PRE = `
e
sou
paciente
praticante
fiel
de religiao
de fe
frequenta a igreja
membro da igreja
declara-se
se declara
se declarou
declarou-se
se diz
autodeclarada
autodeclarado
culto
cultos
igreja
frequenta
frequenta o culto
frequenta a religiao
segue a religiao
adepta da religiao
adepto da religiao
`;

export const RELIGION_CONTEXT_AFTER = `
praticante
`;

/** Sexual orientation and sex life: meaningful by themselves. */
export const SEX_STRONG = `
homossexual
homossexuais
bissexual
bissexuais
heterossexual
pansexual
assexual
gay
lesbica
lesbicas
=HSH
=MSM
{homem|homens} que {faz|fazem} sexo com homens
{mulher|mulheres} que {faz|fazem} sexo com mulheres
{relacao|relacionamento|uniao|casal} homoafetiv{a|o}
relacao homoafetiva
relacionamento homoafetivo
uniao homoafetiva
casal homoafetivo
{parceiro|parceira|companheiro|companheira|conjuge} do mesmo sexo
vida sexual {ativa|inativa}
sexualmente ativ{a|o}
sexualmente ativa
sexualmente ativo
{multiplos|varios|diversos} parceiros {|sexuais}
multiplas parceiras {|sexuais}
parceiros sexuais
parceiras sexuais
parceria sexual
{relacao|relacoes} {sexual|sexuais} {desprotegida|desprotegidas|sem preservativo|anal|anais|receptiva|receptivas}
sexo {desprotegido|anal|oral|sem preservativo}
profissional do sexo
trabalhadora do sexo
trabalhador do sexo
`;

export const ORIENTATION_VALUES = `
homossexual
bissexual
heterossexual
pansexual
assexual
gay
lesbica
`;

/** Gender identity: reported with sex life (LGPD art. 5º, II, as the ANPD reads it), said so in the reason. */
export const GENDER_IDENTITY = `
{mulher|homem|pessoa|menina|menino|adolescente|paciente} {trans|transexual|transgenero}
transexual
transexuais
transgenero
transgeneros
travesti
travestis
{pessoa|paciente} nao binari{a|o}
{nao binaria|nao binario|nao-binaria|nao-binario}
{em|durante} {transicao de genero|hormonizacao|processo transexualizador}
processo transexualizador
hormonizacao
redesignacao sexual
cirurgia de {redesignacao|afirmacao} {sexual|de genero}
`;

export const GENDER_LABELS = `
identidade de genero
genero autodeclarado
`;

/** Communities and peoples that reveal ethnic origin by themselves. */
export const ETHNIC_STRONG = `
quilombola
quilombolas
{comunidade|comunidades} {quilombola|quilombolas|remanescente de quilombo|remanescentes de quilombo}
remanescente de quilombo
remanescentes de quilombo
{comunidade|povo|etnia|familia} cigan{a|o}
{aldeia|aldeias|terra|territorio|reserva} indigena
indigena aldeado
indigena aldeada
`;

/** Biometric data. */
export const BIOMETRIC = `
impressao digital
impressoes digitais
impressao datiloscopica
datiloscopia
biometria {|facial|digital|da iris|de iris|de voz|palmar}
dado biometrico
dados biometricos
{reconhecimento|leitura|escaneamento|varredura} {facial|da face|de iris|da iris|da retina|de retina|de voz|da voz|da palma|palmar}
geometria da mao
assinatura biometrica
coleta biometrica
cadastro biometrico
template biometrico
digital coletada
digitais coletadas
`;

/** "filiado ao partido X" / "filiada ao sindicato Y": the head; the organisation name follows. */
export const MEMBERSHIP_HEADS = `
{filiado|filiada|filiados|filiadas|membro|membros|militante|militantes|dirigente|associado|associada|delegado|delegada|lider|presidente|diretor|diretora|candidato|candidata|vereador|vereadora|deputado|deputada} {ao|a|no|na|do|da|de|pelo|pela}
`;

export const UNION_STRONG = `
sindicalizado
sindicalizada
sindicalizados
sindicalizadas
filiacao sindical
dirigente sindical
delegado sindical
delegada sindical
lider sindical
lideranca sindical
militancia sindical
`;

export const POLITICAL_STRONG = `
filiacao partidaria
militancia partidaria
militancia politica
militante politico
militante politica
ativista politico
ativista politica
`;
