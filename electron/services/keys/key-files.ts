/** Small helpers to keep secrets in files only the owner can read (0600), written atomically. */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Writes `data` to `file` with mode 0600: temp file, fsync, rename (never a half-written key). */
export async function writePrivateFile(file: string, data: string | Buffer, options: { exclusive?: boolean } = {}): Promise<void> {
  await ensurePrivateDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(tmp, 0o600); // umask may have narrowed it further; never wider
  if (options.exclusive) {
    // first run: two processes may race to create the key; the first one wins, the other reads it
    try {
      await link(tmp, file);
    } finally {
      await rm(tmp, { force: true });
    }
    return;
  }
  await rename(tmp, file);
}

export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function isAlreadyExists(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}
