/**
 * Where the data folder is: a small bootstrap file kept OUTSIDE the data folder (Electron's userData/bootstrap.json)
 * says which folder to use from the next start, and whether the current data (history, keys, settings) should
 * be copied there first. The data folder cannot change while the history is open: a restart is needed.
 *
 * Order at start: SIGILO_DATA_DIR (or --data-dir) > bootstrap.json's dataDir > the platform's default.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { access, constants, cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DataDirCheck } from '../../shared/api.js';
import { hasAuditHistory } from '../audit/open-audit.js';

export const BOOTSTRAP_FILE_NAME = 'bootstrap.json';

const BootstrapSchema = z.object({
  dataDir: z.string().min(1).max(4096).optional(),
  /** Copy this folder's contents into dataDir at the next start (when dataDir has no history yet). */
  copyFrom: z.string().min(1).max(4096).optional(),
});
export type Bootstrap = z.infer<typeof BootstrapSchema>;

/** Folders of the data folder that are never copied (scratch space). */
const NOT_COPIED = new Set(['tmp', BOOTSTRAP_FILE_NAME]);

/** The bootstrap file's contents; a missing or damaged file (or relative paths) count as empty. */
export function readBootstrap(file: string): Bootstrap {
  try {
    const parsed = BootstrapSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return {
      ...(parsed.dataDir && path.isAbsolute(parsed.dataDir) ? { dataDir: parsed.dataDir } : {}),
      ...(parsed.copyFrom && path.isAbsolute(parsed.copyFrom) ? { copyFrom: parsed.copyFrom } : {}),
    };
  } catch {
    return {};
  }
}

export async function writeBootstrap(file: string, value: Bootstrap): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** The data folder to open: an explicit one (env/--data-dir) wins, then the bootstrap file, then the default. */
export function startupDataDir(options: { explicit?: string | undefined; bootstrapFile: string; defaultDir: string }): string {
  if (options.explicit) return path.resolve(options.explicit);
  return readBootstrap(options.bootstrapFile).dataDir ?? options.defaultDir;
}

/**
 * Done at start, before the history is opened: when the bootstrap asks for it, copies the previous data folder
 * into the new one (only if the new one has no history of its own; nothing is overwritten), then forgets the
 * request. Returns what happened, for the log.
 */
export async function applyPendingCopy(bootstrapFile: string, dataDir: string): Promise<'copied' | 'skipped' | 'none'> {
  const boot = readBootstrap(bootstrapFile);
  if (!boot.copyFrom || !boot.dataDir || path.resolve(boot.dataDir) !== path.resolve(dataDir)) return 'none';
  const from = path.resolve(boot.copyFrom);
  let result: 'copied' | 'skipped' = 'skipped';
  if (existsSync(from) && !hasAuditHistory(dataDir) && from !== path.resolve(dataDir)) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(from)) {
      if (NOT_COPIED.has(name)) continue;
      await cp(path.join(from, name), path.join(dataDir, name), { recursive: true, force: false, errorOnExist: false, preserveTimestamps: true });
    }
    result = 'copied';
  }
  await writeBootstrap(bootstrapFile, { dataDir: boot.dataDir });
  return result;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function writable(dir: string): Promise<boolean> {
  const probe = path.join(dir, `.sigilo-teste-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(probe, 'ok', { mode: 0o600 });
    await rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** Checks a folder offered as the data folder. Never creates it. Messages in Portuguese. */
export async function checkDataDir(candidate: string, current: string): Promise<DataDirCheck> {
  const target = path.resolve(candidate);
  const no = (message: string): DataDirCheck => ({ path: target, ok: false, hasHistory: false, message });
  if (!path.isAbsolute(candidate)) return no('O caminho da pasta precisa ser completo (absoluto).');
  const cur = path.resolve(current);
  if (target === cur) return { path: target, ok: true, hasHistory: true, message: 'Esta já é a pasta de dados em uso.' };
  if (isInside(target, cur)) return no('A nova pasta não pode ficar dentro da pasta de dados atual.');
  if (isInside(cur, target)) return no('A nova pasta não pode conter a pasta de dados atual. Escolha ou crie uma pasta própria para o Sigilo.');
  let info;
  try {
    info = await stat(target);
  } catch {
    // does not exist yet: its parent must exist and be writable
    const parent = path.dirname(target);
    try {
      await access(parent, constants.W_OK);
    } catch {
      return no('A pasta não existe e não pode ser criada aqui (sem permissão de escrita ou local indisponível).');
    }
    return { path: target, ok: true, hasHistory: false, message: 'A pasta será criada no próximo início do Sigilo.' };
  }
  if (!info.isDirectory()) return no('O caminho escolhido é um arquivo, não uma pasta.');
  if (!(await writable(target))) return no('Sem permissão de escrita nesta pasta. Escolha outra pasta ou peça acesso ao responsável pela TI.');
  if (hasAuditHistory(target)) {
    return { path: target, ok: true, hasHistory: true, message: 'Esta pasta já tem um histórico do Sigilo; ele passará a ser usado (o histórico atual continua na pasta antiga).' };
  }
  const others = readdirSync(target).filter((n) => !n.startsWith('.'));
  const note = others.length > 0 ? ` A pasta já contém ${others.length} item(ns); nada será apagado.` : '';
  return { path: target, ok: true, hasHistory: false, message: `Pasta disponível.${note}` };
}

export interface DataFolderPort {
  /** The folder in use now. */
  readonly current: string;
  /** The folder chosen for the next start, when it differs from the current one. */
  pending(): Promise<string | undefined>;
  check(candidate: string): Promise<DataDirCheck>;
  /** Saves the choice in the bootstrap file (checked again first); a restart applies it. */
  set(candidate: string, copyCurrent: boolean): Promise<{ pendingDataDir?: string }>;
}

/** The data folder port over a bootstrap file. `locked` (an explicit SIGILO_DATA_DIR) refuses changes. */
export function dataFolderPort(options: { bootstrapFile: string; current: string; defaultDir: string; locked?: boolean }): DataFolderPort {
  const current = path.resolve(options.current);
  const pending = async (): Promise<string | undefined> => {
    const next = readBootstrap(options.bootstrapFile).dataDir ?? options.defaultDir;
    return path.resolve(next) === current ? undefined : path.resolve(next);
  };
  return {
    current,
    pending,
    check: (candidate) => checkDataDir(candidate, current),
    async set(candidate, copyCurrent) {
      if (options.locked) throw new DataFolderError('A pasta de dados foi definida pela variável SIGILO_DATA_DIR e não pode ser trocada pelo aplicativo.');
      const check = await checkDataDir(candidate, current);
      if (!check.ok) throw new DataFolderError(check.message);
      if (check.path === current) {
        // back to the folder in use: forget any pending change
        await writeBootstrap(options.bootstrapFile, path.resolve(options.defaultDir) === current ? {} : { dataDir: current });
        return {};
      }
      await writeBootstrap(options.bootstrapFile, { dataDir: check.path, ...(copyCurrent && !check.hasHistory ? { copyFrom: current } : {}) });
      return { pendingDataDir: check.path };
    },
  };
}

export class DataFolderError extends Error {
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
    this.userMessage = message;
  }
}
