/**
 * The test harness transport: serves the built renderer and the API handler table from Node on 127.0.0.1
 * (random port). Every API request must carry the random token. No logic of its own: it forwards to
 * HandlerTable.invoke and HandlerTable.events, exactly like the Electron IPC transport.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerTable } from '../../electron/services/api/handlers.js';
import { API_EVENTS } from '../../electron/shared/api-methods.js';
import { RENDERER_CSP, mimeTypeFor, resolveRendererPath } from '../../electron/main/app-path.js';
import { bridgeScript } from './bridge-script.js';
import { replaceBytes, reviveBytes } from './wire-format.js';

export interface HarnessServer { url: string; token: string; close(): Promise<void> }

const MAX_BODY = 200 * 1024 * 1024;
const BASE_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export async function startHarnessServer(options: { table: HandlerTable; rendererDir: string; log?: (m: string) => void }): Promise<HarnessServer> {
  const { table, rendererDir } = options;
  const log = options.log ?? (() => {});
  const token = randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const buf = Buffer.from(given);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };
  const streams = new Set<http.ServerResponse>();
  const forwarders = API_EVENTS.map((event) => {
    const forward = (payload: unknown): void => {
      const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of streams) res.write(data);
    };
    table.events.on(event, forward);
    return { event, forward };
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log(`harness: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500, BASE_HEADERS);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__sigilo/invoke') {
      if (req.method !== 'POST') { res.writeHead(405, BASE_HEADERS).end(); return; }
      if (!tokenOk(req.headers['x-sigilo-token'] as string | undefined)) { res.writeHead(403, BASE_HEADERS).end(); return; }
      const body = await readBody(req);
      let call: { method?: unknown; args?: unknown };
      try {
        call = JSON.parse(body, reviveBytes) as { method?: unknown; args?: unknown };
      } catch {
        res.writeHead(400, BASE_HEADERS).end();
        return;
      }
      const envelope = await table.invoke(call.method, call.args);
      res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(envelope, replaceBytes));
      return;
    }
    if (url.pathname === '/__sigilo/events') {
      if (!tokenOk(url.searchParams.get('token'))) { res.writeHead(403, BASE_HEADERS).end(); return; }
      res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/__sigilo/bridge.js') {
      res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/javascript; charset=utf-8' });
      res.end(bridgeScript());
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, BASE_HEADERS).end(); return; }
    const file = resolveRendererPath(rendererDir, url.pathname);
    if (!file) { res.writeHead(404, BASE_HEADERS).end(); return; }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      res.writeHead(404, BASE_HEADERS).end();
      return;
    }
    if (file.endsWith('index.html')) {
      // the bridge (the preload's stand-in) runs before the app's module script
      bytes = Buffer.from(bytes.toString('utf8').replace('<head>', '<head>\n    <script src="./__sigilo/bridge.js"></script>'));
    }
    res.writeHead(200, { ...BASE_HEADERS, 'content-type': mimeTypeFor(file) });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: async () => {
      for (const { event, forward } of forwarders) table.events.off(event, forward);
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Error('body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
