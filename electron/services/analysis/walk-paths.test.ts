import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkPaths } from './walk-paths.js';

describe('walkPaths', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-walk-'));
    await mkdir(path.join(dir, 'exames', 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'exames', 'b.txt'), 'b');
    await writeFile(path.join(dir, 'exames', 'a.txt'), 'a');
    await writeFile(path.join(dir, 'exames', 'sub', 'c.csv'), 'c');
    await writeFile(path.join(dir, 'exames', '.oculto'), 'x');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('walks folders recursively in name order, skipping hidden files', async () => {
    const files = await walkPaths(['exames'], dir);
    expect(files.map((f) => f.display)).toEqual([
      path.join('exames', 'a.txt'), path.join('exames', 'b.txt'), path.join('exames', 'sub', 'c.csv'),
    ]);
  });

  it('reports a missing path instead of failing the batch, and lists a file once', async () => {
    const files = await walkPaths(['nao-existe.pdf', 'exames/a.txt', 'exames'], dir);
    expect(files[0]).toMatchObject({ display: 'nao-existe.pdf', missing: true });
    expect(files.filter((f) => f.path.endsWith('a.txt'))).toHaveLength(1);
  });
});
