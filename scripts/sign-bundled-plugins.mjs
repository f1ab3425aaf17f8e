// Signs the bundled plugins (dist/plugins/*) and publishes the public key in dist/trust/, so the app
// trusts them. Run by scripts/build-plugins.mjs after a build (and on its own: node scripts/sign-bundled-plugins.mjs).
//
// Key: SIGILO_SIGNING_KEY (release builds) = an Ed25519 private key as PKCS#8 PEM text, or the path of such
// a file. Without it, a per-checkout build key is generated once into scripts/.plugin-build-key.pem
// (gitignored, mode 0600): plugins built in this checkout are trusted by this checkout's build only.
// dist/trust/ holds exactly the public key of the key used (sigilo-release.pub or sigilo-build.pub).
// Incremental: a plugin whose plugin.sig already verifies with that key over its current plugin.json is left alone.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function signBundledPlugins({ root = defaultRoot, env = process.env, log = (m) => console.error(m) } = {}) {
  const signing = await import(pathToFileURL(path.join(defaultRoot, 'electron/services/plugins/signing.ts')).href);
  const { privateKeyPem, label } = loadKey(root, env, signing);
  const { keyId, publicKeyPem, key } = signing.parsePrivateKey(privateKeyPem);
  const publicKey = signing.parsePublicKey(publicKeyPem).key;
  void key;

  const trustDir = path.join(root, 'dist', 'trust');
  mkdirSync(trustDir, { recursive: true });
  for (const name of readdirSync(trustDir)) if (name.endsWith('.pub') && name !== `${label}.pub`) rmSync(path.join(trustDir, name));
  writeFileSync(path.join(trustDir, `${label}.pub`), publicKeyPem);

  const pluginsDir = path.join(root, 'dist', 'plugins');
  let signed = 0;
  let kept = 0;
  const failed = [];
  const names = existsSync(pluginsDir) ? readdirSync(pluginsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  for (const name of names) {
    const dir = path.join(pluginsDir, name);
    if (!existsSync(path.join(dir, 'plugin.json'))) continue;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'plugin.json'), 'utf8'));
    const sigFile = path.join(dir, signing.SIGNATURE_FILE);
    if (existsSync(sigFile)) {
      try {
        const sig = signing.asPluginSignature(JSON.parse(readFileSync(sigFile, 'utf8')));
        if (sig && sig.keyId === keyId && signing.verifyManifestSignature(manifest, sig, publicKey)) {
          kept++;
          continue;
        }
      } catch {
        // re-sign below
      }
    }
    try {
      await signing.signPluginFolder(dir, privateKeyPem);
      signed++;
    } catch (err) {
      // e.g. another build is rewriting this plugin right now: the next build signs it; until then the app
      // refuses it as unsigned/invalid (and says so), it never runs unsigned
      failed.push(`${name}: ${err.message}`);
    }
  }
  log(`build: plugins signed with the ${label === 'sigilo-release' ? 'release' : 'per-checkout build'} key ${keyId} (${signed} signed, ${kept} already signed); public key in dist/trust/${label}.pub`);
  for (const f of failed) log(`build: WARNING plugin not signed, it will be refused until the next build: ${f}`);
  return { keyId, signed, kept, failed };
}

function loadKey(root, env, signing) {
  const fromEnv = env.SIGILO_SIGNING_KEY;
  if (fromEnv) {
    const pem = fromEnv.includes('BEGIN') ? fromEnv : readFileSync(path.resolve(fromEnv), 'utf8');
    return { privateKeyPem: pem, label: 'sigilo-release' };
  }
  const file = path.join(root, 'scripts', '.plugin-build-key.pem');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const pair = signing.generateSigningKey();
    writeFileSync(file, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  }
  return { privateKeyPem: readFileSync(file, 'utf8'), label: 'sigilo-build' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  signBundledPlugins().catch((err) => {
    console.error(`sign-bundled-plugins failed: ${err.message}`);
    process.exit(1);
  });
}
