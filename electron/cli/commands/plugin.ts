/**
 * `sigilo plugin …` — the plugin lifecycle (install, upgrade, rollback, enable, disable, remove, grant,
 * revoke), trust (keygen, sign, trust add|list|remove, verify, dev-mode), and tools for authors (test,
 * pack, watch, stats). Exit status: 0 ok, 1 bad usage, 2 refused or failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { FINDING_TYPES, isFindingType } from '../../shared/finding-types.js';
import type { Capability } from '../../shared/plugin-manifest.js';
import { AuditError } from '../../services/audit/audit-errors.js';
import { resolveDataDir } from '../../services/audit/data-dir.js';
import { openAuditForCli } from '../../services/audit/open-audit.js';
import { packageRoot } from '../../services/app-paths.js';
import { KeyError } from '../../services/keys/key-errors.js';
import { PluginHotReloader } from '../../services/plugins/hot-reload.js';
import { ARCHIVE_EXTENSION, packPlugin, PluginArchiveError } from '../../services/plugins/plugin-archive.js';
import { auditSink } from '../../services/plugins/plugin-audit.js';
import { buildCatalog, runnableSpecs, toPluginInfo, type CatalogEntry } from '../../services/plugins/plugin-catalog.js';
import { PluginHostClient, type PluginRunResult } from '../../services/plugins/plugin-host-client.js';
import { loadPluginFolder, PluginLoadError } from '../../services/plugins/plugin-loader.js';
import { parseCapabilities, PluginRegistry, RegistryError } from '../../services/plugins/plugin-registry.js';
import { combinedStats, persistStats } from '../../services/plugins/plugin-stats-store.js';
import { SAMPLE_TEXT } from '../../services/plugins/sample-text.js';
import { signPluginFolder, SigningError, writeKeyPair } from '../../services/plugins/signing.js';
import { checkPluginTrust, TrustStore } from '../../services/plugins/trust-store.js';
import { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, UsageError, parseArgs, type CliIo } from '../cli-io.js';

const USAGE = `usage: sigilo plugin <comando> [opções] [--data-dir DIR]

Plugins instalados:
  list [--json]                          plugins, versões, confiança, capacidades e estatísticas
  install PASTA|ARQUIVO${ARCHIVE_EXTENSION} [--grant log,audit]
  upgrade PASTA|ARQUIVO${ARCHIVE_EXTENSION} [--grant …]   nova versão (a anterior fica guardada)
  rollback ID                            volta à versão anterior
  enable ID | disable ID | remove ID
  grant ID CAP[,CAP] | revoke ID CAP[,CAP]   capacidades: log, audit
  stats [--run] [--json]                 chamadas, erros, tempos (p50/p95), memória, instruções

Confiança:
  keygen --out PASTA [--name NOME]       cria um par de chaves Ed25519 (NOME.key e NOME.pub)
  sign PASTA --key ARQUIVO.key           assina um plugin compilado (grava plugin.sig)
  verify PASTA                           mostra se a assinatura é confiável
  trust add CHAVE.pub --name "Laboratório X" | trust list | trust remove ID|NOME
  dev-mode on|off|status                 modo de desenvolvedor: aceita plugins sem assinatura confiável

Para autores:
  test PASTA [--text TEXTO | --file ARQUIVO] [--json]   roda o plugin e valida a saída
  pack PASTA --out ARQUIVO${ARCHIVE_EXTENSION}          empacota um plugin compilado e assinado
  watch PASTA [--text TEXTO | --file ARQUIVO]           recarrega o plugin a cada mudança (modo de desenvolvedor)
`;

interface Ctx {
  io: CliIo;
  dataDir: string;
  json: boolean;
  options: Map<string, string>;
  positional: string[];
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === 'help' || sub === '-h') {
    (sub ? io.stdout : io.stderr)(USAGE);
    return sub ? EXIT_OK : EXIT_USAGE;
  }
  const handler = COMMANDS[sub];
  if (!handler) throw new UsageError(`unknown plugin command '${sub}'\n${USAGE}`);
  const parsed = parseArgs(rest, { flags: ['json', 'run'], options: ['data-dir', 'grant', 'key', 'out', 'name', 'text', 'file', 'calls'] });
  const ctx: Ctx = {
    io,
    dataDir: resolveDataDir({ ...(parsed.options.has('data-dir') ? { dataDir: parsed.options.get('data-dir')! } : {}), env: io.env, cwd: io.cwd }),
    json: parsed.flags.has('json'),
    options: parsed.options,
    positional: parsed.positional,
  };
  if (parsed.flags.has('run')) ctx.options.set('run', '1');
  try {
    return await handler(ctx);
  } catch (err) {
    if (err instanceof RegistryError || err instanceof SigningError || err instanceof PluginArchiveError || err instanceof PluginLoadError) {
      io.stderr(`sigilo plugin ${sub}: ${err.message}\n`);
      return EXIT_PARTIAL;
    }
    if (err instanceof AuditError || err instanceof KeyError) {
      io.stderr(`sigilo plugin ${sub}: nada foi alterado: ${err.userMessage}\n`);
      return EXIT_PARTIAL;
    }
    throw err;
  }
}

type Handler = (ctx: Ctx) => Promise<number>;

const COMMANDS: Record<string, Handler> = {
  list,
  install: (ctx) => installOrUpgrade(ctx, 'install'),
  upgrade: (ctx) => installOrUpgrade(ctx, 'upgrade'),
  rollback: (ctx) => withRegistry(ctx, async (registry) => {
    const r = await registry.rollback(one(ctx, 'ID'));
    ctx.io.stdout(`Plugin ${r.id}: voltou da versão ${r.from} para ${r.to}.\n`);
  }),
  enable: (ctx) => withRegistry(ctx, async (registry) => {
    const id = one(ctx, 'ID');
    await registry.setEnabled(id, true);
    ctx.io.stdout(`Plugin ${id} ativado.\n`);
  }),
  disable: (ctx) => withRegistry(ctx, async (registry) => {
    const id = one(ctx, 'ID');
    await registry.setEnabled(id, false);
    ctx.io.stdout(`Plugin ${id} desativado.\n`);
  }),
  remove: (ctx) => withRegistry(ctx, async (registry) => {
    const r = await registry.remove(one(ctx, 'ID'));
    ctx.io.stdout(`Plugin ${r.id} removido (versões ${r.versions.join(', ')}).\n`);
  }),
  grant: (ctx) => changeGrants(ctx, 'grant'),
  revoke: (ctx) => changeGrants(ctx, 'revoke'),
  'dev-mode': devMode,
  trust,
  keygen,
  sign,
  verify,
  pack,
  test,
  watch,
  stats,
};

function one(ctx: Ctx, what: string): string {
  const [value, extra] = ctx.positional;
  if (!value) throw new UsageError(`missing ${what}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  return value;
}

/** Opens the audit history first (nothing changes if it cannot be written), then runs `fn` on the registry. */
async function withRegistry(ctx: Ctx, fn: (registry: PluginRegistry) => Promise<void>): Promise<number> {
  const handle = await openAuditForCli({ dataDir: ctx.dataDir, env: ctx.io.env, cwd: ctx.io.cwd });
  try {
    await fn(PluginRegistry.open({ dataDir: ctx.dataDir, audit: auditSink(handle.store) }));
  } finally {
    handle.store.close();
  }
  return EXIT_OK;
}

