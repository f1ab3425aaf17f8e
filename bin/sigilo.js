#!/usr/bin/env node
// The `sigilo` command: a launcher for the built CLI (npm run build creates dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'sigilo.js');
if (!existsSync(cli)) {
  process.stderr.write('sigilo: the command line is not built yet; run `npm run build` in the Sigilo folder first.\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
