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
