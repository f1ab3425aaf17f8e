/**
 * The keys whose plugins Sigilo runs: the public keys shipped in dist/trust/*.pub (Sigilo's own key, which
 * signs the bundled plugins) plus the partner keys the user added (<dataDir>/plugins/trust.json).
 * checkPluginTrust() tells whether a plugin folder is 'trusted', 'untrusted' (valid signature, unknown
 * key), 'unsigned' or 'invalid' (bad signature, or a wasm that does not match the signed manifest).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { distPath } from '../app-paths.js';
import { writeFileAtomic } from './atomic-file.js';
import { parsePublicKey, readPluginSignature, SigningError, verifyManifestSignature } from './signing.js';

export const TRUST_FILE = 'trust.json';
export const TRUST_STATUSES = ['trusted', 'untrusted', 'unsigned', 'invalid'] as const;
export type TrustStatus = (typeof TRUST_STATUSES)[number];

export interface TrustedKey {
  keyId: string;
  name: string;
  publicKeyPem: string;
  source: 'bundled' | 'user';
  addedAt?: string;
}

export interface TrustResult {
  status: TrustStatus;
  keyId?: string;
  /** Name of the trusted key that signed it. */
  signer?: string;
  /** Portuguese explanation, for the plugin list and error messages. */
  message: string;
}

const UserKeySchema = z.object({ keyId: z.string(), name: z.string().min(1).max(200), publicKey: z.string(), addedAt: z.string() });
const TrustFileSchema = z.object({ keys: z.array(UserKeySchema).default([]) });

export function bundledTrustDir(): string {
  return distPath('trust');
}

export class TrustStore {
  readonly #file: string;
  #user: TrustedKey[];
  readonly #bundled: TrustedKey[];
  /** Set when trust.json could not be read: its keys are not trusted, and it is never overwritten. */
  readonly problem: string | undefined;

  private constructor(file: string, user: TrustedKey[], bundled: TrustedKey[], problem?: string) {
    this.#file = file;
    this.#user = user;
    this.#bundled = bundled;
    this.problem = problem;
  }

  /**
   * Reads the user's trust store and the bundled keys. A missing file is an empty store; a corrupt one trusts
   * no user key (see `problem`) and refuses changes, so it is never silently overwritten.
   */
  static async open(options: { dataDir: string; bundledDir?: string }): Promise<TrustStore> {
    const file = path.join(options.dataDir, 'plugins', TRUST_FILE);
    let user: TrustedKey[] = [];
    let problem: string | undefined;
    let raw: string | undefined;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      raw = undefined;
    }
    if (raw !== undefined) {
      const parsed = TrustFileSchema.safeParse(safeJson(raw));
      if (!parsed.success) problem = `O arquivo de chaves confiáveis ${file} está corrompido; as chaves adicionadas pelo usuário não estão valendo. Corrija-o ou remova-o.`;
      else user = parsed.data.keys.flatMap((k) => {
        try {
          const pub = parsePublicKey(k.publicKey);
          return [{ keyId: pub.keyId, name: k.name, publicKeyPem: pub.pem, source: 'user' as const, addedAt: k.addedAt }];
        } catch {
          return [];
        }
      });
    }
    return new TrustStore(file, user, await readBundledKeys(options.bundledDir ?? bundledTrustDir()), problem);
  }

  list(): TrustedKey[] {
    return [...this.#bundled, ...this.#user].map((k) => ({ ...k }));
  }

  find(keyId: string): TrustedKey | undefined {
    return this.#bundled.find((k) => k.keyId === keyId) ?? this.#user.find((k) => k.keyId === keyId);
  }

  /**
   * Adds a partner key (SPKI PEM). Throws SigningError (Portuguese) for a bad key or a duplicate.
   * `beforeSave` runs once the key is checked and before the file changes (the audit entry: if it throws,
   * nothing changes).
   */
  async add(publicKeyPem: string, name: string, options: { now?: Date; beforeSave?: (key: TrustedKey) => void } = {}): Promise<TrustedKey> {
    if (this.problem) throw new SigningError(this.problem);
    const pub = parsePublicKey(publicKeyPem);
    const trimmed = name.trim();
    if (!trimmed) throw new SigningError('Informe um nome para a chave (o autor ou a empresa, por exemplo "Laboratório X").');
    if (trimmed.length > 200) throw new SigningError('O nome da chave pode ter no máximo 200 caracteres.');
    const existing = this.find(pub.keyId);
    if (existing) throw new SigningError(`Esta chave (${pub.keyId}) já é confiável, com o nome "${existing.name}".`);
    const key: TrustedKey = { keyId: pub.keyId, name: trimmed, publicKeyPem: pub.pem, source: 'user', addedAt: (options.now ?? new Date()).toISOString() };
    options.beforeSave?.({ ...key });
    this.#user = [...this.#user, key];
    await this.#save();
    return { ...key };
  }

  /** Removes a user key by keyId or name. Bundled keys cannot be removed. `beforeSave` as in add(). */
  async remove(keyIdOrName: string, options: { beforeSave?: (key: TrustedKey) => void } = {}): Promise<TrustedKey> {
    if (this.problem) throw new SigningError(this.problem);
    const key = this.#user.find((k) => k.keyId === keyIdOrName || k.name === keyIdOrName);
    if (!key) {
      if (this.#bundled.some((k) => k.keyId === keyIdOrName || k.name === keyIdOrName)) {
        throw new SigningError('A chave do próprio Sigilo (dos plugins incluídos) não pode ser removida.');
      }
      throw new SigningError(`Nenhuma chave confiável com id ou nome "${keyIdOrName}".`);
    }
    options.beforeSave?.({ ...key });
    this.#user = this.#user.filter((k) => k !== key);
    await this.#save();
    return { ...key };
  }

  async #save(): Promise<void> {
    const keys = this.#user.map((k) => ({ keyId: k.keyId, name: k.name, publicKey: k.publicKeyPem, addedAt: k.addedAt ?? '' }));
    await writeFileAtomic(this.#file, `${JSON.stringify({ keys }, null, 2)}\n`);
  }
}