function grantsOption(ctx: Ctx): Capability[] {
  const g = ctx.options.get('grant');
  return g === undefined ? [] : parseCapabilities(g);
}

async function installOrUpgrade(ctx: Ctx, mode: 'install' | 'upgrade'): Promise<number> {
  const source = one(ctx, `PASTA ou ARQUIVO${ARCHIVE_EXTENSION}`);
  const grants = grantsOption(ctx);
  return withRegistry(ctx, async (registry) => {
    const abs = path.resolve(ctx.io.cwd, source);
    const r = mode === 'install' ? await registry.install(abs, { grants }) : await registry.upgrade(abs, { grants });
    const lines = [
      mode === 'install' ? `Plugin instalado: ${r.manifest.name} (${r.id} ${r.version})` : `Plugin atualizado: ${r.id} ${r.previous} → ${r.version} (a versão ${r.previous} fica guardada: sigilo plugin rollback ${r.id})`,
      `  autor: ${r.manifest.author}`,
      `  assinatura: ${trustLabel(r.trust.status)} — ${r.trust.message}`,
      `  capacidades pedidas: ${r.requested.length ? r.requested.map(describeCapability).join('; ') : 'nenhuma'}`,
      `  capacidades concedidas: ${r.granted.length ? r.granted.join(', ') : 'nenhuma'}`,
    ];
    const pending = r.requested.filter((c) => !r.granted.includes(c));
    if (pending.length) lines.push(`  pedidas mas NÃO concedidas: ${pending.join(', ')} (conceda com: sigilo plugin grant ${r.id} ${pending.join(',')})`);
    if (r.blocked) lines.push(`  ATENÇÃO: o plugin não será carregado assim. ${r.blocked}`);
    ctx.io.stdout(`${lines.join('\n')}\n`);
  });
}

