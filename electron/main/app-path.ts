/**
 * Maps a request for the renderer (app://sigilo/… in Electron, http://127.0.0.1/… in the test harness) to a
 * file inside the built renderer folder, refusing anything that could escape it: "..", encoded separators,
 * backslashes, NUL, absolute or drive-letter paths. Pure (no Electron import) so it can be unit-tested.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sigilo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute file for `pathname` (the URL's path, still percent-encoded) under `rootDir`, or null when the
 * request must be refused. "/" maps to index.html.
 */
export function resolveRendererPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // an encoded "/" would be a separator the URL parser did not see
  if (/%2f|%5c/i.test(pathname)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[A-Za-z]:/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const target = path.resolve(root, relative);
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return target;
}

/** For app:// URLs: the file to serve, or null (wrong origin, or a path outside the renderer). */
export function resolveAppUrl(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveRendererPath(rootDir, parsed.pathname);
}

/** The Content-Security-Policy of the renderer (sent as a header; index.html repeats it in a meta tag). */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