async function readBundledKeys(dir: string): Promise<TrustedKey[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.pub')).sort();
  } catch {
    return [];
  }
  const keys: TrustedKey[] = [];
  for (const name of names) {
    try {
      const pub = parsePublicKey(await readFile(path.join(dir, name), 'utf8'));
      if (!keys.some((k) => k.keyId === pub.keyId)) keys.push({ keyId: pub.keyId, name: `Sigilo (${name.replace(/\.pub$/, '')})`, publicKeyPem: pub.pem, source: 'bundled' });
    } catch {
      // an unreadable key file trusts nothing
    }
  }
  return keys;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Checks a built plugin folder against the trust store: the signature over plugin.json, and plugin.wasm
 * against the signed sha256. Never throws.
 */
export async function checkPluginTrust(dir: string, trust: Pick<TrustStore, 'find'>): Promise<TrustResult> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, 'plugin.json'), 'utf8'));
  } catch {
    return { status: 'invalid', message: 'plugin.json ausente ou ilegível.' };
  }
  const sig = await readPluginSignature(dir);
  if (sig.kind === 'missing') return { status: 'unsigned', message: 'Plugin sem assinatura (plugin.sig ausente).' };
  if (sig.kind === 'malformed') return { status: 'invalid', message: `Assinatura inválida: ${sig.message}` };
  const { keyId } = sig.signature;
  const key = trust.find(keyId);
  if (key) {
    if (!verifyManifestSignature(manifest, sig.signature, parsePublicKey(key.publicKeyPem).key)) {
      return { status: 'invalid', keyId, message: `A assinatura não confere com plugin.json (chave ${keyId}, "${key.name}"): o plugin foi alterado depois de assinado.` };
    }
  }
  // The signature covers the manifest; the manifest's sha256 covers the wasm.
  const declared = (manifest as { sha256?: unknown } | null)?.sha256;
  try {
    const wasm = await readFile(path.join(dir, 'plugin.wasm'));
    if (createHash('sha256').update(wasm).digest('hex') !== declared) {
      return { status: 'invalid', keyId, message: 'plugin.wasm não confere com o sha256 assinado em plugin.json: o arquivo foi alterado.' };
    }
  } catch {
    return { status: 'invalid', keyId, message: 'plugin.wasm ausente.' };
  }
  if (!key) return { status: 'untrusted', keyId, message: `Assinado por uma chave desconhecida (${keyId}). Se confiar no autor: sigilo plugin trust add CHAVE.pub --name "Autor".` };
  return { status: 'trusted', keyId, signer: key.name, message: `Assinado por "${key.name}" (${keyId}).` };
}

/** Portuguese sentence for a plugin refused because of its trust status (developer mode off). */
export function refusalMessage(id: string, trust: TrustResult): string {
  const why = trust.status === 'unsigned' ? 'não está assinado'
    : trust.status === 'untrusted' ? 'foi assinado por uma chave que não está entre as confiáveis'
      : 'tem assinatura inválida ou foi alterado';
  return `Plugin '${id}' recusado: ${why}. ${trust.message} Para desenvolver plugins, ative o modo de desenvolvedor: sigilo plugin dev-mode on.`;
}
