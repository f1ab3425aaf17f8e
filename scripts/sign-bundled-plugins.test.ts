import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSigningKey } from '../electron/services/plugins/signing.js';
import { checkPluginTrust, TrustStore } from '../electron/services/plugins/trust-store.js';
import { GOOD_WAT, tempRoot, writePlugin } from '../electron/services/plugins/test-plugins.js';
// @ts-expect-error: plain ESM script without types
import { signBundledPlugins } from './sign-bundled-plugins.mjs';

let root: string;
beforeAll(async () => {
  root = await tempRoot('sigilo-sign-bundled-');
  await writePlugin(path.join(root, 'dist', 'plugins'), 'one', GOOD_WAT);
  await writePlugin(path.join(root, 'dist', 'plugins'), 'two', GOOD_WAT);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

type Sign = (o: { root: string; env: Record<string, string>; log: (m: string) => void }) => Promise<{ keyId: string; signed: number; kept: number; failed: string[] }>;
const sign = signBundledPlugins as Sign;
const trustOf = async (id: string) => checkPluginTrust(path.join(root, 'dist', 'plugins', id), await TrustStore.open({ dataDir: path.join(root, 'data'), bundledDir: path.join(root, 'dist', 'trust') }));

describe('signing the bundled plugins at build time', () => {
  it('without SIGILO_SIGNING_KEY: a per-checkout key generated once (0600), its public key in dist/trust', async () => {
    const first = await sign({ root, env: {}, log: () => undefined });
    expect(first).toMatchObject({ signed: 2, kept: 0, failed: [] });
    const keyFile = path.join(root, 'scripts', '.plugin-build-key.pem');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.join(root, 'dist', 'trust'))).toEqual(['sigilo-build.pub']);
    expect(await trustOf('one')).toMatchObject({ status: 'trusted', signer: 'Sigilo (sigilo-build)' });
    // incremental, same key
    expect(await sign({ root, env: {}, log: () => undefined })).toMatchObject({ keyId: first.keyId, signed: 0, kept: 2 });
  });

  it('with SIGILO_SIGNING_KEY (PEM text or file): re-signs with the release key and publishes only its public key', async () => {
    const release = generateSigningKey();
    const keyFile = path.join(root, 'release.key');
    await writeFile(keyFile, release.privateKeyPem);
    const r = await sign({ root, env: { SIGILO_SIGNING_KEY: keyFile }, log: () => undefined });
    expect(r).toMatchObject({ keyId: release.keyId, signed: 2 });
    expect(readdirSync(path.join(root, 'dist', 'trust'))).toEqual(['sigilo-release.pub']);
    expect(await trustOf('two')).toMatchObject({ status: 'trusted', keyId: release.keyId });
    expect(await sign({ root, env: { SIGILO_SIGNING_KEY: release.privateKeyPem }, log: () => undefined })).toMatchObject({ signed: 0, kept: 2 });
  });

  it('warns instead of failing the build when a plugin cannot be signed (wasm rewritten meanwhile)', async () => {
    await writePlugin(path.join(root, 'dist', 'plugins'), 'racing', GOOD_WAT, {}, true);
    const logs: string[] = [];
    const r = await sign({ root, env: {}, log: (m) => logs.push(m) });
    expect(r.failed).toHaveLength(1);
    expect(logs.join('\n')).toContain('WARNING plugin not signed');
    expect(existsSync(path.join(root, 'dist', 'plugins', 'racing', 'plugin.sig'))).toBe(false);
  });
});
