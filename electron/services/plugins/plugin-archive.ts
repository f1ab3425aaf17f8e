/**
 * .sigilo-plugin archives: a zip (fflate) holding exactly plugin.json, plugin.wasm and (when signed)
 * plugin.sig at its root. Unpacking accepts nothing else: no folders, no other names, bounded sizes.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { MANIFEST_FILE, MAX_WASM_BYTES, WASM_FILE } from './plugin-loader.js';
import { SIGNATURE_FILE } from './signing.js';

export const ARCHIVE_EXTENSION = '.sigilo-plugin';
const MEMBERS = [MANIFEST_FILE, WASM_FILE, SIGNATURE_FILE] as const;
const MAX_SMALL_FILE = 256 * 1024;
const MAX_ARCHIVE_BYTES = MAX_WASM_BYTES + 2 * MAX_SMALL_FILE;

export class PluginArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginArchiveError';
  }
}

/** Zips a built plugin folder; plugin.sig is included when present. */
export async function packPlugin(dir: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of MEMBERS) {
    try {
      files[name] = new Uint8Array(await readFile(path.join(dir, name)));
    } catch {
      if (name !== SIGNATURE_FILE) throw new PluginArchiveError(`${name} não encontrado em ${dir}.`);
    }
  }
  return zipSync(files, { level: 9 });
}

/** Checks and extracts an archive's bytes; returns the members. Throws PluginArchiveError (Portuguese). */
export function readPluginArchive(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) throw new PluginArchiveError('O arquivo do plugin é grande demais.');
  let unzipped: Unzipped;
  const refused: string[] = [];
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        const allowed = (MEMBERS as readonly string[]).includes(file.name);
        const limit = file.name === WASM_FILE ? MAX_WASM_BYTES : MAX_SMALL_FILE;
        if (!allowed) refused.push(file.name);
        else if (file.originalSize > limit) throw new PluginArchiveError(`${file.name} no arquivo é grande demais (${file.originalSize} bytes).`);
        return allowed;
      },
    });
  } catch (err) {
    if (err instanceof PluginArchiveError) throw err;
    throw new PluginArchiveError(`O arquivo não é um pacote ${ARCHIVE_EXTENSION} válido (zip ilegível: ${(err as Error).message}).`);
  }
  if (refused.length > 0) throw new PluginArchiveError(`O pacote contém arquivos não permitidos: ${refused.slice(0, 5).join(', ')}. Só são aceitos ${MEMBERS.join(', ')}.`);
  for (const name of [MANIFEST_FILE, WASM_FILE]) {
    if (!unzipped[name]) throw new PluginArchiveError(`O pacote não contém ${name}.`);
  }
  for (const [name, data] of Object.entries(unzipped)) {
    // the declared size in the zip header can lie; check what was actually inflated
    if (data.byteLength > (name === WASM_FILE ? MAX_WASM_BYTES : MAX_SMALL_FILE)) throw new PluginArchiveError(`${name} no arquivo é grande demais.`);
  }
  return unzipped;
}

/** Extracts an archive file into a fresh temporary folder; returns that folder. */
export async function unpackPluginArchive(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new PluginArchiveError(`Não foi possível ler ${file}.`);
  }
  const members = readPluginArchive(bytes);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-plugin-'));
  for (const [name, data] of Object.entries(members)) await writeFile(path.join(dir, name), data);
  return dir;
}
