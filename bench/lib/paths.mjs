import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = process.env.SIGILO_CORPUS ?? path.resolve(root, '../shared/corpus/dev');
export const distPlugins = path.join(root, 'dist', 'plugins');
