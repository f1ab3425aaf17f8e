/**
 * Ed25519 signatures of plugins (node:crypto).
 *
 * plugin.sig = {"format":"sigilo-plugin-sig/1","algorithm":"ed25519","keyId":"<16 hex>","signature":"<base64>"}
 * The signature covers SIGNED_PREFIX + canonical JSON of plugin.json (keys sorted, no whitespace), and the
 * manifest carries the sha256 of plugin.wasm, so manifest + wasm are both covered.
 *
 * Key files: private key = PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----", mode 0600), public key = SPKI PEM (.pub).
 * keyId = first 16 hex digits of sha256(SPKI DER).
 *
 * Deliberately free of relative imports: scripts/sign-bundled-plugins.mjs imports this file directly
 * (Node strips the types), so it must only use node: built-ins.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SIGNATURE_FILE = 'plugin.sig';
export const SIGNATURE_FORMAT = 'sigilo-plugin-sig/1';
/** Domain separation: a plugin signature can never be replayed as a signature of something else. */
export const SIGNED_PREFIX = 'sigilo-plugin-manifest/1\n';

export interface PluginSignature {
  format: string;
  algorithm: 'ed25519';
  keyId: string;
  signature: string;
}

export interface SigningKeyPair {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

/** Canonical JSON: object keys sorted, no whitespace, undefined dropped. Plain JSON data only. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function generateSigningKey(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Parses an Ed25519 public key (SPKI PEM). Throws SigningError (Portuguese) when it is not one. */
export function parsePublicKey(pem: string): { key: KeyObject; keyId: string; pem: string } {
  // createPublicKey would derive the public half of a private key: refuse it, the user is about to share a secret
  if (/PRIVATE KEY/.test(pem)) throw new SigningError('Isto é uma chave PRIVADA (não a compartilhe nem a cole em lugar nenhum). Use a chave pública do autor, o arquivo .pub ("BEGIN PUBLIC KEY").');
  let key: KeyObject;
  try {
    key = createPublicKey(pem.trim());
  } catch {
    throw new SigningError('O arquivo não contém uma chave pública válida (esperado PEM "BEGIN PUBLIC KEY").');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningError(`A chave pública é ${key.asymmetricKeyType ?? 'desconhecida'}; o Sigilo aceita apenas Ed25519.`);
  return { key, keyId: keyIdOf(key), pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Parses an Ed25519 private key (PKCS#8 PEM). */
export function parsePrivateKey(pem: string): { key: KeyObject; keyId: string; publicKeyPem: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem.trim());
  } catch {
    throw new SigningError('O arquivo não contém uma chave privada válida (esperado PEM "BEGIN PRIVATE KEY").');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningError(`A chave privada é ${key.asymmetricKeyType ?? 'desconhecida'}; o Sigilo aceita apenas Ed25519.`);
  const pub = createPublicKey(key);
  return { key, keyId: keyIdOf(pub), publicKeyPem: pub.export({ type: 'spki', format: 'pem' }).toString() };
}

export function manifestSigningPayload(manifest: unknown): Buffer {
  return Buffer.from(SIGNED_PREFIX + canonicalJson(manifest), 'utf8');
}

export function signManifest(manifest: unknown, privateKeyPem: string): PluginSignature {
  const { key, keyId } = parsePrivateKey(privateKeyPem);
  const signature = sign(null, manifestSigningPayload(manifest), key).toString('base64');
  return { format: SIGNATURE_FORMAT, algorithm: 'ed25519', keyId, signature };
}

export function verifyManifestSignature(manifest: unknown, signature: PluginSignature, publicKey: KeyObject): boolean {
  try {
    return verify(null, manifestSigningPayload(manifest), publicKey, Buffer.from(signature.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Validates the shape of a parsed plugin.sig; undefined when it is not one. */
export function asPluginSignature(value: unknown): PluginSignature | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v.format !== SIGNATURE_FORMAT || v.algorithm !== 'ed25519') return undefined;
  if (typeof v.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(v.keyId)) return undefined;
  if (typeof v.signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(v.signature)) return undefined;
  return { format: v.format, algorithm: 'ed25519', keyId: v.keyId, signature: v.signature };
}

export type ReadSignatureResult = { kind: 'missing' } | { kind: 'malformed'; message: string } | { kind: 'ok'; signature: PluginSignature };

export async function readPluginSignature(dir: string): Promise<ReadSignatureResult> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, SIGNATURE_FILE), 'utf8');
  } catch {
    return { kind: 'missing' };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'malformed', message: `${SIGNATURE_FILE} não é um JSON válido.` };
  }
  const signature = asPluginSignature(json);
  return signature ? { kind: 'ok', signature } : { kind: 'malformed', message: `${SIGNATURE_FILE} fora do formato ${SIGNATURE_FORMAT}.` };
}

/**
 * Signs a built plugin folder (plugin.json with sha256 + plugin.wasm): refuses when plugin.wasm does not
 * match the manifest's sha256 (signing a stale manifest would only produce a plugin that fails to load).
 * Writes plugin.sig and returns it.
 */
export async function signPluginFolder(dir: string, privateKeyPem: string): Promise<PluginSignature> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, 'plugin.json'), 'utf8'));
  } catch {
    throw new SigningError(`Não foi possível ler plugin.json em ${dir}.`);
  }
  const declared = (manifest as { sha256?: unknown } | null)?.sha256;
  if (typeof declared !== 'string') throw new SigningError(`plugin.json em ${dir} não tem o campo sha256: assine a pasta gerada pelo build (ex.: dist/plugins/<id>), não a pasta do código-fonte.`);
  let wasm: Buffer;
  try {
    wasm = await readFile(path.join(dir, 'plugin.wasm'));
  } catch {
    throw new SigningError(`plugin.wasm não encontrado em ${dir}.`);
  }
  const actual = createHash('sha256').update(wasm).digest('hex');
  if (actual !== declared) throw new SigningError(`O sha256 de plugin.wasm não confere com plugin.json em ${dir}; recompile o plugin antes de assinar.`);
  const signature = signManifest(manifest, privateKeyPem);
  await writeFile(path.join(dir, SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}\n`);
  return signature;
}

/** Writes a new key pair: <dir>/<name>.key (0600) and <dir>/<name>.pub. Refuses to overwrite. */
export async function writeKeyPair(dir: string, name: string): Promise<SigningKeyPair & { privateKeyFile: string; publicKeyFile: string }> {
  const pair = generateSigningKey();
  const privateKeyFile = path.join(dir, `${name}.key`);
  const publicKeyFile = path.join(dir, `${name}.pub`);
  try {
    await writeFile(privateKeyFile, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new SigningError(`${privateKeyFile} já existe; não vou sobrescrever uma chave.`);
    throw new SigningError(`Não foi possível gravar ${privateKeyFile}: ${(err as Error).message}`);
  }
  await writeFile(publicKeyFile, pair.publicKeyPem, { flag: 'w' });
  return { ...pair, privateKeyFile, publicKeyFile };
}
