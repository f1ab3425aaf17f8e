/** Expands the PATH arguments of `sigilo analyze` (files and folders, walked recursively) into files. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface WalkedPath {
  /** Absolute path of the file. */
  path: string;
  /** The name shown in reports: as given, or relative to the folder argument's parent. */
  display: string;
}

export interface MissingPath {
  path: string;
  display: string;
  missing: true;
}

/**
 * Files in the order given; each folder's files sorted by name. Hidden entries (".name") inside folders
 * are skipped; symbolic links to folders are not followed (no cycles). A path that does not exist is
 * returned as missing so the caller can report it and go on.
 */
export async function walkPaths(inputs: string[], cwd: string): Promise<Array<WalkedPath | MissingPath>> {
  const out: Array<WalkedPath | MissingPath> = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      out.push({ path: abs, display: input, missing: true });
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await listFolder(abs)) {
        if (seen.has(file)) continue;
        seen.add(file);
        out.push({ path: file, display: path.join(input, path.relative(abs, file)) });
      }
    } else if (!seen.has(abs)) {
      seen.add(abs);
      out.push({ path: abs, display: input });
    }
  }
  return out;
}

async function listFolder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFolder(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
