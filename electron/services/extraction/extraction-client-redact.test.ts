/**
 * Redaction through the extraction process: the document is parsed and rendered in the isolated child
 * (never in this process), the pseudonym table stays on this side and survives the boundary, and a
 * document that hangs or crashes the child is contained like an extraction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SigiloError } from '../../shared/error-codes';
import { launchForked, type ProcessLauncher } from '../isolated-process';
import { createPseudonymizer } from '../redaction/pseudonymizer';
import { RedactionError } from '../redaction/redaction-error';
import { ExtractionClient } from './extraction-client';
import { buildExtractionProcess, textImage, textPdf } from './test-support';

let entry: string;
let dir: string;
let client: ExtractionClient;
const launched: Array<number | undefined> = [];
const file = (name: string, bytes: Uint8Array | string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const failureOf = async (promise: Promise<unknown>): Promise<string> => {
  try { await promise; return 'OK'; } catch (error) {
    if (error instanceof RedactionError) return 'REDACTION';
    expect(error).toBeInstanceOf(SigiloError);
    return (error as SigiloError).code;
  }
};

beforeAll(async () => {
  entry = await buildExtractionProcess();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sigilo-redact-client-'));
  // records the pid of every process the client starts
  const launcher: ProcessLauncher = (script, opts) => {
    const child = launchForked(script, opts);
    launched.push(child.pid);
    return child;
  };
  client = ExtractionClient.start({ entry, launcher, timeoutMs: 60_000 });
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (entry) rmSync(path.dirname(entry), { recursive: true, force: true });
});

const cpf = { type: 'cpf', text: '529.982.247-25' };
const name = { type: 'person_name', text: 'Maria José Silva' };

describe('ExtractionClient.redact (real extraction process)', () => {
  it('redacts in the child process: the process that served the call is the launched one, not this one', async () => {
    const before = await client.stats();
    const out = await client.redact({ kind: 'path', path: file('nota.txt', 'Paciente Maria José Silva, CPF 529.982.247-25.') }, [cpf, name], {
      mode: 'label', pseudonyms: createPseudonymizer(),
    });
    expect(text(out.bytes)).toBe('Paciente [NOME], CPF [CPF].');
    expect(out).toMatchObject({ format: 'text', mode: 'label', values: 2, replaced: 2 });
    const after = await client.stats();
    expect(after.pid).toBe(before.pid);
    expect(after.pid).toBe(launched.at(-1));
    expect(after.pid).not.toBe(process.pid);
    expect(after.documents).toBe(before.documents + 1);
  });

  it('renders and OCRs a scanned image in the child, with no network access there', async () => {
    const png = await textImage(['Paciente: Maria José Silva', 'CPF 529.982.247-25'], 'png');
    const out = await client.redact({ kind: 'bytes', name: 'scan.png', bytes: png }, [cpf], { mode: 'block', pseudonyms: createPseudonymizer() });
    expect(out.format).toBe('png');
    expect(out.replaced).toBeGreaterThan(0);
    expect(Buffer.from(out.bytes).equals(Buffer.from(png))).toBe(false);
    expect((await client.stats()).blockedNetworkAttempts).toBe(0);
  }, 60_000);

  it('keeps one pseudonym table across files and across the process boundary, even for concurrent calls', async () => {
    const pseudonyms = createPseudonymizer();
    const a = file('a.txt', 'Maria José Silva 529.982.247-25');
    const b = file('b.csv', 'nome;cpf\nMARIA JOSE SILVA;52998224725\nJoão Souza;111.444.777-35\n');
    const c = file('c.txt', 'João Souza e Maria José Silva');
    const [ra, rb, rc] = await Promise.all([
      client.redact({ kind: 'path', path: a }, [name, cpf], { mode: 'pseudonym', pseudonyms }),
      client.redact({ kind: 'path', path: b }, [{ type: 'person_name', text: 'MARIA JOSE SILVA' }, { type: 'cpf', text: '52998224725' },
        { type: 'person_name', text: 'João Souza' }, { type: 'cpf', text: '111.444.777-35' }], { mode: 'pseudonym', pseudonyms }),
      client.redact({ kind: 'path', path: c }, [{ type: 'person_name', text: 'joão souza' }, name], { mode: 'pseudonym', pseudonyms }),
    ]);
    expect(text(ra!.bytes)).toBe('NOME_1 CPF_1');
    expect(text(rb!.bytes)).toBe('nome;cpf\nNOME_1;CPF_1\nNOME_2;CPF_2\n');
    expect(text(rc!.bytes)).toBe('NOME_2 e NOME_1');
    expect(pseudonyms.entries().map((e) => e.token)).toEqual(['NOME_1', 'CPF_1', 'NOME_2', 'CPF_2']);
  });

  it('carries a refusal (value not located) back as a RedactionError with the message for the user', async () => {
    const blank = await textImage([], 'png');
    const error = await client.redact({ kind: 'bytes', name: 'branco.png', bytes: blank }, [cpf], { mode: 'label', pseudonyms: createPseudonymizer() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedactionError);
    expect((error as RedactionError).userMessage).toContain('não foi gerada');
    expect(await failureOf(client.redact({ kind: 'path', path: path.join(dir, 'nao-existe.pdf') }, [cpf], { mode: 'label', pseudonyms: createPseudonymizer() })))
      .toBe('NOT_FOUND');
    expect(await failureOf(client.redact({ kind: 'path', path: file('quebrado.pdf', '%PDF-1.7\nlixo') }, [cpf], { mode: 'label', pseudonyms: createPseudonymizer() })))
      .toBe('CORRUPT_FILE');
  });

  it('kills a redaction that exceeds its time limit; the table is untouched and the next document gets a fresh process', async () => {
    const pseudonyms = createPseudonymizer();
    pseudonyms.tokenFor('cpf', '111.444.777-35');
    const pdf = file('lento.pdf', await textPdf([['CPF 529.982.247-25'], ['Maria José Silva']]));
    const before = client.pid;
    const started = Date.now();
    expect(await failureOf(client.redact({ kind: 'path', path: pdf }, [cpf, name], { mode: 'pseudonym', pseudonyms, timeoutMs: 30 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(pseudonyms.entries()).toHaveLength(1);
    const out = await client.redact({ kind: 'path', path: file('depois.txt', 'CPF 529.982.247-25') }, [cpf], { mode: 'pseudonym', pseudonyms });
    expect(text(out.bytes)).toBe('CPF CPF_2');
    expect(client.pid).not.toBe(before);
    expect(client.pid).toBe(launched.at(-1));
  });

  it('contains a process that dies in the middle of a redaction', async () => {
    const pid = client.pid!;
    const pending = client.redact({ kind: 'bytes', name: 'scan.png', bytes: await textImage(['CPF 529.982.247-25'], 'png') }, [cpf], {
      mode: 'block', pseudonyms: createPseudonymizer(),
    });
    setTimeout(() => process.kill(pid, 'SIGKILL'), 20);
    expect(await failureOf(pending)).toBe('INTERNAL');
    const out = await client.redact({ kind: 'path', path: file('de-novo.txt', 'CPF 529.982.247-25') }, [cpf], { mode: 'label', pseudonyms: createPseudonymizer() });
    expect(text(out.bytes)).toBe('CPF [CPF]');
    expect(client.pid).not.toBe(pid);
  });

  it('refuses invalid requests before they reach the process', async () => {
    const pseudonyms = createPseudonymizer();
    expect(await failureOf(client.redact({ kind: 'path', path: '' }, [cpf], { mode: 'label', pseudonyms }))).toBe('INTERNAL');
    expect(await failureOf(client.redact({ kind: 'path', path: '/tmp/x.txt' }, [cpf], { mode: 'borrar' as 'label', pseudonyms }))).toBe('INTERNAL');
    expect(await failureOf(client.redact({ kind: 'path', path: '/tmp/x.txt' }, [{ type: '', text: 'x' }], { mode: 'label', pseudonyms }))).toBe('INTERNAL');
  });
});

describe('ExtractionClient.redact with a hostile process', () => {
  it('rejects a malformed or conflicting answer and replaces the process', async () => {
    // A child that answers every redaction with whatever the test wants (bytes not bytes, a pseudonym that
    // collides with the table), as a compromised extraction process could.
    const script = path.join(dir, 'hostile.mjs');
    writeFileSync(script, `
      let n = 0;
      process.on('message', (m) => {
        n++;
        if (m.type !== 'redact') return;
        const result = n === 1
          ? { bytes: 'nao sao bytes', format: 'text', mode: 'label', values: 1, replaced: 1, warnings: [], pseudonyms: [] }
          : { bytes: new Uint8Array([65]), format: 'text', mode: 'pseudonym', values: 1, replaced: 1, warnings: [],
              pseudonyms: [{ type: 'cpf', key: 'outro', token: 'CPF_1' }] };
        process.send({ type: 'redacted', id: m.id, result });
      });
      process.on('disconnect', () => process.exit(0));
      process.send({ type: 'ready', pid: process.pid });
    `);
    const hostile = ExtractionClient.start({ entry: script, timeoutMs: 10_000, onStderr: () => undefined });
    try {
      const pseudonyms = createPseudonymizer();
      pseudonyms.tokenFor('cpf', '529.982.247-25');
      const first = hostile.pid;
      expect(await failureOf(hostile.redact({ kind: 'path', path: '/tmp/x.txt' }, [cpf], { mode: 'label', pseudonyms }))).toBe('INTERNAL');
      expect(hostile.processesStarted).toBe(1);
      const second = hostile.redact({ kind: 'path', path: '/tmp/x.txt' }, [cpf], { mode: 'pseudonym', pseudonyms });
      expect(hostile.pid).not.toBe(first); // the process that sent garbage was replaced
      expect(await failureOf(second)).toBe('INTERNAL');
      expect(pseudonyms.entries()).toEqual([{ type: 'cpf', key: '52998224725', token: 'CPF_1' }]);
    } finally {
      await hostile.close();
    }
  });
});
