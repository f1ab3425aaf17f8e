// Portuguese vocabulary of diseases and conditions (one term a line; "{a|b}" expands; "=" = exact case).
// Accents and case do not matter (text and terms are folded). Longest match wins.

/** Organs and sites that complete a tumour head ("neoplasia maligna" + "da próstata"). */
export const ORGANS = `
mama
mamas
prostata
pulmao
pulmoes
colo do utero
colo uterino
utero
endometrio
ovario
ovarios
estomago
esofago
colon
colon e reto
reto
intestino
intestino grosso
pancreas
figado
tireoide
bexiga
rim
rins
pele
cerebro
sistema nervoso central
laringe
faringe
boca
cavidade oral
lingua
cabeca e pescoco
testiculo
osso
ossos
vulva
vagina
penis
vesicula biliar
vias biliares
canal anal
anus
sangue
medula ossea
rinofaringe
nasofaringe
orofaringe
glandula salivar
timo
suprarrenal
olho
retina
`;

/** Heads extended by "de/do/da" + an organ. */
export const TUMOR_HEADS = `
cancer
neoplasia {|maligna|benigna|maligna primaria|maligna secundaria}
tumor {|maligno|benigno}
carcinoma {|ductal|ductal invasivo|lobular|espinocelular|epidermoide}
adenocarcinoma
metastase
metastases
linfoma
sarcoma
`;