function describeCapability(c: string): string {
  return c === 'log' ? 'log (enviar mensagens ao registro de diagnóstico)' : c === 'audit' ? 'audit (gravar eventos no histórico de auditoria)' : c;
}

function trustLabel(status: string): string {
  return ({ trusted: 'confiável', untrusted: 'chave não confiável', unsigned: 'sem assinatura', invalid: 'INVÁLIDA' } as Record<string, string>)[status] ?? status;
}

async function changeGrants(ctx: Ctx, mode: 'grant' | 'revoke'): Promise<number> {
  const [id, caps, extra] = ctx.positional;
  if (!id || !caps) throw new UsageError(`usage: sigilo plugin ${mode} ID CAP[,CAP]`);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  const list = parseCapabilities(caps);
  return withRegistry(ctx, async (registry) => {
    const after = mode === 'grant' ? await registry.grant(id, list) : await registry.revoke(id, list);
    ctx.io.stdout(`Plugin ${id}: capacidades concedidas agora: ${after.length ? after.join(', ') : 'nenhuma'}.\n`);
  });
}

async function devMode(ctx: Ctx): Promise<number> {
  const value = one(ctx, 'on|off|status');
  if (value === 'status') {
    const catalog = await buildCatalog({ dataDir: ctx.dataDir });
    ctx.io.stdout(`Modo de desenvolvedor: ${catalog.devMode ? 'ligado' : 'desligado'}.\n`);
    return EXIT_OK;
  }
  if (value !== 'on' && value !== 'off') throw new UsageError('dev-mode takes on, off or status');
  return withRegistry(ctx, async (registry) => {
    await registry.setDevMode(value === 'on');
    ctx.io.stdout(value === 'on'
      ? 'Modo de desenvolvedor LIGADO: plugins sem assinatura ou com chave não confiável serão carregados. Desligue com: sigilo plugin dev-mode off\n'
      : 'Modo de desenvolvedor desligado: só plugins assinados por chaves confiáveis são carregados.\n');
  });
}

