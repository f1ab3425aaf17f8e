/**
 * The app:// protocol that serves the built renderer (dist/renderer). Registered as privileged (standard,
 * secure) before the app is ready; every request goes through the path-traversal guard of app-path.ts.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, RENDERER_CSP, mimeTypeFor, resolveAppUrl } from './app-path.js';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the renderer folder on the given session's protocol registry. */
export function handleAppProtocol(rendererDir: string, registry: Pick<typeof protocol, 'handle'> = protocol): void {
  registry.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppUrl(rendererDir, request.url);
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'content-type': mimeTypeFor(file),
          'content-security-policy': RENDERER_CSP,
          'x-content-type-options': 'nosniff',
          'cross-origin-opener-policy': 'same-origin',
          'referrer-policy': 'no-referrer',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
