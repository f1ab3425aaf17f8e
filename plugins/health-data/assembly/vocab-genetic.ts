// Genetic data vocabulary.

/** Words that introduce a genetic finding; "mutação" alone needs a gene symbol after it. */
export const GENETIC_TRIGGERS = `
mutacao
mutacoes
mutacao {germinativa|patogenica|somatica}
variante {patogenica|provavelmente patogenica|de significado incerto|genetica}
variantes {patogenicas|geneticas}
delecao
duplicacao
polimorfismo
microdelecao
rearranjo
fusao genica
alteracao genetica
`;

/** Terms that are genetic data by themselves. */
export const GENETIC_TERMS = `
traco falciforme
traco falcemico
=HbAS
=HbSS
=HbSC
hemoglobina {AS|SS|SC}
heterozigose
homozigose
heterozigoto
homozigoto
portador de translocacao
translocacao {|robertsoniana|equilibrada}
fator v de leiden
mutacao do fator v de leiden
trissomia {do 21|21|do 18|do 13}
`;

/** Genes named by themselves (with an optional allele: HLA-B27). */
export const GENE_SYMBOLS = `
=BRCA1
=BRCA2
=CFTR
=HLA
=TP53
=APOE
=APOE4
=HFE
=MTHFR
=PALB2
=FMR1
=SMN1
=HBB
=JAK2
=MLH1
=MSH2
=MSH6
=PMS2
=LDLR
`;

/** "portador(a) de" + an inherited condition. */
export const CARRIER_HEADS = `
{portador|portadora|portadores|portadoras} {de|do|da|dos|das}
{portador|portadora} {assintomatico|assintomatica} {de|do|da}
`;

/** What a carrier carries: genetic data by itself ("portadora de mutação", "portador do traço falciforme"). */
export const CARRIER_STATES = `
traco falciforme
traco falcemico
mutacao
pre mutacao
premutacao
gene
alelo
translocacao
`;

/** Inherited diseases: "portador de fibrose cística" usually means the patient HAS the disease (a health condition);
 * it is carrier status (genetic data) only with a qualifier ("assintomático", "(traço HbAS)", "heterozigoto"). */
export const CARRIER_CONDITIONS = `
anemia falciforme
doenca falciforme
fibrose cistica
talassemia {|major|minor|beta|alfa}
hemofilia {|a|b}
doenca de huntington
atrofia muscular espinhal
distrofia muscular de duchenne
sindrome do x fragil
hemocromatose hereditaria
`;

/** Genetic tests: genetic data only with a result ("teste genético positivo"), never as the mention of a method. */
export const GENETIC_TESTS = `
teste genetico
testes geneticos
exame genetico
painel genetico
painel {|de} {genes|multigenico}
sequenciamento {|genetico|do exoma|completo do exoma|do genoma|completo do genoma|de nova geracao}
exoma
genoma
mapeamento genetico
teste de paternidade
exame de {DNA|dna}
teste de {DNA|dna}
`;

export const KARYOTYPE = `
cariotipo
cariotipagem
`;

/** Words that report a test's result right after it: "exame genético positivo", "sequenciamento identificou…". */
export const TEST_RESULT_WORDS: string[] = ["positivo", "positiva", "alterado", "alterada", "identificou", "detectou", "revelou", "evidenciou", "confirmou", "mostrou"];
