/**
 * The app's plugin lifecycle over the plugin registry (electron/services/plugins/plugin-registry.ts): inspect a
 * plugin before installing it (manifest, requested capabilities, signature), install/upgrade with exactly the
 * capabilities the user ticked, rollback, remove, grant/revoke, developer mode. Every change is audited by the
 * registry; after each one the plugin host is reloaded so the change takes effect at once.
 */
import { rm, stat } from 'node:fs/promises';
import type { Capability } from '../../shared/plugin-manifest.js';
import { unpackPluginArchive } from '../plugins/plugin-archive.js';
import type { PluginAuditSink } from '../plugins/plugin-audit.js';
import { loadPluginFolder } from '../plugins/plugin-loader.js';
import { bundledPluginDirs, compareSemver, PluginRegistry, RegistryError } from '../plugins/plugin-registry.js';
import { checkPluginTrust, TrustStore, type TrustedKey } from '../plugins/trust-store.js';
import type { TrustedKeyInfo } from '../../shared/api.js';
import { bundledPluginsDir } from '../app-paths.js';
import { ApiError } from './api-error.js';
import type { PluginManagePort } from './deps.js';

/** Registry and loader errors carry Portuguese messages: passed on as EXPORT_FAILED-like API errors. */
async function asApiError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const message = err instanceof Error ? ('userMessage' in err && typeof err.userMessage === 'string' ? err.userMessage : err.message) : String(err);
    if (err instanceof RegistryError || (err instanceof Error && err.name.endsWith('Error'))) throw new ApiError('PLUGIN_REFUSED', message);
    throw err;
  }
}

export function pluginManagePort(options: { dataDir: string; audit: PluginAuditSink; reload: () => Promise<void> }): PluginManagePort {
  const registry = () => PluginRegistry.open({ dataDir: options.dataDir, audit: options.audit });
  const change = async <T>(fn: (r: PluginRegistry) => Promise<T>): Promise<T> => {
    const result = await asApiError(() => fn(registry()));
    await options.reload();
    return result;
  };
  return {
    inspect: (source) => asApiError(async () => {
      const isDir = (await stat(source)).isDirectory();
      const dir = isDir ? source : await unpackPluginArchive(source);
      try {
        const { manifest } = await loadPluginFolder(dir);
        const trust = await checkPluginTrust(dir, await TrustStore.open({ dataDir: options.dataDir }));
        const state = await registry().state();
        const installedVersion = state.installed[manifest.id]?.active;
        const bundled = (await bundledPluginDirs(bundledPluginsDir())).has(manifest.id);
        let refusal: string | undefined;
        if (bundled) refusal = `Já existe um detector “${manifest.id}” incluído no Sigilo; não pode ser substituído.`;
        else if (trust.status === 'invalid') refusal = `Assinatura inválida: ${trust.message} O plugin foi recusado.`;
        else if ((trust.status === 'unsigned' || trust.status === 'untrusted') && !state.devMode) {
          refusal = trust.status === 'unsigned'
            ? 'Plugin não assinado: só pode ser instalado com o modo de desenvolvedor ligado.'
            : 'Assinado por uma chave que não está entre as confiáveis: só pode ser instalado com o modo de desenvolvedor ligado.';
        } else if (installedVersion && compareSemver(manifest.version, installedVersion) <= 0) {
          refusal = `A versão ${manifest.version} não é mais nova que a instalada (${installedVersion}).`;
        }
        return {
          id: manifest.id, name: manifest.name, version: manifest.version, author: manifest.author, description: manifest.description,
          findingTypes: manifest.findingTypes ?? [], requested: [...manifest.capabilities],
          trust: trust.status, trustMessage: trust.message, ...(trust.signer ? { signer: trust.signer } : {}),
          devMode: state.devMode, ...(installedVersion ? { installedVersion } : {}), ...(refusal ? { refusal } : {}),
        };
      } finally {
        if (!isDir) await rm(dir, { recursive: true, force: true });
      }
    }),
    async install(source, grants: Capability[]) {
      const result = await asApiError(async () => {
        const r = registry();
        const { manifest } = await (async () => {
          const isDir = (await stat(source)).isDirectory();
          if (isDir) return loadPluginFolder(source);
          const dir = await unpackPluginArchive(source);
          try { return await loadPluginFolder(dir); } finally { await rm(dir, { recursive: true, force: true }); }
        })();
        const installed = (await r.state()).installed[manifest.id];
        return installed ? r.upgrade(source, { grants }) : r.install(source, { grants });
      });
      await options.reload();
      return {
        id: result.id, version: result.version, ...(result.previous ? { previous: result.previous } : {}), granted: result.granted,
        ...(result.blocked ? { blocked: result.blocked } : {}),
      };
    },
    rollback: async (id) => { await change((r) => r.rollback(id)); },
    remove: async (id) => { await change((r) => r.remove(id)); },
    setGrant: async (id, capability, granted) => { await change((r) => (granted ? r.grant(id, [capability]) : r.revoke(id, [capability]))); },
    devMode: async () => (await registry().state()).devMode,
    setDevMode: (on) => change((r) => r.setDevMode(on)),
    trustList: async () => {
      const store = await registry().trustStore();
      return { keys: store.list().map(keyInfo), ...(store.problem ? { problem: store.problem } : {}) };
    },
    trustAdd: async (pem, name) => keyInfo(await change((r) => r.trustAdd(pem, name))),
    trustRemove: async (keyId) => keyInfo(await change((r) => r.trustRemove(keyId))),
  };
}

/** What the app shows of a trusted key (never more than the public facts). */
function keyInfo(key: TrustedKey): TrustedKeyInfo {
  return { keyId: key.keyId, name: key.name, source: key.source, ...(key.addedAt ? { addedAt: key.addedAt } : {}) };
}