async function trust(ctx: Ctx): Promise<number> {
  const [action, arg, extra] = ctx.positional;
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  if (action === 'list') {
    const keys = (await TrustStore.open({ dataDir: ctx.dataDir })).list();
    if (ctx.json) ctx.io.stdout(`${JSON.stringify(keys.map(({ publicKeyPem: _p, ...k }) => k), null, 2)}\n`);
    else if (keys.length === 0) ctx.io.stdout('Nenhuma chave confiável (compile o Sigilo com npm run build para incluir a chave dos plugins incluídos).\n');
    else ctx.io.stdout(`${keys.map((k) => `${k.keyId}  ${k.name}  (${k.source === 'bundled' ? 'incluída no Sigilo' : `adicionada em ${k.addedAt?.slice(0, 10)}`})`).join('\n')}\n`);
    return EXIT_OK;
  }
  if (action === 'add') {
    if (!arg) throw new UsageError('usage: sigilo plugin trust add CHAVE.pub --name "Nome"');
    const name = ctx.options.get('name');
    if (!name) throw new UsageError('--name "Nome do autor" is required');
    let pem: string;
    try {
      pem = await readFile(path.resolve(ctx.io.cwd, arg), 'utf8');
    } catch {
      throw new SigningError(`Não foi possível ler ${arg}.`);
    }
    await withRegistry(ctx, async (registry) => {
      const key = await registry.trustAdd(pem, name);
      ctx.io.stdout(`Chave ${key.keyId} ("${key.name}") adicionada às confiáveis.\n`);
    });
    return EXIT_OK;
  }
  if (action === 'remove') {
    if (!arg) throw new UsageError('usage: sigilo plugin trust remove ID|NOME');
    await withRegistry(ctx, async (registry) => {
      const key = await registry.trustRemove(arg);
      ctx.io.stdout(`Chave ${key.keyId} ("${key.name}") removida das confiáveis; plugins assinados só por ela deixam de ser carregados.\n`);
    });
    return EXIT_OK;
  }
  throw new UsageError('usage: sigilo plugin trust add|list|remove …');
}

async function keygen(ctx: Ctx): Promise<number> {
  if (ctx.positional.length > 0) throw new UsageError(`unexpected argument '${ctx.positional[0]}'`);
  const out = ctx.options.get('out');
  if (!out) throw new UsageError('--out DIR is required');
  const name = ctx.options.get('name') ?? 'plugin-signing';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new UsageError('--name: letters, digits, ".", "_" and "-" only');
  const dir = path.resolve(ctx.io.cwd, out);
  await mkdir(dir, { recursive: true });
  const pair = await writeKeyPair(dir, name);
  ctx.io.stdout([
    `Par de chaves Ed25519 criado (id ${pair.keyId}):`,
    `  chave privada: ${pair.privateKeyFile}  (guarde em segredo; use em: sigilo plugin sign PASTA --key ${pair.privateKeyFile})`,
    `  chave pública: ${pair.publicKeyFile}   (entregue aos usuários: sigilo plugin trust add ${pair.publicKeyFile} --name "Seu nome")`,
    '',
  ].join('\n'));
  return EXIT_OK;
}

async function sign(ctx: Ctx): Promise<number> {
  const dir = path.resolve(ctx.io.cwd, one(ctx, 'PASTA'));
  const keyFile = ctx.options.get('key');
  if (!keyFile) throw new UsageError('--key KEYFILE is required');
  let pem: string;
  try {
    pem = await readFile(path.resolve(ctx.io.cwd, keyFile), 'utf8');
  } catch {
    throw new SigningError(`Não foi possível ler a chave ${keyFile}.`);
  }
  await loadPluginFolder(dir); // refuse to sign a plugin that would not load
  const sig = await signPluginFolder(dir, pem);
  ctx.io.stdout(`Plugin em ${dir} assinado com a chave ${sig.keyId} (plugin.sig).\n`);
  return EXIT_OK;
}

async function verify(ctx: Ctx): Promise<number> {
  const dir = path.resolve(ctx.io.cwd, one(ctx, 'PASTA'));
  const result = await checkPluginTrust(dir, await TrustStore.open({ dataDir: ctx.dataDir }));
  if (ctx.json) ctx.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else ctx.io.stdout(`${trustLabel(result.status)}: ${result.message}\n`);
  return result.status === 'trusted' ? EXIT_OK : EXIT_PARTIAL;
}