export const CONDITIONS = `
=DM {tipo 1|tipo 2|tipo i|tipo ii|1|2|insulinodependente}
obeso
obesa
poliomielite
sequela de {poliomielite|avc|ave|acidente vascular cerebral|meningite|paralisia}
{usuario|usuaria} de {crack|cocaina|drogas|alcool|maconha|substancias psicoativas|drogas ilicitas|heroina|opioides|crack e alcool}
uso de {crack|cocaina|drogas ilicitas|substancias psicoativas}
{convulsao|crise convulsiva} febril
crise {hipertensiva|asmatica|de asma|de ansiedade|de panico|convulsiva|epileptica|de abstinencia|falcemica}
{cardiopata|hepatopata|nefropata|pneumopata|cardiopatia|hepatopatia|nefropatia|pneumopatia|colecistopatia} {|cronica|cronico}
demencia
acamado
acamada
dependente quimico
dependente quimica
pos-covid
covid longa
sindrome pos-covid
sindrome gripal
hpv
papilomavirus
herpes-zoster
hanseniase
sifilis latente
tricomoniase
vaginose bacteriana
candidiase vulvovaginal
doenca inflamatoria pelvica
cancer de {colo de utero|colo do utero|boca|pele}
ca de {mama|prostata|pulmao|colo de utero|colo do utero|colo uterino|utero|endometrio|ovario|estomago|esofago|colon|reto|intestino|pancreas|figado|tireoide|bexiga|rim|pele|boca|laringe|orofaringe}
cancer colorretal
hiperplasia endometrial
displasia {|cervical|de colo uterino}
lesao intraepitelial {|de alto grau|de baixo grau}
=NIC {1|2|3|i|ii|iii}
=HSIL
=LSIL
nodulo {de mama|mamario|tireoidiano|pulmonar|hepatico}
cisto {ovariano|renal|hepatico}
pancreatite
hepatomegalia
esplenomegalia
ascite
ictericia
insuficiencia {adrenal|suprarrenal|vascular}
doenca de {alzheimer|parkinson} {|inicio precoce|avancada}
sindrome demencial
retardo do desenvolvimento
deficit cognitivo
deficiencia mental
paralisia {|infantil}
microcefalia
autista
bipolar
esquizofrenico
esquizofrenica
epileptico
epileptica
asmatico
hipertensao intracraniana
aneurisma
diabetes
diabetes {mellitus|melito|insipidus|insipido|gestacional} {|tipo 1|tipo 2|tipo i|tipo ii|insulinodependente|nao insulinodependente}
diabetes {tipo 1|tipo 2|tipo i|tipo ii}
diabetico
diabetica
=DM1
=DM2
=DMID
=DMNID
pre-diabetes
pre diabetes
hipertensao {|arterial} {|sistemica|essencial|primaria|secundaria|resistente|pulmonar|gestacional|maligna}
hipertenso
hipertensa
=HAS
=DLP
=SAOS
=SAHOS
=DHGNA
pressao alta
hipotensao ortostatica
infarto {|agudo} {do|de} miocardio
infarto
=IAM
=IAMCSST
=IAMSSST
angina {|pectoris|instavel|estavel}
sindrome coronariana aguda
doenca arterial coronariana
doenca coronariana
cardiopatia {|isquemica|hipertensiva|congenita|chagasica|dilatada}
miocardiopatia {|dilatada|hipertrofica|chagasica}
cardiomiopatia {|dilatada|hipertrofica|chagasica}
insuficiencia cardiaca {|congestiva|descompensada|com fracao de ejecao reduzida|com fracao de ejecao preservada}
=ICC
=IC {descompensada|compensada|congestiva|sistólica|sistolica|diastólica|diastolica|grave|avançada|avancada|classe funcional}
fibrilacao atrial
=FA {crônica|cronica|paroxística|paroxistica|persistente|permanente|de alta resposta|de baixa resposta}
=FAARV
flutter atrial
arritmia cardiaca
arritmia
bloqueio atrioventricular
valvopatia
estenose aortica
estenose mitral
insuficiencia mitral
insuficiencia aortica
endocardite {|infecciosa|bacteriana}
pericardite
miocardite
aneurisma {|de aorta|da aorta|cerebral|aortico}
dissecção de aorta
trombose venosa profunda
trombose
=TVP
tromboembolismo pulmonar
embolia pulmonar
=TEP
doenca arterial obstrutiva periferica
insuficiencia venosa {|cronica}
varizes {|de membros inferiores|esofagicas|esofagianas}
acidente vascular {cerebral|encefalico} {|isquemico|hemorragico}
=AVC
=AVCi
=AVCh
=AVE
derrame cerebral
ataque isquemico transitorio
=AIT
hemorragia {subaracnoide|intracraniana|cerebral|digestiva|digestiva alta|digestiva baixa}
doenca de {alzheimer|parkinson|chagas|crohn|huntington|hansen|graves|hashimoto|addison|cushing|wilson|paget|lyme|von willebrand|gaucher|fabry|pompe|still|behcet|kawasaki|peyronie|meniere|hirschsprung|legg-calve-perthes}
mal de {alzheimer|parkinson|hansen}
alzheimer
parkinson
parkinsonismo
demencia {|vascular|senil|frontotemporal|mista|com corpos de lewy|na doenca de alzheimer}
comprometimento cognitivo leve
esclerose {multipla|lateral amiotrofica|sistemica}
epilepsia {|focal|generalizada|refrataria}
crise convulsiva
convulsao
convulsoes
sindrome convulsiva
enxaqueca {|com aura|sem aura|cronica}
migranea
cefaleia {|cronica|tensional|em salvas}
neuropatia {|periferica|diabetica}
polineuropatia
paralisia cerebral
paralisia facial
hidrocefalia
meningite {|bacteriana|viral|meningococica|tuberculosa}
encefalite
miastenia gravis
distrofia muscular {|de duchenne}
atrofia muscular espinhal
sindrome de guillain-barre
sindrome de {down|turner|klinefelter|marfan|edwards|patau|west|rett|tourette|asperger|sjogren|cushing|burnout|guillain-barre|williams|prader-willi|angelman|ehlers-danlos|x fragil|stevens-johnson|reiter|raynaud|ovarios policisticos|imunodeficiencia adquirida|abstinencia|dependencia}
trissomia do {21|18|13}
depressao {|grave|maior|moderada|leve|recorrente|pos-parto|puerperal|psicotica}
episodio depressivo {|leve|moderado|grave|grave com sintomas psicoticos|grave sem sintomas psicoticos}
transtorno depressivo {|maior|recorrente|persistente}
distimia
transtorno {afetivo bipolar|bipolar|bipolar tipo i|bipolar tipo ii}
bipolaridade
=TAB
transtorno de ansiedade {|generalizada|social}
=TAG
ansiedade generalizada
transtorno de panico
sindrome do panico
fobia social
transtorno obsessivo-compulsivo
transtorno obsessivo compulsivo
=TOC
transtorno de estresse pos-traumatico
transtorno do estresse pos-traumatico
=TEPT
transtorno do deficit de atencao {|e hiperatividade|com hiperatividade}
transtorno de deficit de atencao {|e hiperatividade|com hiperatividade}
=TDAH
transtorno do espectro {autista|do autismo}
=TEA
autismo
transtorno {de personalidade|de personalidade borderline|de personalidade antissocial|de personalidade limitrofe|borderline}
transtorno {alimentar|alimentar restritivo|de compulsao alimentar|mental|mental grave|psicotico|psicotico agudo|esquizoafetivo|delirante|conversivo|somatoforme|dissociativo|de conduta|opositivo desafiador|de adaptacao|misto ansioso e depressivo|de ajustamento|de humor|do humor}
esquizofrenia {|paranoide|paranoica|hebefrenica|catatonica|residual|simples|indiferenciada|refrataria}
psicose {|puerperal|organica}
surto psicotico
anorexia nervosa
bulimia {|nervosa}
ideacao suicida
tentativa de suicidio
tentativas de suicidio
risco de suicidio
automutilacao
autolesao
deficiencia intelectual
retardo mental
dependencia {quimica|de alcool|alcoolica|de cocaina|de crack|de opioides|de nicotina|de tabaco|de benzodiazepinicos|de substancias|de substancias psicoativas|de maconha|de cannabis|de drogas}
alcoolismo
etilismo {|cronico}
etilista
tabagismo
tabagista
drogadicao
uso abusivo de {alcool|drogas|substancias|substancias psicoativas|cocaina|crack}
abuso de {alcool|drogas|substancias|substancias psicoativas}
transtornos mentais e comportamentais devidos ao uso de alcool
sindrome de abstinencia {|alcoolica}
infeccao pelo {HIV|virus da imunodeficiencia humana}
infeccao por {HIV|HTLV|HPV|clamidia|gonococo|sifilis|zika|coronavirus|SARS-CoV-2|covid-19|citomegalovirus}
HIV {positivo|reagente}
parto {normal|cesareo|vaginal|prematuro}
soropositivo {|para HIV|para o HIV}
soropositiva {|para HIV|para o HIV}
HIV
HIV/AIDS
AIDS
=SIDA
sindrome da imunodeficiencia adquirida
=PVHIV
=PVHA
pessoa vivendo com HIV {|/aids}
HTLV
tuberculose {|pulmonar|extrapulmonar|ganglionar|latente|multirresistente|miliar}
=TB
=TBC
hanseniase {|virchowiana|tuberculoide|dimorfa|paucibacilar|multibacilar}
sifilis {|primaria|secundaria|terciaria|latente|congenita|gestacional|adquirida}
gonorreia
clamidia
clamidiose
herpes {|genital|zoster|simples|labial}
condiloma {|acuminado}
=HPV
infeccao sexualmente transmissivel
infeccoes sexualmente transmissiveis
doenca sexualmente transmissivel
=IST
=DST
hepatite {|a|b|c|d|e|viral|alcoolica|autoimune|medicamentosa|fulminante} {|aguda|cronica}
hepatite {b|c} cronica
=HBV
=HCV
cirrose {|hepatica|alcoolica|biliar}
esteatose hepatica
doenca hepatica gordurosa nao alcoolica
insuficiencia hepatica
covid-19
covid
covid 19
sindrome respiratoria aguda grave
=SRAG
influenza {|a|h1n1}
gripe
dengue {|grave|com sinais de alarme|hemorragica|classica}
zika {|virus}
chikungunya
febre amarela
malaria
leishmaniose {|visceral|tegumentar|cutanea}
calazar
esquistossomose
toxoplasmose {|congenita|ocular}
leptospirose
sarampo
rubeola
caxumba
varicela
catapora
coqueluche
difteria
tetano
raiva humana
escabiose
sarna
micose
candidiase {|oral|vaginal|esofagica}
pneumocistose
criptococose
histoplasmose
paracoccidioidomicose
sepse
septicemia
choque septico
pneumonia {|bacteriana|viral|comunitaria|aspirativa|hospitalar|adquirida na comunidade|grave}
broncopneumonia
bronquiolite
bronquite {|cronica|aguda}
asma {|bronquica|grave|moderada|leve|persistente|alergica}
asmatico
asmatica
doenca pulmonar obstrutiva cronica
=DPOC
enfisema {|pulmonar}
fibrose {pulmonar|cistica}
mucoviscidose
bronquiectasia
apneia {obstrutiva do sono|do sono}
insuficiencia respiratoria {|aguda|cronica}
edema agudo de pulmao
derrame pleural
rinite {|alergica}
sinusite {|cronica}
amigdalite
otite {|media|externa}
faringite
laringite
infeccao {urinaria|do trato urinario|de urina|respiratoria|hospitalar|de ferida operatoria}
=ITU
pielonefrite
cistite
insuficiencia renal {|cronica|aguda|terminal|cronica terminal|dialitica}
doenca renal cronica {|terminal|estagio 5|dialitica}
lesao renal aguda
=IRC
=DRC
nefropatia {|diabetica|hipertensiva|por iga}
sindrome nefrotica
glomerulonefrite
litiase {renal|urinaria|biliar}
nefrolitiase
calculo renal
calculos renais
colelitiase
colecistite
pancreatite {|aguda|cronica}
gastrite {|cronica|erosiva|atrofica}
ulcera {peptica|gastrica|duodenal|de pressao|venosa|varicosa|diabetica}
doenca do refluxo gastroesofagico
refluxo gastroesofagico
=DRGE
esofagite {|de refluxo}
retocolite ulcerativa
colite ulcerativa
doenca inflamatoria intestinal
sindrome do intestino irritavel
doenca celiaca
diverticulite
diverticulose
apendicite {|aguda}
hernia {|inguinal|umbilical|de disco|discal|incisional|hiatal}
hemorroidas
doenca hemorroidaria
obesidade {|morbida|grave|grau i|grau ii|grau iii|grau 1|grau 2|grau 3|infantil|central}
sobrepeso
desnutricao {|grave|proteico-calorica|cronica}
hipotireoidismo {|subclinico|congenito|primario}
hipertireoidismo
tireoidite {|de hashimoto}
bocio
nodulo tireoidiano
dislipidemia
hipercolesterolemia {|familiar}
hipertrigliceridemia
sindrome metabolica
hiperuricemia
osteoporose
osteopenia
osteoartrose
artrose {|de joelho|de quadril}
osteoartrite
artrite {reumatoide|psoriasica|idiopatica juvenil|septica|gotosa|reativa}
espondilite anquilosante
lupus {|eritematoso sistemico|eritematoso}
=LES
fibromialgia
esclerodermia
vasculite
polimialgia reumatica
lombalgia {|cronica}
hernia de disco lombar
escoliose
tendinite
bursite
sindrome do tunel do carpo
=DORT
anemia {|ferropriva|falciforme|perniciosa|megaloblastica|aplasica|hemolitica|grave|da doenca cronica|por deficiencia de ferro}
doenca falciforme
talassemia {|major|minor|beta|alfa}
hemofilia {|a|b}
trombocitopenia
plaquetopenia
purpura trombocitopenica {|idiopatica|imune}
leucemia {|mieloide aguda|mieloide cronica|linfoide aguda|linfoide cronica|linfocitica cronica|aguda|cronica}
=LMA
=LMC
=LLA
=LLC
linfoma {|de hodgkin|nao hodgkin|nao-hodgkin|difuso de grandes celulas b|folicular}
mieloma {|multiplo}
mielodisplasia
sindrome mielodisplasica
cancer
cancer {de mama metastatico|colorretal|de pele nao melanoma|gastrico|pulmonar|hepatico|renal|cervical|infantil}
neoplasia {|maligna|benigna|maligna primaria|maligna secundaria}
tumor maligno
tumor cerebral
carcinoma {|ductal|ductal invasivo|lobular|espinocelular|basocelular|hepatocelular|urotelial|de celulas renais|epidermoide|in situ|medular|papilifero|folicular}
adenocarcinoma
melanoma {|maligno|cutaneo}
sarcoma {|de ewing|de kaposi}
osteossarcoma
glioblastoma {|multiforme}
glioma
meningioma
neuroblastoma
retinoblastoma
tumor de wilms
metastase {|ossea|hepatica|pulmonar|cerebral}
metastases {|osseas|hepaticas|pulmonares|cerebrais}
doenca metastatica
lesao suspeita de malignidade
nodulo {mamario|pulmonar|suspeito}
mioma {|uterino}
miomatose uterina
endometriose
sindrome dos ovarios policisticos
ovarios policisticos
=SOP
infertilidade
esterilidade
menopausa precoce
climaterio
hiperplasia prostatica {|benigna}
=HPB
prostatite
disfuncao eretil
impotencia sexual
incontinencia urinaria
bexiga neurogenica
gestacao {|de alto risco|gemelar|ectopica|tubaria|molar|na adolescencia|de risco}
gravidez {|de alto risco|ectopica|gemelar|na adolescencia|de risco|nao planejada}
gestante
gravida
pre-natal de alto risco
abortamento {|espontaneo|incompleto|retido|habitual|provocado|inseguro}
aborto {|espontaneo|retido|incompleto|provocado|habitual|legal}
interrupcao {voluntaria|legal} da gestacao
pre-eclampsia {|grave}
pre eclampsia
eclampsia
sindrome hellp
diabetes gestacional
placenta previa
descolamento prematuro de placenta
trabalho de parto prematuro
parto prematuro
prematuridade
depressao pos-parto
hemorragia pos-parto
infeccao puerperal
=DPP
psoriase
dermatite {atopica|de contato|seborreica}
eczema
vitiligo
acne {|grave|vulgar}
hidradenite supurativa
urticaria cronica
pênfigo
penfigo
erisipela
celulite infecciosa
escara
lesao por pressao
ulcera por pressao
queimadura {|de segundo grau|de terceiro grau|grave}
glaucoma {|cronico|de angulo aberto|de angulo fechado|congenito}
catarata {|senil|congenita}
retinopatia {|diabetica|da prematuridade|hipertensiva}
degeneracao macular {|relacionada a idade}
ceratocone
descolamento de retina
cegueira
baixa visao
deficiencia visual
surdez
perda auditiva {|neurossensorial|condutiva}
deficiencia auditiva
deficiencia fisica
deficiencia multipla
deficiente fisico
deficiente visual
deficiente auditivo
amputacao {|de membro inferior|transtibial|transfemoral}
amputado
paraplegia
tetraplegia
hemiplegia
hemiparesia
lesao medular
traumatismo cranioencefalico
=TCE
politraumatismo
politrauma
fratura {|de femur|de colo de femur|exposta|de quadril|de radio|vertebral|patologica}
alergia {a penicilina|a dipirona|a sulfa|a latex|alimentar|medicamentosa|a frutos do mar|ao iodo|a amendoim|a proteina do leite de vaca|respiratoria}
resistencia {a insulina|insulinica}
anafilaxia
choque anafilatico
lactente com alergia a proteina do leite de vaca
=APLV
intolerancia a lactose
desidratacao {|grave|moderada}
diarreia {|aguda|cronica|infecciosa}
gastroenterite {|aguda}
verminose
parasitose intestinal
giardiase
ascaridiase
amebiase
transplante {renal|hepatico|cardiaco|de medula ossea|de figado|de rim|de coracao|de pulmao|de cornea|de celulas-tronco}
transplantado
transplantada
imunossupressao
imunodeficiencia {|primaria|adquirida}
doenca autoimune
sarcoidose
amiloidose
hemocromatose
porfiria
fenilcetonuria
hipotireoidismo congenito
fibrose cistica
atrofia muscular
distrofia
sindrome de imunodeficiencia adquirida
doenca de chagas cronica
chagas
cardiopatia chagasica
megaesofago
megacolon
cancer de mama triplo negativo
estado de mal epileptico
em coma
estado de coma
coma {induzido|hepatico|diabetico|alcoolico}
morte encefalica
estado vegetativo
delirium
confusao mental
insonia {|cronica}
disturbio do sono
narcolepsia
gagueira
dislexia
disturbio de aprendizagem
atraso do desenvolvimento {|neuropsicomotor}
microcefalia
sindrome congenita do zika
ictericia neonatal
hipoglicemia neonatal
sofrimento fetal
anoxia neonatal
baixo peso ao nascer
malformacao congenita
cardiopatia congenita
labio leporino
fenda palatina
pe torto congenito
espinha bifida
mielomeningocele
# Added for generalisation (held-out evaluation, 2026-11): intensive care, surgery, paediatrics, violence, serology.
sepse de foco {pulmonar|urinario|abdominal|cutaneo}
choque {cardiogenico|hipovolemico|distributivo|hemorragico}
traumatismo cranioencefalico
=IRA
=LPP
escaras
ulceras por pressao
lesoes por pressao
pe diabetico
hipoglicemia
hiperglicemia
cetoacidose diabetica
isquemia {|cerebral|miocardica|mesenterica|critica}
microangiopatia
colelitiase
coledocolitiase
colica {biliar|renal|nefretica}
colecistite
dor {lombar|toracica|no peito|precordial|oncologica}
lombociatalgia
cervicalgia
bruxismo
disfuncao temporomandibular
ombro doloroso
hemiparesia
hemiparesia {direita|esquerda}
afasia
disfagia
atraso {de linguagem|da fala|do desenvolvimento}
crises {de ansiedade|de panico|convulsivas|epilepticas}
ataque de panico
ataques de panico
prematuridade
recem-nascido prematuro
nascido prematuro
nascida prematura
violencia {sexual|domestica|fisica|psicologica|autoprovocada}
abuso sexual
estupro
perda auditiva
perda auditiva induzida por ruido
sindrome do X fragil
crise de gota
artrite gotosa
# Common outpatient, infectious, oncological and obstetric conditions (generalisation, 2026-11).
conjuntivite {|bacteriana|viral|alergica}
otite {|media|media aguda|externa}
infeccao de vias aereas superiores
=IVAS
uso nocivo de {alcool|drogas|substancias|cocaina|crack|maconha}
violencia {interpessoal|autoprovocada|interpessoal/autoprovocada}
anorexia
urticaria
rosacea
pediculose
# Clinical abbreviations of nursing notes and handovers (case-exact).
=PNM
=BCP
=LRA
=DHEG
=DMG
=SCA
=DAC
=DAOP
=DII
`;

