import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchForked } from './isolated-process.js';

let dir: string;
let otherDir: string;
let entry: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-isolated-'));
  otherDir = await mkdtemp(path.join(os.tmpdir(), 'sigilo-isolated-other-'));
  await writeFile(path.join(otherDir, 'secret.txt'), 'secret');
  entry = path.join(dir, 'probe.mjs');
  await writeFile(entry, `
    import { readFileSync } from 'node:fs';
    const tryRead = (p) => { try { readFileSync(p); return 'read'; } catch (e) { return e.code; } };
    process.on('message', (msg) => {
      process.send({ echo: msg, env: Object.keys(process.env), own: tryRead(${JSON.stringify(entry)}), outside: tryRead(${JSON.stringify(path.join(otherDir, 'secret.txt'))}) });
    });`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(otherDir, { recursive: true, force: true });
});

function roundTrip(sandboxed: boolean): Promise<{ reply: Record<string, unknown>; exit: Promise<number | null> }> {
  const child = launchForked(entry, sandboxed ? { allowFsRead: [dir] } : {});
  const exit = new Promise<number | null>((resolve) => child.onExit((code, signal) => resolve(code ?? (signal ? -1 : null))));
  return new Promise((resolve) => {
    child.onMessage((reply) => {
      child.kill();
      resolve({ reply: reply as Record<string, unknown>, exit });
    });
    child.send({ hello: new Uint8Array([1, 2, 3]) });
  });
}

describe('launchForked', () => {
  it('starts the child with an empty environment and advanced serialization', async () => {
    const { reply, exit } = await roundTrip(false);
    expect(reply.env).toEqual([]);
    expect(reply.echo).toEqual({ hello: new Uint8Array([1, 2, 3]) });
    expect(await exit).toBe(-1);
  });

  it('under the permission model the child reads only the folders it was given', async () => {
    const { reply } = await roundTrip(true);
    expect(reply.own).toBe('read');
    expect(reply.outside).toBe('ERR_ACCESS_DENIED');
  });
});