async function pack(ctx: Ctx): Promise<number> {
  const dir = path.resolve(ctx.io.cwd, one(ctx, 'PASTA'));
  const out = ctx.options.get('out');
  if (!out) throw new UsageError(`--out FILE${ARCHIVE_EXTENSION} is required`);
  const plugin = await loadPluginFolder(dir);
  const target = path.resolve(ctx.io.cwd, out.endsWith(ARCHIVE_EXTENSION) ? out : `${out}${ARCHIVE_EXTENSION}`);
  const bytes = await packPlugin(dir);
  await writeFile(target, bytes);
  const signed = existsSync(path.join(dir, 'plugin.sig'));
  ctx.io.stdout(`Pacote ${target} criado (${plugin.key}, ${bytes.byteLength} bytes${signed ? ', assinado' : ', SEM assinatura'}).\n`);
  return EXIT_OK;
}

// ------------------------------------------------------------------------------------------------- test

/**
 * A built folder (plugin.json with sha256 + plugin.wasm) is used as is; a source folder (plugin.json without
 * sha256, with assembly/index.ts or build.mjs) is built first into PASTA/dist with scripts/build-plugins.mjs.
 */
function builtFolder(ctx: Ctx, dir: string): string {
  const manifestFile = path.join(dir, 'plugin.json');
  if (!existsSync(manifestFile)) throw new PluginLoadError('MANIFEST_MISSING', `Nenhum plugin.json em ${dir}.`);
  let hasSha = false;
  try {
    hasSha = typeof (JSON.parse(readFileSync(manifestFile, 'utf8')) as { sha256?: unknown }).sha256 === 'string';
  } catch {
    // the loader reports the bad JSON
  }
  if (hasSha || existsSync(path.join(dir, 'plugin.wasm'))) return dir;
  const script = path.join(packageRoot(), 'scripts', 'build-plugins.mjs');
  if (!existsSync(script)) throw new PluginLoadError('WASM_MISSING', `${dir} é uma pasta de código-fonte e este Sigilo não tem scripts/build-plugins.mjs para compilá-la; compile o plugin e teste a pasta gerada.`);
  const out = path.join(dir, 'dist');
  ctx.io.stderr(`Compilando ${dir} → ${out}\n`);
  const r = spawnSync(process.execPath, [script, '--dir', dir, '--out', out], { cwd: packageRoot(), encoding: 'utf8' });
  if (r.status !== 0) throw new PluginLoadError('WASM_INVALID', `A compilação falhou:\n${(r.stderr || r.stdout).trim()}`);
  return out;
}

