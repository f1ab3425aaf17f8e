// Context words that say what a nearby number is. Matching is whole-word, case- and accent-insensitive
// (see plugins/sdk/assembly/text.ts); a space matches any run of whitespace, a trailing '*' any continuation.

export const K_NONE: i32 = 0;
export const K_CPF: i32 = 1;
export const K_CNPJ: i32 = 2;
export const K_RG: i32 = 3;
export const K_CNS: i32 = 4;
export const K_CNH: i32 = 5;
export const K_PIS: i32 = 6;
export const K_VOTER: i32 = 7;
export const K_MR: i32 = 8;
export const K_CEP: i32 = 9;
export const K_PHONE: i32 = 10;
/** Numbers that are not personal identifiers: lab orders, lots, barcodes, registrations of products… */
export const K_NEG: i32 = 11;
/** "registro", "ficha": a medical record number only when the number looks like one (5+ digits, not a year). */
export const K_MR_WEAK: i32 = 12;

const GROUPS: string[][] = [
  [],
  ["cpf", "c.p.f", "cpf/mf", "cic", "cadastro de pessoa fisica", "cadastro de pessoas fisicas", "cadastro da pessoa fisica"],
  ["cnpj", "c.n.p.j", "cnpj/mf", "cadastro nacional da pessoa juridica"],
  ["rg", "r.g", "identidade", "registro geral", "cedula de identidade", "carteira de identidade", "rg/ssp"],
  ["cns", "c.n.s", "cartao sus", "cartao do sus", "cartao nacional de saude", "cartao nacional do sus", "cartao de saude", "sus"],
  ["cnh", "habilitacao", "carteira de motorista", "carteira nacional de habilitacao", "registro da cnh"],
  ["pis", "pasep", "pis/pasep", "nis", "nit", "pis/nis", "nis/pis", "pis-pasep"],
  ["titulo de eleitor", "titulo eleitoral", "eleitor", "titulo"],
  ["prontuario", "prontuarios", "pront", "registro hospitalar", "numero do prontuario", "registro do paciente", "prontuario eletronico"],
  ["cep", "c.e.p", "codigo postal"],
  ["tel", "tels", "telefone", "telefones", "fone", "fones", "celular", "cel", "whatsapp", "whats", "zap", "contato",
    "contatos", "telefax", "fax", "ligar", "ligue", "ramal", "tel/cel", "tel/whatsapp"],
  ["pedido", "lote", "codigo de barras", "barras", "anvisa", "protocolo", "processo", "oficio", "nota fiscal", "nf",
    "nfe", "amostra", "requisicao", "guia", "autorizacao", "senha", "boleto", "pagamento", "conta", "agencia", "validade",
    "fabricacao", "serie", "codigo", "cod", "ref", "referencia", "ean", "gtin", "sku", "patrimonio", "ordem", "cnes",
    "regulacao", "laudo", "exame", "fatura", "contrato", "apolice", "matricula", "cartao de credito", "isbn", "issn",
    // product and operator registrations: "Registro ANS 41.887-6", "Reg. MS 1.0043.0987.012-3"
    "ans", "registro ans", "reg ans", "reg. ans", "reg ms", "reg. ms", "registro ms", "registro no ms", "registro m.s", "ms/anvisa"],
  // generic words that name a medical record only sometimes ("Registro: 2026/011895" but "registro em 2019")
  ["registro", "reg", "ficha", "n. registro", "no registro"],
];

/** All context words (flattened); KEYWORD_CLASS[i] is the K_* class of KEYWORDS[i]. */
export const KEYWORDS: string[] = [];
export const KEYWORD_CLASS: i32[] = [];
for (let g = 1; g < GROUPS.length; g++) {
  const words = GROUPS[g];
  for (let i = 0; i < words.length; i++) {
    KEYWORDS.push(words[i]);
    KEYWORD_CLASS.push(g);
  }
}

/** Words after a number that say it is an RG (issuing bodies). */
export const RG_AFTER: string[] = ["ssp", "sds", "sesp", "ssp/", "ifp", "detran", "pc", "sejusp", "segup", "ssps"];

/** Names for reasons, by class. */
export function className(k: i32): string {
  switch (k) {
    case K_CPF: return "CPF";
    case K_CNPJ: return "CNPJ";
    case K_RG: return "RG";
    case K_CNS: return "CNS";
    case K_CNH: return "CNH";
    case K_PIS: return "PIS/PASEP";
    case K_VOTER: return "título de eleitor";
    case K_MR: return "prontuário";
    case K_MR_WEAK: return "registro";
    case K_CEP: return "CEP";
    case K_PHONE: return "telefone";
  }
  return "";
}
