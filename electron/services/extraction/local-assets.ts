/** Paths of the offline assets the extraction needs, resolved from node_modules (never fetched). */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** Folder holding por.traineddata.gz (LSTM "best_int" model, used with OEM.LSTM_ONLY). */
export function tesseractLangDir(): string {
  return path.join(packageDir('@tesseract.js-data/por'), '4.0.0_best_int');
}

export function tesseractCoreDir(): string {
  return packageDir('tesseract.js-core');
}

/** tesseract.js's own worker-thread script for Node. */
export function tesseractWorkerScript(): string {
  return path.join(packageDir('tesseract.js'), 'src', 'worker-script', 'node', 'index.js');
}

/** pdf.js folders, with a trailing separator as pdf.js expects. */
export function pdfjsAssetDirs(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string; iccUrl: string } {
  const root = packageDir('pdfjs-dist');
  return {
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    wasmUrl: path.join(root, 'wasm') + path.sep,
    iccUrl: path.join(root, 'iccs') + path.sep,
  };
}