async function sampleFromOptions(ctx: Ctx): Promise<string> {
  const text = ctx.options.get('text');
  const file = ctx.options.get('file');
  if (text !== undefined && file !== undefined) throw new UsageError('use --text or --file, not both');
  if (text !== undefined) return text;
  if (file !== undefined) {
    try {
      return await readFile(path.resolve(ctx.io.cwd, file), 'utf8');
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
  }
  return SAMPLE_TEXT;
}

async function test(ctx: Ctx): Promise<number> {
  const dir = builtFolder(ctx, path.resolve(ctx.io.cwd, one(ctx, 'PASTA')));
  const text = await sampleFromOptions(ctx);
  const plugin = await loadPluginFolder(dir); // structure: manifest, sha256, imports, entry, memory
  const trustResult = await checkPluginTrust(dir, await TrustStore.open({ dataDir: ctx.dataDir }));
  const host = await PluginHostClient.start({ plugins: [{ dir, grants: plugin.capabilities }], poolSize: 1, onLog: (_p, level, message) => ctx.io.stderr(`[plugin ${level}] ${message}\n`) });
  let result: PluginRunResult | undefined;
  try {
    const status = host.plugins()[0];
    if (status?.status !== 'loaded') throw new PluginLoadError('INSTANTIATE_FAILED', status?.error?.message ?? 'o plugin não carregou.');
    [result] = await host.analyze(text);
  } finally {
    await host.close();
  }
  if (!result) throw new PluginLoadError('INSTANTIATE_FAILED', 'sem resposta do plugin.');
  const warnings: string[] = [];
  const declared = plugin.manifest.findingTypes;
  for (const type of new Set(result.findings.map((f) => f.type))) {
    if (!isFindingType(type)) warnings.push(`tipo '${type}' não faz parte dos tipos do Sigilo (${FINDING_TYPES.length} conhecidos); ele aparece no relatório, mas o avaliador de precisão o ignora.`);
    if (declared && !declared.includes(type)) warnings.push(`tipo '${type}' não está em "findingTypes" de plugin.json.`);
  }
  if (ctx.json) {
    ctx.io.stdout(`${JSON.stringify({ plugin: plugin.key, trust: trustResult.status, ok: !result.error, error: result.error ?? null, durationMs: result.durationMs, warnings, findings: result.findings.map((f) => ({ ...f, text: text.slice(f.start, f.end) })) }, null, 2)}\n`);
  } else {
    const lines = [`Plugin ${plugin.key} (${trustLabel(trustResult.status)}): ${text.length} caracteres em ${result.durationMs.toFixed(1)} ms`];
    if (result.error) lines.push(`✗ ERRO ${result.error.code}: ${result.error.message}`);
    else {
      lines.push(`✓ saída válida (esquema, posições UTF-16 dentro do texto): ${result.findings.length} achado(s)`);
      for (const f of result.findings) {
        lines.push(`  ${f.type.padEnd(18)} [${f.start}, ${f.end})  "${text.slice(f.start, f.end).replace(/\n/g, '⏎')}"  confiança ${f.confidence}${f.validated ? ', validado' : ''}${f.reason ? `  — ${f.reason}` : ''}`);
      }
    }
    for (const w of warnings) lines.push(`  aviso: ${w}`);
    ctx.io.stdout(`${lines.join('\n')}\n`);
  }
  return result.error ? EXIT_PARTIAL : EXIT_OK;
}

async function watch(ctx: Ctx): Promise<number> {
  const dir = path.resolve(ctx.io.cwd, one(ctx, 'PASTA'));
  const text = await sampleFromOptions(ctx);
  const catalog = await buildCatalog({ dataDir: ctx.dataDir });
  if (!catalog.devMode) {
    ctx.io.stderr('sigilo plugin watch: a recarga automática só funciona no modo de desenvolvedor (sigilo plugin dev-mode on).\n');
    return EXIT_PARTIAL;
  }
  const print = (results: PluginRunResult[]) => {
    for (const r of results) ctx.io.stdout(r.error ? `  ✗ ${r.error.code}: ${r.error.message}\n` : `  ${r.plugin}: ${r.findings.length} achado(s): ${r.findings.map((f) => `${f.type} "${text.slice(f.start, f.end)}"`).join(', ')}\n`);
  };
  const reloader = await PluginHotReloader.start({
    dir,
    sampleText: text,
    startHost: async (d) => {
      const p = await loadPluginFolder(d);
      return PluginHostClient.start({ plugins: [{ dir: d, grants: p.capabilities }], poolSize: 1 });
    },
    onEvent: (e) => {
      if (e.type === 'rejected') ctx.io.stdout(`${new Date().toLocaleTimeString('pt-BR')} versão nova recusada; a anterior continua ativa: ${e.message}\n`);
      else {
        ctx.io.stdout(`${new Date().toLocaleTimeString('pt-BR')} recarregado: ${e.plugin}\n`);
        void reloader.analyze(text).then(print);
      }
    },
  });
  ctx.io.stdout(`Observando ${dir} (Ctrl+C para sair). Recompile o plugin para recarregar.\n`);
  print(await reloader.analyze(text));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await reloader.close();
  return EXIT_OK;
}

// ------------------------------------------------------------------------------------------------- list / stats

async function list(ctx: Ctx): Promise<number> {
  if (ctx.positional.length > 0) throw new UsageError(`unexpected argument '${ctx.positional[0]}'`);
  const catalog = await buildCatalog({ dataDir: ctx.dataDir });
  const stats = new Map((await combinedStats(ctx.dataDir)).map((s) => [s.plugin, s]));
  const infos = catalog.entries.map((e) => toPluginInfo(e, stats.get(`${e.id}@${e.manifest?.version ?? ''}`)));
  if (ctx.json) {
    ctx.io.stdout(`${JSON.stringify({ devMode: catalog.devMode, problems: catalog.problems, plugins: infos }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = [`Modo de desenvolvedor: ${catalog.devMode ? 'LIGADO' : 'desligado'}`, ...catalog.problems.map((p) => `Aviso: ${p}`)];
  if (infos.length === 0) lines.push('Nenhum plugin encontrado (rode npm run build para compilar os plugins incluídos).');
  for (const [i, p] of infos.entries()) {
    const e = catalog.entries[i] as CatalogEntry;
    const state = p.loadError ? 'RECUSADO' : e.enabled ? 'ativo' : 'desativado';
    lines.push(`${p.id} ${p.version}  [${state}]  ${p.source === 'bundled' ? 'incluído' : p.source === 'installed' ? 'instalado' : '--plugins'}  assinatura: ${trustLabel(p.trust ?? '')}${p.signer ? ` (${p.signer})` : ''}`);
    lines.push(`    ${p.name}${p.previousVersion ? `  (versão anterior guardada: ${p.previousVersion})` : ''}`);
    if (p.capabilities.length) lines.push(`    capacidades: pedidas ${p.capabilities.join(', ')}; concedidas ${p.grants?.length ? p.grants.join(', ') : 'nenhuma'}`);
    if (p.stats.calls) lines.push(`    ${statsLine(p.stats)}`);
    if (p.loadError) lines.push(`    ${p.loadError}`);
  }
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function statsLine(s: { calls: number; errors: number; medianLatencyMs: number; p95LatencyMs: number; timeouts?: number; memoryHighWaterPages?: number; instructionsP50?: number; instructionsMax?: number }): string {
  const instructions = s.instructionsP50 !== undefined ? `, instruções por chamada p50 ${s.instructionsP50} (máx. ${s.instructionsMax ?? s.instructionsP50})` : '';
  return `chamadas ${s.calls}, erros ${s.errors}, tempo esgotado ${s.timeouts ?? 0}, p50 ${s.medianLatencyMs.toFixed(2)} ms, p95 ${s.p95LatencyMs.toFixed(2)} ms, memória máx. ${((s.memoryHighWaterPages ?? 0) / 16).toFixed(1)} MiB${instructions}`;
}

async function stats(ctx: Ctx): Promise<number> {
  if (ctx.positional.length > 0) throw new UsageError(`unexpected argument '${ctx.positional[0]}'`);
  if (ctx.options.has('run')) {
    const calls = Number(ctx.options.get('calls') ?? '20');
    if (!Number.isInteger(calls) || calls < 1 || calls > 10_000) throw new UsageError('--calls takes an integer 1..10000');
    const text = await sampleFromOptions(ctx);
    const catalog = await buildCatalog({ dataDir: ctx.dataDir });
    const host = await PluginHostClient.start({ plugins: runnableSpecs(catalog), poolSize: 1 });
    try {
      for (let i = 0; i < calls; i++) await host.analyze(text);
    } finally {
      await host.close();
    }
    await persistStats(ctx.dataDir, host.statsEntries());
  }
  const all = (await combinedStats(ctx.dataDir)).sort((a, b) => a.plugin.localeCompare(b.plugin));
  if (ctx.json) {
    ctx.io.stdout(`${JSON.stringify(all, null, 2)}\n`);
    return EXIT_OK;
  }
  if (all.length === 0) {
    ctx.io.stdout('Nenhuma estatística ainda: elas são gravadas após cada análise (sigilo analyze) ou com: sigilo plugin stats --run\n');
    return EXIT_OK;
  }
  const lines = all.map((s) => `${s.plugin}\n    ${statsLine({ ...s, medianLatencyMs: s.p50Ms, p95LatencyMs: s.p95Ms })}`);
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
