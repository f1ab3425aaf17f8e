import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  canonicalJson, generateSigningKey, parsePrivateKey, parsePublicKey, signManifest, signPluginFolder, SigningError, verifyManifestSignature,
} from './signing.js';
import { checkPluginTrust, TrustStore } from './trust-store.js';
import { GOOD_WAT, tempRoot, writePlugin } from './test-plugins.js';

let root: string;
beforeAll(async () => {
  root = await tempRoot('sigilo-signing-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('Ed25519 plugin signatures', () => {
  it('signs the canonical manifest: key order and whitespace do not matter, any field change does', () => {
    const key = generateSigningKey();
    const manifest = { id: 'x', version: '1.0.0', sha256: 'a'.repeat(64), limits: { timeoutMs: 10, memoryPages: 1 } };
    const sig = signManifest(manifest, key.privateKeyPem);
    expect(sig).toMatchObject({ format: 'sigilo-plugin-sig/1', algorithm: 'ed25519', keyId: key.keyId });
    const pub = parsePublicKey(key.publicKeyPem).key;
    expect(verifyManifestSignature({ limits: { memoryPages: 1, timeoutMs: 10 }, sha256: 'a'.repeat(64), version: '1.0.0', id: 'x' }, sig, pub)).toBe(true);
    expect(verifyManifestSignature({ ...manifest, sha256: 'b'.repeat(64) }, sig, pub)).toBe(false);
    expect(verifyManifestSignature(manifest, sig, parsePublicKey(generateSigningKey().publicKeyPem).key)).toBe(false);
    expect(canonicalJson({ b: [1, { d: null, c: 'é' }], a: true })).toBe('{"a":true,"b":[1,{"c":"é","d":null}]}');
  });

  it('refuses keys that are not Ed25519 PEM, in Portuguese', () => {
    expect(() => parsePublicKey('not a key')).toThrow(SigningError);
    expect(() => parsePrivateKey(generateSigningKey().publicKeyPem)).toThrow(/chave privada válida/);
    expect(parsePrivateKey(generateSigningKey().privateKeyPem).keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('signs a built folder only when plugin.wasm matches the manifest', async () => {
    const key = generateSigningKey();
    const good = await writePlugin(root, 'good', GOOD_WAT);
    await signPluginFolder(good, key.privateKeyPem);
    const tampered = await writePlugin(root, 'tampered', GOOD_WAT, {}, true);
    await expect(signPluginFolder(tampered, key.privateKeyPem)).rejects.toThrow(/não confere/);
  });
});

describe('TrustStore and checkPluginTrust', () => {
  it('tells trusted, untrusted, unsigned and invalid apart, and survives a reopen', async () => {
    const dataDir = path.join(root, 'data');
    const bundledDir = path.join(root, 'bundled-trust');
    const sigilo = generateSigningKey();
    const partner = generateSigningKey();
    await writeFile(path.join(root, 'sigilo.pub'), sigilo.publicKeyPem);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(bundledDir, { recursive: true });
    await writeFile(path.join(bundledDir, 'sigilo-build.pub'), sigilo.publicKeyPem);
    let store = await TrustStore.open({ dataDir, bundledDir });
    const bundled = await writePlugin(root, 'bundled-one', GOOD_WAT);
    await signPluginFolder(bundled, sigilo.privateKeyPem);
    const partnerPlugin = await writePlugin(root, 'partner-one', GOOD_WAT);
    await signPluginFolder(partnerPlugin, partner.privateKeyPem);
    expect(await checkPluginTrust(bundled, store)).toMatchObject({ status: 'trusted', signer: 'Sigilo (sigilo-build)' });
    expect(await checkPluginTrust(partnerPlugin, store)).toMatchObject({ status: 'untrusted', keyId: partner.keyId });
    expect(await checkPluginTrust(await writePlugin(root, 'plain', GOOD_WAT), store)).toMatchObject({ status: 'unsigned' });

    await store.add(partner.publicKeyPem, 'Laboratório X');
    await expect(store.add(partner.publicKeyPem, 'de novo')).rejects.toThrow(/já é confiável/);
    store = await TrustStore.open({ dataDir, bundledDir });
    expect(await checkPluginTrust(partnerPlugin, store)).toMatchObject({ status: 'trusted', signer: 'Laboratório X' });
    const manifest = JSON.parse(await readFile(path.join(partnerPlugin, 'plugin.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(partnerPlugin, 'plugin.json'), JSON.stringify({ ...manifest, capabilities: ['log'] }));
    expect(await checkPluginTrust(partnerPlugin, store)).toMatchObject({ status: 'invalid', message: expect.stringContaining('alterado') });

    await expect(store.remove(sigilo.keyId)).rejects.toThrow(/não pode ser removida/);
    expect((await store.remove('Laboratório X')).keyId).toBe(partner.keyId);
    expect((await TrustStore.open({ dataDir, bundledDir })).list().map((k) => k.source)).toEqual(['bundled']);
  });
});