/** Procedures, treatments and exams that reveal a condition. */
export const PROCEDURES = `
quimioterapia {|adjuvante|neoadjuvante|paliativa|oral}
radioterapia
braquiterapia
imunoterapia oncologica
hormonioterapia
hemodialise
dialise {|peritoneal}
terapia renal substitutiva
sorologia {para|de|anti} {HIV|hepatite b|hepatite c|sifilis|HTLV|toxoplasmose|chagas}
sorologia {anti-HIV|anti-HCV|reagente}
teste rapido {para|de} {HIV|sifilis|hepatite c|hepatite b}
carga viral {|do} {|HIV|HCV|HBV|hepatite c|hepatite b}
contagem de {CD4|linfocitos CD4|linfocitos T CD4}
=CD4
=TARV
terapia antirretroviral
tratamento antirretroviral
antirretroviral
antirretrovirais
profilaxia pre-exposicao
profilaxia pos-exposicao
=PrEP
=PEP
tratamento {oncologico|psiquiatrico|de tuberculose|para tuberculose|antirretroviral|para hepatite c|da hepatite c|dialitico|quimioterapico|radioterapico}
acompanhamento {psiquiatrico|oncologico}
internacao psiquiatrica
internacao compulsoria
internacao involuntaria
eletroconvulsoterapia
mastectomia {|radical|parcial|bilateral}
quadrantectomia
prostatectomia {|radical}
histerectomia {|total}
ooforectomia
orquiectomia
colectomia
gastrectomia
tireoidectomia
nefrectomia
lobectomia {|pulmonar}
laringectomia
colostomia
ileostomia
traqueostomia
gastrostomia
cirurgia bariatrica
gastroplastia
cirurgia cardiaca
revascularizacao do miocardio
ponte de safena
angioplastia {|coronariana|com stent}
cateterismo {|cardiaco}
implante de marca-passo
marca-passo
marcapasso
implante de stent
cirurgia de catarata
facectomia
biopsia {|de mama|de prostata|hepatica|renal|de pele|de colo uterino|de medula ossea|de linfonodo|pulmonar|gastrica|de tireoide}
puncao aspirativa por agulha fina
mamografia com achado {|suspeito}
mamografia {|BI-RADS 4|BI-RADS 5|birads 4|birads 5}
colpocitologia alterada
colonoscopia {|com biopsia|com sedacao}
retossigmoidoscopia
endoscopia {|digestiva alta|digestiva}
endoscopia digestiva alta
broncoscopia
cistoscopia
quimioterapico
imunoterapia
transplante
cesarea
cesariana
laqueadura {|tubaria}
vasectomia
inseminacao artificial
fertilizacao in vitro
reproducao assistida
curetagem {|uterina}
psicoterapia
acompanhamento psicologico
tratamento para dependencia quimica
tratamento para alcoolismo
# Added for generalisation (held-out evaluation, 2026-11).
ligadura elastica
colecistectomia
colecistectomia {videolaparoscopica|por videolaparoscopia}
apendicectomia
artroplastia {|total de quadril|total de joelho|de joelho|de quadril}
protese de {joelho|quadril}
transfusao de {hemacias|concentrado de hemacias|plaquetas|plasma}
intubacao orotraqueal
=VDRL
=HBsAg
=FTA-ABS
anti-HIV {|1/2|1 e 2}
anti-HCV
anti-HBc
`;

