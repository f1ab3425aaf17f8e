// Creates a new plugin from plugins/template: npm run plugin:new NAME [-- --dir PARENT]
//   NAME: the plugin id (lower-case letters, digits, hyphens; starts with a letter), e.g. lab-amostras
//   --dir: parent folder inside the Sigilo folder (default plugins/local: not built into the app by
//          `npm run build`, and its tests run with vitest)
// Writes PARENT/NAME/{plugin.json, assembly/index.ts, assembly/detect.ts, NAME.test.ts, README.md}.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templateDir = path.join(root, 'plugins', 'template');

export function createPlugin({ name, parent = path.join(root, 'plugins', 'local') }) {
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(name ?? '')) {
    throw new Error(`nome inválido '${name ?? ''}': use letras minúsculas, dígitos e hífens, começando por letra (ex.: lab-amostras)`);
  }
  if (existsSync(path.join(root, 'plugins', name, 'plugin.json'))) throw new Error(`já existe um plugin incluído chamado '${name}' (plugins/${name}); escolha outro nome`);
  const target = path.resolve(parent, name);
  if (existsSync(target)) throw new Error(`${target} já existe`);
  if (path.relative(root, target).startsWith('..') || path.isAbsolute(path.relative(root, target))) {
    throw new Error(`a pasta do plugin precisa ficar dentro da pasta do Sigilo (${root}): o build a compila com o SDK de plugins/sdk`);
  }
  const rel = (from, to) => {
    const r = path.relative(from, to).split(path.sep).join('/');
    return r.startsWith('.') ? r : `./${r}`;
  };
  const dirFromRoot = path.relative(root, target).split(path.sep).join('/') || '.';
  const subst = (text, fileDir) => text
    .replaceAll('__SDK__', rel(fileDir, path.join(root, 'plugins', 'sdk', 'assembly', 'index')))
    .replaceAll('__TESTING__', rel(fileDir, path.join(root, 'plugins', 'testing', 'run-plugin')))
    .replaceAll('__DIR__', dirFromRoot)
    .replaceAll('__ID__', name);
  const written = [];
  const copy = (srcRel, dstRel) => {
    const dst = path.join(target, dstRel);
    mkdirSync(path.dirname(dst), { recursive: true });
    writeFileSync(dst, subst(readFileSync(path.join(templateDir, srcRel), 'utf8'), path.dirname(dst)));
    written.push(dst);
  };
  copy('plugin.template.json', 'plugin.json');
  for (const f of readdirSync(path.join(templateDir, 'assembly'))) copy(path.join('assembly', f), path.join('assembly', f));
  copy('template.test.ts', `${name}.test.ts`);
  copy('README.md', 'README.md');
  return { target, dirFromRoot, written };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dirIdx = args.indexOf('--dir');
  const parent = dirIdx >= 0 ? path.resolve(args[dirIdx + 1] ?? '.') : undefined;
  const name = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir');
  try {
    const { target, dirFromRoot } = createPlugin({ name, ...(parent ? { parent } : {}) });
    console.log(`Plugin criado em ${target}

Próximos passos (na pasta do Sigilo):
  npx vitest run ${dirFromRoot}                 # testes do plugin
  npx sigilo plugin test ${dirFromRoot}         # compila em ${dirFromRoot}/dist e roda num texto de exemplo
Guia completo: plugins/README.md`);
  } catch (err) {
    console.error(`plugin:new: ${err.message}\nusage: npm run plugin:new NAME [-- --dir PASTA]`);
    process.exit(1);
  }
}
