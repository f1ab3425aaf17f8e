// Active ingredients (RENAME and other drugs common in Brazil), Portuguese DCB spelling, folded.
// Salt prefixes ("cloridrato de", "maleato de"…) are handled by the detector.

export const MEDICATIONS = `
abacavir
acarbose
aceclofenaco
acetazolamida
acetilcisteina
aciclovir
acido acetilsalicilico
=AAS
acido folico
acido valproico
acido tranexamico
acido zoledronico
acido ursodesoxicolico
acido alendronico
acido mefenamico
adalimumabe
adrenalina
albendazol
alendronato {|de sodio|sodico}
alopurinol
alprazolam
amantadina
amicacina
amiodarona
amitriptilina
anlodipino
amoxicilina
amoxicilina {+|com|e} clavulanato {|de potassio}
ampicilina
anastrozol
anfotericina b
apixabana
aripiprazol
atazanavir
atenolol
atorvastatina
atropina
azatioprina
azitromicina
baclofeno
beclometasona
benzilpenicilina {|benzatina|procaina|potassica}
penicilina {|benzatina|g benzatina|cristalina}
benzoilmetronidazol
betametasona
bevacizumabe
bicalutamida
biperideno
bisoprolol
bromazepam
bromoprida
budesonida
bupropiona
buspirona
butilbrometo de escopolamina
escopolamina
cabergolina
captopril
carbamazepina
carbidopa
carbonato de calcio
carbonato de litio
litio
carboplatina
carvedilol
cefalexina
cefazolina
cefepima
cefotaxima
ceftazidima
ceftriaxona
cefuroxima
celecoxibe
cetirizina
cetoconazol
cetoprofeno
cetorolaco
ciclofosfamida
ciclosporina
cilostazol
cimetidina
ciprofloxacino
cisplatina
citalopram
claritromicina
clindamicina
clobazam
clomipramina
clonazepam
clonidina
clopidogrel
cloranfenicol
cloroquina
clorpromazina
clortalidona
clozapina
codeina
colchicina
dapagliflozina
dapsona
darunavir
deferasirox
desloratadina
desmopressina
desvenlafaxina
dexametasona
dexclorfeniramina
diazepam
diclofenaco {|sodico|potassico|de sodio|de potassio}
digoxina
diltiazem
dimenidrinato
dipirona {|sodica|monoidratada}
metamizol
docetaxel
dolutegravir
domperidona
donepezila
dopamina
doxazosina
doxiciclina
doxorrubicina
duloxetina
efavirenz
empagliflozina
enalapril
enoxaparina {|sodica}
entricitabina
eritromicina
escitalopram
espironolactona
etambutol
etinilestradiol
etoposideo
ezetimiba
fenitoina
fenobarbital
fentanila
fluconazol
fludrocortisona
flufenazina
flunarizina
fluoxetina
fluticasona
fluvoxamina
formoterol
fosfomicina
furosemida
gabapentina
galantamina
gentamicina
glibenclamida
gliclazida
glimepirida
haloperidol
decanoato de haloperidol
heparina {|sodica|de baixo peso molecular}
hidralazina
hidroclorotiazida
hidrocortisona
hidroxicloroquina
hidroxiureia
ibuprofeno
imatinibe
imipramina
indapamida
infliximabe
insulina {|NPH|regular|glargina|asparte|lispro|detemir|degludeca|humana|glulisina}
interferon {|alfa|beta|peguilado}
ipratropio
brometo de ipratropio
isoniazida
isossorbida
mononitrato de isossorbida
dinitrato de isossorbida
itraconazol
ivermectina
lamivudina
lamotrigina
lansoprazol
leflunomida
letrozol
levetiracetam
levodopa
levofloxacino
levomepromazina
levonorgestrel
levotiroxina {|sodica}
lidocaina
linezolida
liraglutida
semaglutida
lisdexanfetamina
loperamida
lopinavir
loratadina
lorazepam
losartana {|potassica}
medroxiprogesterona
meloxicam
memantina
mesalazina
metadona
metformina
metildopa
metilfenidato
metoclopramida
metoprolol
metotrexato
metronidazol
miconazol
midazolam
mirtazapina
misoprostol
morfina
moxifloxacino
mupirocina
naloxona
naltrexona
naproxeno
nevirapina
nifedipino
nimesulida
nistatina
nitrofurantoina
nitroglicerina
noretisterona
norfloxacino
nortriptilina
olanzapina
omeprazol
ondansetrona
oseltamivir
oxacilina
oxcarbazepina
oxibutinina
oxicodona
paclitaxel
pantoprazol
paracetamol
acetaminofeno
paroxetina
permetrina
piperacilina
pirazinamida
pirimetamina
pravastatina
praziquantel
prednisolona
prednisona
pregabalina
primaquina
prometazina
propiltiouracil
propranolol
quetiapina
raltegravir
ramipril
ranitidina
rifampicina
risperidona
ritonavir
rituximabe
rivaroxabana
rivastigmina
rosuvastatina
salbutamol
sacubitril
sertralina
sildenafila
sinvastatina
sitagliptina
sofosbuvir
daclatasvir
velpatasvir
ledipasvir
sulfadiazina
sulfametoxazol
sulfametoxazol {+|com|e} trimetoprima
trimetoprima
sulfassalazina
sulfato ferroso
ferro {polimaltosado|sacarato}
sumatriptana
tacrolimo
tamoxifeno
tansulosina
tenofovir {|desoproxila|alafenamida}
terbinafina
tiamina
ticagrelor
timolol
tiotropio
topiramato
tramadol
trastuzumabe
trazodona
triexifenidil
valaciclovir
valproato {|de sodio|sodico}
divalproato {|de sodio}
vancomicina
varfarina {|sodica}
venlafaxina
verapamil
vildagliptina
zidovudina
zolpidem
zuclopentixol
lurasidona
ziprasidona
paliperidona
vortioxetina
agomelatina
metilprednisolona
tocilizumabe
etanercepte
pembrolizumabe
nivolumabe
capecitabina
fluoruracila
gencitabina
oxaliplatina
irinotecano
vincristina
cloreto de potassio
bicarbonato de sodio
sais de reidratacao oral
soro de reidratacao oral
buprenorfina
dexmedetomidina
propofol
cetamina
escetamina
tiopental
neostigmina
piridostigmina
alfaepoetina
eritropoetina
filgrastim
calcitriol
colecalciferol
sevelamer
cinacalcete
dutasterida
finasterida
tadalafila
clomifeno
ocitocina
metilergometrina
sulfato de magnesio
{adesivo|goma} de nicotina
vareniclina
dissulfiram
acamprosato
clordiazepoxido
# Added for generalisation (held-out evaluation, 2026-11): intensive care, antimicrobials, others.
noradrenalina
norepinefrina
dobutamina
vasopressina
fentanil
remifentanil
sufentanil
etomidato
rocuronio
succinilcolina
meropenem
imipenem
ertapenem
polimixina b
piperacilina
sulfametoxazol
trimetoprima
micafungina
lactulose
bisacodil
simeticona
esomeprazol
sucralfato
ciclobenzaprina
carisoprodol
orfenadrina
nalbufina
salmeterol
fenoterol
montelucaste
hidroxizina
periciazina
levodopa
carbidopa
benserazida
pramipexol
atomoxetina
glicose {50|25|hipertonica|a 50|a 25}
soro glicosado
cianocobalamina
gluconato de calcio
dabigatrana
alteplase
tenecteplase
valsartana
candesartana
olmesartana
telmisartana
fenofibrato
linagliptina
pioglitazona
dulaglutida
metimazol
febuxostate
micofenolato {|de mofetila|mofetil}
fluorouracila
entricitabina
ribavirina
clofazimina
mebendazol
benznidazol
nitazoxanida
artemeter
lumefantrina
antimoniato de meglumina
miltefosina
estradiol
progesterona
testosterona
sulfadiazina de prata
neomicina
isotretinoina
# Other drug names in daily use (generalisation, 2026-11).
vitamina {a|b12|c|d|d3|e|k}
anticoncepcional {|oral|injetavel}
contraceptivo {oral|injetavel}
clavulanato {|de potassio}
nusinersena
eculizumabe
ocrelizumabe
natalizumabe
fingolimode
omalizumabe
dupilumabe
ustequinumabe
secuquinumabe
denosumabe
teriparatida
somatropina
abiraterona
enzalutamida
lenalidomida
bortezomibe
ibrutinibe
palbociclibe
# Brand names sold in Brazil (only unambiguous ones: no common Portuguese words or first names).
rivotril
puran {|t4}
euthyrox
synthroid
levoid
tapazol
novalgina
tylenol
dorflex
buscopan
neosaldina
anador
cataflam
voltaren
arcoxia
tramal
dimorf
tylex
lyrica
zoloft
lexapro
prozac
daforin
cymbalta
efexor
pristiq
donaren
wellbutrin
velija
stilnox
lexotan
valium
olcadil
dormonid
ritalina
venvanse
risperdal
seroquel
zyprexa
haldol
neozine
amplictil
akineton
carbolitium
depakene
depakote
tegretol
trileptal
gardenal
hidantal
lamictal
topamax
keppra
exelon
ebix
prolopa
sifrol
glifage
galvus
diamicron
amaryl
januvia
jardiance
forxiga
ozempic
saxenda
victoza
wegovy
mounjaro
lantus
humalog
novorapid
tresiba
selozok
cozaar
diovan
benicar
micardis
norvasc
aldactone
lasix
higroton
crestor
lipitor
zetia
ancoron
lanoxin
isordil
monocordil
plavix
brilinta
xarelto
eliquis
marevan
pradaxa
aspirina
somalgin
nexium
pantozol
luftal
plasil
dramin
amoxil
clavulin
keflex
benzetacil
flagyl
bactrim
zitromax
tamiflu
valtrex
predsim
meticorten
decadron
aerolin
seretide
symbicort
alenia
spiriva
berotec
atrovent
pulmicort
singulair
truvada
viagra
cialis
humira
remicade
enbrel
actemra
mabthera
herceptin
nolvadex
arimidex
femara
glivec
xeloda
roacutan
plaquinol
`;

/** Salt and form prefixes ("cloridrato de sertralina"). */
export const SALTS = `
cloridrato
dicloridrato
maleato
besilato
mesilato
succinato
hemifumarato
fumarato
tartarato
hemitartarato
citrato
acetato
fosfato
sulfato
bromidrato
oxalato
valerato
propionato
dipropionato
furoato
pamoato
decanoato
enantato
cipionato
estearato
`;