/** Qualifiers that extend a matched condition ("hepatite C" + " crônica"). */
export const QUALIFIERS = `
febril
isquemico
isquemica
hemorragico
hemorragica
cronica
cronico
aguda
agudo
grave
leve
moderada
moderado
severa
severo
descompensada
descompensado
refrataria
refratario
persistente
recorrente
recidivante
metastatica
metastatico
avancada
avancado
paranoide
primaria
primario
secundaria
secundario
bilateral
esquerda
esquerdo
direita
direito
invasivo
invasiva
in situ
em remissao
em tratamento
`;

/** Field labels whose value is a diagnosis ("Comorbidades: HAS, DM2, gota"). */
export const DIAGNOSIS_LABELS = `
diagnostico
diagnosticos
diagnostico {principal|secundario|final|clinico|de entrada|de alta|provavel|definitivo}
diagnosticos {secundarios|associados}
hipotese diagnostica
hipoteses diagnosticas
=HD
comorbidade
comorbidades
antecedentes {|patologicos|pessoais|clinicos|medicos}
doenca de base
doencas de base
doencas {preexistentes|previas|cronicas}
condicoes {cronicas|preexistentes}
problemas de saude
motivo da internacao
`;

/** First words of a field value that is not a diagnosis. */
export const NOT_A_DIAGNOSIS = `
nega
negou
nenhum
nenhuma
sem
nao
ausente
ausentes
nada
conforme
ver
vide
em
a
o
aguardando
pendente
pendentes
investigacao
indefinido
desconhecido
desconhecida
ignorado
ignorada
sim
ok
normal
normais
outros
outras
`;
