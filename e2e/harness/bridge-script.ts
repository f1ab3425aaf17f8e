/**
 * The test harness's stand-in for the Electron preload: defines window.sigilo over fetch (calls) and
 * server-sent events (progress). The token comes in the page's URL fragment (#token=…) and is removed from
 * the address bar at once. Plain browser JS, served at /__sigilo/bridge.js.
 */
import { API_METHODS } from '../../electron/shared/api-methods.js';

export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const METHODS = ${JSON.stringify(API_METHODS)};
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) { sessionStorage.setItem('sigilo-token', match[1]); history.replaceState(null, '', location.pathname + location.search); }
  const token = sessionStorage.getItem('sigilo-token') || '';
  const toB64 = (bytes) => { let s = ''; for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)); return btoa(s); };
  const fromB64 = (b64) => { const s = atob(b64); const out = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i); return out; };
  const replacer = (_k, v) => (v instanceof Uint8Array ? { $bytes: toB64(v) } : v);
  const reviver = (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) && typeof v.$bytes === 'string' && Object.keys(v).length === 1 ? fromB64(v.$bytes) : v);
  class ApiCallError extends Error { constructor(e) { super(e.message); this.name = 'ApiCallError'; this.code = e.code; } }
  async function invoke(method, args) {
    let res;
    try {
      res = await fetch('./__sigilo/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-sigilo-token': token }, body: JSON.stringify({ method, args }, replacer) });
    } catch {
      throw new ApiCallError({ code: 'NETWORK', message: 'Não foi possível falar com o aplicativo. Tente de novo.' });
    }
    const envelope = JSON.parse(await res.text(), reviver);
    if (!envelope || envelope.ok !== true) throw new ApiCallError((envelope && envelope.error) || { code: 'INTERNAL', message: 'Erro interno inesperado.' });
    return envelope.value;
  }
  const listeners = new Map();
  let source = null;
  function ensureSource() {
    if (source) return;
    source = new EventSource('./__sigilo/events?token=' + encodeURIComponent(token));
    source.onmessage = (m) => {
      let msg; try { msg = JSON.parse(m.data); } catch { return; }
      for (const fn of listeners.get(msg.event) || []) { try { fn(msg.payload); } catch (e) { console.error(e); } }
    };
  }
  const api = {};
  for (const m of METHODS) api[m] = (args) => invoke(m, args);
  api.on = (event, fn) => {
    ensureSource();
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(fn);
    return () => listeners.get(event).delete(fn);
  };
  api.pathForFile = () => undefined;
  Object.defineProperty(window, 'sigilo', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
