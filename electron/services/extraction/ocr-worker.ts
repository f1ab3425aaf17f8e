/**
 * Entry of the OCR worker threads of the extraction process (→ dist/extraction/ocr-worker.js): installs the
 * network guard in the thread, then runs tesseract.js's own Node worker script.
 */
import { createRequire } from 'node:module';
import { installNetworkGuard } from './network-guard';
import { tesseractWorkerScript } from './local-assets';

installNetworkGuard();
createRequire(import.meta.url)(tesseractWorkerScript());
